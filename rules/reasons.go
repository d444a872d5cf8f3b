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
// rule found, and that opens with such a word, the refusal's role, back to
// the first that gives a figure, replies "Ja" or "Nee", or is evasive in
// another way, at most three. One of the same role is a reason too and is
// stepped over.
func reasonsBefore(sents []sentence, i int) {
	st := &sents[i]
	if i == 0 || st.role != tracker.RoleRefusal && st.role != tracker.RoleUnknown || st.rule != KindDeclined && st.rule != KindUnknown || !drawsConclusion(st) {
		return
	}
	r := slices.Index(tracker.Roles, st.role)
	for j := i - 1; j >= 0 && j >= i-3; j-- {
		p := &sents[j]
		if p.role == st.role {
			continue // "De voorwaarden vallen onder het zakengeheim."
		}
		if !mayBeReason(p) {
			return
		}
		takeRole(p, st.role, r)
	}
}

// mayBeReason reports whether p, beside a refusal, may be its reason: read
// as a reply or context by nothing but the model, with no figure, promise
// or yes or no of its own.
func mayBeReason(p *sentence) bool {
	return readAsSubstance(p) && !givesFigure(p) && len(p.promises) == 0 && !hasKind(p, KindReply)
}

// takeRole gives p the role r, the r-th of tracker.Roles, with the
// model's probability of it.
func takeRole(p *sentence, role tracker.Role, r int) {
	p.role, p.conf, p.class = role, p.probs[r], classOf(role)
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

// reasonsBeside gives the sentences next to a refusal that a rule found
// its role when they name a reason to refuse, a secret or an inquiry under
// way (the lexicon's class secret), and may be its reason: "Het ongeval
// maakt het voorwerp uit van een gerechtelijk onderzoek." "Het gaat
// bovendien om een individueel dossier." They say why it is not told, not
// what was asked. Someone else's competence (the class competence) is
// named in replies too: "Er zijn geen signalen vanuit de toezichthouders
// dat ..." replies.
func reasonsBeside(sents []sentence, i int) {
	st := &sents[i]
	if st.role != tracker.RoleRefusal || st.rule != KindDeclined {
		return
	}
	r := slices.Index(tracker.Roles, st.role)
	for _, j := range [2]int{i - 1, i + 1} {
		if j < 0 || j >= len(sents) {
			continue
		}
		if p := &sents[j]; p.classes&reasonClasses != 0 && mayBeReason(p) {
			takeRole(p, st.role, r)
		}
	}
}

// reasonClasses are the lexicon's classes of reasons to refuse.
var reasonClasses = uint16(1) << slices.Index(classNames, "secret")
