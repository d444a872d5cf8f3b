package rules

import (
	"math/bits"
	"slices"
	"sync"

	"github.com/pqtrack/pqtrack/rules/dates"
)

// scanner finds the rules' matches in a sentence. It indexes each phrase
// by one of its required words, so that a sentence tries only the phrases
// whose word it holds, in the order of the rules.
type scanner struct {
	ms   []*matcher
	rule []*Rule
	// all indexes the rules tried on every sentence; dated those tried
	// only on sentences that hold a date (see dateOnly), so that their
	// words cost nothing elsewhere.
	all, dated index
	past       []int32 // matchers of KindPast rules, tried only on demand (see hasPast)
	// reach is, for an indexed phrase, how many words its match may start
	// before the word that put it in the index; -1 for the others.
	reach []int
	// wordLits are the literals that regexps need which words hold (see
	// wordlits.go); needs[i] is what matcher i's regexp needs in their
	// terms, or nil.
	wordLits []string
	needs    []*litNeed
	// tokens are the required tokens of phrases that words are checked
	// against (see wordtoks.go), found by toks; needToks[i] are those of
	// matcher i.
	tokens   []*ptoken
	toks     index
	needToks [][]uint16
	// allAlways and datedAlways are the matchers of all.always and
	// dated.always as bit sets of ids, which match starts each
	// sentence's candidates from.
	allAlways, datedAlways []uint64
}

// index finds the matchers a word may start.
type index struct {
	exact  map[string][]int32 // whole word -> matchers
	prefix map[string][]int32 // first keyLen bytes of a "word*"
	suffix map[string][]int32 // last keyLen bytes of a "*word"
	always []int32            // matchers with no indexable word, regexps
	// Filters in front of the maps, which most words miss: the lengths,
	// first two letters and first three letters of the exact words, and
	// the keys of prefix and suffix made of three letters a-z.
	exactLen                 uint64
	exactPair                [256]uint32
	exact3, prefix3, suffix3 trigrams
}

// keyLen is how many bytes of a wildcard word the index keys on.
const keyLen = 3

// scanState is what one sentence's scan needs; kept in a pool.
type scanState struct {
	ws   []word
	ents []*termEntry // term cache entry of each word of ws, nil under two bytes
	// cands is a bit set of the candidate matchers: tried in the order
	// of their numbers, which is the rules' order, with no sort.
	cands []uint64
	spans [][2]int
	// first and last word that made matcher i a candidate, when it is
	// one by a word.
	first, last []int
	pos         []int // folded positions, reused
	hits        []hit // one sentence's matches before dropContained
	// lits are the scanner's wordLits that the sentence's words hold, as
	// bits; toks the scanner's tokens they match.
	lits uint64
	toks []uint64
	// dateFlags are the dates.WordFlags of the words read, or-ed
	// together (see mayHoldDate).
	dateFlags uint8
	// marks are the wordMarks of the words read, or-ed together, with
	// markRead set.
	marks wordMark
	// classes are the classes (lexicon.go) of the words read that have
	// an entry, or-ed together.
	classes uint16
	// terms are the terms of the words read, as termBuf.add gives them,
	// and stems their entries.
	terms []string
	stems []*termEntry
}

var scanPool = sync.Pool{New: func() any { return new(scanState) }}

func (s *Set) scanner() *scanner {
	s.once.Do(func() { s.scan = newScanner(s.Rules) })
	return s.scan
}

func newScanner(rules []*Rule) *scanner {
	sc := &scanner{}
	for _, x := range []*index{&sc.all, &sc.dated} {
		x.exact, x.prefix, x.suffix = map[string][]int32{}, map[string][]int32{}, map[string][]int32{}
	}
	for _, r := range rules {
		x := &sc.all
		if dateOnly(r.Kind) {
			x = &sc.dated
		}
		for i := range r.ms {
			id := int32(len(sc.ms))
			m := &r.ms[i]
			sc.ms = append(sc.ms, m)
			sc.rule = append(sc.rule, r)
			if r.Kind == KindPast {
				sc.past = append(sc.past, id)
				sc.reach = append(sc.reach, -1)
				continue
			}
			a := anchor(m)
			if a == nil {
				x.always = append(x.always, id)
				sc.reach = append(sc.reach, -1)
				continue
			}
			sc.reach = append(sc.reach, reach(m, a))
			for _, al := range a.alts {
				switch al.kind {
				case altExact:
					x.exact[al.lit] = appendOnce(x.exact[al.lit], id)
				case altPrefix:
					k := al.lit[:keyLen]
					x.prefix[k] = appendOnce(x.prefix[k], id)
				case altSuffix:
					k := al.lit[len(al.lit)-keyLen:]
					x.suffix[k] = appendOnce(x.suffix[k], id)
				}
			}
		}
	}
	sc.all.filters()
	sc.dated.filters()
	sc.allAlways, sc.datedAlways = idBits(sc.all.always, len(sc.ms)), idBits(sc.dated.always, len(sc.ms))
	sc.wordLiterals()
	sc.wordTokens()
	return sc
}

