package rules

import (
	"regexp"

	"github.com/pqtrack/pqtrack/tracker"
)

// What a sub-question asks decides what a sentence does for it: "Etniciteit
// wordt niet geregistreerd" replies to "Wordt etniciteit geregistreerd?"
// and dodges "Hoeveel meldingen betroffen etniciteit?". The role model
// weighs the kind of the sub-question a sentence stands under, alone and
// with what the rules and the negated word classes make of the sentence.
const (
	askOpen  = "open"  // what, which, how
	askCount = "count" // how many, figures, an overview
	askWhen  = "when"
	askWhy   = "why"
	askYesNo = "yesno" // opens with its verb
)

// countRE finds a question for figures.
var countRE = regexp.MustCompile(`(?i)\b(hoeveel|aantal(len)?|cijfers?|cijfermatig\w*|overzicht|percentage|hoe\s+groot|hoe\s+vaak|hoe\s+hoog|bedrag(en)?|kosten|statistie\w*)\b`)

// whyRE finds a question for reasons.
var whyRE = regexp.MustCompile(`(?i)\b(waarom|om\s+welke\s+reden(en)?|wat\s+(is|zijn)\s+de\s+reden(en)?|waardoor)\b`)

// askKind is what the sub-question q asks, by its own question sentence.
func askKind(q string) string {
	own := ownSentence(q)
	switch {
	case countRE.MatchString(own):
		return askCount
	case asksAboutTime(own):
		return askWhen
	case whyRE.MatchString(own):
		return askWhy
	case yesNoRE.MatchString(own):
		return askYesNo
	}
	return askOpen
}

// askKinds is askKind of each sub-question.
func askKinds(subs []tracker.SubQuestion) []string {
	out := make([]string, len(subs))
	for i, sq := range subs {
		out[i] = askKind(sq.Text)
	}
	return out
}
