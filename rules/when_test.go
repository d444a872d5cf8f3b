package rules

import (
	"testing"

	"github.com/pqtrack/pqtrack/tracker"
)

// A date replies to "Wanneer ...?" when it says when the matter happens;
// a promise to inform the members says when they will hear, unless that is
// what was asked.
func TestDatesAnswerWhen(t *testing.T) {
	tests := []struct {
		question, answer string
		answered         bool
	}{
		{"Wanneer wordt de evaluatie afgerond?",
			"De evaluatie wordt eind juni 2025 afgerond.", true},
		{"Wanneer informeert u de Kamer over de voortgang van de regeling?",
			"Ik stuur uw Kamer in het tweede kwartaal van 2025 een voortgangsbrief over de regeling.", true},
		{"Wanneer stuurt u het wetsvoorstel naar de Kamer?",
			"Na verwerking van het advies stuur ik het in september 2025 naar uw Kamer.", true},
		{"Wanneer valt de gemiddelde wachttijd weer binnen de norm?",
			"Dat kan ik op dit moment niet met zekerheid zeggen. Ik stuur u de nieuwe prognose voor het einde van het jaar.", false},
		{"Wanneer is de nieuwe brug klaar?",
			"Ik zal uw Kamer in het voorjaar van 2026 informeren over de planning.", false},
	}
	for _, tt := range tests {
		it := judgedItem(t, tt.question, tt.answer, tracker.Day(2025, 3, 1))
		if got := it.Status == tracker.Answered; got != tt.answered {
			t.Errorf("%q to %q: %s", tt.answer, tt.question, it.Status)
		}
	}
}

// A yes to "Zal u ... aan het Parlement voorleggen?" with the date it
// will be sent replies; the same promise to a question for figures puts
// them off.
func TestYesToSend(t *testing.T) {
	wantStatuses(t, []statusCase{
		{"Wanneer is die evaluatie klaar? Zal de minister de resultaten aan het Vlaams Parlement voorleggen?",
			"Het Steunpunt Werk levert zijn eindrapport op in januari 2027. Ja, in de loop van februari 2027 bezorg ik het rapport aan de commissie.",
			tracker.Answered},
		{"Wanneer is de doorlichting afgerond? Zal de minister het rapport aan het Vlaams Parlement bezorgen?",
			"Het agentschap voert de doorlichting uit en rondt ze af in maart 2027. " +
				"Ja, ik leg het rapport voor aan het Vlaams Parlement: in de loop van april 2027 bezorg ik het aan de commissie voor Welzijn, en ik licht het daar graag toe.",
			tracker.Answered},
		{"Bent u bereid de Kamer te informeren over de uitkomst van het onderzoek?",
			"Ja, ik zal uw Kamer voor de zomer van 2027 over de uitkomst informeren.",
			tracker.Answered},
		{"Hoeveel meldingen kwamen er in 2026 binnen?",
			"Ik zal uw Kamer voor de zomer van 2027 over het aantal meldingen informeren.",
			tracker.Pending},
	}, tracker.Day(2026, 11, 1))
}
