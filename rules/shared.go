package rules

import (
	"slices"
	"strconv"
	"strings"

	"github.com/pqtrack/pqtrack/tracker"
)

// One answer often covers several questions ("2. tot 4.", "Antwoord op
// vragen 2 tot en met 4"), and replies to them in their order: "Het aantal
// lesuren wordt niet geregistreerd. In 2024 startten 1.216 zij-instromers.
// Het tekort is het grootst in Brussel." Judged whole against each question,
// the first question's "not registered" would make the third one declined.
// Each question is judged on the part of the shared answer that speaks to
// it.

// sharedGroup returns the questions that share its answer and their
// numbers, in order, and the place of it among them; nil when it shares
// with no other question whose text the document holds.
func sharedGroup(it *tracker.Item, questions map[int]string) (group []string, nums []int, self int) {
	if len(it.AnsweredWith) == 0 {
		return nil, nil, 0
	}
	nums = append([]int{it.Number}, it.AnsweredWith...)
	slices.Sort(nums)
	nums = slices.Compact(nums)
	for _, n := range nums {
		q, ok := questions[n]
		if !ok {
			return nil, nil, 0
		}
		if n == it.Number {
			self = len(group)
		}
		group = append(group, q)
	}
	if len(group) < 2 {
		return nil, nil, 0
	}
	return group, nums, self
}

// groupTerms returns the distinctive terms of each question of group:
// its terms but those all of the group's questions hold, which tell
// nothing; nil when no question has any. Every question of a group
// shares them, so Analyze finds them once a group (sharedTerms).
func groupTerms(group []string) []termSet {
	all := make([]termSet, len(group))
	for j, q := range group {
		all[j] = newTermSet(Terms(q))
	}
	// Each question's terms but those every question of the group holds.
	terms := make([]termSet, len(group))
	distinct := false
	for j := range all {
		var kept []string
		for _, t := range all[j].terms {
			if !heldByAll(all, t, termBit(t)) {
				kept = append(kept, t)
			}
		}
		terms[j] = newTermSet(kept)
		terms[j].when = asksAboutTime(group[j])
		distinct = distinct || len(kept) > 0
	}
	if !distinct {
		return nil
	}
	return terms
}

// heldByAll reports whether every set of sets holds t, whose termBit is b.
func heldByAll(sets []termSet, t string, b uint8) bool {
	for j := range sets {
		if !sets[j].has(t, b) {
			return false
		}
	}
	return true
}

// termSet is a set of terms, as groupTerms gives them for a question: the
// terms, and a bit set of their termBits, which tells most terms that are
// not among them without a comparison. A map of them cost an insert for
// every term of every question of a group, and a hash for every look-up.
type termSet struct {
	terms []string
	bits  [4]uint64
	when  bool // the question asks when (asksAboutTime)
}

// newTermSet returns the set of terms.
func newTermSet(terms []string) termSet {
	s := termSet{terms: terms}
	for _, t := range terms {
		b := termBit(t)
		s.bits[b/64] |= 1 << (b % 64)
	}
	return s
}

// has reports whether the set holds t, whose termBit is b.
func (s *termSet) has(t string, b uint8) bool {
	return s.bits[b/64]&(1<<(b%64)) != 0 && slices.Contains(s.terms, t)
}

// sharedTerms keeps groupTerms of each group of a document, by the
// numbers of its questions: each question of a group of n reads the same
// n questions' terms, n times n Terms without it.
type sharedTerms map[string][]termSet

// of returns groupTerms(group), for the group of those numbers.
func (c sharedTerms) of(nums []int, group []string) []termSet {
	key := make([]byte, 0, 4*len(nums))
	for _, n := range nums {
		key = strconv.AppendInt(key, int64(n), 10)
		key = append(key, ' ')
	}
	terms, ok := c[string(key)]
	if !ok {
		terms = groupTerms(group)
		c[string(key)] = terms
	}
	return terms
}

