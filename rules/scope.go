package rules

import (
	"slices"

	"github.com/pqtrack/pqtrack/tracker"
)

// scopeNote gives the role of context to a sentence that only says what
// the figures just given leave out: "In 2024 waren er 63 meldingen.
// Meldingen die rechtstreeks bij de politie binnenkomen, zitten niet in
// deze cijfers.", or how to read them: "Dat cijfer moet als een
// ondergrens worden gelezen", "zodat het werkelijke aantal lager ligt". It
// withholds nothing that was asked; the model, which reads "niet" beside
// "cijfers", takes it for not known. It runs after the model, on a sentence
// no rule reads as evading, after a reply that gives a figure.
func scopeNote(sents []sentence, i int) {
	st := &sents[i]
	if st.role != tracker.RoleUnknown && st.role != tracker.RoleRefusal || st.rule != "" {
		return
	}
	figures, scope, not, caveat, actual := false, false, false, false, false
	for k, w := range st.words {
		switch v := st.fold[w.start:w.end]; v {
		case "cijfers", "cijfer", "gegevens", "aantal", "aantallen", "telling", "tellingen", "statistieken":
			figures = true
		case "ondergrens", "bovengrens", "onderschatting", "overschatting":
			caveat = true
		case "werkelijke", "werkelijk", "reele", "feitelijke":
			actual = true
		case "lager", "hoger":
			// "zodat het werkelijke aantal lager ligt"
			caveat = caveat || actual
		case "meegeteld", "inbegrepen", "meegerekend":
			// "... is bijvoorbeeld niet meegeteld": says itself what
			// was counted.
			scope, figures = true, true
		case "meegenomen", "vervat", "omvatten", "omvat", "buiten":
			scope = true
		case "zitten", "zit":
			// "zitten niet in deze cijfers"
			scope = scope || slices.ContainsFunc(st.words[k+1:], func(x word) bool { return st.fold[x.start:x.end] == "in" })
		case "niet", "geen":
			not = true
		}
	}
	if !figures || !caveat && (!scope || !not) {
		return
	}
	for j := range sents[:i] {
		if sents[j].role == tracker.RoleReply && givesFigure(&sents[j]) {
			st.role, st.conf = tracker.RoleContext, st.probs[slices.Index(tracker.Roles, tracker.RoleContext)]
			return
		}
	}
}
