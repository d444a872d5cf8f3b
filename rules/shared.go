package rules

import (
	"slices"

	"github.com/pqtrack/pqtrack/tracker"
)

// One answer often covers several questions ("2. tot 4.", "Antwoord op
// vragen 2 tot en met 4"), and replies to them in their order: "Het aantal
// lesuren wordt niet geregistreerd. In 2024 startten 1.216 zij-instromers.
// Het tekort is het grootst in Brussel." Judged whole against each question,
// the first question's "not registered" would make the third one declined.
// Each question is judged on the part of the shared answer that speaks to
// it.

// sharedGroup returns the questions that share its answer, in the order of
// their numbers, and the place of it among them; nil when it shares with no
// other question whose text the document holds.
func sharedGroup(it *tracker.Item, questions map[int]string) (group []string, self int) {
	if len(it.AnsweredWith) == 0 {
		return nil, 0
	}
	nums := append([]int{it.Number}, it.AnsweredWith...)
	slices.Sort(nums)
	nums = slices.Compact(nums)
	for _, n := range nums {
		q, ok := questions[n]
		if !ok {
			return nil, 0
		}
		if n == it.Number {
			self = len(group)
		}
		group = append(group, q)
	}
	if len(group) < 2 {
		return nil, 0
	}
	return group, self
}

// ownPart returns the sentences of a shared answer that speak to question
// self of group: each sentence goes to the question it shares the most
// distinctive terms with (terms all of the group's questions hold tell
// nothing), and a sentence that shares none goes with the sentence before
// it, the first to the first question. The answer is split only when it
// reads as replies in the questions' order: sentences go to at least two
// of them and to at least half, and never back to an earlier one;
// otherwise all of them are self's part.
func ownPart(sents []sentence, group []string, self int) []sentence {
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
		return sents
	}
	to := make([]int, len(sents))
	cur, matched, last := 0, 0, -1
	for i := range sents {
		if best := mostShared(sents[i].terms, terms, cur); best >= 0 {
			if best < last {
				// Back to an earlier question: not a reply in their
				// order, so no sign of one.
				return sents
			}
			if best != last {
				matched++
			}
			cur, last = best, best
		}
		to[i] = cur
	}
	if matched < 2 || 2*matched < len(group) {
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
		case self+d < len(group) && slices.Contains(to, self+d):
			part = self + d
		case self-d < 0 && self+d >= len(group):
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
