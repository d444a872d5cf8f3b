package rules

import (
	"slices"

	"github.com/pqtrack/pqtrack/tracker"
)

// "Aanpassingen zal ik pas voorstellen wanneer ik dat rapport heb kunnen
// bestuderen." "Pas op basis daarvan kan worden beoordeeld welke
// bijsturingen nodig zijn." "pas" with a modal or future verb and a
// condition still to be met says that what was asked waits on it, whatever
// the verb: the rule phrases list verbs of deciding and judging; this
// reads the clause by its parts.

// onlyThen gives a sentence read as a reply or context, with no rule of its
// own, the role not-yet when one of its clauses holds "pas", a modal or
// future verb and a condition ("wanneer", "zodra", "nadat", "als", "na",
// "op basis van"), and no past tense. It leaves the sentence be under a
// sub-question that asks when or asks yes or no: "De werken zullen pas na
// de zomer starten" replies to "Wanneer starten de werken?" and "Zijn de
// werken gestart?".
func onlyThen(st *sentence, ctx *answerContext) {
	if !readAsSubstance(st) || len(st.words) < 4 ||
		// Few sentences hold "pas": look for it first, in the marks of
		// their words.
		!mayHoldWord(st, markPas) {
		return
	}
	if st.sub < len(ctx.asks) && (ctx.asks[st.sub] == askWhen || ctx.asks[st.sub] == askYesNo) || ctx.asksWhen {
		return
	}
	var pas, modal, cond, found bool
	for k, w := range st.words {
		v := st.fold[w.start:w.end]
		if k > 0 && clauseBreak(st.fold[st.words[k-1].end:w.start], v) && v != "wanneer" && v != "zodra" && v != "nadat" && v != "als" {
			found = found || pas && modal && cond
			pas, modal, cond = false, false, false
		}
		switch v {
		case "pas":
			pas = true
		case "zal", "zullen", "kan", "kunnen", "wil", "willen", "moet", "moeten":
			modal = true
		case "wanneer", "zodra", "nadat", "als", "na", "basis", "afloop", "afronding":
			cond = cond || pas
		case "werd", "werden", "was", "waren", "had", "hadden", "sinds", "vorig", "vorige":
			return
		}
	}
	if !found && !(pas && modal && cond) || givesFigure(st) {
		return
	}
	st.role, st.conf = tracker.RoleNotYet, st.probs[slices.Index(tracker.Roles, tracker.RoleNotYet)]
}