// idBits returns the bit set of ids, n bits wide (rounded up to words).
func idBits(ids []int32, n int) []uint64 {
	bs := make([]uint64, (n+63)/64)
	for _, id := range ids {
		bs[id/64] |= 1 << (id % 64)
	}
	return bs
}

// filters sets the filters in front of the maps.
func (x *index) filters() {
	for w := range x.exact {
		if len(w) >= 3 {
			x.exact3.add(w[:3])
		}
		x.exactLen |= 1 << min(len(w), 63)
		if len(w) >= 2 && 'a' <= w[1] && w[1] <= 'z' {
			x.exactPair[w[0]] |= 1 << (w[1] - 'a')
		} else {
			x.exactPair[w[0]] = 1<<32 - 1
		}
	}
	for k := range x.prefix {
		x.prefix3.add(k)
	}
	for k := range x.suffix {
		x.suffix3.add(k)
	}
}

// mayBeExact reports whether t may be a key of x.exact.
func (x *index) mayBeExact(t string) bool {
	if t == "" || x.exactLen&(1<<min(len(t), 63)) == 0 {
		return false
	}
	if len(t) >= 2 && 'a' <= t[1] && t[1] <= 'z' && x.exactPair[t[0]]&(1<<(t[1]-'a')) == 0 {
		return false
	}
	return len(t) < 3 || x.exact3.may(t[:3])
}

// trigrams is a set of three-letter keys a-z; keys with other bytes are
// never ruled out.
type trigrams struct {
	bits  [(26*26*26 + 63) / 64]uint64
	other bool // a key not of three letters a-z was added
}

func trigramIndex(k string) (int, bool) {
	if len(k) != 3 {
		return 0, false
	}
	a, b, c := k[0]-'a', k[1]-'a', k[2]-'a'
	if a >= 26 || b >= 26 || c >= 26 {
		return 0, false
	}
	return int(a)*26*26 + int(b)*26 + int(c), true
}

func (g *trigrams) add(k string) {
	if i, ok := trigramIndex(k); ok {
		g.bits[i/64] |= 1 << (i % 64)
	} else {
		g.other = true
	}
}

// may reports whether k may have been added.
func (g *trigrams) may(k string) bool {
	if i, ok := trigramIndex(k); ok {
		return g.bits[i/64]&(1<<(i%64)) != 0
	}
	return g.other
}

func appendOnce(ids []int32, id int32) []int32 {
	if len(ids) > 0 && ids[len(ids)-1] == id {
		return ids
	}
	return append(ids, id)
}

// reach is how many words before the word matching its anchor token a
// the match of phrase m can start: each token before a takes one word,
// plus up to maxGap for "...".
func reach(m *matcher, a *ptoken) int {
	n := 0
	for i := 1; i < len(m.toks) && &m.toks[i-1] != a; i++ {
		n++
		if m.toks[i].gap {
			n += maxGap
		}
	}
	return n
}

// anchor picks the required word of a phrase to index it by: one whose
// alternatives are all whole words or wildcards of keyLen bytes or more,
// the one whose shortest alternative is longest. Nil for regexps and
// phrases with no such word.
func anchor(m *matcher) *ptoken {
	var best *ptoken
	bestLen := 0
	for i := range m.toks {
		t := &m.toks[i]
		if t.optional {
			continue
		}
		short := 1 << 30
		for _, a := range t.alts {
			switch {
			case a.kind == altExact:
				short = min(short, len(a.lit))
			case (a.kind == altPrefix || a.kind == altSuffix) && len(a.lit) >= keyLen:
				short = min(short, len(a.lit))
			default:
				short = 0
			}
		}
		if short > bestLen {
			best, bestLen = t, short
		}
	}
	return best
}

// scan calls found for each match in the folded sentence s, rule by rule
// in the order of the set, each rule's phrases and patterns in order. With
// dated false, rules that only help read dates are skipped (see dateOnly).
// Rules of KindPast are never tried here: their matches only ever decide
// whether a sentence that would promise does not (see findPromises), and
// their patterns are the slowest, so hasPast tries them when that arises.
func (sc *scanner) scan(s string, dated bool, st *scanState, found func(r *Rule, start, end int)) {
	sc.read(s, st)
	sc.match(s, dated, st, found)
}

