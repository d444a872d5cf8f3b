package rules

import (
	"slices"
	"strconv"

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
func groupTerms(group []string) []map[string]bool {
	terms := make([]map[string]bool, len(group))
	seen := map[string]int{}
	for j, q := range group {
		terms[j] = map[string]bool{}
		for _, t := range Terms(q) {
			if !terms[j][t] {
				terms[j][t] = true
				seen[t]++
			}
		}
	}
	distinct := false
	for j := range terms {
		for t := range terms[j] {
			if seen[t] == len(group) {
				delete(terms[j], t)
			}
		}
		distinct = distinct || len(terms[j]) > 0
	}
	if !distinct {
		return nil
	}
	return terms
}

// sharedTerms keeps groupTerms of each group of a document, by the
// numbers of its questions: each question of a group of n reads the same
// n questions' terms, n times n Terms without it.
type sharedTerms map[string][]map[string]bool

// of returns groupTerms(group), for the group of those numbers.
func (c sharedTerms) of(nums []int, group []string) []map[string]bool {
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

// ownPart returns the sentences of a shared answer that speak to question
// self of a group whose questions have the distinctive terms terms
// (groupTerms): each sentence goes to the question it shares the most of
// them with, and a sentence that shares none goes with the sentence
// before it, the first to the first question. The answer is split only
// when it reads as replies in the questions' order: sentences go to at
// least two of them and to at least half, and never back to an earlier
// one, unless a single shared word is all that order costs (inOrder);
// otherwise, or when terms is nil, all of them are self's part.
func ownPart(sents []sentence, terms []map[string]bool, self int) []sentence {
	if terms == nil {
		return sents
	}
	to := make([]int, len(sents))
	cur, matched, last := 0, 0, -1
	for i := range sents {
		if best := mostShared(sents[i].terms, terms, cur); best >= 0 {
			if best < last {
				// Back to an earlier question: not a reply in their
				// order, unless one sentence alone is out of it.
				var ok bool
				if to, matched, ok = inOrder(sents, terms); !ok {
					return sents
				}
				break
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
		return sents
	}
	// A question no sentence goes to is answered with its neighbour ("Ik
	// kan daarom ook geen rangschikking geven" in the reply to the figures
	// answers "Welke stations scoren het slechtst?"): the nearest before
	// it, else after it.
	part := self
	for d := 1; !slices.Contains(to, part); d++ {
		switch {
		case self-d >= 0 && slices.Contains(to, self-d):
			part = self - d
		case self+d < len(terms) && slices.Contains(to, self+d):
			part = self + d
		case self-d < 0 && self+d >= len(terms):
			return sents
		}
	}
	out := sents[:0]
	for i := range sents {
		if to[i] == part {
			out = append(out, sents[i])
		}
	}
	return out
}

// inOrder reads the sentences of a shared answer as replies to its
// questions in their order when one shared word is all that order costs:
// "... 312 aanvallen gemeld. ... Bij de overige meldingen ging het om
// honden. In 2024 betaalde het ANB ... schadevergoeding" replies to the
// attacks, then the damages, though "meldingen" is a word of the third
// question, about the time from a report to the payment. Of the
// assignments that never go back to an earlier question, it takes the one
// that shares the most words with its questions (a sentence that shares
// none stays with the one before it); ok is false when that shares two
// words or more fewer than each sentence's best question would. It
// returns each sentence's question and how many questions got a sentence
// that shares a word with them.
func inOrder(sents []sentence, terms []map[string]bool) (to []int, matched int, ok bool) {
	nq := len(terms)
	shares := func(i, q int) int {
		n := 0
		for _, t := range sents[i].terms {
			if terms[q][t] {
				n++
			}
		}
		return n
	}
	// best[q]: the most words the sentences so far share with their
	// questions, the last of them going to q or before; from[i][q]: the
	// question sentence i goes to on that best path.
	best := make([]int, nq)
	from := make([][]int, len(sents))
	free := 0 // the most each sentence could share, summed
	for i := range sents {
		from[i] = make([]int, nq)
		most := 0
		next := make([]int, nq)
		for q := range nq {
			n := shares(i, q)
			most = max(most, n)
			next[q] = best[q] + n
			from[i][q] = q
			if q > 0 && next[q-1] > next[q] {
				// Better to have stopped at an earlier question.
				next[q], from[i][q] = next[q-1], from[i][q-1]
			}
		}
		free += most
		best = next
	}
	if free-best[nq-1] > 1 {
		return nil, 0, false
	}
	to = make([]int, len(sents))
	q := nq - 1
	for i := len(sents) - 1; i >= 0; i-- {
		q = from[i][q]
		to[i] = q
	}
	// A sentence that shares no word with its question stays with the
	// one before it.
	seen := make([]bool, nq)
	for i := range sents {
		if shares(i, to[i]) == 0 {
			if i > 0 {
				to[i] = to[i-1]
			} else {
				to[i] = 0
			}
			continue
		}
		seen[to[i]] = true
	}
	for _, s := range seen {
		if s {
			matched++
		}
	}
	return to, matched, true
}
