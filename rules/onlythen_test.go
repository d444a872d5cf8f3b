package rules

import (
	"testing"

	"github.com/pqtrack/pqtrack/tracker"
)

// "pas" with a modal and a condition still to be met waits, whatever the
// verb; a past tense, a question that asks when or yes or no, or a figure
// make it a reply.
func TestOnlyThen(t *testing.T) {
	q := "Welke maatregelen neemt u om de wachttijden bij de keuringscentra te verkorten?"
	wantStatuses(t, []statusCase{
		{q, "Maatregelen zal ik pas voorstellen wanneer de sector zijn actieplan heeft ingediend.", tracker.Pending},
		{q, "Pas op basis van die doorlichting kunnen de keuringscentra nieuwe openingsuren invoeren.", tracker.Pending},
		{q, "Pas nadat de sector zijn actieplan heeft ingediend, kunnen de keuringscentra hun openingsuren uitbreiden.", tracker.Pending},
		{q, "De keuringscentra werden pas na de staking van vorig jaar versterkt met twaalf keurders.", tracker.Answered},
		{"Wanneer worden de openingsuren van de keuringscentra verruimd?",
			"De openingsuren zullen pas worden verruimd nadat de nieuwe keurders hun opleiding hebben afgerond, in maart 2027.", tracker.Answered},
	}, tracker.Day(2026, 11, 1))
}
