package rules

import (
	"slices"
	"strings"

	"github.com/pqtrack/pqtrack/rules/dates"
	"github.com/pqtrack/pqtrack/tracker"
)

// locatesElsewhere gives the referral role to a sentence that says where
// the information is instead of giving it: "Deze gegevens zijn opgenomen
// in het jaarverslag 2024 van het directoraat-generaal.", "Het volledige
// rapport staat op de website van het agentschap.", "De cijfers per
// gemeente kunnen geraadpleegd worden op www.statbel.be.", "Die
// maatregelen staan opgesomd in hoofdstuk 5 van het actieplan", "De
// evaluatie kwam uitgebreid aan bod in de commissie" (the rubric's
// deferral to a report, website or meeting).
//
// It runs after the model, on a sentence the model and the rules read as a
// reply or context, and gives no figure: a sentence that states one
// replies, wherever it says more can be found. As a pointer it counts only
// where nothing else is said beside it (judge), so a sentence that names a
// source beside a reply does not undo the reply. It reads the words, not a
// rule, so that the learned weights stay as they are.
func locatesElsewhere(st *sentence, p *[nRoles]float64) {
	if !readAsSubstance(st) || !mayHoldWord(st, markLocates) {
		// Without a word that locates or names a place, locate and
		// place stay false below.
		return
	}
	// The words first: most sentences name no place or nothing that
	// locates, and the tests after the loop cost more than it.
	place, locate, reads, member, purpose := false, false, false, false, false
	that := false  // a "dat" that may say what the place holds
	keeps := false // a word keptOnline needs: "houdt", "hield"
	prev := locNone
	// The words by their index, not copied one by one: few are read.
	for i := range st.words {
		var k locWord
		if st.wordEnts != nil && st.wordEnts[i] != nil {
			k = st.wordEnts[i].loc
		} else {
			k = locWordOf(st.fold[st.words[i].start:st.words[i].end])
		}
		switch k {
		case locThat:
			// "Hierin is opgenomen dat ...", "In deze brief is benoemd
			// dat ...": it says what the place holds. After a comma it
			// opens a relative clause: "het actieplan, dat ik ... heb
			// overgemaakt"; so it does where the member is sent to read
			// after it: "Het aantal klachten dat ... behandelde, vindt
			// het lid in het jaarverslag"; and right after the noun
			// that opens the sentence: "De uren dat een brug dicht
			// was, zijn te vinden in ...".
			that = that || i > 0 && !afterComma(st.fold, st.words[i].start) && !opensSubject(st, i)
			if that {
				member = false
			}
		case locAs:
			// "zoals in het rapport te lezen is": a source beside a
			// claim.
			return
		case locPurpose:
			purpose = true
		case locLocate:
			// "vindt plaats" happens.
			locate = locate || i+1 == len(st.words) || st.fold[st.words[i+1].start:st.words[i+1].end] != "plaats"
		case locRead:
			// "is te vinden", "is te raadplegen"; "Het lid kan ...
			// raadplegen" points the member there; "VvE's kunnen het
			// register raadplegen om een installateur te vinden"
			// advises others.
			locate = locate || prev == locTe && !purpose
			reads = true
		case locStand:
			// "De kosten staan in de jaarrekening", "staat op de
			// website", "staat sinds 24 maart 2026 op de website".
			// "In mijn antwoord op vraag nr. 391 staan het aantal
			// klachten ...": the place opens the sentence.
			locate = locate || standsIn(st, i) || place && st.fold[st.words[0].start:st.words[0].end] == "in"
		case locMember:
			member = true
		case locPlace:
			place = true
		case locKeeps:
			keeps = true
		}
		prev = k
	}
	// keptOnline only where a word of it says that someone keeps: most
	// sentences hold none, and its searches of the sentence for "houd"
	// and "hield" stopped at every 'h'.
	locate = locate || reads && member || keeps && keptOnline(st)
	if place && !locate && givesBack(st) {
		// "Het verslag van dat debat geeft dat overzicht volledig
		// weer.": its "dat" points at the debate, not at what the
		// report holds.
		locate, that = true, false
	}
	if that && !member {
		return
	}
	if !locate {
		return
	}
	if !place && reWebsite.maybe(st.fold) && reWebsite.re.MatchString(st.fold) {
		place = true
	}
	if !place || hasKind(st, KindReply) || givesFigure(st) || strings.HasSuffix(strings.TrimSpace(st.text), "?") {
		return
	}
	r := slices.Index(tracker.Roles, tracker.RoleReferral)
	st.role, st.conf, st.located = tracker.RoleReferral, p[r], true
}

// keptOnline reports whether st says that someone keeps the information
// up to date on a website or dashboard: "Infrabel houdt op zijn website
// een overzicht bij van alle lopende dossiers."
func keptOnline(st *sentence) bool {
	// One search of the sentence spares most of them the loop
	// (locatesElsewhere asks only those with a keepWord).
	if !strings.Contains(st.fold, "houd") && !strings.Contains(st.fold, "hield") {
		return false
	}
	keeps, bij, online := false, false, false
	for _, w := range st.words {
		switch v := st.fold[w.start:w.end]; {
		case keepWord(v):
			keeps = true
		case v == "bij":
			bij = bij || keeps
		case strings.HasSuffix(v, "website") || strings.HasSuffix(v, "webpagina") || strings.HasSuffix(v, "dashboard") ||
			strings.HasSuffix(v, "portaal") || strings.HasSuffix(v, "databank"):
			online = true
		}
	}
	return keeps && bij && online
}

