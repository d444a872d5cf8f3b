package parse

import (
	"strings"
	"testing"
)

// TestNoticeMayMatchAsRegexp: noticeMayMatch is never false where
// noticeRE matches, on the lines of the fixtures and documents and on
// the notice's phrases in other cases, with 'ſ' and the Kelvin sign,
// inside other text.
func TestNoticeMayMatchAsRegexp(t *testing.T) {
	in := fastInputs(t)
	phrases := []string{"niet binnen de gebruikelijke termijn", "niet binnen de gestelde termijn", "niet binnen de gesteldetermijn",
		"reden van uitstel", "reden van het uitstel", "uitstel van beantwoording", "uitstel van de beantwoording",
		"zo spoedig mogelijk antwoorden", "zo spoedig mogelijk de antwoorden"}
	for _, p := range phrases {
		for _, v := range []string{p, strings.ToUpper(p), strings.Title(p), strings.ReplaceAll(p, "s", "ſ"),
			strings.ReplaceAll(p, "k", "\u212a"), strings.ReplaceAll(p, "i", "İ"), strings.ReplaceAll(p, " ", "  ")} {
			in = append(in, v, "De vragen kunnen "+v+" worden.", "x"+v+"x")
		}
	}
	matched := 0
	for _, s := range in {
		if noticeRE.MatchString(s) {
			matched++
			if !noticeMayMatch(s) {
				t.Errorf("noticeMayMatch(%q) false; noticeRE matches", s)
			}
		}
	}
	if matched < 20 {
		t.Errorf("only %d texts match noticeRE", matched)
	}
}

// TestMayBePartLabelAsRegexp: mayBePartLabel is never false where
// partLabelRE matches, on the lines of the fixtures and documents and on
// labels with parts, numbers of one to four digits and every kind of
// white space, cut at every byte.
func TestMayBePartLabelAsRegexp(t *testing.T) {
	in := fastInputs(t)
	for _, w := range []string{"Vraag", "VRAAG", "Antwoord", "ANTWOORD", "vraag", "Vragen"} {
		for _, n := range []string{"3", "12", "123", "1234", ""} {
			for _, sp := range []string{" ", "  ", "\t", "\n", "\r\n", "\f", ""} {
				for _, p := range []string{"a", "h", "i", "A", "a en 4b", "b:", "c.", ""} {
					v := w + sp + n + p + " Kent u"
					for i := 0; i <= len(v); i++ {
						in = append(in, v[:i])
					}
				}
			}
		}
	}
	matched := 0
	for _, s := range in {
		if partLabelRE.MatchString(s) {
			matched++
			if !mayBePartLabel(s) {
				t.Errorf("mayBePartLabel(%q) false; partLabelRE matches", s)
			}
		}
	}
	if matched < 100 {
		t.Errorf("only %d texts match partLabelRE", matched)
	}
}
