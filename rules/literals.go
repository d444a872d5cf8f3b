package rules

import (
	"regexp/syntax"
	"slices"
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
		var out [][]string
		for _, s := range re.Sub {
			out = append(out, need(s)...)
		}
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
