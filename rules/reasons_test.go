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
