package parse

import (
	"regexp"
	"regexp/syntax"
	"unicode"
)

// cutRE is a regexp anchored at the start of the text whose matches hold
// only some bytes: it runs on the text up to and including the first byte
// no match can hold. The cost of Go's backtracking matcher grows with the
// length of the text, and these regexps are tried on whole paragraphs
// where a match is a few bytes at their start. The results are the same:
// a match ends before that byte, and the byte itself is still there for
// the assertions (\b, $) at the match's end.
type cutRE struct {
	re *regexp.Regexp
	in [256]bool // bytes a match may hold
}

func mustCut(expr string) *cutRE {
	c := &cutRE{re: regexp.MustCompile(expr)}
	t, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		panic(err)
	}
	if t.Op != syntax.OpConcat || len(t.Sub) == 0 || t.Sub[0].Op != syntax.OpBeginText {
		panic("parse: cutRE of a regexp not anchored at the start of the text: " + expr)
	}
	matchBytes(t, &c.in)
	return c
}

// matchBytes marks in the bytes the matches of t may hold: every byte of
// a non-ASCII rune, as the text is cut only at ASCII bytes.
func matchBytes(t *syntax.Regexp, in *[256]bool) {
	add := func(r rune) {
		if r >= 0x80 {
			for b := 0x80; b < 0x100; b++ {
				in[b] = true
			}
			return
		}
		in[r] = true
	}
	switch t.Op {
	case syntax.OpLiteral:
		for _, r := range t.Rune {
			add(r)
			if t.Flags&syntax.FoldCase != 0 {
				for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
					add(f)
				}
			}
		}
	case syntax.OpCharClass:
		for i := 0; i+1 < len(t.Rune); i += 2 {
			lo, hi := t.Rune[i], t.Rune[i+1]
			for r := lo; r <= min(hi, 0x7f); r++ {
				add(r)
			}
			if hi >= 0x80 {
				add(hi)
			}
		}
	case syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		for b := range in {
			in[b] = true
		}
	}
	for _, s := range t.Sub {
		matchBytes(s, in)
	}
}

// cut is s up to and including the first byte no match holds.
func (c *cutRE) cut(s string) string {
	for i := 0; i < len(s); i++ {
		if !c.in[s[i]] {
			return s[:i+1]
		}
	}
	return s
}

func (c *cutRE) MatchString(s string) bool { return c.re.MatchString(c.cut(s)) }

func (c *cutRE) FindString(s string) string { return c.re.FindString(c.cut(s)) }

func (c *cutRE) FindStringIndex(s string) []int { return c.re.FindStringIndex(c.cut(s)) }

func (c *cutRE) FindStringSubmatchIndex(s string) []int {
	return c.re.FindStringSubmatchIndex(c.cut(s))
}

func (c *cutRE) String() string { return c.re.String() }
