package rules

import (
	"slices"
	"strings"

	"github.com/pqtrack/pqtrack/tracker"
)

// Belgian and Flemish ministers often answer by saying where they already
// answered: "Op de stand van de hervorming ben ik uitgebreid ingegaan in
// de commissie voor Leefmilieu van 21 oktober 2026.", "Die gegevens heb ik
// op 7 oktober per hulpcentrum voorgesteld in de Kamercommissie voor
// Gezondheid.", "De stand van de onderhandelingen heb ik beschreven in het
// verslag van de Raad." The sentence names the matter asked and the place
// it was dealt with, and gives nothing of it: a pointer, whatever the
// model makes of its many words. "Ik heb in de commissie toegelicht dat de
// regeling wordt verlengd." says what was said there and replies.

// locatesElsewhere reads where information is kept (a report, a website)
// by its place words alone, and gives way to any figure; this reads who
// told it where, so that a date, a count of what was shown ("per
// hulpcentrum 112") or the words of the question do not make it a reply.
// Folding these verbs into locatesElsewhere's words was tried: it found
// a third as many and read some replies as pointers.

// disclosedElsewhere gives a sentence read as a reply or context that only
// says where the matter was told the role of referral, as a pointer: it
// counts as evasive only where nothing else is said (judge).
func disclosedElsewhere(st *sentence, ctx *answerContext) {
	if !readAsSubstance(st) || len(st.words) < 6 || !mayHoldWord(st, markTold) {
		// Without a word of telling firstTold finds none.
		return
	}
	// Most sentences tell of no telling: look for that first.
	first := firstTold(st)
	if first == "" {
		return
	}
	told, venue, past := false, "", false
	for k, w := range st.words {
		v := st.fold[w.start:w.end]
		// "dat" right after the telling or a comma opens what was said;
		// before a noun ("over dat arrest") it only points at it.
		says := v == "dat" && told && (isTold(st.fold[st.words[k-1].start:st.words[k-1].end]) || afterComma(st.fold, w.start))
		switch {
		case v == "zoals", k == 0 && (v == "ja" || v == "nee"):
			// "Zoals ik in de commissie toelichtte, daalde ...", "...
			// kan het Rampenfonds tussenkomen, zoals toegelicht in het
			// antwoord op vraag 7.": a pointer beside a reply.
			return
		case says:
			// "heb ik toegelicht dat ...": what was said is given;
			// "toegelicht hoe het overleg verloopt" names the matter.
			return
		case isTold(v):
			told = true
		case pastAux[v]:
			past = true
		case venue == "" && isVenue(v) && placedAt(st, k):
			venue = v
		}
	}
	if !told || venue == "" || !past && !tellPast[first] {
		return
	}
	if strings.Contains(foldString(ctx.text), first) {
		// "Werd dit in de commissie besproken?": the telling is the
		// reply.
		return
	}
	st.role, st.conf = tracker.RoleReferral, st.probs[slices.Index(tracker.Roles, tracker.RoleReferral)]
}

// firstTold is the first of st's words that says it was told.
func firstTold(st *sentence) string {
	for i := range st.words {
		// A word with a term cache entry is told by its flag, isTold
		// asked once an entry; every told word has two bytes or more,
		// so an entry when the sentence has them (sentencesIn).
		if st.wordEnts != nil {
			if e := st.wordEnts[i]; e != nil && e.told {
				return e.word
			}
			continue
		}
		if v := st.fold[st.words[i].start:st.words[i].end]; isTold(v) {
			return v
		}
	}
	return ""
}

// placedAt reports whether word k of st follows a preposition of place,
// at once or after an article: "in de commissie", "in mijn antwoord",
// "tijdens het commissiedebat".
func placedAt(st *sentence, k int) bool {
	at := func(j int) string { return st.fold[st.words[j].start:st.words[j].end] }
	if k > 0 && venuePrepositions[at(k-1)] {
		return true
	}
	return k > 1 && determiners[at(k-1)] && venuePrepositions[at(k-2)]
}

// isTold reports whether the folded word v says that something was told,
// shown or dealt with: a participle (after an auxiliary, pastAux) or a
// past form (tellPast); "orde" and "gewisseld" stand for "aan de orde
// geweest" and "van gedachten gewisseld". A switch, not a map: it runs on
// every word of most sentences.
func isTold(v string) bool {
	switch v {
	case "gegeven", "voorgesteld", "beschreven", "toegelicht", "uiteengezet", "geschetst", "ingegaan", "besproken",
		"gepresenteerd", "behandeld", "meegedeeld", "verstrekt", "gaf", "gaven", "beschreef", "lichtte", "schetste", "ging",
		"presenteerde", "besprak", "bespraken", "behandelde", "gesproken", "gedebatteerd", "stilgestaan", "gewisseld", "geantwoord", "orde":
		return true
	}
	return false
}

// tellPast are the past forms isTold knows; pastAux the auxiliaries of its
// participles.
var (
	tellPast          = setOf("gaf", "gaven", "beschreef", "lichtte", "schetste", "ging", "presenteerde", "besprak", "bespraken", "behandelde")
	pastAux           = setOf("heb", "hebben", "heeft", "ben", "is", "zijn", "werd", "werden")
	venuePrepositions = setOf("in", "tijdens", "bij", "op")
	determiners       = setOf("de", "het", "een", "mijn", "zijn", "haar", "ons", "onze", "die", "dat", "deze")
)

// isVenue reports whether the folded word v names where a matter is told
// to parliament: a meeting, a debate, an answer, a letter, a report. Not
// isPlace, whose budgets, annual accounts and chapters are where a
// figure stands, not where it was told: "is, gelet op de ruimte in de
// begroting, op zijn vroegst vanaf 2028 aan de orde" points nowhere.
func isVenue(v string) bool {
	switch v {
	case "vergadering", "verslag", "brief", "kamerbrief", "antwoord", "antwoorden", "debat", "plenaire", "nota", "gedachtewisseling",
		"hoorzitting", "rapportage", "voortgangsrapportage", "voortgangsbrief", "beleidsnota", "beleidsbrief":
		return true
	}
	return len(v) >= 9 && (v[:9] == "commissie" || v[:9] == "kamercomm") || len(v) > 5 && v[len(v)-5:] == "debat"
}
