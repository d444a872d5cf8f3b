package rules

import (
	"slices"
	"strings"

	"github.com/pqtrack/pqtrack/tracker"
)

// An indirect question that opens a sentence is its subject, and the main
// clause says what becomes of it. Where that clause gives nothing and says
// who or what will settle it, the matter is left open: "Of er een nieuwe
// oproep komt, beslis ik op basis van die evaluatie.", "Hoeveel ritten
// uitvielen, wordt nu nagekeken.", "Of er zo'n toeslag komt, hangt af van
// de begrotingsopmaak." are not yet; "Of er cameratoezicht komt, beslist
// de burgemeester.", "Hoe ver het onderzoek gevorderd is, is aan het OM om
// te beoordelen." leave it to another body. The model weighs the
// question's words the sentence repeats and reads a reply.

// settledLater gives a sentence that opens with an indirect question and
// whose main clause leaves it to a study, a decision to come or another
// body the role of what it does: not yet, or a refusal when another body
// settles it and neither the minister nor the government speaks. It
// leaves sentences read as evasive, those that give a figure or a reason,
// those whose main clause denies (withheldAsked reads them) or looks back
// ("heeft ... nagegaan" reports what was found), and those that open with
// "wanneer", "waar" or "wie", which open conditions and relative clauses
// more often than questions.
func settledLater(st *sentence, p *[nRoles]float64) {
	if st.role.Evasive() || len(st.words) < 6 {
		return
	}
	opener := st.fold[st.words[0].start:st.words[0].end]
	switch opener {
	case "of", "hoeveel", "welke", "welk", "wat", "hoe", "waarom", "in":
	default:
		return
	}
	comma := strings.IndexByte(st.fold, ',')
	if comma < 0 || givesFigure(st) {
		return
	}
	// The indirect question: at least three words ("Hoe dan ook," and
	// "In dat geval," are no question), "in" only as "in welke mate" or
	// "in hoeverre", and not a topic ("Wat de kosten betreft, ...").
	fronted := 0
	for _, w := range st.words {
		if w.start >= comma {
			break
		}
		fronted++
	}
	if fronted < 3 || topicFronted(st) || holdsBefore(st, comma, "betreft", "aangaat") {
		return
	}
	if opener == "in" {
		if second := st.fold[st.words[1].start:st.words[1].end]; second != "welke" && second != "hoeverre" {
			return
		}
	}
	why := opener == "waarom"
	speaker, later, others := false, false, false
	first := true
	for _, w := range st.words {
		if w.start < comma {
			continue
		}
		v := st.fold[w.start:w.end]
		if first {
			// The main clause's verb comes first: in the past or the
			// perfect it reports what was done or found.
			first = false
			if lookBack[v] {
				return
			}
		}
		switch {
		case isNegation(v) && !later && !others, why && reasonWords[v]:
			return
		case v == "ik" || v == "wij" || v == "we" || v == "regering" || v == "kabinet" || v == "ministerraad":
			// The minister's own government deciding later is no
			// other body: "..., legt de Vlaamse Regering vast op basis
			// van die doorlichting."
			speaker = true
		case laterWords[v], decidesNow[v]:
			later = true
		case othersWords[v]:
			others = true
		}
	}
	role := tracker.RoleNotYet
	switch {
	case others && !speaker:
		role = tracker.RoleRefusal
	case !later && !others:
		return
	}
	st.role, st.conf = role, p[slices.Index(tracker.Roles, role)]
}

// holdsBefore reports whether a word of ws stands in st before offset end.
func holdsBefore(st *sentence, end int, ws ...string) bool {
	for _, w := range st.words {
		if w.start >= end {
			break
		}
		if slices.Contains(ws, st.fold[w.start:w.end]) {
			return true
		}
	}
	return false
}

// laterWords leave a matter to a study, a count or a decision to come
// (folded).
var laterWords = setOf("pas", "nog", "hangt", "hangen", "afhangen", "afhankelijk", "blijken", "onderzoek", "onderzoekt",
	"onderzoeken", "bekijk", "bekijkt", "bekijken", "bekeken", "bestudeer", "bestudeert", "bestuderen", "evaluatie",
	"verkenning", "afwegen", "afweging", "doorrekenen", "analyse", "geanalyseerd", "kaart", "nagegaan", "nagekeken",
	"nagaan", "nakijken", "beoordeeld", "voorgelegd", "gevraagd", "studie")

// decidesNow decide, in the present tense: after the indirect question
// with the minister speaking ("..., beslis ik op basis van ...") a
// decision to come.
var decidesNow = setOf("beslis", "beslissen", "bepaal", "bepalen", "beoordeel", "beoordelen", "besluit", "besluiten",
	"kies", "kiezen", "weeg", "wegen")

// othersWords leave a matter to another body: its decision, judgement or
// competence (folded).
var othersWords = setOf("beslist", "beoordeelt", "bepaalt", "kiest", "voorbehouden", "bevoegd", "bevoegdheid",
	"beslissing", "beoordeling", "behoort", "autonomie", "autonoom", "vastgelegd", "vast")

// lookBack open a main clause in the past or the perfect.
var lookBack = setOf("heeft", "hebben", "werd", "werden", "was", "waren")
