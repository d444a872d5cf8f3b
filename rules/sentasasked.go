package rules

import "github.com/pqtrack/pqtrack/tracker"

// A sentence that says the members were sent or told something ("Het
// evaluatierapport heb ik op 2 september 2026 aan de Kamer gezonden.")
// points to that letter instead of answering, unless sending it is what
// was asked: "Wanneer stuurt u het evaluatierapport naar de Kamer?",
// "Heeft u de Kamer over de vertraging geïnformeerd?".

// sentAsAsked makes such a pointer a reply, by its class (the rules',
// for ruleStatus, or its role's) and its role, under a sub-question that asks
// when the members will be sent or told something, or asks yes or no with
// a verb of sending or telling of its own ("Kunt u de Kamer een overzicht
// geven?" asks for the overview, not for it to be sent).
func sentAsAsked(sents []sentence, subs []tracker.SubQuestion, q *questionFacts) {
	for i := range sents {
		st := &sents[i]
		if st.class != KindDeferral || st.sub >= len(subs) || !informsMembers(st) {
			continue
		}
		sub := subs[st.sub].Text
		if !(q.asksWhen(st.sub) && asksToInform(sub) || yesNoVerb(q.own[st.sub]) != "" && namesInforming(sub, false)) {
			continue
		}
		st.class, st.pointer = "", false
		if st.role == tracker.RoleReferral {
			st.role, st.conf = tracker.RoleReply, st.probs[0]
		}
	}
}
