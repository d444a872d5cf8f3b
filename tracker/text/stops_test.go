package text

import (
	"testing"
)

// TestStopFinderAsLoop holds stopFinder to a test of every byte, from
// every byte of the eval documents, the fixtures and edge cases, and
// from the places AppendSentences asks at.
func TestStopFinderAsLoop(t *testing.T) {
	texts := []string{"", ".", "a", "a.b?c!d\ne…f", "\xe2", "abc\xe2", "…", "..", "x\n\ny", "no stop at all"}
	for _, s := range realTexts(t) {
		texts = append(texts, s)
	}
	isStop := func(c byte) bool {
		for _, s := range stopBytes {
			if c == s {
				return true
			}
		}
		return false
	}
	for _, s := range texts {
		// From every byte in turn, and in strides that skip stops.
		for _, stride := range []int{1, 7, 64} {
			f := newStopFinder(s)
			for i := 0; i <= len(s); i += stride {
				want := i
				for want < len(s) && !isStop(s[want]) {
					want++
				}
				if got := f.from(i); got != want {
					t.Fatalf("from(%d) = %d, want %d (stride %d, text of %d bytes)", i, got, want, stride, len(s))
				}
			}
		}
	}
}
