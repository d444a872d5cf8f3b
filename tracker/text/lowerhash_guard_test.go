package text

import (
	"math/rand"
	"strings"
	"testing"
)

// TestLowerHashAsToLower holds lowerHash, by which Known looks up a word
// beyond ASCII, to the hash of its strings.ToLower, which Known made: on
// every token between spaces of the eval documents and
// tracker/parse/testdata/real, in capitals, and on 20,000 random strings
// of letters, runes whose lower case differs in length ('İ', the Kelvin
// sign, 'ẞ'), and invalid bytes.
func TestLowerHashAsToLower(t *testing.T) {
	var words []string
	for _, s := range realTexts(t) {
		for _, w := range strings.Fields(s) {
			words = append(words, w, strings.ToUpper(w))
		}
	}
	if len(words) < 10000 {
		t.Fatalf("only %d words", len(words))
	}
	parts := []string{"a", "Z", "é", "É", "İ", "ı", "\u212a", "ẞ", "ß", "Σ", "ſ", "\xff", "\xc3", "\xe2\x82", "\u00a0", "1", "-"}
	rng := rand.New(rand.NewSource(25))
	for k := 0; k < 20000; k++ {
		var b strings.Builder
		for n := rng.Intn(12); n >= 0; n-- {
			b.WriteString(parts[rng.Intn(len(parts))])
		}
		words = append(words, b.String())
	}
	for _, w := range words {
		if got, want := lowerHash(w), hash(strings.ToLower(w)); got != want {
			t.Fatalf("lowerHash(%q) = %#x, hash of its lower case %#x", w, got, want)
		}
	}
}