// keepWord reports whether the folded word v says that someone keeps,
// as keptOnline needs one: "houdt", "houden", "hield", "hielden". None of
// them is a place, a member or another word locWordOf names.
func keepWord(v string) bool {
	return v == "houdt" || v == "houden" || v == "hield" || v == "hielden"
}

// standsIn reports whether the word i of st, a "staat" or "staan", is
// followed by "in" or "op", with at most a time between them: "staat
// sinds 24 maart 2026 op de website", "staan inmiddels in het verslag".
func standsIn(st *sentence, i int) bool {
	for j := i + 1; j < len(st.words) && j <= i+5; j++ {
		v := st.fold[st.words[j].start:st.words[j].end]
		switch {
		case v == "in" || v == "op":
			return true
		case !timeWords[v] && !dates.IsMonth(v) && !isDigitByte(v[0]):
			return false
		}
	}
	return false
}

// timeWords, with numbers and months, may stand between "staat" and
// where: "sinds 24 maart", "inmiddels".
var timeWords = setOf("sinds", "al", "nu", "inmiddels", "intussen", "ondertussen", "reeds", "ook", "eveneens",
	"volledig", "integraal", "jl")

// opensSubject reports whether the word i of st, a "dat", follows the
// noun that opens the sentence after its article ("De uren dat ...",
// "Het aantal klachten dat ..."): a relative clause of the subject, not
// what a place holds.
func opensSubject(st *sentence, i int) bool {
	if i > 3 {
		return false
	}
	switch st.fold[st.words[0].start:st.words[0].end] {
	case "de", "het", "een":
		return true
	}
	return false
}

// givesBack reports whether st ends on "geeft ... weer" or "geven ...
// weer", which renders what a place holds ("Het verslag geeft dat
// standpunt volledig weer.").
func givesBack(st *sentence) bool {
	n := len(st.words)
	if n < 3 || st.fold[st.words[n-1].start:st.words[n-1].end] != "weer" {
		return false
	}
	for _, w := range st.words[:n-1] {
		if v := st.fold[w.start:w.end]; v == "geeft" || v == "geven" {
			return true
		}
	}
	return false
}

// locWord is what a word tells locatesElsewhere.
type locWord uint8

const (
	locNone    locWord = iota
	locThat            // "dat"
	locAs              // "zoals"
	locPurpose         // "om"
	locTe              // "te"
	locLocate          // locateWords
	locRead            // readWords
	locStand           // "staat", "staan": where something stands
	locMember          // the member: "u", "lid", "vraagsteller"
	locPlace           // isPlace
	locKeeps           // keepWord: a word keptOnline needs
)

// locWordOf is the locWord of the folded word v; the term cache keeps it
// in each entry.
func locWordOf(v string) locWord {
	switch v {
	case "dat":
		return locThat
	case "zoals":
		return locAs
	case "om":
		return locPurpose
	case "te":
		return locTe
	case "u", "lid", "vraagsteller":
		return locMember
	case "staat", "staan":
		return locStand
	}
	if keepWord(v) {
		return locKeeps
	}
	switch {
	case locateWords[v]:
		return locLocate
	case readWords[v]:
		return locRead
	case isPlace(v):
		return locPlace
	}
	return locNone
}

// locateWords say where something stands or can be read.
var locateWords = setOf("opgenomen", "gepubliceerd", "raadpleegbaar", "geraadpleegd", "geconsulteerd",
	"vindt", "terugvinden", "nagelezen", "beschreven", "opgesomd", "toegelicht", "uiteengezet", "weergegeven", "bod",
	"besproken", "verschenen")

// readWords read or find what is kept somewhere; "te" before them, or the
// member as their subject, makes them point there.
var readWords = setOf("vinden", "raadplegen", "consulteren", "nalezen", "lezen", "nagaan", "nakijken", "opzoeken", "inzien")

// placeEnds end the words of the places information is kept: a report, a
// letter, a website, an annex, a monitor.
var placeEnds = []string{"verslag", "rapport", "rapportage", "brief", "website", "webstek", "webpagina",
	"bijlage", "monitor", "dashboard", "databank", "publicatie", "jaarboek", "factsheet", "portaal",
	"actieplan", "nota", "hoofdstuk", "kamerstuk", "jaarrekening", "begroting", "debat", "inventaris", "bulletin", "toelichting"}

// placeWords are places that end like other words: "antwoord" (not
// "verantwoord"), "vergadering", "commissie", "stuk" (a parliamentary
// paper), an agenda of work (not "op de agenda", which plans).
var placeWords = setOf("antwoord", "antwoorden", "commissie", "vergadering", "commissievergadering", "plenaire", "stuk",
	"werkagenda", "beleidsagenda")

func isPlace(w string) bool {
	if placeWords[w] {
		return true
	}
	for _, e := range placeEnds {
		if strings.HasSuffix(w, e) {
			return true
		}
	}
	return false
}

// afterComma reports whether a comma is the last thing before i in s but
// white space.
func afterComma(s string, i int) bool {
	for i--; i >= 0 && isReSpace(s[i]); i-- {
	}
	return i >= 0 && s[i] == ','
}
