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
	return opensWithQuestion(st.text) && strings.Contains(st.text, "eantwoord") && answersTogetherRE.MatchString(st.text)
}

// opensWithQuestion reports whether s starts as answersTogetherRE needs:
// "vraag" or "vragen" after "de " or "op de ", in any case. Most
// sentences fail here, before the search for "eantwoord", which stops at
// every 'e'. None of these letters has a case fold outside ASCII.
func opensWithQuestion(s string) bool {
	if hasPrefixFold(s, "de ") {
		s = s[len("de "):]
	} else if hasPrefixFold(s, "op de ") {
		s = s[len("op de "):]
	}
	return hasPrefixFold(s, "vraag") || hasPrefixFold(s, "vragen")
}

// hasPrefixFold is strings.HasPrefix without regard to ASCII case, for a
// prefix in lower case: a byte at a time, as most texts differ at the
// first (strings.EqualFold costs a call and more).
func hasPrefixFold(s, prefix string) bool {
	if len(s) < len(prefix) {
		return false
	}
	for i := 0; i < len(prefix); i++ {
		if c := s[i]; c != prefix[i] && ('A' > c || c > 'Z' || c+'a'-'A' != prefix[i]) {
			return false
		}
	}
	return true
}

// answersTogether gives the role of context to such a sentence.
func answersTogether(st *sentence) {
	if st.role == tracker.RoleContext || !saysHowAnswered(st) {
		return
	}
	st.role, st.conf = tracker.RoleContext, st.probs[slices.Index(tracker.Roles, tracker.RoleContext)]
}
