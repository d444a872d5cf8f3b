package rules

import (
	"strings"
	"testing"

	"github.com/pqtrack/pqtrack/rules/dates"
)

// TestMayHoldDateAsMayHold holds mayHoldDate to dates.MayHold of the text
// on the lines of the test texts, the sentences of corpus, and the same
// in upper case and glued to their neighbours, read by a scanner as
// sentencesIn reads them.
func TestMayHoldDateAsMayHold(t *testing.T) {
	set, _ := Default()
	sc := set.scanner()
	st := new(scanState)
	texts := append(foldTexts(t), corpus(t, set)...)
	texts = append(texts, "3", "a 3 b", "x", "eindmaart", "EINDMAART", "decemberzal", "in Maart", "maart", "m1", "zomer-reces",
		"ma", "jan", "q3", "2e", "het jaar", "Kerstreces", "voorjaar", "najaarsnota")
	for _, s := range texts[:len(texts)] {
		texts = append(texts, strings.ToUpper(s), strings.ReplaceAll(s, " ", ""))
	}
	var ascii, held int
	for _, s := range texts {
		f := fold(s)
		sc.read(f.s, st)
		got, want := mayHoldDate(f, st), dates.MayHold(s)
		if got != want {
			t.Fatalf("mayHoldDate(%q) = %v, MayHold %v", s, got, want)
		}
		if f.ascii {
			ascii++
			if want {
				held++
			}
		}
	}
	if ascii < len(texts)/2 || held < 1000 {
		t.Errorf("%d of %d texts ASCII, %d of them may hold a date", ascii, len(texts), held)
	}
	t.Logf("%d texts, %d ASCII, %d of those may hold a date", len(texts), ascii, held)
}
