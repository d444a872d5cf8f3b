package rules

import (
	"slices"

	"github.com/pqtrack/pqtrack/tracker"
)

// scopeNote gives the role of context to a sentence that only says what
// the figures just given leave out: "In 2024 waren er 63 meldingen.
// Meldingen die rechtstreeks bij de politie binnenkomen, zitten niet in
// deze cijfers.", or how to read them: "Dat cijfer moet als een
// ondergrens worden gelezen", "zodat het werkelijke aantal lager ligt",
// "Het cijfer over september is voorlopig". It withholds nothing that was
// asked; the model, which reads "niet" beside "cijfers", takes it for not
// known. It runs after the model, on a sentence no rule reads as evading,
// after a reply that gives a figure.
func scopeNote(sents []sentence, i int) {
	st := &sents[i]
	switch st.role {
	case tracker.RoleUnknown, tracker.RoleRefusal:
	case tracker.RoleNotYet, tracker.RoleCommitment:
		// "Het cijfer over september is voorlopig; het CBS stelt de
		// maandcijfers later nog bij.": a caveat, no promise.
		if len(st.promises) > 0 {
			return
		}
	default:
		return
	}
	if st.rule != "" {
		return
	}
	figures, scope, not, caveat, actual := false, false, false, false, false
	for k, w := range st.words {
		switch v := st.fold[w.start:w.end]; v {
		case "cijfers", "cijfer", "gegevens", "aantal", "aantallen", "telling", "tellingen", "statistieken":
			figures = true
		case "ondergrens", "bovengrens", "onderschatting", "overschatting", "onderschat", "overschat",
			"onderschatten", "overschatten", "voorlopig", "voorlopige", "momentopname":
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

// unknownAside gives the role of context to a not-known sentence that
// speaks of nothing the question asks, where a reply settles every part
// ("Ja", "Nee", a figure to "Hoeveel ...?"): "Hoeveel kandidaten behaalden
// in 2025 het attest? — In 2025 behaalden 3.148 kandidaten het attest.
// Hoeveel houders uiteindelijk in dienst treden, wordt niet centraal
// bijgehouden." What is not kept was not asked. A sentence that names a
// word of the question speaks to it; so does one that breaks the figure
// given down ("Een opsplitsing per lijn is niet beschikbaar", "Hoeveel
// van hen dringend hulp nodig hebben, ..."): a figure without the
// breakdown that goes with it is the rubric's partial answer.
// It reports whether it gave any.
func unknownAside(a *answerFacts) bool {
	sents, subs, asks := a.sents, a.subs, a.asks
	if len(subs) == 0 || !anySentence(sents, aside) {
		return false
	}
	for k := range subs {
		if !settled(sents, k, asks) {
			return false
		}
	}
	// The question's words that the replies hold too are its topic: a
	// sentence that shares only those ("Hoeveel leerlingen ...? — 184.317
	// leerlingen. Hoeveel van die leerlingen daarnaast privéles volgen,
	// houdt mijn departement niet bij.") may still speak of something
	// else; a word of the question that no reply holds is what it holds
	// back.
	var open []string
	for _, t := range a.qterms {
		if !anySentence(sents, func(st *sentence) bool { return st.role == tracker.RoleReply && slices.Contains(st.terms, t) }) {
			open = append(open, t)
		}
	}
	noted := false
	for i := range sents {
		st := &sents[i]
		if !aside(st) || termsHeld(st.terms, open) > 0 || breaksDown(st) {
			continue
		}
		st.role, st.conf = tracker.RoleContext, st.probs[slices.Index(tracker.Roles, tracker.RoleContext)]
		st.class = KindContext
		noted = true
	}
	return noted
}

// aside reports whether st holds back something that may not have been
// asked: not known, or refused or not yet (with no date promised) of
// something it names itself. "Die informatie is vertrouwelijk." holds back
// what the sentence before it spoke of, which may be what was asked.
func aside(st *sentence) bool {
	switch st.role {
	case tracker.RoleUnknown:
		return true
	case tracker.RoleRefusal, tracker.RoleNotYet:
		return len(st.promises) == 0 && len(st.words) > 0 && !demonstratives[st.fold[st.words[0].start:st.words[0].end]]
	}
	return false
}

// demonstratives open a sentence that speaks of what came before.
var demonstratives = setOf("die", "deze", "dat", "dit", "dergelijke", "zulke", "daarover", "hierover", "daarop", "hierop")

// breakdownWords break a figure down or take a part of what it counts.
var breakdownWords = setOf("opsplitsing", "uitsplitsing", "verdeling", "opgesplitst", "uitgesplitst",
	"opdeling", "per", "hen", "daarvan", "hiervan", "waarvan", "welke")

// breaksDown reports whether st holds one of breakdownWords.
func breaksDown(st *sentence) bool {
	return holdsAny(st, breakdownWords)
}
