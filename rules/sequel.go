package rules

import (
	"slices"
	"strings"

	"github.com/pqtrack/pqtrack/tracker"
)

// A pointer is often followed by a sentence that adds nothing of its own:
// it says the place pointed to still holds ("Het gevraagde overzicht heb
// ik ... gezonden. Sindsdien is daarin geen wezenlijke wijziging
// opgetreden.", "Sindsdien zijn die cijfers niet gewijzigd.") or says what
// that place holds without giving it ("Het verslag bevat ook de
// vergelijking met de voorgaande jaren."). Read alone, such a sentence
// looks like a statement of fact; beside the pointer it is part of it.

// pointerSequel gives the role of referral, as a pointer, to sents[i] when
// it follows a referral and only confirms or describes what was pointed
// to. As a pointer it counts only where nothing else is said (judge), so
// a reply beside it still stands.
func pointerSequel(sents []sentence, i int) {
	st := &sents[i]
	if st.rule != "" && st.rule != KindContext || st.role == tracker.RoleReferral {
		return
	}
	prev := i - 1
	for prev >= 0 && sents[prev].role == tracker.RoleContext {
		prev--
	}
	if prev < 0 {
		return
	}
	ptr := &sents[prev]
	// A deferral the rules read and the model took for a reply ("Uw Kamer
	// heeft op 2 oktober de vierde voortgangsrapportage ontvangen."): a
	// sentence after it that describes the place or says it still holds
	// bears the rules out.
	ruled := ptr.role == tracker.RoleReply && ptr.rule == KindDeferral
	if ptr.role != tracker.RoleReferral && !ruled {
		return
	}
	if givesFigure(st) || strings.HasSuffix(strings.TrimSpace(st.text), "?") {
		return
	}
	// The model may read "niet gewijzigd" as not known; no rule does. A
	// description of the place must have been read as reply or context.
	if !saysUnchanged(st) && (st.role.Evasive() || !describesPlace(st, ptr)) {
		return
	}
	r := slices.Index(tracker.Roles, tracker.RoleReferral)
	st.role, st.conf = tracker.RoleReferral, st.probs[r]
	if ruled {
		// Not a pointer read from the words alone: the rules' deferral.
		ptr.role, ptr.conf, ptr.class = tracker.RoleReferral, ptr.probs[r], classOf(tracker.RoleReferral)
	}
}

// unchangedWords say that nothing changed; changeWords after "geen" or
// "niet" say the same ("geen wezenlijke wijziging", "niet gewijzigd"), and
// newWords do after "geen nieuwe" ("geen nieuwe gegevens": "geen
// gegevens" alone says they are not kept).
var (
	unchangedWords = setOf("ongewijzigd", "onveranderd", "onverkort")
	changeWords    = setOf("wijziging", "wijzigingen", "verandering", "veranderingen", "gewijzigd", "veranderd")
	newWords       = setOf("ontwikkelingen", "elementen", "element", "gegevens", "inzichten", "cijfers", "feiten", "resultaten", "stappen")
	stillWords     = setOf("actueel", "geldig", "gelden", "geldt", "stand", "standpunt")
	addWords       = setOf("toevoegen", "voegen", "aanvullen", "vullen")
)

// saysUnchanged reports whether st says that what was said or sent still
// holds: "ongewijzigd", "geen (wezenlijke) wijziging", "niet gewijzigd",
// "geen nieuwe gegevens", "geen nieuw overleg", "is nog (steeds) actueel", "blijft gelden",
// "blijft de stand van zaken", "heb ik niets aan toe te voegen".
func saysUnchanged(st *sentence) bool {
	neg, still, nothing, newer := false, false, false, false
	prev := ""
	for _, w := range st.words {
		v := st.fold[w.start:w.end]
		switch {
		case unchangedWords[v], neg && changeWords[v], neg && newerWords[prev] && newWords[v], neg && v == "ontwikkelingen", still && stillWords[v],
			nothing && addWords[v]:
			return true
		case newerWords[prev] || v == "nieuws":
			// "Nieuwere cijfers heeft De Lijn sindsdien niet opgemaakt.",
			// "Sindsdien heeft er geen nieuw overleg plaatsgevonden.":
			// after a pointer, nothing new of any kind.
			newer = true
		case v == "niets" || v == "niks":
			nothing, neg = true, true // "niets gewijzigd"
		case v == "geen" || v == "niet":
			neg = true
		case v == "nog" || v == "steeds" || v == "altijd" || v == "blijft" || v == "blijven":
			still = true
		}
		prev = v
	}
	return newer && neg
}

