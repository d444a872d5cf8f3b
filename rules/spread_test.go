package rules

import (
	"testing"

	"github.com/pqtrack/pqtrack/tracker"
)

// An evasion that names the words of several sub-questions leaves each of
// them open, not only the one it stands under: the background before it
// does not reply to the part it shares words with.
func TestEvasionNamesParts(t *testing.T) {
	tests := []struct {
		question, answer string
		open             []bool // per sub-question: not answered
	}{
		{
			"Wat was de oorzaak van de brand in het asielcentrum van Lommel? Werd de brandveiligheid van het gebouw vooraf gecontroleerd?",
			"De brand in het asielcentrum van Lommel brak uit in de nacht van 3 op 4 mei. Het parket van Limburg heeft een deskundige aangesteld. Zolang het gerechtelijk onderzoek loopt, kan ik over de oorzaak en over de controle van de brandveiligheid geen informatie geven.",
			[]bool{true, true},
		},
		{
			"Welke vergoeding betaalt de exploitant aan de gemeenten voor de laadpalen? Verschilt die vergoeding per gemeente?",
			"De exploitant is een private vennootschap. De overeenkomsten met de gemeenten zijn commerciële contracten. Over de vergoedingen en de verschillen per gemeente kan ik geen informatie geven: ze vallen onder het zakengeheim.",
			[]bool{true, true},
		},
		// The refusal names only the second part: the first keeps its reply.
		{
			"Hoeveel boetes legde de inspectie in 2025 op? Welke bedrijven kregen de hoogste boetes?",
			"De inspectie legde in 2025 in totaal 214 boetes op, samen goed voor 1,3 miljoen euro. Namen van bedrijven maak ik niet bekend, omdat het om individuele dossiers gaat.",
			[]bool{false, true},
		},
	}
	for _, tt := range tests {
		it := judgedItem(t, tt.question, tt.answer, tracker.Day(2026, 11, 2))
		if len(it.SubQuestions) != len(tt.open) {
			t.Fatalf("%q: %d sub-questions, want %d", tt.question, len(it.SubQuestions), len(tt.open))
		}
		for i, sq := range it.SubQuestions {
			if open := sq.Status != tracker.Answered; open != tt.open[i] {
				t.Errorf("%q: part %d %s", tt.answer, i+1, sq.Status)
			}
		}
	}
}
