package rules

// termSubs tells, for a term, the sub-questions that hold it, as a bit
// set: assign asks it of every term of every sentence. Most terms of an
// answer are in no sub-question, and a bit of their termBit turns them
// away without the hash and look-up of a map; the rest are compared with
// the few terms of that bit.
type termSubs struct {
	bits  [4]uint64 // the termBit of each of terms
	terms []string
	subs  []uint64 // subs[k] has bit q set when sub-question q holds terms[k]
}

// newTermSubs returns a termSubs with room for n terms.
func newTermSubs(n int) termSubs {
	return termSubs{terms: make([]string, 0, n), subs: make([]uint64, 0, n)}
}

// add records that sub-question q holds the term t.
func (ts *termSubs) add(t string, q int) {
	b := termBit(t)
	if ts.bits[b/64]&(1<<(b%64)) != 0 {
		for k, x := range ts.terms {
			if x == t {
				ts.subs[k] |= 1 << q
				return
			}
		}
	}
	ts.bits[b/64] |= 1 << (b % 64)
	ts.terms = append(ts.terms, t)
	ts.subs = append(ts.subs, 1<<q)
}

// of returns the sub-questions that hold the term t, whose termBit is b.
func (ts *termSubs) of(t string, b uint8) uint64 {
	if ts.bits[b/64]&(1<<(b%64)) == 0 {
		return 0
	}
	for k, x := range ts.terms {
		if x == t {
			return ts.subs[k]
		}
	}
	return 0
}
