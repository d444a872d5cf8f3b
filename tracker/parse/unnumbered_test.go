package parse

import (
	"strings"
	"testing"
)

// TestMayBeUnnumberedAsRegexp: mayBeUnnumbered is never false where
// unnumberedLabel matches, nor aloneUnnumbered where it matches all of a
// text but spaces after it, on the lines of the fixtures and documents
// and on labels of every case and spacing.
func TestMayBeUnnumberedAsRegexp(t *testing.T) {
	in := fastInputs(t)
	for _, w := range []string{"Vraag", "VRAAG", "Antwoord", "ANTWOORD", "vraag", "Vragen", "Antwoorden", "Ad"} {
		for _, tail := range []string{"", ":", " :", ": ", " : tekst", "  ", "\t", "\n", " 1", ":Ja", "::", " \t: \n", ":  ", " x"} {
			in = append(in, w+tail, " "+w+tail)
		}
	}
	matched, alone := 0, 0
	for _, s := range in {
		m := unnumberedLabel.FindString(s)
		if m == "" {
			continue
		}
		matched++
		if !mayBeUnnumbered(s) {
			t.Errorf("mayBeUnnumbered(%q) false; unnumberedLabel matches", s)
		}
		if strings.TrimRight(m, " ") == strings.TrimRight(s, " ") {
			alone++
			if !aloneUnnumbered(s) {
				t.Errorf("aloneUnnumbered(%q) false; unnumberedLabel matches all of it", s)
			}
		}
	}
	if matched < 30 || alone < 20 {
		t.Errorf("only %d texts match unnumberedLabel, %d alone", matched, alone)
	}
}