// read finds the words of the folded sentence s and their term cache
// entries, into st.ws and st.ents: the first half of scan, which
// sentencesIn runs apart to ask the entries whether the sentence may hold
// a date (see mayHoldDate) before match.
func (sc *scanner) read(s string, st *scanState) {
	st.ws = words(s, st.ws)
	// Each word's entry in the term cache: it keeps the matchers the word
	// may start (see wordCands), and sentencesIn takes the terms from it.
	st.ents = slices.Grow(st.ents[:0], len(st.ws))[:len(st.ws)]
	// The words' dates.WordFlags, or-ed together as mayHoldDate needs
	// them, in the same loop: a word of one byte has no entry, and counts
	// as a digit when it is one.
	// And the sentence's terms, as termBuf.add finds them, in the same
	// loop too (st.terms, st.stems).
	// And the matchers of the rules tried on every sentence that each
	// word may start, and the literals and tokens it holds, for match
	// (which adds those of the rules for dated sentences).
	sc.startCands(st)
	var flags uint8
	marks := markRead
	var classes uint16
	var seen [4]uint64
	st.terms, st.stems = st.terms[:0], st.stems[:0]
	for i, w := range st.ws {
		var e *termEntry
		if w.end-w.start >= 2 {
			e = term(s[w.start:w.end])
			flags |= e.mayDate
			marks |= e.mark
			classes |= e.class
			if newTerm(st.terms, &seen, e) {
				st.terms = append(st.terms, e.stem)
				st.stems = append(st.stems, e)
			}
			// candsOf, with its first test written out (as wordsOf
			// does fastIndex.of's): a call a word otherwise.
			c := e.cands.Load()
			if c == nil || c.sc != sc {
				c = sc.candsOf(e)
			}
			st.lits |= c.lits
			for _, t := range c.toks {
				st.toks[t.i] |= t.bits
			}
			if len(c.all) > 0 {
				st.addCands(c.all, i)
			}
		} else {
			if c := s[w.start]; '0' <= c && c <= '9' {
				flags |= dates.WordDigit
			}
			sc.all.candidates(s[w.start:w.end], i, st.addCands)
		}
		st.ents[i] = e
	}
	st.dateFlags = flags
	st.marks = marks
	st.classes = classes
}

// startCands sets st's candidates to the matchers tried on every
// sentence but for the dated ones, and clears its literals and tokens.
func (sc *scanner) startCands(st *scanState) {
	if n := (len(sc.ms) + 63) / 64; len(st.cands) != n {
		st.cands = make([]uint64, n)
		st.first = make([]int, len(sc.ms))
		st.last = make([]int, len(sc.ms))
	}
	// The matchers tried on every sentence, a word of bits at a time.
	copy(st.cands, sc.allAlways)
	st.lits = 0
	if n := (len(sc.tokens) + 63) / 64; len(st.toks) != n {
		st.toks = make([]uint64, n)
	} else {
		clear(st.toks)
	}
}

// addCands makes the matchers ids candidates, word w one that made them
// so.
func (st *scanState) addCands(ids []int32, w int) {
	for _, id := range ids {
		b, bit := &st.cands[id/64], uint64(1)<<(id%64)
		if *b&bit == 0 {
			*b |= bit
			st.first[id] = w
		}
		st.last[id] = w
	}
}

// match is the second half of scan, on the sentence s that read read
// into st.
func (sc *scanner) match(s string, dated bool, st *scanState, found func(r *Rule, start, end int)) {
	// read made the candidates of the rules tried on every sentence; the
	// dated ones (dateOnly) are added here, to a sentence that holds a
	// date. An index is either the one or the other, so the words that
	// made a matcher a candidate are those the one loop would find.
	if dated {
		for i, b := range sc.datedAlways {
			st.cands[i] |= b
		}
		for wi := range st.ws {
			if e := st.ents[wi]; e != nil {
				if c := sc.candsOf(e); len(c.dated) > 0 {
					st.addCands(c.dated, wi)
				}
				continue
			}
			sc.dated.candidates(s[st.ws[wi].start:st.ws[wi].end], wi, st.addCands)
		}
	}
	for ci, bs := range st.cands {
		for ; bs != 0; bs &= bs - 1 {
			id := int32(ci*64 + bits.TrailingZeros64(bs))
			sc.try(id, s, st, found)
		}
	}
}

