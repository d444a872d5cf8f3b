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
// werken gestart?". A decision in the clause stands for the modal, in the
// present tense too, and waits whatever was asked but when: "Ik neem
// daarover pas een besluit als de evaluatie gereed is." does not say yes
// or no to "Bent u bereid ...?". A decision of the minister's own waits on
// its condition without "pas" too: "Die keuze maak ik wanneer de
// evaluatie is afgerond."
func onlyThen(st *sentence, ctx *answerContext) {
	if !readAsSubstance(st) || len(st.words) < 4 ||
		// Few sentences hold "pas" or a decision: look for them first,
		// in the marks of their words.
		!mayHoldWord(st, markPas|markDecide) {
		return
	}
	ask := ""
	if st.sub < len(ctx.asks) {
		ask = ctx.asks[st.sub]
	}
	if ask == askWhen || ctx.asksWhen {
		return
	}
	var pas, modal, decides, me, cond, anyCond, found, decided bool
	for k, w := range st.words {
		v := st.fold[w.start:w.end]
		// "Pas wanneer het rapport klaar is, kan ik ...", "..., neem ik
		// een standpunt in": the main clause opens with its verb after
		// the condition put first, and goes on the condition's clause.
		inverted := pas && cond && !modal && !decides && (modalVerbs[v] || k+1 < len(st.words) && subjectAfterVerb[st.fold[st.words[k+1].start:st.words[k+1].end]])
		if k > 0 && !inverted && clauseBreak(st.fold[st.words[k-1].end:w.start], v) && v != "wanneer" && v != "zodra" && v != "nadat" && v != "als" {
			found = found || pas && (modal || decides) && cond
			decided = decided || decides && (pas && cond || me && anyCond)
			pas, modal, decides, me, cond, anyCond = false, false, false, false, false, false
		}
		switch {
		case v == "pas":
			pas = true
		case modalVerbs[v]:
			modal = true
		case decideWords[v]:
			// "om ... te bepalen wat nodig is": another decides.
			if k == 0 || st.fold[st.words[k-1].start:st.words[k-1].end] != "te" {
				decides = true
			}
		case v == "ik" || v == "wij" || v == "we":
			me = true
		case v == "dat" && decides && !cond && !anyCond:
			// "Mijn standpunt is dat ...": the decision is given.
			decides = false
		case v == "als" && k+1 < len(st.words) && !subjectAfterVerb[st.fold[st.words[k+1].start:st.words[k+1].end]]:
			// "als volgt", "als minister": not a condition, unless "pas"
			// says so ("pas als blijkt dat ...").
			cond = cond || pas
		case v == "wanneer" || v == "zodra" || v == "nadat" || v == "als" || v == "na":
			cond, anyCond = cond || pas, true
		case v == "basis" || v == "afloop" || v == "afronding":
			cond = cond || pas
		case v == "werd" || v == "werden" || v == "was" || v == "waren" || v == "had" || v == "hadden" || v == "sinds" || v == "vorig" || v == "vorige":
			return
		}
	}
	decided = decided || decides && (pas && cond || me && anyCond)
	found = found || pas && (modal || decides) && cond || decided
	if !found || ask == askYesNo && !decided || givesFigure(st) {
		return
	}
	st.role, st.conf = tracker.RoleNotYet, st.probs[slices.Index(tracker.Roles, tracker.RoleNotYet)]
}

// modalVerbs are the modal and future verbs onlyThen reads.
var modalVerbs = setOf("zal", "zullen", "kan", "kunnen", "wil", "willen", "moet", "moeten")

// decideWords name a decision or a position to be taken: with "pas" and a
// condition they wait as a modal does ("Die keuze maak ik pas wanneer ...",
// "Pas als het advies er is, bepaal ik mijn standpunt").
var decideWords = setOf("besluit", "besluiten", "beslissing", "beslissingen", "beslis", "beslissen", "standpunt", "keuze",
	"keuzes", "afweging", "bepaal", "bepalen", "kies", "kiezen", "oordeel", "oordelen", "beoordelen", "uitspraak", "antwoorden",
	"zeggen", "meedelen")

// subjectAfterVerb follow the verb that opens a main clause put after its
// condition ("Pas wanneer ..., neem ik ..."), and "als" when it opens a
// condition ("als de evaluatie klaar is", not "als volgt").
var subjectAfterVerb = setOf("ik", "wij", "we", "de", "het", "die", "dat", "deze", "dit", "er", "zij", "ze", "hij", "men", "alle", "mijn", "onze")
