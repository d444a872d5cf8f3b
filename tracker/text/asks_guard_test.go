package text

import (
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// appendWordsOfBefore is appendWordsOf as it was before it lowered only
// the words that need it: every word through strings.ToLower.
func appendWordsOfBefore(out []askWord, s string) []askWord {
	start := -1
	for i := 0; i <= len(s); {
		r, size := rune(0), 1
		var in bool
		switch {
		case i == len(s):
		case s[i] < utf8.RuneSelf:
			c := s[i]
			in = 'a' <= c|0x20 && c|0x20 <= 'z' || '0' <= c && c <= '9' || c == '-'
		default:
			r, size = utf8.DecodeRuneInString(s[i:])
			in = unicode.IsLetter(r) || unicode.IsDigit(r)
		}
		switch {
		case in && start < 0:
			start = i
		case !in && start >= 0:
			out = append(out, askWord{w: strings.ToLower(s[start:i]), start: start})
			start = -1
		}
		i += size
	}
	return out
}

// TestWordsOfAsBefore holds appendWordsOf to appendWordsOfBefore on the
// eval documents and tracker/parse/testdata/real, the same in capitals
// and with letters beyond ASCII, and edge cases.
func TestWordsOfAsBefore(t *testing.T) {
	texts := []string{"", "A", "a", "ÉÉN twee-Drie 4de", "Kelvin\u212a İstanbul ß ẞ", "x\xffY", "-A-", "aB", "Ab é", "é A", "ab’Cd"}
	for _, s := range realTexts(t) {
		s := s
		texts = append(texts, s, strings.ToUpper(s), strings.ReplaceAll(s, "e", "É"), strings.ReplaceAll(s, " ", "’"))
	}
	n := 0
	for _, s := range texts {
		got, want := appendWordsOf(nil, s), appendWordsOfBefore(nil, s)
		if !slices.Equal(got, want) {
			for i := range min(len(got), len(want)) {
				if got[i] != want[i] {
					t.Fatalf("word %d of %q: %v, want %v", i, s[:min(len(s), 80)], got[i], want[i])
				}
			}
			t.Fatalf("%q: %d words, want %d", s[:min(len(s), 80)], len(got), len(want))
		}
		n += len(got)
	}
	if n < 10000 {
		t.Errorf("only %d words", n)
	}
}
