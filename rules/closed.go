package rules

import (
	"slices"
	"strings"

	"github.com/pqtrack/pqtrack/tracker"
)

// A question that asks how many is answered by a figure, one that asks
// yes or no by a yes or a no, one that asks why by a reason, one that asks
// for the results of something by results, one that asks only when by a
// date. When the sentences under such a part give none of these and one
// of them holds the part back ("Over individuele dossiers laat ik mij niet
// uit.", "Die meldingen worden niet afzonderlijk geregistreerd.", "Over
// een verlaging is nog niets beslist." to "Overweegt u ...?", "Die
// evaluatie is nog niet afgerond." to "Wat zijn de resultaten ...?", "Een
// nieuwe datum kan ik nog niet geven." to "Wanneer ...?"), what stands
// beside it describes the matter without settling it: background, not a
// reply.

// closedLeftOpen marks each part of the question that asks for a figure,
// a yes or no, a reason, results or a date, gets none and is held back, with the
// status of what holds it back; the answer takes that status when no
// other part is replied to, and is partial when another is.
func closedLeftOpen(it *tracker.Item, a *answerFacts) {
	if it.Status != tracker.Answered && it.Status != tracker.Partial {
		return
	}
	sents := a.sents
	var open []tracker.Status // by part; "" where it is not held back
	first := tracker.Status("")
	for k, ask := range a.asks {
		if k >= len(it.SubQuestions) || k < len(a.moot) && a.moot[k] {
			continue
		}
		// Most parts meet no evasion: the question's words are read only
		// where one does.
		if !anySentence(sents, func(st *sentence) bool { return st.sub == k && st.role.Evasive() }) {
			continue
		}
		if ask == askOpen && asksResults(a.ownOf(it.SubQuestions, k)) {
			ask = askResults
		}
		if ask == askOpen && !asksView(a.ownOf(it.SubQuestions, k)) && refusesPart(sents, k, a.partTerms(k)) {
			ask = askRefused
		}
		if ask != askYesNo && ask != askCount && ask != askWhy && ask != askResults && ask != askRefused && ask != askWhen {
			continue
		}
		if ask == askWhen && (!opensWhen(a.ownOf(it.SubQuestions, k)) || datedReply(sents, k)) {
			continue
		}
		if ask == askYesNo && a.lead || settled(sents, k, a.asks) {
			continue
		}
		own := a.ownOf(it.SubQuestions, k)
		s := closedEvasion(sents, k, ask, own, a.partTerms(k))
		if s == "" || ask == askCount && refersToFigure(own) {
			continue
		}
		if open == nil {
			open = make([]tracker.Status, len(it.SubQuestions))
			first = s
		}
		open[k] = s
		it.SubQuestions[k].Status = s
	}
	if open == nil {
		return
	}
	if repliedBeside(a, func(k int) bool { return open[k] != "" }) {
		it.Status = tracker.Partial
		return
	}
	it.Status = first
}

// repliedBeside reports whether the answer replies to a part of the
// question that open does not mark: it opens with a yes or no, or a part
// the opening reply leaves standing has a reply sentence of its own. An
// answer that leaves one part open is then partial, not the status of
// what holds that part back.
func repliedBeside(a *answerFacts, open func(k int) bool) bool {
	if a.lead {
		return true
	}
	for k := range a.subs {
		if open(k) || k < len(a.moot) && a.moot[k] {
			continue
		}
		if anySentence(a.sents, func(r *sentence) bool { return r.sub == k && r.role == tracker.RoleReply }) {
			return true
		}
	}
	return false
}

// askRefused is an open part ("Welke zaken werden gesloten?") that a
// refusal under it speaks of ("Ik ga niet in op de vraag welke zaken
// werden gesloten."): what stands beside the refusal describes the matter.
const askRefused = "refused"

// refusesPart reports whether a refusal that the rules read under part k
// holds a word of the part's own (terms), and no reply under it gives a
// figure: "Per leerling kostte het vervoer 7.840 euro." replies beside
// what the refusal leaves out.
func refusesPart(sents []sentence, k int, terms []string) bool {
	return anySentence(sents, func(st *sentence) bool {
		return st.sub == k && st.role == tracker.RoleRefusal && hasKind(st, KindDeclined) && termsHeld(st.terms, terms) > 0
	}) && !anySentence(sents, func(st *sentence) bool {
		return st.sub == k && st.role == tracker.RoleReply && givesFigure(st)
	})
}

// asksView reports whether the part q asks for the minister's view ("Wat
// vindt u ervan dat ...?", "Hoe beoordeelt u ...?"), which a view given
// before "verder doe ik geen uitspraken" answers.
func asksView(q string) bool {
	return slices.ContainsFunc(questionWords(q), func(w string) bool { return viewWords[w] })
}

// viewWords ask for a view.
var viewWords = setOf("vindt", "vind", "acht", "beoordeelt", "oordeel", "mening", "standpunt", "visie", "reactie")

