package parse

import "strings"

// askedThenAnswered reads "Vraag n" labels with no answer label at all
// as questions each followed by its answer, unlabelled: "Vraag 1: Hoeveel
// ...? / In 2025 werd ...". A question is its paragraphs up to the last
// of the first three that ends in '?'; the answer is what follows. It
// returns nil unless r has two questions or more, none answered, and
// every one splits so, its answer ending a sentence.
func askedThenAnswered(r *result) *result {
	if len(r.items) < 2 || answered(r) {
		return nil
	}
	out := *r
	out.items = append(out.items[:0:0], r.items...)
	for i := range out.items {
		it := &out.items[i]
		paras := strings.Split(it.Question, "\n\n")
		k := -1
		for j := 0; j < len(paras) && j < 3; j++ {
			if endsQuestion(paras[j]) {
				k = j
			}
		}
		if k < 0 || k == len(paras)-1 || !endsSentence(paras[len(paras)-1]) {
			// No question, nothing after it, or only a note or a link
			// after it, as a questions-only document prints its sources.
			return nil
		}
		it.Question = strings.Join(paras[:k+1], "\n\n")
		it.Answer = strings.Join(paras[k+1:], "\n\n")
	}
	return &out
}
