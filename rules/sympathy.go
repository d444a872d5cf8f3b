package rules

import (
	"slices"

	"github.com/pqtrack/pqtrack/tracker"
)

// A minister who will not or cannot answer often opens with sympathy: "Ik
// begrijp de ongerustheid van de ouders.", "Ik begrijp de behoefte aan
// inzicht in ...", "Wij hebben alle begrip voor de bezorgdheid van de
// bewoners." Such a sentence says how the minister feels about the matter,
// not what was asked, so it is context; beside a refusal it must not make
// the answer partial. Under a question about those feelings ("Deelt u de
// bezorgdheid van de ouders?", "Hoe kijkt u naar ...?") it is the reply.

// sympathy gives a sentence read as a reply that only voices understanding
// of others' feelings the role of context.
func sympathy(st *sentence, ctx *answerContext) {
	if st.role != tracker.RoleReply || len(st.words) < 3 || len(st.words) > 24 || st.rule != "" {
		return
	}
	switch st.fold[st.words[0].start:st.words[0].end] {
	case "ik", "wij", "we":
	default:
		return
	}
	feel, verb := "", st.fold[st.words[1].start:st.words[1].end]
	switch verb {
	case "begrijp", "begrijpen", "deel", "delen":
	case "heb", "hebben":
		if !holdsWord(st, "begrip") {
			return
		}
	default:
		return
	}
	for _, w := range st.words[2:] {
		v := st.fold[w.start:w.end]
		switch {
		case feelings[v]:
			feel = v
		case contrastWords[v], isNumber(v):
			// "Ik begrijp de zorgen, maar de regeling blijft ...": the
			// rest of the sentence replies.
			return
		}
	}
	if feel == "" || termsHeld(ctx.question, Terms(feel)) > 0 || termsHeld(ctx.question, viewTerms) > 0 ||
		(verb == "deel" || verb == "delen") && st.sub < len(ctx.asks) && ctx.asks[st.sub] == askYesNo {
		// "Deelt u de bezorgdheid ...?", "Wat vindt u van ...?": the
		// feeling is what was asked.
		return
	}
	st.role, st.conf = tracker.RoleContext, st.probs[slices.Index(tracker.Roles, tracker.RoleContext)]
}

// feelings are the folded nouns of what others feel that a minister says
// to understand or share.
var feelings = setOf("zorg", "zorgen", "bezorgdheid", "bezorgdheden", "ongerustheid", "onrust", "frustratie", "frustraties",
	"teleurstelling", "onvrede", "ongenoegen", "emoties", "emotie", "gevoelens", "verontwaardiging", "boosheid",
	"ongerust", "bezorgd", "ontgoocheling", "behoefte", "vragen")

// viewTerms are the terms of a question that asks how the minister sees
// the matter (the stems of "begrijpt", "vindt", "oordeel", ...).
var viewTerms = []string{"begrijpt", "begrijp", "vindt", "vind", "oordel", "visie", "kijkt", "standpunt", "reactie", "beoordeelt"}

// contrastWords turn a sentence from what it grants to what it says.
var contrastWords = setOf("maar", "echter", "evenwel", "doch", "niettemin", "wel")
