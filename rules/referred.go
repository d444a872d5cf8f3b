package rules

import (
	"slices"

	"github.com/pqtrack/pqtrack/tracker"
)

// "Voor de uitkomsten verwijs ik u naar dat rapport." names what was asked
// and sends the reader elsewhere for it: whatever the answer says around
// it (what the study was, when the report was sent) describes the place,
// not what was asked. A pointer that names nothing asked ("Zie ook mijn
// brief van ...") sits beside the reply instead.

// coreReferred makes a part deferred when a pointer fronts what that part
// asks for in its own words and no reply under the part gives a figure or
// settles it; the answer is deferred when no other part is replied to.
func coreReferred(it *tracker.Item, a *answerFacts) {
	if it.Status != tracker.Answered && it.Status != tracker.Partial {
		return
	}
	sents := a.sents
	for i := range sents {
		st := &sents[i]
		if st.role != tracker.RoleReferral || !frontsAsked(st, a) {
			continue
		}
		k := st.sub
		if settled(sents, k, a.asks) || anySentence(sents, func(r *sentence) bool {
			return r.sub == k && r.role == tracker.RoleReply && givesFigure(r)
		}) {
			continue
		}
		if k < len(it.SubQuestions) {
			it.SubQuestions[k].Status = tracker.Deferred
		}
		if repliedBeside(a, func(j int) bool { return j == k }) {
			it.Status = tracker.Partial
		} else {
			it.Status = tracker.Deferred
		}
		return
	}
}

// frontsAsked reports whether st opens "Voor ..." with a term of the
// question it stands under before its verb of pointing: "Voor de
// uitkomsten verwijs ik u naar ...", "Voor de stand van de uitvoering
// verwijs ik naar ...".
func frontsAsked(st *sentence, a *answerFacts) bool {
	ws := st.words
	if len(ws) < 3 || st.fold[ws[0].start:ws[0].end] != "voor" {
		return false
	}
	terms := a.partTerms(st.sub)
	ents := st.wordEnts
	if len(ents) != len(ws) {
		ents = nil
	}
	for n := 1; n < len(ws); n++ {
		switch st.fold[ws[n].start:ws[n].end] {
		case "verwijs", "verwijzen", "verwezen", "zie":
			return false
		}
		if e := entryAt(st.fold, ws[n], ents, n); !e.skip && slices.Contains(terms, e.stem) {
			return true
		}
	}
	return false
}
