package rules

import (
	"regexp/syntax"
	"slices"
	"strings"
)

// literals derives from a regexp what a text must hold for it to match:
// sets of literals, each set one of whose members must occur. Patterns
// that the rule file gives as raw regexps skip most sentences this way.
// It returns nil when nothing useful can be derived (case-insensitive
// parts, no literal of two bytes or more).
func literals(pattern string) [][]string {
	re, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		return nil
	}
	var out [][]string
	for _, set := range need(re.Simplify()) {
		short := len(set[0])
		for _, l := range set {
			short = min(short, len(l))
		}
		if short >= 2 {
			out = append(out, set)
		}
	}
	// The rarest sets first: they fail soonest.
	slices.SortStableFunc(out, func(a, b []string) int { return shortest(b) - shortest(a) })
	if len(out) > 3 {
		out = out[:3]
	}
	return out
}

// needed is literals with each set minimal: what holds checks.
func needed(pattern string) [][]string {
	out := literals(pattern)
	for i, set := range out {
		out[i] = minimal(set)
	}
	return out
}

// minimal drops from a set of literals each that holds another of the set
// (and repeats): a text holds a member of the set exactly when it holds
// one of those left, and holds tries fewer. "antwoorden op" holds
// "antwoord", "plenaire vergadering" "plenaire".
func minimal(set []string) []string { return dropHolding(set, strings.Contains) }

// dropHolding drops from set each literal l for which holds(l, m) is true
// of another member m, shorter or given before it (so that of repeats
// one stays).
func dropHolding(set []string, holds func(l, m string) bool) []string {
	var out []string
	for i, a := range set {
		redundant := false
		for j, b := range set {
			if i != j && holds(a, b) && (len(b) < len(a) || j < i) {
				redundant = true
				break
			}
		}
		if !redundant {
			out = append(out, a)
		}
	}
	return out
}

func shortest(set []string) int {
	n := 1 << 30
	for _, l := range set {
		n = min(n, len(l))
	}
	return n
}

// need returns the literal sets every match of re must satisfy.
func need(re *syntax.Regexp) [][]string {
	switch re.Op {
	case syntax.OpLiteral:
		if re.Flags&syntax.FoldCase != 0 {
			return nil
		}
		return [][]string{{string(re.Rune)}}
	case syntax.OpCapture, syntax.OpPlus:
		return need(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return need(re.Sub[0])
		}
	case syntax.OpConcat:
		// Neighbours that match only a few exact strings make longer
		// literals together: "\.(?:nl|be)" needs ".nl" or ".be".
		var out [][]string
		var run []string
		flush := func() {
			if len(run) > 0 {
				out = append(out, run)
			}
			run = nil
		}
		for _, s := range re.Sub {
			if set, ok := exact(s); ok {
				if run == nil {
					run = set
				} else if p, ok := product(run, set); ok {
					run = p
				} else {
					flush()
					run = set
				}
				continue
			}
			flush()
			out = append(out, need(s)...)
		}
		flush()
		return out
	case syntax.OpAlternate:
		// One of the branches matches: the union of one set from each.
		var union []string
		for _, s := range re.Sub {
			sets := need(s)
			if len(sets) == 0 {
				return nil
			}
			best := sets[0]
			for _, set := range sets[1:] {
				if shortest(set) > shortest(best) {
					best = set
				}
			}
			union = append(union, best...)
		}
		return [][]string{union}
	}
	return nil
}

// maxExact bounds the sets exact and product make.
const maxExact = 64

// exact returns every string re matches, when they are few.
func exact(re *syntax.Regexp) ([]string, bool) {
	switch re.Op {
	case syntax.OpLiteral:
		if re.Flags&syntax.FoldCase != 0 {
			return nil, false
		}
		return []string{string(re.Rune)}, true
	case syntax.OpEmptyMatch, syntax.OpBeginText, syntax.OpEndText, syntax.OpBeginLine,
		syntax.OpEndLine, syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return []string{""}, true
	case syntax.OpCharClass:
		var out []string
		for i := 0; i+1 < len(re.Rune); i += 2 {
			if re.Rune[i+1]-re.Rune[i] >= 8 || len(out) > 8 {
				return nil, false
			}
			for r := re.Rune[i]; r <= re.Rune[i+1]; r++ {
				out = append(out, string(r))
			}
		}
		return out, len(out) > 0 && len(out) <= 8
	case syntax.OpCapture:
		return exact(re.Sub[0])
	case syntax.OpQuest:
		set, ok := exact(re.Sub[0])
		if !ok || len(set) >= maxExact {
			return nil, false
		}
		return append(slices.Clone(set), ""), true
	case syntax.OpConcat:
		out := []string{""}
		for _, s := range re.Sub {
			set, ok := exact(s)
			if !ok {
				return nil, false
			}
			if out, ok = product(out, set); !ok {
				return nil, false
			}
		}
		return out, true
	case syntax.OpAlternate:
		var out []string
		for _, s := range re.Sub {
			set, ok := exact(s)
			if !ok || len(out)+len(set) > maxExact {
				return nil, false
			}
			out = append(out, set...)
		}
		return out, true
	}
	return nil, false
}

