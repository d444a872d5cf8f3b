package parse

import (
	"strings"
	"testing"
)

// TestMayHoldFrenchAsContains: mayHoldFrench equals the three searches it
// stands for, on the lines and whole texts of the fixtures and documents,
// every cut of texts around the words, and the words at either end.
func TestMayHoldFrenchAsContains(t *testing.T) {
	contains := func(s string) bool {
		return strings.Contains(s, " la ") || strings.Contains(s, " les ") || strings.Contains(s, " le ")
	}
	in := fastInputs(t)
	in = append(in, strings.Join(in, "\n"))
	for _, w := range []string{" la ", " les ", " le ", " l", "l ", " la", " le", " les", "les ", " lez ", " La ", " LE "} {
		for _, v := range []string{w, "x" + w, w + "x", "de" + w + "heure", "ll" + w + "l", "\n" + w + "\n"} {
			for i := 0; i <= len(v); i++ {
				in = append(in, v[:i], v[i:])
			}
		}
	}
	held := 0
	for _, s := range in {
		want := contains(s)
		if want {
			held++
		}
		if got := mayHoldFrench(s); got != want {
			t.Errorf("mayHoldFrench(%q) = %v, the searches %v", s, got, want)
		}
	}
	if held < 20 {
		t.Errorf("only %d texts hold the words", held)
	}
}
