package rules

import (
	"regexp"
	"slices"
	"strings"

	"github.com/pqtrack/pqtrack/tracker"
)

// answersTogetherRE finds a sentence that only says how questions are
// answered: "De vragen 5 en 6 beantwoorden wij samen.", "Vraag 3 en 4
// worden gezamenlijk beantwoord.", "De vragen 6 tot en met 8 beantwoord ik
// in samenhang." It replies to nothing; the model, reading "beantwoord"
// and a question's words, may take it for a reply.
var answersTogetherRE = regexp.MustCompile(`(?i)^(?:de |op de )?(?:vragen|vraag) \d{1,3}(?:(?:,| en| tot en met| t/m| tot) (?:vraag )?\d{1,3})+ (?:(?:beantwoord\S*|worden|wordt) ){1,2}(?:ik |wij |we )?(?:samen|gezamenlijk|in samenhang|tegelijk|tegelijkertijd|hieronder|als volgt)(?: beantwoord)?[.:]?$`)

// saysHowAnswered reports whether st says only how questions are answered.
func saysHowAnswered(st *sentence) bool {
	return strings.Contains(st.text, "eantwoord") && answersTogetherRE.MatchString(st.text)
}

// answersTogether gives the role of context to such a sentence.
func answersTogether(st *sentence) {
	if st.role == tracker.RoleContext || !saysHowAnswered(st) {
		return
	}
	st.role, st.conf = tracker.RoleContext, st.probs[slices.Index(tracker.Roles, tracker.RoleContext)]
}