// product is every a followed by every b, if not too many.
func product(a, b []string) ([]string, bool) {
	if len(a)*len(b) > maxExact {
		return nil, false
	}
	out := make([]string, 0, len(a)*len(b))
	for _, x := range a {
		for _, y := range b {
			out = append(out, x+y)
		}
	}
	return out, true
}

// prefixes returns, for a pattern anchored at the start of the text, the
// strings one of which the text must start with; nil when there are none
// to derive. "^(ja|nee)(?:[.,]| dat)" needs "ja.", "ja,", "ja dat", ...
func prefixes(pattern string) []string {
	re, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		return nil
	}
	re = re.Simplify()
	for re.Op == syntax.OpCapture {
		re = re.Sub[0]
	}
	if re.Op != syntax.OpConcat || len(re.Sub) < 2 || re.Sub[0].Op != syntax.OpBeginText {
		return nil
	}
	out := []string{""}
	for _, s := range re.Sub[1:] {
		set, ok := exact(s)
		if !ok {
			break
		}
		p, ok := product(out, set)
		if !ok {
			break
		}
		out = p
	}
	// Shortest first; a string that starts with a kept one adds nothing.
	slices.SortStableFunc(out, func(a, b string) int { return len(a) - len(b) })
	var kept []string
	for _, p := range out {
		if p == "" {
			return nil
		}
		if !hasPrefix(p, kept) {
			kept = append(kept, p)
		}
	}
	return kept
}

// hasPrefix reports whether s starts with one of ps.
func hasPrefix(s string, ps []string) bool {
	if s == "" {
		return false // prefixes are never empty
	}
	for _, p := range ps {
		if p[0] == s[0] && len(s) >= len(p) && s[:len(p)] == p {
			return true
		}
	}
	return false
}

// firstLiterals returns, for a pattern of the form `(?:^|[^\pL])X` (the
// letter-aware boundary the rule file writes; any one rune will do), the
// literals one of which every match of X begins with; nil for other patterns or when X may begin
// otherwise. A match of such a pattern starts at the byte before the first
// place one of them occurs, or later: see window.
func firstLiterals(pattern string) []string {
	re, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		return nil
	}
	re = re.Simplify()
	if re.Op != syntax.OpConcat || len(re.Sub) < 2 || !boundary(re.Sub[0]) {
		return nil
	}
	lits := leading(re.Sub[1])
	for _, l := range lits {
		if l == "" {
			return nil
		}
	}
	return lits
}

// boundary reports whether re is the text's start or one rune, as
// (?:^|[^\pL]) is.
func boundary(re *syntax.Regexp) bool {
	if re.Op != syntax.OpAlternate || len(re.Sub) != 2 || re.Sub[0].Op != syntax.OpBeginText {
		return false
	}
	switch c := re.Sub[1]; c.Op {
	case syntax.OpCharClass, syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		return true
	case syntax.OpLiteral:
		return len(c.Rune) == 1
	}
	return false
}

// leading returns strings one of which every match of re begins with, or
// nil.
func leading(re *syntax.Regexp) []string {
	if set, ok := exact(re); ok {
		return set
	}
	switch re.Op {
	case syntax.OpCapture, syntax.OpPlus:
		return leading(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return leading(re.Sub[0])
		}
	case syntax.OpConcat:
		return leading(re.Sub[0])
	case syntax.OpAlternate:
		var out []string
		for _, s := range re.Sub {
			set := leading(s)
			if set == nil {
				return nil
			}
			out = append(out, set...)
		}
		return out
	}
	return nil
}

// window returns where in s to start looking for a match of a pattern
// whose firstLiterals are first, and false when there is none: the byte
// before the first literal's first occurrence. Running from there finds
// what running on all of s finds, as no match can start before, and the
// text's start, which the pattern's ^ would see there, cannot hold X since
// no literal occurs at it. With no ASCII byte before the literal, runes
// might be decoded differently: then 0.
func window(s string, first []string) (int, bool) {
	q := -1
	for _, l := range first {
		limit := len(s)
		if q >= 0 {
			limit = min(len(s), q+len(l)-1)
		}
		if i := strings.Index(s[:limit], l); i >= 0 && (q < 0 || i < q) {
			q = i
		}
	}
	switch {
	case q < 0:
		return 0, false
	case q == 0 || s[q-1] >= 0x80:
		return 0, true
	}
	return q - 1, true
}