// resultsGiven reports whether a reply under part k among sents says
// more than that the work asked about is done, sent or presented: "De
// evaluatie werd in april afgerond.", "OVAM rondde de evaluatie in juni
// af.", "Ik heb daar de voornaamste bevindingen toegelicht." give no
// results, "De wachttijd daalde met een derde." does.
func resultsGiven(sents []sentence, k int) bool {
	return anySentence(sents, func(r *sentence) bool {
		return r.sub == k && r.role == tracker.RoleReply && (givesFigure(r) || !holdsAny(r, doneWords) && !holdsAny(r, processWords))
	})
}

// processWords say who carries the work out, or that it runs: "Het
// Federaal Planbureau voert die evaluatie uit."
var processWords = setOf("voert", "voeren", "uitvoert", "uitvoeren", "loopt", "lopen")

// doneWords say that a study, report or evaluation is finished, sent or
// presented (folded: no accents).
var doneWords = setOf("afgerond", "rondde", "rondden", "rondt", "voltooid", "opgeleverd", "gepubliceerd", "verschenen",
	"bezorgd", "toegestuurd", "verstuurd", "gestuurd", "overgemaakt", "aangeboden", "ingediend", "afgewerkt",
	"beeindigd", "geevalueerd", "doorgelicht", "toegelicht", "besproken", "voorgesteld", "gepresenteerd", "geantwoord",
	"uiteengezet")

// deniesAskedVerb reports whether st is a short sentence with a verb of
// the question own in it: "Dat kan ik niet bevestigen." to "Kunt u
// bevestigen dat ...?", "Dat kan ik niet uitsluiten." to "Kunt u
// uitsluiten dat ...?".
func deniesAskedVerb(st *sentence, own string) bool {
	if len(st.words) > 8 {
		return false
	}
	asked := questionWords(own)
	for _, w := range st.words {
		v := st.fold[w.start:w.end]
		if len(v) >= 6 && strings.HasSuffix(v, "en") && slices.Contains(asked, v) {
			return true
		}
	}
	return false
}

// closedEvasion is the status of the first sentence under part k that
// holds it back, or "" when none does or a reply settles the part first:
// a refusal; for a figure also not known (unless the part asks whether
// figures are kept, which "not kept" answers), not yet, or a pointer to
// where the figures are; for a yes or no on what the government will do,
// not yet; for results, not yet or a pointer.
func closedEvasion(sents []sentence, k int, ask, own string, terms []string) tracker.Status {
	// What the question's words say is read only when a sentence needs
	// it.
	whetherKept := func() bool { return asksWhetherKept(own) }
	// "Overweegt u ...?" is not settled while nothing is decided, nor
	// "Bent u het ermee eens dat ...?" while nothing can be said yet.
	intends := func() bool { return ask == askYesNo && (intentVerbs[yesNoVerb(own)] || asksOpinion(own)) }
	// "Waar is dit bedrag terug te vinden?" asks for the place.
	where := func() bool { return slices.Contains(questionWords(own), "waar") }
	for i := range sents {
		st := &sents[i]
		if st.sub != k {
			continue
		}
		if len(st.promises) > 0 {
			// "Het eindrapport wordt in het voorjaar van 2027
			// opgeleverd." to "Wat zijn de resultaten ...?": the
			// results are still to come, where no reply gives any.
			if ask == askResults && st.role == tracker.RoleCommitment && !resultsGiven(sents, k) {
				return tracker.Pending
			}
			continue
		}
		if ask == askYesNo && st.role == tracker.RoleReply && 3*termsHeld(st.terms, terms) >= 2*len(terms) {
			// A reply before the refusal that says what was asked ("Heeft
			// DUO aangifte gedaan?" "DUO heeft op 28 oktober aangifte
			// gedaan.") gives what it can, the refusal what is beyond it.
			return ""
		}
		if ask == askWhy && st.role == tracker.RoleReply && givesReason(st) {
			return "" // "..., omdat ...": a reason is given
		}
		switch {
		case st.role == tracker.RoleRefusal && ask == askYesNo && deniesAskedVerb(st, own):
			// "Kunt u bevestigen dat ...?" "Dat kan ik niet
			// bevestigen." says no.
			return ""
		case ask == askWhen:
			if holdsBackWhen(st) {
				return tracker.Pending
			}
		case st.role == tracker.RoleRefusal:
			return tracker.Declined
		case ask == askCount && st.role == tracker.RoleUnknown && !whetherKept():
			// Not known while something is still to come is not known
			// yet ("Zolang die controle niet klaar is, ...").
			if anySentence(sents, func(r *sentence) bool {
				return r.role == tracker.RoleNotYet || r.role == tracker.RoleCommitment
			}) {
				return tracker.Pending
			}
			return tracker.Declined
		case st.role == tracker.RoleNotYet && (ask == askCount || ask == askResults || intends()):
			return tracker.Pending
		case ask == askResults && st.role == tracker.RoleReply && givesFigure(st):
			return "" // a result in figures
		case ask == askCount && st.role == tracker.RoleReferral && !where():
			return tracker.Deferred
		case ask == askResults && st.role == tracker.RoleReferral && !resultsGiven(sents[:i], k):
			// "De studie werd in maart afgerond. Het eindrapport, met de
			// conclusies, staat op de website."
			return tracker.Deferred
		}
	}
	return ""
}