// newerWords, before one of newWords, ask for what came since.
var newerWords = setOf("nieuwe", "nieuw", "nieuwere", "recentere", "actuelere")

// pointerPrelude makes sents[i] part of the pointer after it when it only
// says where and when the matter was dealt with: "Hetzelfde onderwerp werd
// op 18 maart in de commissie voor Justitie besproken. Mijn antwoord daar
// is opgenomen in het verslag."
func pointerPrelude(sents []sentence, i int, asks []string) {
	st := &sents[i]
	if i+1 >= len(sents) || sents[i+1].role != tracker.RoleReferral || st.role.Evasive() ||
		st.rule != "" && st.rule != KindContext || givesFigure(st) || strings.HasSuffix(strings.TrimSpace(st.text), "?") {
		return
	}
	place, dealt := false, false
	for _, w := range st.words {
		v := st.fold[w.start:w.end]
		switch {
		case v == "dat":
			return // "..., besproken dat ...": it says what was said
		case isPlace(v) && v != "antwoord" && v != "antwoorden":
			place = true
		case dealtWords[v]:
			dealt = true
		}
	}
	if !place || !dealt {
		if !locatesNamed(st, &sents[i+1]) && !madeBefore(st, asks) {
			return
		}
		// Read from the words alone, it is a pointer as pointerSequel's
		// are: evasive only where nothing else is said.
		st.pointer = true
	}
	r := slices.Index(tracker.Roles, tracker.RoleReferral)
	st.role, st.conf, st.class = tracker.RoleReferral, st.probs[r], classOf(tracker.RoleReferral)
}

// madeBefore reports whether st only says, with its date, that what the
// pointer after it points to was made or published ("De CREG heeft haar
// studie op 11 juni 2026 gepubliceerd.", "Het INBO rondde de evaluatie in
// juni af."), under a part that asks what or how (asks, by part): asked
// whether it was done, that is the reply.
func madeBefore(st *sentence, asks []string) bool {
	return st.sub < len(asks) && asks[st.sub] == askOpen && len(st.exprs) > 0 && holdsAny(st, doneWords) && !hasKind(st, KindReply)
}

// locatesNamed reports whether st says where something is kept or laid
// down, in a thing the pointer after it takes up by name: "De afspraken
// zijn opgenomen in de samenwerkingsovereenkomsten. Die overeenkomsten
// kunnen worden geraadpleegd op de website.", "Het centrum houdt een kaart
// bij met alle vondsten. Die kaart staat op zijn website." The pointer
// makes a place of a word that names none.
func locatesNamed(st, ptr *sentence) bool {
	if len(ptr.words) < 3 || !demonstratives[ptr.fold[ptr.words[0].start:ptr.words[0].end]] || hasKind(st, KindReply) {
		return false
	}
	noun := ptr.fold[ptr.words[1].start:ptr.words[1].end]
	locates, named := false, false
	for _, w := range st.words {
		v := st.fold[w.start:w.end]
		switch {
		case locateWords[v] || keepWord(v) || v == "staat" || v == "staan" || v == "vastgelegd":
			locates = true
		case len(noun) > 3 && (v == noun || strings.HasSuffix(v, noun)):
			named = true // "samenwerkingsovereenkomsten", "overeenkomsten"
		}
	}
	return locates && named
}

// dealtWords say that a matter was dealt with somewhere.
var dealtWords = setOf("besproken", "behandeld", "toegelicht", "uiteengezet", "geschetst", "gedebatteerd")

// describeVerbs say what a place holds or what was said there.
var describeVerbs = setOf("bevat", "bevatten", "beschrijft", "beschrijven", "beschreven", "vermeldt", "vermelden", "vermeld", "toont",
	"tonen", "toegelicht", "uiteengezet", "geschetst", "besproken", "behandeld", "aangegeven", "gezegd", "geantwoord",
	"meegedeeld", "uitgelegd", "staat", "staan", "gaat", "orde", "bod", "nagegaan", "opgesomd", "opgelijst", "weergegeven")

// passiveWords after a pronoun make it the subject of a passive: "Het wordt
// er elk kwartaal bijgewerkt."
var passiveWords = setOf("wordt", "worden", "werd", "werden")

// upkeepVerbs say how a place is kept up.
var upkeepVerbs = setOf("bijgewerkt", "geactualiseerd", "bijgehouden", "geupdatet") // folded: no accents

