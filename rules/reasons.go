package rules

import (
	"slices"

	"github.com/pqtrack/pqtrack/tracker"
)

// A refusal often comes last, after its reasons, and says so: "De NMBS is
// als autonoom overheidsbedrijf zelf bevoegd voor haar personeel. Het gaat
// bovendien om een individueel dossier. Ik kan daarover dan ook geen
// informatie verstrekken." The sentences before "dan ook", "daarom",
// "dus" or "bijgevolg" give why it cannot be told, not what was asked.

// reasonsBefore gives the sentences before a refusal or an unknown that a
// rule found, and that opens with such a word, the refusal's role, back to the first that gives
// a figure, replies "Ja" or "Nee", or is evasive itself, at most three.
func reasonsBefore(sents []sentence, i int) {
	st := &sents[i]
	if i == 0 || st.role != tracker.RoleRefusal && st.role != tracker.RoleUnknown || st.rule != KindDeclined && st.rule != KindUnknown || !drawsConclusion(st) {
		return
	}
	r := slices.Index(tracker.Roles, st.role)
	for j := i - 1; j >= 0 && j >= i-3; j-- {
		p := &sents[j]
		if !readAsSubstance(p) ||
			givesFigure(p) || len(p.promises) > 0 || hasKind(p, KindReply) {
			return
		}
		p.role, p.conf, p.class = st.role, p.probs[r], classOf(st.role)
	}
}

// drawsConclusion reports whether one of the first words of st says it
// follows from what was said before.
func drawsConclusion(st *sentence) bool {
	for k, w := range st.words {
		if k > 6 {
			break
		}
		switch v := st.fold[w.start:w.end]; v {
		case "daarom", "dus", "bijgevolg", "derhalve", "zodoende":
			return true
		case "ook":
			if k > 0 && st.fold[st.words[k-1].start:st.words[k-1].end] == "dan" {
				return true
			}
		}
	}
	return false
}
