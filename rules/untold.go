package rules

import (
	"slices"
	"strings"

	"github.com/pqtrack/pqtrack/tracker"
)

// Ministers say they cannot give what was asked in as many word orders as
// Dutch allows: "Ik kan dus niet aangeven wat de belangrijkste redenen
// waren.", "Welke redenen het vaakst voorkwamen, kan ik niet zeggen.",
// "Hoeveel reizigers ..., valt daaruit niet af te leiden.", "De redenen
// worden daarbij niet vastgelegd.", "De politie registreert dat niet
// afzonderlijk." The rule phrases hold some orders; this reads the clause
// by its parts, in any order: a negation with first person and a modal of
// ability and a verb of telling, with "te" and a verb of telling, or with
// a verb of keeping records.

// untold gives a sentence read as a reply or context, with no rule of its
// own, the role unknown when one of its clauses says that what was asked
// cannot be told or is not recorded, and it gives no figure or share
// beside it.
func untold(st *sentence, ctx *answerContext) {
	if !readAsSubstance(st) || len(st.words) < 4 ||
		// Most sentences deny nothing: look for that first, in the
		// marks of their words.
		!mayHoldWord(st, markNiet|markGeen) {
		return
	}
	var c clauseParts
	cannot, kept := false, false
	prev, prev2 := "", ""
	for k, w := range st.words {
		v := st.fold[w.start:w.end]
		// "en" joins clauses too: "registreren op hun eigen manier en er
		// is dus geen eenduidige definitie".
		if k > 0 && (v == "en" || clauseBreak(st.fold[st.words[k-1].end:w.start], v)) {
			cannot, kept = cannot || c.cannot(), kept || c.kept()
			c, prev, prev2 = clauseParts{}, "", ""
		}
		switch {
		case v == "wel" || v == "maar" || v == "helft" || v == "derde" || v == "kwart" || v == "procent" || v == "deel":
			// "maar wel ...", "Bij een derde van de branden is de
			// oorzaak niet te achterhalen": beside what is told.
			return
		case v == "niet" || v == "geen":
			c.negated = true
		case v == "ik" || v == "wij" || v == "we":
			c.first = true
		case v == "kan" || v == "kunnen" || v == "kon" || v == "konden":
			c.able = true
		case v == "wordt" || v == "worden" || v == "werd" || v == "werden" || v == "heeft" || v == "hebben":
			c.aux = true
		case v == "leiden":
			// "valt daaruit niet af te leiden"; "kan leiden tot" tells
			// nothing.
			c.tellTe = c.tellTe || c.negated && prev == "te" && prev2 == "af"
		case v == "geven" || v == "maken" || v == "bezorgen" || v == "verstrekken":
			// "kan ik geen gemiddelde wachttijd geven", "die vergelijking
			// kan ik niet maken"; "kan geen vergunning geven" replies.
			c.givesData = c.negated
		case c.negated && tellsWhat(v):
			c.told = true
			c.tellTe = c.tellTe || prev == "te"
		case recordsActive(v):
			c.active = true
		case recordedPassive(v):
			c.recorded = true
		case isDataWord(v):
			c.data = true
		}
		prev2, prev = prev, v
	}
	cannot, kept = cannot || c.cannot(), kept || c.kept()
	if kept && asksRecords(ctx.text) {
		// "Wordt dat geregistreerd?" "Dat wordt niet geregistreerd."
		// replies.
		kept = false
	}
	if !cannot && !kept || givesFigure(st) {
		return
	}
	st.role, st.conf = tracker.RoleUnknown, st.probs[slices.Index(tracker.Roles, tracker.RoleUnknown)]
}

// clauseParts is what untold finds in one clause.
type clauseParts struct {
	negated, first, able, aux, told, tellTe, givesData, data, active, recorded bool
}

// cannot: "ik kan niet aangeven", "valt niet af te leiden", "kan ik geen
// cijfers geven".
func (c *clauseParts) cannot() bool {
	return c.negated && (c.first && c.able && (c.told || c.givesData && c.data) || c.tellTe)
}

// kept: "wordt niet geregistreerd", "registreert dat niet".
func (c *clauseParts) kept() bool {
	return c.negated && (c.active || c.aux && c.recorded)
}

// The lists below are the verbs in the forms these clauses take
// (infinitives after a modal, participles after an auxiliary) and what one
// gives. The lexicon's classes tell, kept and data (lexicon.go) hold the
// nouns and adjectives of the same fields for the role model and lack
// "aangeven", "zeggen" and "gemiddelde"; growing them would move the
// model's features and so its weights.

// isDataWord reports whether v names information asked for: a figure, an
// overview, a breakdown.
func isDataWord(v string) bool {
	switch v {
	case "cijfer", "cijfers", "gegevens", "aantal", "aantallen", "overzicht", "gemiddelde", "bedrag", "bedragen", "percentage",
		"opsplitsing", "uitsplitsing", "rangschikking", "schatting", "inschatting", "raming", "lijst", "totaal",
		"vergelijking", "onderscheid":
		return true
	}
	return false
}

// tellsWhat reports whether the folded word v is a verb of telling or
// working out a figure or a fact, as an infinitive.
func tellsWhat(v string) bool {
	switch v {
	case "zeggen", "aangeven", "meedelen", "noemen", "inschatten", "schatten", "bepalen", "achterhalen", "becijferen",
		"berekenen", "vermelden", "preciseren", "nagaan", "specificeren", "uitsplitsen", "opsplitsen",
		"kwantificeren", "overzien", "afleiden":
		return true
	}
	return false
}

// recordedPassive reports whether v is the participle of a verb of keeping
// records, as in "wordt niet geregistreerd".
func recordedPassive(v string) bool {
	switch v {
	case "geregistreerd", "bijgehouden", "vastgelegd", "geteld", "gemeten", "verzameld", "geinventariseerd", "bewaard",
		"opgeslagen", "gecentraliseerd", "uitgesplitst", "opgesplitst", "gemonitord", "geturfd":
		return true
	}
	return false
}

// recordsActive reports whether v is a present form of a verb of keeping
// records, as in "registreert ... niet".
func recordsActive(v string) bool {
	switch v {
	case "registreert", "registreren", "registreerde", "registreerden", "verzamelt", "verzamelen", "verzamelde", "bewaart", "bewaren",
		"inventariseert", "inventariseren", "monitort", "monitoren":
		return true
	}
	return false
}

// asksRecords reports whether the question q speaks of keeping records
// itself: then that none are kept is what it asked.
func asksRecords(q string) bool {
	f := foldString(q)
	for _, stem := range []string{"registr", "bijgehouden", "bijhoud", "vastgelegd", "vastleg", "verzamel", "bewaar", "geteld", "gemeten", "inventari", "monitor", "opgeslagen"} {
		if strings.Contains(f, stem) {
			return true
		}
	}
	return false
}
