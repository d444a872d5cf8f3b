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

// A decision waits on its condition whatever the verb and the tense, and
// under a yes/no question too: it does not say yes or no. A decision given
// ("Mijn standpunt is dat ..."), taken in the past, left to others or
// described as a procedure replies.
func TestOnlyThenDecides(t *testing.T) {
	q := "Bent u bereid de premie voor de renovatie van daken te verhogen?"
	wantStatuses(t, []statusCase{
		{q, "Ik neem daarover pas een besluit als de evaluatie gereed is.", tracker.Pending},
		{q, "Pas wanneer die doorrekening op mijn bureau ligt, neem ik een standpunt in.", tracker.Pending},
		{q, "Die keuze maak ik wanneer de evaluatie is afgerond.", tracker.Pending},
		{q, "Ik neem een besluit over de premie nadat de sector is gehoord.", tracker.Pending},
		{q, "Ik kan daar pas op antwoorden als de cijfers gevalideerd zijn.", tracker.Pending},
		{q, "Mijn standpunt is dat een verhoging pas zinvol is als ook de buurlanden meedoen.", tracker.Answered},
		{q, "Ik moedig de gemeenten aan om met de sector in gesprek te gaan en op basis daarvan te bepalen wat nodig is.", tracker.Answered},
		{"Hoe wordt de volgorde van de dossiers bepaald?", "Ik bepaal de volgorde als volgt: eerst de oudste dossiers, daarna de dringende.", tracker.Answered},
		{"Welke keuze heeft de regering gemaakt voor de locatie van de nieuwe gevangenis?",
			"Wij hebben gekozen voor de site in Haren, nadat drie alternatieven waren onderzocht.", tracker.Answered},
		{"Hoe gaat u om met de adviezen van de commissie?", "Wanneer ik afwijk van een advies, motiveer ik die beslissing altijd schriftelijk.", tracker.Answered},
	}, tracker.Day(2026, 11, 1))
}
