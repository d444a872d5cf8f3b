package rules

import "testing"

// TestMayBeDocNumberAsRegexp: mayBeDocNumber is never false where
// reDocNumber matches, on the texts the anchored tries are held to and
// on document numbers written in every way the pattern takes.
func TestMayBeDocNumberAsRegexp(t *testing.T) {
	texts := tryAtTexts(t)
	for _, n := range []string{"Kamerstuk 36 200, nr. 5", "kamerstukken 29 689 nr 1234", "KAMERSTUK 1 NR.\t2", "nr. 12", "Nr.3", "NR.\n\f 4",
		"2024Z12345", "2024z01234", "nr.  7", "nr 8", "kamerstuk 1,nr9", "Kamerstuk 12 nr.", "nr.x 5", "n r. 5", "nr.\v5", "ſ nr. 1"} {
		for _, a := range []string{"", "zie ", "x", "é", "(", "1"} {
			for _, b := range []string{"", ".", " en 6", "x"} {
				texts = append(texts, a+n+b, a+n[1:]+b, a+n[:len(n)-1]+b)
			}
		}
	}
	hits := 0
	for _, s := range texts {
		if reDocNumber.re.MatchString(s) {
			hits++
			if !mayBeDocNumber(s) {
				t.Fatalf("mayBeDocNumber(%q) is false, but reDocNumber matches %q", s, reDocNumber.re.FindString(s))
			}
		}
	}
	if hits < 100 {
		t.Errorf("only %d matches", hits)
	}
	t.Logf("%d texts, %d matches", len(texts), hits)
}