// opensWhen reports whether the question sentence own asks only when:
// "Wanneer ...?", "Tegen wanneer ...?", "Op welke termijn ...?"; not
// "Welke maatregelen neemt u, en per wanneer gaan die gelden?", which
// the measures answer in part.
func opensWhen(own string) bool {
	ws := questionWords(own)
	switch {
	case len(ws) == 0:
		return false
	case ws[0] == "wanneer":
		return true
	case len(ws) < 3:
		return false
	case ws[1] == "wanneer":
		return ws[0] == "tegen" || ws[0] == "per" || ws[0] == "vanaf" || ws[0] == "tot"
	}
	return (ws[0] == "op" || ws[0] == "binnen") && ws[1] == "welke" && (ws[2] == "termijn" || ws[2] == "datum")
}

// datedReply reports whether a reply under part k names a date, ahead or
// past: to "Wanneer ...?" that is the reply, whatever else holds off.
func datedReply(sents []sentence, k int) bool {
	return anySentence(sents, func(r *sentence) bool {
		return r.sub == k && r.role == tracker.RoleReply && len(r.exprs) > 0
	})
}

// reasonWords give a reason or a cause; "door" too, which more often
// names who acts: the check stays on the safe side.
var reasonWords = setOf("omdat", "doordat", "want", "vanwege", "wegens", "reden", "redenen", "daardoor", "dankzij",
	"aangezien", "zodat", "oorzaak", "gevolg", "door")

// givesReason reports whether st holds one of reasonWords.
func givesReason(st *sentence) bool {
	return holdsAny(st, reasonWords)
}

// refersToFigure reports whether a question for figures only speaks of
// figures already named ("Hoe verhouden deze aantallen zich tot 2024?",
// "Vindt u dat bedrag redelijk?"): a count word after a demonstrative,
// and no "hoeveel".
func refersToFigure(own string) bool {
	ws := questionWords(own)
	if slices.Contains(ws, "hoeveel") {
		return false
	}
	for i := 1; i < len(ws); i++ {
		if countWord(ws[i]) {
			if demonstratives[ws[i-1]] {
				return true
			}
		}
	}
	return false
}

// askResults is what a question for the results of something asks:
// "Wat zijn de resultaten van de evaluatie?", "Welke lessen trekt u uit
// ...?". It is answered by results, not by how they are being reached.
const askResults = "results"

// resultWords name the results of a study, an evaluation or an event.
var resultWords = setOf("resultaten", "resultaat", "uitkomsten", "uitkomst", "bevindingen", "conclusies", "conclusie",
	"lessen", "aanbevelingen")

// asksResults reports whether a question asks for results: "wat" or
// "welke" and one of resultWords.
func asksResults(own string) bool {
	ws := questionWords(own)
	if !slices.Contains(ws, "wat") && !slices.Contains(ws, "welke") {
		return false
	}
	for _, w := range ws {
		if resultWords[w] {
			return true
		}
	}
	return false
}

// intentVerbs open a question on what the government will do: "Overweegt
// u ...?", "Gaat u ...?", "Worden de plannen
// aangepast?".
var intentVerbs = setOf("overweegt", "gaat", "zult", "zal", "worden", "wordt")

// asksOpinion reports whether the yes-or-no question q asks for a view:
// "Bent u het ermee eens dat ...?", "Deelt u de mening dat ...?".
func asksOpinion(q string) bool {
	switch yesNoVerb(q) {
	case "deelt", "vindt", "acht", "onderschrijft", "verwacht":
		return true
	case "bent", "is":
		return slices.Contains(questionWords(q), "eens")
	}
	return false
}

// asksWhetherKept reports whether a question for figures asks whether
// they exist or are known ("Zijn er cijfers over ...?", "Heeft u zicht op
// het aantal ...?", "Is bekend hoeveel ...?"): a yes-or-no verb with "er"
// or "u" after it, or "bekend", not a request ("Kunt u ... aangeven?").
func asksWhetherKept(own string) bool {
	ws := questionWords(own)
	for i := 0; i+1 < len(ws); i++ {
		switch ws[i] {
		case "zijn", "is", "bestaan", "bestaat", "heeft", "hebt", "beschikt", "weet", "kent", "houdt", "worden", "wordt":
			switch ws[i+1] {
			case "er", "u", "bekend", "het":
				return true
			}
		}
	}
	return false
}
