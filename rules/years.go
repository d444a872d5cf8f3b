package rules

import (
	"regexp"
	"strings"

	"github.com/pqtrack/pqtrack/tracker"
)

// A sub-question that asks about years it names one by one ("Hoeveel
// middelen werden in 2024 en in 2025 toegekend?", "in de zomers van 2023
// en 2024") is answered in part when the answer speaks of one of them and
// never names the other: the figure for that year is what it passes over.

// yearListRE finds years named one after the other: "2024 en in 2025",
// "2022, 2023 en 2024". A range ("tussen 2020 en 2024", "van 2020 tot
// 2024", "2020-2024") names no year of its own in between.
var yearListRE = regexp.MustCompile(`\b((?:19|20)\d\d)((?:\s*,\s*(?:in\s+)?(?:19|20)\d\d)*\s+(?:en|of)\s+(?:in\s+)?(?:19|20)\d\d)\b`)

var yearRE = regexp.MustCompile(`\b(?:19|20)\d\d\b`)

// missingYear returns the first sub-question of it that names years one
// by one of which replies (the text of the answer's replies) names some but
// not all, or -1.
func missingYear(it *tracker.Item, replies string) int {
	for i, sq := range it.SubQuestions {
		if !mayListYears(sq.Text) {
			continue
		}
		loc := yearListRE.FindStringIndex(sq.Text)
		if loc == nil || precededByRange(sq.Text[:loc[0]]) {
			continue
		}
		named, missing := false, false
		for _, y := range yearRE.FindAllString(sq.Text[loc[0]:loc[1]], -1) {
			if strings.Contains(replies, y) {
				named = true
			} else {
				missing = true
			}
		}
		if named && missing {
			return i
		}
	}
	return -1
}

// precededByRange reports whether the text before a list of years opens a
// range: "tussen 2020 en 2024".
func precededByRange(before string) bool {
	before = strings.ToLower(strings.TrimSpace(before))
	return strings.HasSuffix(before, "tussen") || strings.HasSuffix(before, "tussen de jaren")
}

// figuresOfYear reports whether st speaks of the figures of a year: "De
// cijfers over 2025 stelt DUO op na afsluiting van het kalenderjaar."
func figuresOfYear(st *sentence) bool {
	ws := st.words
	for i := 0; i+2 < len(ws); i++ {
		switch st.fold[ws[i].start:ws[i].end] {
		case "cijfers", "gegevens", "aantallen", "resultaten", "jaarcijfers":
		default:
			continue
		}
		switch st.fold[ws[i+1].start:ws[i+1].end] {
		case "over", "voor", "van":
		default:
			continue
		}
		y := ws[i+2]
		if st.fold[y.start:y.end] == "het" && i+4 < len(ws) && st.fold[ws[i+3].start:ws[i+3].end] == "jaar" {
			y = ws[i+4]
		}
		if v := st.fold[y.start:y.end]; len(v) == 4 && (v[:2] == "19" || v[:2] == "20") && asciiDigits(v) {
			return true
		}
	}
	return false
}

// yearsLeftOpen makes an answered item partial when it passes over a year
// a sub-question names (missingYear). A year counts as named where a
// sentence that does not evade names it, unless that sentence speaks of
// the year's figures without giving one: "De cijfers over 2025 stelt DUO
// op na afsluiting van het kalenderjaar" names the year it leaves open.
func yearsLeftOpen(it *tracker.Item, sents []sentence) {
	if it.Status != tracker.Answered || !mayListYears(it.Question) {
		return
	}
	var named strings.Builder
	for i := range sents {
		st := &sents[i]
		if st.role.Evasive() || figuresOfYear(st) && !givesFigure(st) {
			continue
		}
		named.WriteString(st.text)
		named.WriteByte(' ')
	}
	if i := missingYear(it, named.String()); i >= 0 {
		it.Status = tracker.Partial
		it.SubQuestions[i].Status = tracker.Unanswered
	}
}
