package rules

import (
	"slices"
	"strings"

	"github.com/pqtrack/pqtrack/tracker"
)

// givesFigure reports whether the sentence states a figure: a number
// written in digits that counts or measures something ("187 lokale
// besturen", "4,5 miljoen euro", "12%"), not a date, a year, a time of day
// or the number of an article, question or document.
//
// A reply that gives a figure has substance, whatever else the answer
// withholds: "In 2023 vielen 41.000 ritten uit. Een opsplitsing per lijn is
// niet beschikbaar." answers in part; it does not decline (the rubric's
// partial).
func givesFigure(st *sentence) bool { return figuresIn(st, 1) > 0 }

// figuresIn counts the figures in st, up to most.
func figuresIn(st *sentence, most int) int {
	s := st.text
	n := 0
	for i := 0; i < len(s) && n < most; i++ {
		if !isDigitByte(s[i]) || i > 0 && !numberMayStart(s[i-1]) {
			continue
		}
		j := i
		for j < len(s) && (isDigitByte(s[j]) || (s[j] == '.' || s[j] == ',') && j+1 < len(s) && isDigitByte(s[j+1])) {
			j++
		}
		if j < len(s) && (isReWordByte(s[j]) || s[j] == '-' || s[j] == '/') {
			i = j // glued to letters ("2a", "B3"), a range or a date "3/4"
			continue
		}
		if figureAt(st, s, i, j, n > 0) {
			n++
		}
		i = j
	}
	return n
}

// numberMayStart says whether a number may begin after byte c: not inside
// a word, an identifier ("2024Z18294") or a decimal.
func numberMayStart(c byte) bool {
	return !isReWordByte(c) && c != '.' && c != ',' && c != '/' && c != '-'
}

// figureAt says whether the number s[i:j] is a figure; after a figure
// (afterFigure), one joined to it by "en" or "of" is one too: "498.716
// gezinnen voor elektriciteit en 309.284 voor aardgas".
func figureAt(st *sentence, s string, i, j int, afterFigure bool) bool {
	for _, e := range st.exprs {
		if e.Start <= i && j <= e.End {
			return false // part of a date
		}
	}
	if inCitation(s, i) {
		return false
	}
	num := s[i:j]
	if len(num) == 4 && !strings.ContainsAny(num, ".,") && (num[:2] == "19" || num[:2] == "20") {
		return false // a year
	}
	if strings.HasPrefix(s[j:], "%") {
		return true
	}
	switch strings.ToLower(reWordAt(s, skipSpace(s, j))) {
	case "uur", "u", "januari", "februari", "maart", "april", "mei", "juni", "juli",
		"augustus", "september", "oktober", "november", "december", "jl", "jongstleden":
		return false
	}
	prev := strings.ToLower(lastWordBefore(s, i))
	switch prev {
	case "artikel", "art", "artikelen", "nr", "nummer", "nummers", "vraag", "vragen",
		"antwoord", "antwoorden", "punt", "paragraaf", "hoofdstuk", "bijlage",
		"kamerstuk", "stuk", "pagina", "blz", "p", "fase", "week", "versie",
		"niveau", "categorie", "zone", "lijn", "route", "programma", "tabel", "figuur", "grafiek",
		"rubriek", "onderdeel", "sectie", "deel", "lid":
		// "artikel 16", "vraag 3 en 4", "artikelen 74 en 76": numbers that
		// name things, and the ones joined to them.
		return false
	case "en", "of":
		return afterFigure
	case "tot":
		// "40.000 tot 60.000 woningen" is one estimate, not two figures.
		return false
	}
	return true
}

// lastWordBefore is the word that ends just before i (white space and a
// full stop between allowed: "nr. 12"), or "".
func lastWordBefore(s string, i int) string {
	j := i
	for j > 0 && (isReSpace(s[j-1]) || s[j-1] == '.') {
		j--
	}
	k := j
	for k > 0 && isReWordByte(s[k-1]) {
		k--
	}
	return s[k:j]
}

// repliesWithFigure reports whether the answer opens with a figure: a
// sentence read as a reply states one before any sentence evades
// (by its role or by the rules). Given
// first, the figure answers what was asked and what follows withholds a
// detail ("41.000 ritten. Een opsplitsing per lijn is niet beschikbaar.");
// given after a refusal, it stands in for what was refused ("Nee, dat is
// niet mogelijk ... Wel per regio: 0,3 per 25.000 inwoners").
func repliesWithFigure(sents []sentence) bool {
	for i := range sents {
		switch st := &sents[i]; {
		case st.role.Evasive() || groupOfKind(st.rule) > 0:
			return false
		case st.role == tracker.RoleReply && givesFigure(st):
			return true
		}
	}
	return false
}

// citeWords mark a parenthesis as a citation of a parliamentary document:
// "(CRIV 56 COM 274, blz. 18 tot 21)", "(Stuk 2310 (2024-2025) – Nr. 1)",
// "(Kamerstuk 36 200 XVI, nr. 12)". Its numbers name the document.
var citeWords = []string{"blz", "nr", "stuk", "kamerstuk", "kamerstukken", "criv", "qrva", "com", "p"}

// inCitation reports whether s[i] stands inside parentheses that cite a
// document (citeWords); inner parentheses ("(2024-2025)") are skipped.
func inCitation(s string, i int) bool {
	if strings.IndexByte(s[:i], '(') < 0 {
		return false // most numbers
	}
	open, depth := -1, 0
	for k := i - 1; k >= 0 && open < 0; k-- {
		switch s[k] {
		case ')':
			depth++
		case '(':
			if depth == 0 {
				open = k
			}
			depth--
		}
	}
	if open < 0 {
		return false
	}
	end := -1
	depth = 0
	for k := i; k < len(s) && end < 0; k++ {
		switch s[k] {
		case '(':
			depth++
		case ')':
			if depth == 0 {
				end = k
			}
			depth--
		}
	}
	if end < 0 {
		return false
	}
	for _, w := range reWords(s[open:end]) {
		if slices.Contains(citeWords, w.w) {
			return true
		}
	}
	return false
}
