package rules

import (
	"regexp"
	"regexp/syntax"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"
)

// tryAt runs a pattern of the form `(?:^|[^\pL])X` whose X begins with one
// of a few literals (firstLiterals) only where a literal occurs: at each
// occurrence, in order, it tests the boundary rune before it by hand and
// runs X anchored there. The regexp package, run on the whole sentence,
// tries X at every rune after the first literal, and a sentence that
// holds "antwoord" but is no reference to other answers costs it a
// backtracking run per byte; the anchored runs cost a few instructions
// each.
//
// A match found so is the one of the whole pattern on the whole text: the
// leftmost start is the boundary rune before the first occurrence where
// X matches (or the text's start, for an occurrence at 0, which `^`
// takes first), and from there X matches as the anchored regexp does.
type tryAt struct {
	first []string       // the literals X begins with
	class []rune         // the boundary's class, as syntax gives its ranges
	rest  *regexp.Regexp // `^(?:X)`
}

// lazyTryAt is newTryAt made on first use: parsing the patterns with
// their classes of letters takes about half a millisecond each, and most
// rules' regexps never run on a given text.
func lazyTryAt(pattern string, first []string) func() *tryAt {
	if first == nil {
		return nil
	}
	return sync.OnceValue(func() *tryAt { return newTryAt(pattern, first) })
}

// newTryAt returns the anchored form of pattern, or nil when the pattern
// is not of that form, or X holds an assertion that would read the text
// before where it is run (^, \b, \B).
func newTryAt(pattern string, first []string) *tryAt {
	if first == nil {
		return nil
	}
	re, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil || re.Op != syntax.OpConcat || len(re.Sub) < 2 {
		return nil
	}
	b := re.Sub[0]
	if b.Op != syntax.OpAlternate || len(b.Sub) != 2 || b.Sub[0].Op != syntax.OpBeginText ||
		b.Sub[1].Op != syntax.OpCharClass || b.Sub[1].Flags&syntax.FoldCase != 0 {
		return nil
	}
	for _, s := range re.Sub[1:] {
		if looksBehind(s) {
			return nil
		}
	}
	// X as written after the boundary, when it is what the parser read
	// as the rest of the concatenation (a top-level | would not be):
	// compiling X from its syntax tree's String would spell out \pL's
	// ranges and cost a good part of loading the rules.
	var text string
	for _, bt := range boundaryTexts {
		if t, ok := strings.CutPrefix(pattern, bt); ok {
			text = t
		}
	}
	if text == "" {
		return nil
	}
	x := &syntax.Regexp{Op: syntax.OpConcat, Flags: re.Flags, Sub: slices.Clone(re.Sub[1:])}
	if px, err := syntax.Parse(text, syntax.Perl); err != nil || !px.Equal(x) && !(len(x.Sub) == 1 && px.Equal(x.Sub[0])) {
		return nil
	}
	rest, err := regexp.Compile(`^(?:` + text + `)`)
	if err != nil {
		return nil
	}
	return &tryAt{first: searched(first), class: b.Sub[1].Rune, rest: rest}
}

// searched returns the literals of first that next needs to search for:
// those that no other literal of first begins, as "antwoord" begins
// "antwoorden", "ga" "gaan" and "gaat", "vond" "vonden". Where a literal
// occurs, the one it begins with occurs at the same place, so the first
// place where one of them occurs is the same. A literal given twice is
// kept once.
func searched(first []string) []string { return dropHolding(first, strings.HasPrefix) }

// boundaryTexts are the boundary as the rule file and target.go write it,
// and as phraseRegexp does.
var boundaryTexts = []string{`(?:^|[^\pL])`, `(?:^|[^\pL\pN])`}

// looksBehind reports whether re holds an assertion about the text before
// a position.
func looksBehind(re *syntax.Regexp) bool {
	switch re.Op {
	case syntax.OpBeginLine, syntax.OpBeginText, syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return true
	}
	for _, s := range re.Sub {
		if looksBehind(s) {
			return true
		}
	}
	return false
}

// inClass reports whether r is in the ranges of a syntax char class.
func inClass(class []rune, r rune) bool {
	for i := 0; i+1 < len(class); i += 2 {
		if class[i] <= r && r <= class[i+1] {
			return true
		}
	}
	return false
}

// next returns the first place at or after from where one of the literals
// occurs, or -1.
func (t *tryAt) next(s string, from int) int {
	q := -1
	for _, l := range t.first {
		limit := len(s)
		if q >= 0 {
			limit = min(len(s), q+len(l)-1)
		}
		if from >= limit {
			continue
		}
		if i := strings.Index(s[from:limit], l); i >= 0 && (q < 0 || from+i < q) {
			q = from + i
		}
	}
	return q
}

// submatchIndex is the pattern's FindStringSubmatchIndex on s.
func (t *tryAt) submatchIndex(s string) []int { return t.submatchIndexFrom(s, 0) }

// submatchIndexFrom is the first match that starts at from or later, as
// the regexp's FindAll looks for the next match from the end of the one
// before: the boundary rune may not lie before from, and `^` matches only
// at 0. No match is empty (X begins with a literal), so FindAll's rule
// for empty matches never applies.
func (t *tryAt) submatchIndexFrom(s string, from int) []int {
	for q := t.next(s, from); q >= 0; q = t.next(s, q+1) {
		start := 0
		if q > 0 {
			// The regexp decodes the rune before q as DecodeLastRune
			// does: an ASCII byte is never inside another rune, and
			// each byte of a broken sequence is a rune of its own.
			r, size := utf8.DecodeLastRuneInString(s[:q])
			if !inClass(t.class, r) {
				continue
			}
			start = q - size
			if start < from {
				continue
			}
		}
		m := t.rest.FindStringSubmatchIndex(s[q:])
		if m == nil {
			continue
		}
		for k := range m {
			if m[k] >= 0 {
				m[k] += q
			}
		}
		m[0] = start
		return m
	}
	return nil
}