// holdVerbs say what a place holds; placePronouns stand for it.
var (
	holdVerbs     = setOf("bevat", "bevatten", "beschrijft", "beschrijven", "vermeldt", "vermelden", "toont", "tonen")
	placePronouns = setOf("het", "dit", "dat", "deze", "die")
)

// describesPlace reports whether st opens with the place pointed to
// ("Het verslag bevat ook ...", "Daarin is ...", "Ik heb daar ...
// toegelicht", "Dat antwoord bevat ook ...", "Paragraaf 4 van die brief
// gaat over ...", "Die kaart wordt elk kwartaal bijgewerkt", where the
// pointer ptr before it named the kaart) and says what it holds or how it
// is kept, without a "dat" that would give it.
func describesPlace(st, ptr *sentence) bool {
	if len(st.words) < 3 {
		return false
	}
	place, verb := false, false
	w0 := st.fold[st.words[0].start:st.words[0].end]
	for n, w := range st.words {
		v := st.fold[w.start:w.end]
		switch {
		case v == "dat" && n > 0:
			return false
		case n == 1 && demonstratives[w0] && len(v) > 3 && holdsWord(ptr, v),
			n > 0 && n < 5 && isPlace(v) && demonstratives[st.fold[st.words[n-1].start:st.words[n-1].end]]:
			place = true
		case upkeepVerbs[v]:
			// "Het wordt er elk kwartaal bijgewerkt.": the pronoun
			// stands for the place.
			verb, place = true, place || placePronouns[w0] && passiveWords[st.fold[st.words[1].start:st.words[1].end]]
		case n < 3 && (v == "daarin" || v == "hierin" || v == "daar" || isPlace(v) && (v != "antwoord" || n > 0 && demonstratives[st.fold[st.words[n-1].start:st.words[n-1].end]])):
			place = true
		case n == 1 && holdVerbs[v] && placePronouns[st.fold[st.words[0].start:st.words[0].end]]:
			// "Het bevat de maatregelen per afdeling.": the pronoun
			// stands for the place just named.
			place, verb = true, true
		case describeVerbs[v]:
			verb = true
		}
	}
	return place && verb
}

// sameAsBefore gives sents[i] the role of the sentence before it when it
// only says that what was said holds for more: "Over geschillen laat ik
// mij niet uit. Dat geldt ook voor de bedragen die in het geding zijn.",
// or, after a refusal, why: "Het gaat om bedrijfsgegevens."
// Only an evasion is carried on: after a reply the sentence replies too.
func sameAsBefore(sents []sentence, i int) {
	st := &sents[i]
	if i == 0 || st.role.Evasive() || st.rule != "" && st.rule != KindContext {
		return
	}
	prev := &sents[i-1]
	if !prev.role.Evasive() || !holdsAlso(st) && !(prev.role == tracker.RoleRefusal && reasonForRefusal(st)) {
		return
	}
	r := slices.Index(tracker.Roles, prev.role)
	st.role, st.conf = prev.role, st.probs[r]
}

// reasonForRefusal reports whether st opens as the reason for a refusal just
// made, and gives no figure: "Het gaat om bedrijfsgegevens van individuele
// ondernemers.", "Dat zou het onderzoek schaden.", "Zulke gegevens stellen
// criminele organisaties in staat ...".
func reasonForRefusal(st *sentence) bool {
	ws := st.words
	if len(ws) < 4 || givesFigure(st) {
		return false
	}
	w := func(k int) string { return st.fold[ws[k].start:ws[k].end] }
	switch w(0) {
	case "het":
		return w(1) == "gaat" && (w(2) == "om" || w(2) == "hier" && w(3) == "om")
	case "dat", "dit", "dergelijke", "zulke", "juist":
		switch w(1) {
		case "zou", "zouden", "bezwaar", "zulke", "dergelijke":
			return true
		}
	}
	return false
}

// holdsAlso reports whether st opens "Dat geldt ook voor ...", "Hetzelfde
// geldt voor ...", "Dit geldt eveneens ...", "Hetzelfde gaat op voor ...".
func holdsAlso(st *sentence) bool {
	ws := st.words
	if len(ws) < 3 {
		return false
	}
	w := func(k int) string { return st.fold[ws[k].start:ws[k].end] }
	switch w(0) {
	case "dat", "dit", "hetzelfde", "datzelfde", "ditzelfde":
	default:
		return false
	}
	switch w(1) {
	case "geldt":
		switch w(2) {
		case "ook", "eveneens", "evenzeer", "voor":
			return true
		}
	case "gaat":
		return w(2) == "op" || w(2) == "ook" && len(ws) > 3 && w(3) == "op"
	}
	return false
}
