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
