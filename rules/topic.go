package rules

import (
	"slices"
	"strings"

	"github.com/pqtrack/pqtrack/tracker"
)

// topicMarkers open a sentence that names the part of the question it
// speaks to: "Ten aanzien van het behoud van de vrijwillige brandweer wordt
// er momenteel onderzoek uitgevoerd", "Wat betreft de opsplitsing per
// provincie: die gegevens zijn niet beschikbaar". Folded, with the space
// after them.
var topicMarkers = []string{
	"ten aanzien van ", "wat betreft ", "voor wat betreft ", "met betrekking tot ",
	"aangaande ", "inzake ", "omtrent ", "over de ", "over het ",
}

// notTopics follow "over het" and "over de" as a manner, not a topic:
// "Over het algemeen ...".
var notTopics = []string{"algemeen", "geheel", "hele", "gehele"}

// topicFronted reports whether the sentence opens by naming its topic.
func topicFronted(st *sentence) bool {
	f := strings.TrimLeft(st.fold, " ")
	for _, m := range topicMarkers {
		if !strings.HasPrefix(f, m) {
			continue
		}
		return !slices.Contains(notTopics, reWordAt(f, len(m)))
	}
	return false
}

// evadesNamedPart reports whether the answer replies and also evades a
// part it names: a sentence that defers, puts off or declines and opens by
// naming its topic. Beside replies that is the rubric's partial answer: the
// named part is left open, whatever the rest delivers.
func evadesNamedPart(sents []sentence) bool {
	reply, named := false, false
	for i := range sents {
		st := &sents[i]
		switch {
		case st.role.Evasive() || groupOfKind(st.rule) > 0:
			named = named || topicFronted(st)
		case st.role == tracker.RoleReply:
			reply = true
		}
	}
	return reply && named
}

// evadesOwnPart reports whether a sub-question of its own (not moot) gets
// only sentences that evade, while another gets a reply: "Hoeveel
// aanvragen ...? Kunt u per provincie aangeven om hoeveel het gaat? ...
// Een verdeling over de provincies kan ik u niet geven." is the rubric's
// partial answer, however much the reply to the first part says.
func evadesOwnPart(a *answerFacts) bool {
	if len(a.subs) < 2 {
		return false
	}
	var reply, evade, other uint64
	for i := range a.sents {
		st := &a.sents[i]
		if st.sub >= len(a.subs) || st.sub >= 64 {
			continue
		}
		bit := uint64(1) << st.sub
		switch {
		case st.role == tracker.RoleReply && groupOfKind(st.rule) == 0:
			reply |= bit
		case st.role == tracker.RoleUnknown || st.role == tracker.RoleRefusal || st.role == tracker.RoleNotYet:
			// A pointer or a promise beside the parts replied to may
			// stand under the wrong one; a refusal or "not known"
			// speaks to its own.
			evade |= bit
		case st.role != tracker.RoleContext:
			other |= bit
		}
	}
	for i := range a.subs {
		if i < len(a.moot) && a.moot[i] || i >= 64 {
			continue
		}
		bit := uint64(1) << i
		if evade&bit != 0 && (reply|other)&bit == 0 && reply&^bit != 0 {
			return true
		}
	}
	return false
}