// try runs candidate matcher id on the sentence s that st read, calling
// found for each match.
func (sc *scanner) try(id int32, s string, st *scanState, found func(r *Rule, start, end int)) {
	m := sc.ms[id]
	st.spans = st.spans[:0]
	switch {
	case m.toks != nil && !st.hasTokens(sc.needToks[id]):
		// A required word is missing.
	case m.toks != nil && sc.reach[id] >= 0:
		// A match holds a word that made the phrase a candidate.
		lo := max(0, st.first[id]-sc.reach[id])
		st.spans = m.findIn(s, st.ws, lo, st.last[id], st.spans)
	case m.toks != nil:
		st.spans = m.find(s, st.ws, st.spans)
	default:
		st.spans = sc.findRegexp(id, s, st, st.spans)
	}
	for _, sp := range st.spans {
		found(sc.rule[id], sp[0], sp[1])
	}
}

// candidates calls add with the matchers each word of s may start.
func (x *index) candidates(t string, wi int, add func(ids []int32, w int)) {
	if x.mayBeExact(t) {
		if ids, ok := x.exact[t]; ok {
			add(ids, wi)
		}
	}
	if len(t) >= keyLen {
		if k := t[:keyLen]; x.prefix3.may(k) {
			if ids, ok := x.prefix[k]; ok {
				add(ids, wi)
			}
		}
		if k := t[len(t)-keyLen:]; x.suffix3.may(k) {
			if ids, ok := x.suffix[k]; ok {
				add(ids, wi)
			}
		}
	}
}

// wordCands are the matchers a word may start, in the order candidates
// gives them, in each index of a scanner: kept in the word's term cache
// entry, they spare the look-ups in the index of every word.
type wordCands struct {
	sc         *scanner // the scanner they are of
	all, dated []int32
	lits       uint64    // the scanner's wordLits the word holds
	toks       []tokBits // the scanner's tokens the word matches
}

// tokBits are tokens of a scanner as bits of word i of a bit set: a word
// matches few tokens, and most of them lie in one or two words of the set.
type tokBits struct {
	i    int
	bits uint64
}

// groupTokens turns token numbers into tokBits.
func groupTokens(ids []uint16) []tokBits {
	var out []tokBits
	for _, id := range ids {
		i := int(id / 64)
		k := slices.IndexFunc(out, func(t tokBits) bool { return t.i == i })
		if k < 0 {
			k = len(out)
			out = append(out, tokBits{i: i})
		}
		out[k].bits |= 1 << (id % 64)
	}
	return out
}

// candsOf returns the matchers e's word may start, from e when they were
// found for sc before.
func (sc *scanner) candsOf(e *termEntry) *wordCands {
	if c := e.cands.Load(); c != nil && c.sc == sc {
		return c
	}
	c := &wordCands{sc: sc, lits: literalBits(e.word, sc.wordLits), toks: groupTokens(sc.tokensOf(e.word))}
	sc.all.candidates(e.word, 0, func(ids []int32, _ int) { c.all = append(c.all, ids...) })
	sc.dated.candidates(e.word, 0, func(ids []int32, _ int) { c.dated = append(c.dated, ids...) })
	e.cands.Store(c)
	return c
}

// hasPast reports whether a rule of KindPast matches the folded sentence s
// whose words scan last found in st within [lo, hi) of s; span maps a
// match in s to the text's offsets.
func (sc *scanner) hasPast(s string, st *scanState, lo, hi int, span func(int, int) (int, int)) bool {
	for _, id := range sc.past {
		m := sc.ms[id]
		st.spans = st.spans[:0]
		switch {
		case m.toks != nil && !st.hasTokens(sc.needToks[id]):
		case m.toks != nil:
			st.spans = m.find(s, st.ws, st.spans)
		default:
			st.spans = sc.findRegexp(id, s, st, st.spans)
		}
		for _, sp := range st.spans {
			if a, _ := span(sp[0], sp[1]); a >= lo && a < hi {
				return true
			}
		}
	}
	return false
}

// findRegexp is the findRegexp of matcher id, with the literals it needs
// that words hold looked up in st.lits: s is the sentence st scans, or
// last scanned.
func (sc *scanner) findRegexp(id int32, s string, st *scanState, out [][2]int) [][2]int {
	m := sc.ms[id]
	n := sc.needs[id]
	if n == nil {
		return m.findRegexp(s, out)
	}
	if m.prefix != nil && !hasPrefix(s, m.prefix) {
		return out
	}
	if !n.holdsNeed(s, st.lits) {
		return out
	}
	return m.runRegexp(s, out)
}

// dateOnly reports whether rules of kind k matter only for sentences that
// hold a date: they decide which dates are promises (promise, future, past,
// withdrawn, deliverable, effect) or that a date only describes (context). They are never
// findings, so a sentence without dates need not try them.
func dateOnly(k Kind) bool {
	switch k {
	case KindPromise, KindFuture, KindPast, KindWithdrawn, KindContext, KindDeliverable, KindEffect:
		return true
	}
	return false
}