// answerSplit is how splitAnswer divides a shared answer among the
// questions of its group; it is the same for each of them (see
// lastAnswer.split).
type answerSplit struct {
	to []int // the question each sentence goes to; nil: all go to each
	n  int   // questions in the group
	// nearest: a question no sentence goes to takes the part of its
	// nearest neighbour (not so for paragraphs, which each hold one).
	nearest bool
}

// splitAnswer divides the sentences of a shared answer among the
// questions of a group whose distinctive terms are terms (groupTerms):
// each sentence goes to the question it shares the most of them with, and
// a sentence that shares none goes with the sentence before it, the first
// to the first question. The answer is split only when it reads as
// replies in the questions' order: sentences go to at least two of them
// and to at least half, and never back to an earlier one; otherwise each
// question's part is all of it.
func splitAnswer(answer string, sents []sentence, terms []termSet) answerSplit {
	if para, ok := paragraphSplit(answer, sents, terms); ok {
		return answerSplit{to: para, n: len(terms)}
	}
	to := make([]int, len(sents))
	cur, matched, last := 0, 0, -1
	for i := range sents {
		if best := mostShared(sents[i].terms, terms, cur); best >= 0 {
			if best < last {
				// Back to an earlier question: not a reply in their
				// order, so no sign of one.
				return answerSplit{}
			}
			if best != last {
				matched++
			}
			cur, last = best, best
		}
		to[i] = cur
	}
	if matched < 2 || 2*matched < len(terms) {
		// One answer for all ("Voor de beantwoording van de vragen
		// verwijs ik naar mijn brief"), which may share a word or two
		// with a question or two.
		return answerSplit{}
	}
	return answerSplit{to: to, n: len(terms), nearest: true}
}

// part returns the sentences of sents, as split, that go to question
// self.
func (sp answerSplit) part(sents []sentence, self int) []sentence {
	if sp.to == nil {
		return sents
	}
	// A question no sentence goes to is answered with its neighbour ("Ik
	// kan daarom ook geen rangschikking geven" in the reply to the figures
	// answers "Welke stations scoren het slechtst?"): the nearest before
	// it, else after it.
	part := self
	for d := 1; sp.nearest && !slices.Contains(sp.to, part); d++ {
		switch {
		case self-d >= 0 && slices.Contains(sp.to, self-d):
			part = self - d
		case self+d < sp.n && slices.Contains(sp.to, self+d):
			part = self + d
		case self-d < 0 && self+d >= sp.n:
			return sents
		}
	}
	out := sents[:0]
	for i := range sents {
		if sp.to[i] == part {
			out = append(out, sents[i])
		}
	}
	return out
}

// paragraphSplit returns the paragraph of each sentence of a shared
// answer that has one paragraph for each question of its group: "7. tot
// 9." followed by three paragraphs answers the three questions in their
// order, whatever words each shares with them. It does not split (ok
// false) when a paragraph shares more of its words with another question
// than with its own: the paragraphs then do not follow the questions.
func paragraphSplit(answer string, sents []sentence, terms []termSet) (para []int, ok bool) {
	if strings.Count(strings.TrimSpace(answer), "\n\n")+1 != len(terms) {
		return nil, false
	}
	para = make([]int, len(sents)) // the paragraph of each sentence
	n := 0
	for i := 1; i < len(sents); i++ {
		n += strings.Count(answer[sents[i-1].start:sents[i].start], "\n\n")
		para[i] = n
	}
	if n != len(terms)-1 {
		return nil, false // a paragraph holds no sentence
	}
	for p := range terms {
		var words []string
		timed := false
		for i := range sents {
			if para[i] == p {
				words = append(words, sents[i].terms...)
				timed = timed || namesTime(&sents[i])
			}
		}
		// A paragraph on a date ("Een datum kan ik nog niet geven.")
		// speaks to the question that asks when, whatever words it
		// shares with another.
		if best := mostShared(words, terms, p); best >= 0 && best != p && !(terms[p].when && timed) {
			return nil, false
		}
	}
	return para, true
}
