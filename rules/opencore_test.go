package rules

import (
	"testing"

	"github.com/pqtrack/pqtrack/tracker"
)

// A not-yet sentence that names what was asked leaves it open, whatever
// is said around it; beside a figure or a plain yes it names something
// else, or a part.
func TestCoreLeftOpen(t *testing.T) {
	tests := []struct {
		question, answer string
		want             func(tracker.Status) bool
		say              string
	}{
		{"Welke gevolgen heeft de sluiting van het zwembad voor de schoolzwemlessen?",
			"Het zwembad sluit op 1 september voor een renovatie van twee jaar. De stad zoekt samen met de scholen naar andere baden in de buurt. " +
				"Wat de sluiting voor de schoolzwemlessen betekent, is nu nog niet te zeggen.",
			func(s tracker.Status) bool { return s == tracker.Pending }, "pending"},
		{"Bent u bereid om met de provincies afspraken te maken over de spreiding van de opvang?",
			"Het kabinet hecht aan een evenwichtige spreiding. Op 3 november is met de provincies een eerste gesprek gevoerd over de knelpunten. " +
				"Of zulke afspraken er komen, staat nog niet vast.",
			func(s tracker.Status) bool { return s == tracker.Pending }, "pending"},
		{"Welke gevolgen heeft de sluiting van het zwembad voor de schoolzwemlessen?",
			"Van de 14 scholen zwemmen er 9 voortaan in het bad van de buurgemeente; voor de andere 5 wordt de les ingekort. " +
				"Wat de sluiting op termijn voor het zwemniveau betekent, is nu nog niet te zeggen.",
			func(s tracker.Status) bool { return s == tracker.Partial }, "partial"},
		{"Bent u bereid om met de provincies afspraken te maken over de spreiding van de opvang?",
			"Ja. Ik nodig de provincies in januari uit voor overleg. Of alle provincies meedoen, is nog niet duidelijk.",
			func(s tracker.Status) bool { return s != tracker.Pending }, "not pending"},
	}
	for _, tt := range tests {
		if got := judgedItem(t, tt.question, tt.answer, tracker.Day(2025, 11, 1)).Status; !tt.want(got) {
			t.Errorf("%q / %q: %s, want %s", tt.question, tt.answer, got, tt.say)
		}
	}
}

func TestNamesAsked(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"Of zulke afspraken er komen, staat nog niet vast.", true},
		{"Wat dit voor de levertijden betekent, is nog niet te zeggen.", true},
		{"Zolang het onderzoek loopt, kan ik niet zeggen in welke mate de plafonds bijdragen.", true},
		{"Het is nog niet bekend hoeveel gezinnen het betreft.", true},
		{"Het onderzoek is nog niet afgerond.", false},
		{"Ik kan niet zeggen dat dit een goede zaak is.", false},
		{"Of sterker nog: dat dit een negatief effect zou hebben.", false},
	}
	for _, tt := range tests {
		st := testSentence(tt.text)
		if got := namesAsked(&st); got != tt.want {
			t.Errorf("namesAsked(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}
