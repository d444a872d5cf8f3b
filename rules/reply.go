package rules

import (
	"strings"

	"github.com/pqtrack/pqtrack/tracker"
	"github.com/pqtrack/pqtrack/tracker/text"
)

// leadReply reads the reply to a yes/no question that an answer opens
// with, and whether there is one. Dutch replies as often by echoing the
// question's verb as with "Ja" or "Nee":
//
//	Deelt u deze aanname?      Ik deel deze aanname niet.
//	Bent u bekend met ...?     Ik ben bekend met het bericht.
//	Klopt het dat ...?         Dat klopt. / Het klopt dat ...
//	Is het waar dat ...?       Dat is niet het geval.
//
// question is the yes/no question ("" when there is none: then only "Ja"
// and "Nee" count). A negation in the echo's main clause makes it a no.
func leadReply(first, question string) (yes, ok bool) {
	return leadReplyOf(&sentence{text: first}, question)
}

// leadReplyOf is leadReply of the first sentence st: the folded text and
// words of a sentence that sentencesIn read spare plainNo reading them
// again.
func leadReplyOf(st *sentence, question string) (yes, ok bool) {
	first := st.text
	if w := leadYesNo(first); w != "" {
		return strings.EqualFold(w, "ja"), true
	}
	verb := yesNoVerb(question)
	if verb == "" {
		return false, false
	}
	if plainNo(st) {
		return false, true
	}
	if requestVerbs[verb] {
		// "Kunt u aangeven ...?" asks for information; "Ik kan ..." is no
		// yes.
		return false, false
	}
	// Most answers open otherwise: look at the first word before folding
	// the sentence.
	switch strings.ToLower(reWordAt(first, 0)) {
	case "ik", "wij", "we", "dat", "dit", "het", "er":
	default:
		return false, false
	}
	var buf [32]reWord
	ws := appendReWords(buf[:0], first)
	if len(ws) < 2 || !echoes(ws[1].w, verb) {
		return false, false
	}
	switch ws[0].w {
	case "ik", "wij", "we":
		// The first person answering the "u" of the question. "Bent u
		// bereid ...? Ik ben hierover in gesprek." is no yes: after a
		// verb of being the echo carries what the question asked to be
		// ("bereid", "bekend").
		if copulas[verb] && !echoesPredicate(ws, question) {
			return false, false
		}
	case "dat", "dit", "het", "er":
		// "Dat klopt.", "Dat is niet het geval.", "Er is geen sprake van.":
		// with a verb of being the echo must be short, or any sentence
		// opening "Er is ..." would pass for a yes.
		if verb != "klopt" && len(ws) > 8 {
			return false, false
		}
	default:
		return false, false
	}
	for i := 2; i < len(ws); i++ {
		if clauseEnds[ws[i].w] || strings.Contains(first[ws[i-1].end:ws[i].start], ",") {
			break
		}
		if isNegation(ws[i].w) || ws[i].w == "allerminst" || ws[i].w == "evenmin" {
			return false, true
		}
	}
	return true, true
}

// leadYesNo is the group of leadReplyRE in s, read by hand: "ja", "nee"
// or "neen" in any case after white space, as a whole word; or "".
func leadYesNo(s string) string {
	i := 0
	for i < len(s) && isReSpace(s[i]) {
		i++
	}
	j := i
	for j < len(s) && j-i < 5 && isReWordByte(s[j]) {
		j++
	}
	if j < len(s) && isReWordByte(s[j]) {
		return ""
	}
	switch w := s[i:j]; {
	case strings.EqualFold(w, "ja"), strings.EqualFold(w, "nee"), strings.EqualFold(w, "neen"):
		return w
	}
	return ""
}

// yesNoQuestion is the first question of it that asks yes or no, or "".
func yesNoQuestion(it *tracker.Item) string {
	if i := firstYesNo(it.SubQuestions); i >= 0 {
		return ownSentence(it.SubQuestions[i].Text)
	}
	if len(it.SubQuestions) == 0 {
		return firstQuestion(it.Question)
	}
	return ""
}

