package rules

import "strings"

// The regexps of the scanner run only on sentences that hold a literal of
// each set they need (see holds). Most of those literals are made of
// letters and digits alone ("gesteld", "ge", "kunnen"), and such a
// literal can only occur inside a word: a sentence holds it exactly when
// one of its words does. Which literals a word holds is kept with the
// matchers it may start (wordCands.lits), so a sentence's are the union
// of its words', found as scan reads them; only the other sets (" in",
// "€") are searched for in the sentence, and only when the rest holds
// and the sentence's words hold the words inside their literals ("in" of
// " in").

// maxWordLits is how many literals the scanner tells apart by words: the
// bits of wordCands.lits.
const maxWordLits = 64

// litNeed is what a regexp of the scanner needs: one mask of word
// literals for each set of them, and the other sets, which holds checks;
// otherMasks[j] has a bit for a word inside each literal of other[j], or
// is 0 when one has none.
type litNeed struct {
	masks      []uint64
	other      [][]string
	otherMasks []uint64
}

// wordLiterals sets sc.wordLits and sc.needs, for each matcher with a
// regexp and literals to need; the others keep a nil need and are checked
// by (*matcher).possible.
func (sc *scanner) wordLiterals() {
	sc.needs = make([]*litNeed, len(sc.ms))
	bit := map[string]int{}
	for i, m := range sc.ms {
		if m.re == nil || len(m.need) == 0 {
			continue
		}
		// bitOf returns the bit of the word literal lit, adding it.
		bitOf := func(lit string) (int, bool) {
			k, ok := bit[lit]
			if !ok && isWordLiteral(lit) && len(sc.wordLits) < maxWordLits {
				k, ok = len(sc.wordLits), true
				bit[lit] = k
				sc.wordLits = append(sc.wordLits, lit)
			}
			return k, ok
		}
		n := &litNeed{}
		for _, set := range m.need {
			// A text holds a member of set exactly when it holds one of
			// minimal(set), whose members are fewer and shorter.
			set = minimal(set)
			var mask uint64
			for _, lit := range set {
				k, ok := bitOf(lit)
				if !ok {
					mask = 0
					break
				}
				mask |= 1 << k
			}
			if mask != 0 {
				n.masks = append(n.masks, mask)
				continue
			}
			// A text that holds a literal holds the longest word in it.
			for _, lit := range set {
				k, ok := bitOf(longestWord(lit))
				if !ok {
					mask = 0
					break
				}
				mask |= 1 << k
			}
			n.other = append(n.other, set)
			n.otherMasks = append(n.otherMasks, mask)
		}
		sc.needs[i] = n
	}
}

// isWordLiteral reports whether lit is one word as words reads it, of two
// bytes or more: a word of a sentence shorter than that has no term
// cache entry, so no lits.
func isWordLiteral(lit string) bool {
	if len(lit) < 2 {
		return false
	}
	var buf [2]word
	ws := words(lit, buf[:0])
	return len(ws) == 1 && ws[0].start == 0 && ws[0].end == len(lit)
}

// longestWord returns the longest word of lit, as words reads them, or
// "".
func longestWord(lit string) string {
	best := ""
	for _, w := range words(lit, nil) {
		if w.end-w.start > len(best) {
			best = lit[w.start:w.end]
		}
	}
	return best
}

// holdsNeed reports whether the sentence s, whose words hold the word
// literals lits, holds what n stands for: holds(s, need) for the need it
// was made of.
func (n *litNeed) holdsNeed(s string, lits uint64) bool {
	for _, mask := range n.masks {
		if lits&mask == 0 {
			return false
		}
	}
	for j, set := range n.other {
		if m := n.otherMasks[j]; m != 0 && lits&m == 0 {
			return false
		}
		if !holdsOne(s, set) {
			return false
		}
	}
	return true
}

// literalBits returns the bits of the literals of lits that w holds.
func literalBits(w string, lits []string) uint64 {
	var b uint64
	for k, lit := range lits {
		if strings.Contains(w, lit) {
			b |= 1 << k
		}
	}
	return b
}
