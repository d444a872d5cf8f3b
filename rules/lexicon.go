package rules

import (
	"strings"
)

// The role model's word features (w:, b:, s:) learn the words of the
// answers it was trained on; a minister who dodges in other words ("Om
// redenen van privacy worden geen gegevens meegedeeld" where the training
// answers said "Ik ga niet in op individuele casuïstiek") passes them by.
// Classes of words that do the same work in a dodge let what was learned
// from some of their members carry over to the others: the model weighs
// the class of every word (c:CLASS), and the class of every word in a
// clause that a negation denies (nc:CLASS: "niet beschikbaar", "geen
// gegevens", "beschik niet over").
//
// The classes are Dutch as ministers write it, Dutch and Flemish alike,
// from a reading of the language and not of any one answer. An entry is a
// folded word; "x*" is any word that starts with x, "*x*" any word that
// holds x (for the heads of Dutch compounds: "beroepsgeheim").
var lexiconClasses = []struct {
	name  string
	words string
}{
	// Telling, sharing, judging: what a refusal refuses to do.
	{"tell", `meedelen meedeel* meegedeeld mededelen mededeling* delen gedeeld
		bekendmaken bekendma* bekendgemaakt openbaar* openbaarma* verstrek* bezorg*
		ingaan inga* ingegaan uitspraak uitspraken uitspreken commentaar commentarieer*
		oordeel oordelen beoordel* beoordeeld speculer* gespeculeerd vooruitlop* vooruitgelopen
		prijsgeven prijsgegeven vrijgeven vrijgegeven kenbaar communicer* publiceer* gepubliceerd treden uitlaten
		reageren reageer* toelichten toelichting*`},
	// Reasons of confidence: privacy, individual cases, secrets, a
	// procedure under way before a court or an inquiry.
	{"secret", `privacy *privacy* individu* *persoonsgegeven* *vertrouwelijk* *geheim*
		*geheimhouding* discretie casuistiek *dossier* avg gdpr herleidbaar* identificeerbaar*
		gerechtelijk* strafrechtelijk* strafonderzoek* opsporingsonderzoek* tuchtrechtelijk*
		lopende rechtszaak* procedure* concurrentiegevoelig* bedrijfsvertrouwelijk*
		staatsveiligheid veiligheid *veiligheidsreden*`},
	// Whose matter it is: competence, responsibility, autonomy, someone
	// else's judgement.
	{"competence", `bevoegd* *bevoegdheid* *bevoegdheden* onbevoegd* verantwoordelijk*
		*verantwoordelijkheid* autonom* autonomie zelfstandig* onafhankelijk* voorbehouden
		aangelegenheid aangelegenheden toekomt toekomen rechter rechters rechtbank
		rechtbanken hof federaal federale deelstaat* gemeentelijk*
		toezichthouder*`},
	// Whether the information exists or is kept.
	{"kept", `beschikbaar beschikbare beschik* voorhanden bekend gekend bijgehouden bijhoud*
		bijgehou* geregistreerd registreer* registratie* gemonitord monitor* opgevolgd
		geinventariseerd inventaris* uitgesplitst uitsplits* opgesplitst opsplits* zicht
		inzicht centraal systematisch* opgevraagd opvragen achterhalen achterhaald traceren
		getraceerd`},
	// Information itself: figures, data.
	{"data", `gegeven gegevens cijfer cijfers cijfermateriaal data statistiek* informatie
		aantallen aantal overzicht overzichten percentage* bedrag* bedragen`},
	// Work under way: being examined, prepared, evaluated.
	{"ongoing", `momenteel thans nog lopend lopende loopt lopen onderzocht onderzoek*
		bekeken bekijk* bekijken geevalueerd evalueer* evaluatie* voorbereid* voorbereiding*
		uitgewerkt uitwerk* uitwerking* overleg* analyse* geanalyseerd analyseer* verken*
		verkend beraad bestudeer* bestudeerd afgerond afrond* afwegen afweging* opgemaakt
		opmaak uitgeklaard onderzoekt`},
	// Too early, not yet decided.
	{"early", `vroeg vroege voorbarig* prematuur beslist beslissing* besluit* besloten
		vastgelegd vastgesteld vastleggen bepaald keuze* definitief definitieve afgewacht
		afwachten afwachting`},
	// The future: what will come and when.
	{"future", `zal zullen binnenkort later spoedig weldra volgt volgen volgend* verwacht*
		informeren informeer* zodra voorjaar najaar zomer kwartaal toekomst* eerstdaags
		weldra`},
	// Pointing elsewhere.
	{"refer", `verwijs verwijzen verwezen verwijzing* zie raadple* raadplegen website*
		*site* brief brieven nota beleidsnota beleidsbrief vorige eerder eerdere reeds
		terugvinden bijlage* aanhangsel`},
}

// classNames are the names of the classes by bit.
var classNames = func() []string {
	out := make([]string, len(lexiconClasses))
	for i, c := range lexiconClasses {
		out[i] = c.name
	}
	return out
}()

// lexicon is lexiconClasses read: exact words, prefixes and infixes with
// the class bits they give.
var lexicon = func() (l struct {
	exact            map[string]uint16
	prefix, contains []lexEntry
}) {
	l.exact = map[string]uint16{}
	for i, c := range lexiconClasses {
		bit := uint16(1) << i
		for _, w := range strings.Fields(c.words) {
			switch {
			case strings.HasPrefix(w, "*") && strings.HasSuffix(w, "*"):
				l.contains = append(l.contains, lexEntry{strings.Trim(w, "*"), bit})
			case strings.HasSuffix(w, "*"):
				l.prefix = append(l.prefix, lexEntry{strings.TrimSuffix(w, "*"), bit})
			default:
				l.exact[w] |= bit
			}
		}
	}
	return l
}()

type lexEntry struct {
	s   string
	bit uint16
}

// wordClass returns the classes of the folded word w, as bits by the
// order of lexiconClasses.
func wordClass(w string) uint16 {
	c := lexicon.exact[w]
	for _, e := range lexicon.prefix {
		if strings.HasPrefix(w, e.s) {
			c |= e.bit
		}
	}
	for _, e := range lexicon.contains {
		if strings.Contains(w, e.s) {
			c |= e.bit
		}
	}
	return c
}

// clauseBreak reports whether the separator sep between two words, or the
// word w after it, starts a new clause: a negation denies within its
// clause only ("Dat is niet bekend, maar de cijfers van 2023 zijn
// beschikbaar").
func clauseBreak(sep, w string) bool { return sepBreak(sep) || opensClause(w) }

// sepBreak is clauseBreak for the separator.
func sepBreak(sep string) bool {
	// strings.ContainsAny(sep, ",;:()") by bytes: it runs between every
	// two words, mostly on one space, and these ASCII bytes are never part
	// of another rune.
	if sep == " " {
		return false
	}
	for i := 0; i < len(sep); i++ {
		switch sep[i] {
		case ',', ';', ':', '(', ')':
			return true
		}
	}
	return false
}

// opensClause is clauseBreak for the word, kept in its term cache entry.
func opensClause(w string) bool {
	switch w {
	case "maar", "omdat", "want", "doordat", "aangezien", "terwijl", "echter":
		return true
	}
	return false
}
