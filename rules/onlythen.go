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
		// "Pas wanneer het rapport klaar is, kan ik ...": the main clause
		// opens with its verb after the condition put first, and goes on
		// the condition's clause.
		inverted := pas && cond && !modal && modalVerbs[v]
		if k > 0 && !inverted && clauseBreak(st.fold[st.words[k-1].end:w.start], v) && v != "wanneer" && v != "zodra" && v != "nadat" && v != "als" {
			found = found || pas && modal && cond
			pas, modal, cond = false, false, false
		}
		switch {
		case v == "pas":
			pas = true
		case modalVerbs[v]:
			modal = true
		case v == "wanneer" || v == "zodra" || v == "nadat" || v == "als" || v == "na" || v == "basis" || v == "afloop" || v == "afronding":
			cond = cond || pas
		case v == "werd" || v == "werden" || v == "was" || v == "waren" || v == "had" || v == "hadden" || v == "sinds" || v == "vorig" || v == "vorige":
			return
		}
	}
	if !found && !(pas && modal && cond) || givesFigure(st) {
		return
	}
	st.role, st.conf = tracker.RoleNotYet, st.probs[slices.Index(tracker.Roles, tracker.RoleNotYet)]
}

// modalVerbs are the modal and future verbs onlyThen reads.
var modalVerbs = setOf("zal", "zullen", "kan", "kunnen", "wil", "willen", "moet", "moeten")
