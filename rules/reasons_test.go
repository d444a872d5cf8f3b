package rules

import (
	"testing"

	"github.com/pqtrack/pqtrack/tracker"
)

// The sentences before a refusal that says it follows from them ("dan
// ook", "daarom", "dus") give its reasons, not a reply; a figure before it
// is a reply all the same.
func TestReasonsBefore(t *testing.T) {
	q := "Welke voorwaarden heeft het parkeerbedrijf afgesproken met de eigenaars van de parkeergarages? Welke vergoeding betaalt het hun?"
	wantStatuses(t, []statusCase{
		{q, "Het parkeerbedrijf is een private onderneming die haar contracten zelf onderhandelt. De overeenkomsten met de eigenaars vallen onder het zakengeheim. " +
			"Ik kan daarover dan ook geen informatie verstrekken.", tracker.Declined},
		{q, "Het parkeerbedrijf betaalt de eigenaars een vaste vergoeding van 1.200 euro per plaats per jaar. De overige voorwaarden vallen onder het zakengeheim. " +
			"Ik kan daarover dan ook geen informatie verstrekken.", tracker.Partial},
	}, tracker.Day(2026, 11, 1))
}

// A sentence next to a refusal that names a reason to refuse, a secret or
// an inquiry under way, is that refusal's reason, connective or not; one
// that says what happened replies.
func TestReasonsBeside(t *testing.T) {
	q := "Wat was de oorzaak van de brand in de loods van het havenbedrijf? Werd de uitbater beboet?"
	wantStatuses(t, []statusCase{
		{q, "De loods van het havenbedrijf is verzegeld door het parket, dat een gerechtelijk onderzoek voert naar de brand. " +
			"Over de sancties voor de uitbater doe ik geen uitspraken.", tracker.Declined},
		{"Welke huurprijs betaalt de uitbater van het strandpaviljoen aan de gemeente? Werd de concessie verlengd?",
			"De uitbater van het strandpaviljoen is een private vennootschap. " +
				"De concessie en de huurprijs behoren tot de vertrouwelijke afspraken tussen de gemeente en de uitbater. Ik maak die niet openbaar.", tracker.Declined},
		{q, "De brand ontstond door kortsluiting in een elektrische installatie van de loods. " +
			"Over eventuele sancties voor de uitbater doe ik geen uitspraken.", tracker.Partial},
	}, tracker.Day(2026, 11, 1))
}
