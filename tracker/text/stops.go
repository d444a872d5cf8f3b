package text

import "strings"

// stopBytes are the bytes where a sentence may end ('…' starts 0xE2).
var stopBytes = [...]byte{'\n', '.', '?', '!', 0xE2}

// stopFinder finds the stopBytes of s in order, each by a search
// (strings.IndexByte) from where it was last passed: a few vector searches
// over the text cost less than a test of every byte, as most bytes are
// no stop.
type stopFinder struct {
	s string
	// next[k] is where stopBytes[k] next occurs at or after the last
	// search for it, len(s) for nowhere; -1 before the first search.
	next [len(stopBytes)]int
}

// newStopFinder returns a stopFinder of s that has searched nothing yet.
func newStopFinder(s string) stopFinder {
	f := stopFinder{s: s}
	for k := range f.next {
		f.next[k] = -1
	}
	return f
}

// from returns the first index at or after i of a stop byte of s, or
// len(s). Calls must not go back: i is never less than the i before.
func (f *stopFinder) from(i int) int {
	first := len(f.s)
	for k, c := range stopBytes {
		n := f.next[k]
		if n < i {
			n = len(f.s)
			if j := strings.IndexByte(f.s[i:], c); j >= 0 {
				n = i + j
			}
			f.next[k] = n
		}
		first = min(first, n)
	}
	return first
}