// firstQuestion is the first sentence of q that ends in '?', or "".
func firstQuestion(q string) string {
	for _, sp := range text.Sentences(q) {
		if s := strings.TrimSpace(q[sp[0]:sp[1]]); strings.HasSuffix(s, "?") {
			return s
		}
	}
	return ""
}

// requestVerbs open questions that ask for something rather than for yes or
// no.
var requestVerbs = setOf("kunt", "wilt", "zult", "zal", "zou", "gaat")

// irregularEcho maps a question's verb (second person or third) to the
// first-person form that echoes it where dropping the -t does not.
var irregularEcho = map[string][]string{
	"hebt":  {"heb", "hebben"},
	"heeft": {"heb", "hebben", "heeft"},
	"zijn":  {"zijn", "is"},
	"is":    {"is", "zijn"},
	"was":   {"was", "waren"},
	"waren": {"was", "waren"},
}

// echoes reports whether w, the second word of a reply, is the verb of the
// question: the same word, or its first-person form (deelt, deel).
func echoes(w, verb string) bool {
	if w == verb {
		return true
	}
	if strings.HasSuffix(verb, "t") && w == verb[:len(verb)-1] {
		return true
	}
	for _, f := range irregularEcho[verb] {
		if w == f {
			return true
		}
	}
	return false
}

// clauseEnds are the words where the main clause gives way to a clause of
// its own, whose negation is not the reply's: "Ik ken het bericht dat er
// geen ..."; a comma ends it too.
var clauseEnds = setOf("dat", "die", "omdat", "maar", "waarin", "waarbij", "zodat", "hoewel", "terwijl", "en")

// noFormulas say no to a yes/no question without "Nee": "Een noodwet is
// niet aan de orde.", "Daarvan is geen sprake.", "Dat is niet de bedoeling."
var noFormulas = []string{"niet aan de orde", "geen sprake", "niet het geval", "niet de bedoeling", "geen plannen", "niet van plan", "niet voornemens"}

// plainNo reports whether the short sentence st is one of the noFormulas:
// a longer one may deny something else on the way to its point. Its fold
// and words are read here when sentencesIn did not (fold "").
func plainNo(st *sentence) bool {
	f, n := st.fold, len(st.words)
	if f == "" {
		f = foldString(st.text)
		var buf [16]word
		n = len(words(f, buf[:0]))
	}
	if n > 8 {
		return false
	}
	for _, n := range noFormulas {
		if strings.Contains(f, n) {
			return true
		}
	}
	return false
}

// copulas are the verbs of being a yes/no question may open with.
var copulas = setOf("bent", "is", "zijn", "was", "waren")

// echoesPredicate reports whether ws, the words of a reply, hold the
// word the question asks its subject to be: "bereid" of "Bent u bereid
// ...?", "eens" of "Bent u het met mij eens ...?" (the first word after
// "u" that is not an article or an adverb of degree).
func echoesPredicate(ws []reWord, question string) bool {
	var buf [32]reWord
	qs := appendReWords(buf[:0], question)
	pred := ""
	for i := 1; i < len(qs) && i < 3 && pred == ""; i++ {
		if qs[i].w != "u" {
			continue
		}
		for _, q := range qs[i+1:] {
			if !predicateSkip[q.w] {
				pred = q.w
				break
			}
		}
	}
	if pred == "" {
		return true // no "u" to be something: nothing to ask of the echo
	}
	for _, w := range ws {
		if w.w == pred {
			return true
		}
	}
	return false
}

// predicateSkip are the words between "u" and what a question asks it to
// be: "Bent u het met mij eens ...?", "Bent u er nog steeds van overtuigd
// ...?".
var predicateSkip = setOf("het", "de", "er", "nog", "steeds", "al", "ook", "wel", "dan", "met", "mij", "ons", "daar", "hier", "nu", "inmiddels")
