package rules

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// wordAlts finds the match of a pattern `(?:^|[^\pL])(A|B|...)(?:[^\pL]|$)`
// whose alternatives are each a word ("nota"), the start of a word
// ("rapport\pL*") or its end ("\pL*brief"), by reading the words of the
// text once: the regexp package tries every alternative at every rune.
//
// Every alternative that can match takes a whole word, a run of letters,
// so the leftmost match is at the first word that one of them takes: from
// the rune before the word (the text's start for a word at 0, which `^`
// takes) to the rune after it (the text's end, which `$` takes).
type wordAlts struct {
	exact, prefix, suffix []string
}

// newWordAlts returns the wordAlts of pattern, or nil when it is not of
// that form. An alternative of several words whose first word is an
// exact alternative before it ("plenaire|plenaire vergadering") never
// matches: the shorter one matches first, as a space is no letter.
func newWordAlts(pattern string) *wordAlts {
	body, ok := strings.CutPrefix(pattern, `(?:^|[^\pL])(`)
	if !ok {
		return nil
	}
	if body, ok = strings.CutSuffix(body, `)(?:[^\pL]|$)`); !ok {
		return nil
	}
	w := &wordAlts{}
	for _, alt := range strings.Split(body, "|") {
		switch {
		case lowerLetters(alt):
			w.exact = append(w.exact, alt)
		case strings.HasSuffix(alt, `\pL*`) && lowerLetters(alt[:len(alt)-4]):
			w.prefix = append(w.prefix, alt[:len(alt)-4])
		case strings.HasPrefix(alt, `\pL*`) && lowerLetters(alt[4:]):
			w.suffix = append(w.suffix, alt[4:])
		default:
			first, _, ok := strings.Cut(alt, " ")
			if !ok || !slices.Contains(w.exact, first) {
				return nil
			}
		}
	}
	return w
}

// lowerLetters reports whether s is one or more of the letters a to z.
func lowerLetters(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 'a' || s[i] > 'z' {
			return false
		}
	}
	return s != ""
}

// takes reports whether an alternative matches the word w.
func (w *wordAlts) takes(word string) bool {
	if slices.Contains(w.exact, word) {
		return true
	}
	for _, p := range w.prefix {
		if strings.HasPrefix(word, p) {
			return true
		}
	}
	for _, p := range w.suffix {
		if strings.HasSuffix(word, p) {
			return true
		}
	}
	return false
}

// index is the pattern's FindStringIndex on s. Runes are decoded as the
// regexp package decodes them, forwards, a broken byte a rune of its own.
func (w *wordAlts) index(s string) []int {
	prev := 0 // where the rune before i starts
	for i := 0; i < len(s); {
		size, ok := letterAt(s, i)
		if !ok {
			prev = i
			i += size
			continue
		}
		j := i + size
		for j < len(s) {
			n, ok := letterAt(s, j)
			if !ok {
				break
			}
			j += n
		}
		if w.takes(s[i:j]) {
			start, end := 0, len(s)
			if i > 0 {
				start = prev
			}
			if j < len(s) {
				n, _ := letterAt(s, j)
				end = j + n
			}
			return []int{start, end}
		}
		i = j
	}
	return nil
}

// letterAt returns the size of the rune at s[i:] and whether it is a
// letter; an ASCII byte is told without a call.
func letterAt(s string, i int) (int, bool) {
	if c := s[i] | 0x20; s[i] < utf8.RuneSelf {
		return 1, 'a' <= c && c <= 'z'
	}
	r, n := utf8.DecodeRuneInString(s[i:])
	return n, unicode.IsLetter(r)
}
