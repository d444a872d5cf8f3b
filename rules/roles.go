package rules

import (
	"github.com/pqtrack/pqtrack/tracker"
)

// UseModel makes s read sentence roles with m instead of the embedded
// model (an office's own weights, see `pqtrack train --db`).
func (s *Set) UseModel(m *Model) { s.model = m }

// roleModel is the model s reads roles with.
func (s *Set) roleModel() *Model {
	if s.model != nil {
		return s.model
	}
	m, err := DefaultModel()
	if err != nil {
		// The embedded file is checked by a test; reaching this is a
		// broken build.
		panic(err)
	}
	return m
}

// readRoles gives every sentence its role, read by sc, a scorer of the
// role model, and from it the class the judgement counts: substance (""),
// context, or one of the evasive kinds. classify has run on each sentence:
// st.rule holds its class.
//
// The model weighs the words and what the rules found (the kinds of rule
// that matched, the class classify gave): it learned from the labels where
// the rules misfire ("Op 29 oktober is de Kamer geïnformeerd" is context,
// not a pointer). The rules stay the override where the language is
// certain: a direct "Ja."/"Nee." opening replies.
//
// evasiveAt is the probability at which an evasive role is read (chosen
// by `pqtrack train --cv 5`).
const evasiveAt = 0.35

func readRoles(sc *scorer, sents []sentence, ctx *answerContext) {
	for i := range sents {
		st := &sents[i]
		p := sc.predict(st, i, ctx)
		st.probs = p
		best := 0
		for r := range p {
			if p[r] > p[best] {
				best = r
			}
		}
		// An evasive role wins when the model gives it evasiveAt: missing
		// a dodge costs staff more than checking a reply.
		for r := range p {
			if tracker.Roles[r].Evasive() && p[r] >= evasiveAt && (p[r] > p[best] || !tracker.Roles[best].Evasive()) {
				best = r
			}
		}
		st.role, st.conf = tracker.Roles[best], p[best]
		notCommitted(st, &p)
		heldOpen(st, &p)
		stillCounts(st, &p)
		stillState(st, &p)
		notYetSaysNo(st, ctx, &p)
		countGiven(st, ctx, &p)
		locatesElsewhere(st, &p)
		annexOfAnswer(st)
		withheldAsked(st, &p)
		settledLater(st, &p)
		sympathy(st, ctx)
		disclosedElsewhere(st, ctx)
		untold(st, ctx)
		onlyThen(st, ctx)
		pointerSequel(sents, i)
		sameAsBefore(sents, i)
		scopeNote(sents, i)
		answersTogether(st)
		reply := false
		for _, h := range st.hits {
			reply = reply || h.rule.Kind == KindReply
		}
		if reply && st.role != tracker.RoleReply && st.role.Evasive() && !hasKind(st, KindDeclined) {
			// "Nee, zie antwoord 6." and "Ja, dat wordt nog bekeken"
			// reply first.
			st.role, st.conf = tracker.RoleReply, p[0]
		}
		st.class = classOf(st.role)
		if st.role == tracker.RoleReferral && !hasKind(st, KindDeferral) {
			// A pointer read from the words alone ("Zie ook ..."):
			// evasive only where nothing else is said.
			st.pointer = true
		}
	}
	for i := range sents {
		pointerPrelude(sents, i, ctx.asks)
		reasonsBefore(sents, i)
		reasonsBeside(sents, i)
	}
}

// readAsSubstance reports whether the model read st as a reply or
// context and no rule found a dodge in it: the sentences that the readers
// of the words (locatesElsewhere, disclosedElsewhere, untold, onlyThen,
// reasonsBefore) may find a dodge in after all.
func readAsSubstance(st *sentence) bool {
	return (st.role == tracker.RoleReply || st.role == tracker.RoleContext) && (st.rule == "" || st.rule == KindContext)
}

// classOf is the class the judgement counts for a role.
func classOf(r tracker.Role) Kind {
	switch r {
	case tracker.RoleContext:
		return KindContext
	case tracker.RoleReferral:
		return KindDeferral
	case tracker.RoleNotYet, tracker.RoleCommitment:
		return KindPending
	case tracker.RoleRefusal:
		return KindDeclined
	case tracker.RoleUnknown:
		return KindUnknown
	}
	return ""
}

func hasKind(st *sentence, k Kind) bool {
	for _, h := range st.hits {
		if h.rule.Kind == k {
			return true
		}
	}
	return false
}
