package rules

import (
	"slices"
	"strings"

	"github.com/pqtrack/pqtrack/tracker"
)

// A minister often repeats what was asked as an indirect question and
// then holds it back in the main clause: "Welke bedrijven een boete
// kregen, maak ik niet bekend.", "Welke gemeenten subsidie kregen, weet
// ik niet.", "Wanneer de brug opengaat, kan ik nog niet zeggen." The
// model weighs the question's words the sentence repeats and reads a
// reply; the main clause says the opposite.

// withheldAsked gives a sentence that opens with an indirect question
// ("Welke ...", "Of ...") and denies in its main clause, with the minister
// speaking or a word of knowing, the role of what it holds back: not yet
// with "nog", not known with a word of knowing, a refusal otherwise. It
// leaves sentences a rule has read, and those that give a figure or say
// that something cannot be ruled out or denied, which reply.
func withheldAsked(st *sentence, p *[nRoles]float64) {
	if st.role.Evasive() || groupOfKind(st.rule) != 0 || len(st.words) < 4 {
		return
	}
	// The opening word before the figures: it turns most sentences away,
	// and givesFigure reads every byte of those without a digit.
	if first := st.fold[st.words[0].start:st.words[0].end]; first != "of" && !echoesQuestion(st) || givesFigure(st) {
		return
	}
	// The main clause follows the comma that closes the indirect
	// question.
	comma := strings.IndexByte(st.fold, ',')
	if comma < 0 {
		return
	}
	speaker, neg, still, know, publish := false, false, false, false, false
	for _, w := range st.words {
		if w.start < comma {
			continue
		}
		switch v := st.fold[w.start:w.end]; {
		case v == "ik" || v == "wij" || v == "we":
			speaker = true
		case isNegation(v):
			neg = true
		case v == "nog":
			still = true
		case v == "maak" || v == "maken":
			publish = true // "maak ik niet bekend" refuses
		case knowWords[v]:
			know = true
		case v == "uitsluiten" || v == "ontkennen" || v == "ontkend" || v == "uitgesloten":
			return // "..., kan ik niet uitsluiten" leaves it possible: a reply
		}
	}
	if !neg || !speaker && !know {
		return
	}
	role := tracker.RoleRefusal
	switch {
	case still:
		role = tracker.RoleNotYet
	case know && !publish:
		role = tracker.RoleUnknown
	}
	st.role, st.conf = role, p[slices.Index(tracker.Roles, role)]
}

// knowWords say that something is known, kept or counted.
var knowWords = setOf("weet", "weten", "ken", "kennen", "bekend", "gekend", "beschik", "beschikken", "zicht",
	"inzicht", "bijgehouden", "geregistreerd", "geteld", "registreert", "registreren")
