package rules

import (
	"slices"

	"github.com/pqtrack/pqtrack/tracker"
)

// "Hoeveel klachten kwamen binnen? Hoeveel daarvan leidden tot een
// controle?" asks for two figures. An answer that gives one, and says
// nothing that the reader could put under the second question, has passed
// over it, however much it says around the first.

// howMany marks the parts of the question that ask "hoeveel", and counts
// them. Only "hoeveel" asks for a figure for sure: "Vindt u dat aantal
// voldoende?" and "Waar is dat bedrag te vinden?" name one.
func howMany(it *tracker.Item, a *answerFacts) ([]bool, int) {
	marks := make([]bool, len(a.asks))
	n := 0
	for k, ask := range a.asks {
		if ask == askCount && k < len(it.SubQuestions) && !(k < len(a.moot) && a.moot[k]) {
			marks[k] = slices.Contains(questionWords(a.ownOf(it.SubQuestions, k)), "hoeveel")
			if marks[k] {
				n++
			}
		}
	}
	return marks, n
}

// figuresGiven counts the figures in the answer's replies and context, up
// to most.
func figuresGiven(a *answerFacts, most int) int {
	n := 0
	for i := range a.sents {
		if st := &a.sents[i]; st.role == tracker.RoleReply || st.role == tracker.RoleContext {
			n += figuresIn(st, most)
		}
	}
	return n
}

// countsCovered makes an answer read as partial answered when the only
// parts without a reply of their own ask how many, it gives at least as
// many figures as the question asks for, and no sentence holds anything
// back: "Hoeveel gezinnen genoten het sociaal tarief voor elektriciteit?
// Hoeveel voor aardgas?" is answered by one sentence with both figures.
func countsCovered(it *tracker.Item, a *answerFacts) {
	if it.Status != tracker.Partial || len(a.asks) < 2 || anySentence(a.sents, func(st *sentence) bool { return st.role.Evasive() }) {
		return
	}
	asks, counts := howMany(it, a)
	if counts == 0 {
		return
	}
	var open []int
	for k := range a.asks {
		if k >= len(it.SubQuestions) || k < len(a.moot) && a.moot[k] ||
			anySentence(a.sents, func(st *sentence) bool { return st.sub == k && st.role == tracker.RoleReply }) {
			continue
		}
		if !asks[k] {
			return
		}
		open = append(open, k)
	}
	if len(open) == 0 || figuresGiven(a, counts) < counts {
		return
	}
	for _, k := range open {
		it.SubQuestions[k].Status = tracker.Answered
	}
	it.Status = tracker.Answered
}

// countsLeftOpen makes an answer read as answered partial when it gives
// fewer figures than the question asks for and a part that asks for one
// has no sentence of its own: "Welke teelten werden getroffen? Hoeveel
// bedrijven meldden schade?" is not answered by the crops alone. So does a
// part that asks for one and whose own sentences name no amount, where
// fewer sentences give a figure than parts ask for one: "Op 1 februari
// waren 2.316 units in gebruik, bij 684 scholen. Scholen zetten units in
// wanneer ..." does not say how many stand longer than five years.
func countsLeftOpen(it *tracker.Item, a *answerFacts) {
	if it.Status != tracker.Answered || len(a.asks) < 2 {
		return
	}
	asksHowMany, counts := howMany(it, a)
	silent := func(k int) bool { return !anySentence(a.sents, func(st *sentence) bool { return st.sub == k }) }
	// The figures are counted only where a part that asks for one has no
	// sentence of its own.
	anySilent := false
	for k, m := range asksHowMany {
		anySilent = anySilent || m && silent(k)
	}
	bare := func(k int) bool {
		return !silent(k) && !anySentence(a.sents, func(st *sentence) bool {
			return st.sub == k && (st.role != tracker.RoleReply && st.role != tracker.RoleContext || givesFigure(st) || namesAmount(st))
		})
	}
	anyBare := false
	for k, m := range asksHowMany {
		anyBare = anyBare || m && bare(k)
	}
	// A figure may stand under a part it does not answer ("Bij 214
	// daarvan ..." read under the first "hoeveel"): a part is bare only
	// where fewer sentences give a figure than parts ask for one.
	if anyBare {
		n := 0
		for i := range a.sents {
			if st := &a.sents[i]; (st.role == tracker.RoleReply || st.role == tracker.RoleContext) && givesFigure(st) {
				n++
			}
		}
		anyBare = n < counts
	}
	enough := figuresGiven(a, counts) >= counts
	if !anyBare && (!anySilent || enough) {
		return
	}
	for k := range a.asks {
		if !asksHowMany[k] || !(anyBare && bare(k) || silent(k) && !enough) {
			continue
		}
		// "Zo ja, hoeveel ...?" may be moot where the no is not read.
		if counts > 1 || !conditionalRE.MatchString(it.SubQuestions[k].Text) {
			it.SubQuestions[k].Status = tracker.Unanswered
			it.Status = tracker.Partial
		}
	}
}

// namesAmount says whether st names an amount in words: "zeven
// personeelsleden", "geen enkele", "de helft".
func namesAmount(st *sentence) bool {
	for _, w := range st.words {
		switch st.fold[w.start:w.end] {
		case "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien", "elf", "twaalf",
			"twintig", "dertig", "veertig", "vijftig", "honderd", "honderden", "duizend", "duizenden", "miljoen", "miljard",
			"geen", "niemand", "nergens", "nooit", "enkele", "helft", "derde", "kwart", "alle", "allemaal", "procent", "meeste", "weinig":
			return true
		}
	}
	return false
}
