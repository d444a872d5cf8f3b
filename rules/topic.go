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
