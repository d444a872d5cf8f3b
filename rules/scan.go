package rules

import (
	"sync"
)

// scanner finds the rules' matches in a sentence. It indexes each phrase
// by one of its required words, so that a sentence tries only the phrases
// whose word it holds, in the order of the rules.
type scanner struct {
	ms     []*matcher
	rule   []*Rule
	exact  map[string][]int32 // whole word -> matchers
	prefix map[string][]int32 // first keyLen bytes of a "word*"
	suffix map[string][]int32 // last keyLen bytes of a "*word"
	always []int32            // matchers with no indexable word, regexps
}

// keyLen is how many bytes of a wildcard word the index keys on.
const keyLen = 3

// scanState is what one sentence's scan needs; kept in a pool.
type scanState struct {
	ws    []word
	mark  []uint32 // mark[i] == gen: matcher i is a candidate
	gen   uint32
	cands []int32
	spans [][2]int
}

var scanPool = sync.Pool{New: func() any { return new(scanState) }}

func (s *Set) scanner() *scanner {
	s.once.Do(func() { s.scan = newScanner(s.Rules) })
	return s.scan
}

func newScanner(rules []*Rule) *scanner {
	sc := &scanner{exact: map[string][]int32{}, prefix: map[string][]int32{}, suffix: map[string][]int32{}}
	for _, r := range rules {
		for i := range r.ms {
			id := int32(len(sc.ms))
			m := &r.ms[i]
			sc.ms = append(sc.ms, m)
			sc.rule = append(sc.rule, r)
			a := anchor(m)
			if a == nil {
				sc.always = append(sc.always, id)
				continue
			}
			for _, al := range a.alts {
				switch al.kind {
				case altExact:
					sc.exact[al.lit] = appendOnce(sc.exact[al.lit], id)
				case altPrefix:
					k := al.lit[:keyLen]
					sc.prefix[k] = appendOnce(sc.prefix[k], id)
				case altSuffix:
					k := al.lit[len(al.lit)-keyLen:]
					sc.suffix[k] = appendOnce(sc.suffix[k], id)
				}
			}
		}
	}
	return sc
}

func appendOnce(ids []int32, id int32) []int32 {
	if len(ids) > 0 && ids[len(ids)-1] == id {
		return ids
	}
	return append(ids, id)
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
func (sc *scanner) scan(s string, dated bool, st *scanState, found func(r *Rule, start, end int)) {
	st.ws = words(s, st.ws)
	if len(st.mark) < len(sc.ms) {
		st.mark = make([]uint32, len(sc.ms))
	}
	st.gen++
	if st.gen == 0 {
		clear(st.mark)
		st.gen = 1
	}
	st.cands = append(st.cands[:0], sc.always...)
	add := func(ids []int32) {
		for _, id := range ids {
			if st.mark[id] != st.gen {
				st.mark[id] = st.gen
				st.cands = append(st.cands, id)
			}
		}
	}
	for _, w := range st.ws {
		t := s[w.start:w.end]
		if ids, ok := sc.exact[t]; ok {
			add(ids)
		}
		if len(t) >= keyLen {
			if len(sc.prefix) > 0 {
				if ids, ok := sc.prefix[t[:keyLen]]; ok {
					add(ids)
				}
			}
			if len(sc.suffix) > 0 {
				if ids, ok := sc.suffix[t[len(t)-keyLen:]]; ok {
					add(ids)
				}
			}
		}
	}
	sortInt32(st.cands)
	for _, id := range st.cands {
		if !dated && dateOnly(sc.rule[id].Kind) {
			continue
		}
		m := sc.ms[id]
		st.spans = st.spans[:0]
		if m.toks != nil {
			st.spans = m.find(s, st.ws, st.spans)
		} else {
			st.spans = m.findRegexp(s, st.spans)
		}
		for _, sp := range st.spans {
			found(sc.rule[id], sp[0], sp[1])
		}
	}
}

// sortInt32 is an insertion sort: candidate lists are short.
func sortInt32(a []int32) {
	for i := 1; i < len(a); i++ {
		for j := i; j > 0 && a[j] < a[j-1]; j-- {
			a[j], a[j-1] = a[j-1], a[j]
		}
	}
}

// dateOnly reports whether rules of kind k matter only for sentences that
// hold a date: they decide which dates are promises (promise, future, past,
// withdrawn) or that a date only describes (context). They are never
// findings, so a sentence without dates need not try them.
func dateOnly(k Kind) bool {
	switch k {
	case KindPromise, KindFuture, KindPast, KindWithdrawn, KindContext:
		return true
	}
	return false
}
