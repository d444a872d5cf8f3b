package rules

import (
	"math/rand/v2"
	"testing"
)

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

// mayBeDocNumberByPairs is mayBeDocNumber as it was before it read each
// pair from its second byte.
func mayBeDocNumberByPairs(s string) bool {
	for i := 0; i+1 < len(s); i++ {
		switch c, d := s[i]|0x20, s[i+1]|0x20; {
		case c == 'n' && d == 'r':
			j := i + 2
			if j < len(s) && s[j] == '.' {
				j++
			}
			for j < len(s) && isReSpace(s[j]) {
				j++
			}
			if j < len(s) && '0' <= s[j] && s[j] <= '9' {
				return true
			}
		case '0' <= s[i] && s[i] <= '9' && d == 'z':
			return true
		}
	}
	return false
}

// TestMayBeDocNumberByPairs: mayBeDocNumber equals the test of every pair
// of bytes it replaced, on the texts the anchored tries are held to, cut
// at every byte of their first 40, and on random texts of the bytes it
// reads, their other case, bytes that fold onto them by |0x20 and bytes
// past ASCII.
func TestMayBeDocNumberByPairs(t *testing.T) {
	texts := tryAtTexts(t)
	n := len(texts)
	for _, s := range texts[:n] {
		for k := 0; k <= len(s) && k < 40; k++ {
			texts = append(texts, s[:k], s[k:])
		}
	}
	alphabet := []byte("nNrRzZ.5 0\t\n\f\v9xR\x12\x0e\x1a\xce\xd2\xda.")
	rng := rand.New(rand.NewPCG(1, 21))
	for range 100000 {
		b := make([]byte, rng.IntN(12))
		for i := range b {
			b[i] = alphabet[rng.IntN(len(alphabet))]
		}
		texts = append(texts, string(b))
	}
	yes := 0
	for _, s := range texts {
		got, want := mayBeDocNumber(s), mayBeDocNumberByPairs(s)
		if got != want {
			t.Fatalf("mayBeDocNumber(%q) = %v, want %v", s, got, want)
		}
		if want {
			yes++
		}
	}
	if yes < 1000 {
		t.Errorf("only %d texts may hold a number", yes)
	}
	t.Logf("%d texts, %d may hold a number", len(texts), yes)
}
