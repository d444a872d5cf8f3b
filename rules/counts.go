package rules

import (
	"slices"

	"github.com/pqtrack/pqtrack/tracker"
)

// "Hoeveel klachten kwamen binnen? Hoeveel daarvan leidden tot een
// controle?" asks for two figures. An answer that gives one, and says
// nothing that the reader could put under the second question, has passed
// over it, however much it says around the first.

// countsLeftOpen makes an answer read as answered partial when it gives
// fewer figures than the question asks for and a part that asks for one
// has no sentence of its own.
func countsLeftOpen(it *tracker.Item, a *answerFacts) {
	if it.Status != tracker.Answered || len(a.asks) < 2 {
		return
	}
	// Only "hoeveel" asks for a figure for sure: "Vindt u dat aantal
	// voldoende?" and "Waar is dat bedrag te vinden?" name one.
	asksHowMany := make([]bool, len(a.asks))
	counts := 0
	for k, ask := range a.asks {
		if ask == askCount && k < len(it.SubQuestions) && !(k < len(a.moot) && a.moot[k]) {
			asksHowMany[k] = slices.Contains(questionWords(ownSentence(it.SubQuestions[k].Text)), "hoeveel")
			if asksHowMany[k] {
				counts++
			}
		}
	}
	if counts < 2 {
		return
	}
	figures := 0
	for i := range a.sents {
		if st := &a.sents[i]; st.role == tracker.RoleReply || st.role == tracker.RoleContext {
			figures += figuresIn(st, counts)
		}
	}
	if figures >= counts {
		return
	}
	for k := range a.asks {
		if !asksHowMany[k] {
			continue
		}
		if !anySentence(a.sents, func(st *sentence) bool { return st.sub == k }) {
			it.SubQuestions[k].Status = tracker.Unanswered
			it.Status = tracker.Partial
		}
	}
}
