package rules

import (
	"testing"

	"github.com/pqtrack/pqtrack/tracker"
)

// A sentence that says what the figures just given leave out withholds
// nothing; one that says the figures are not there does.
func TestScopeNote(t *testing.T) {
	tests := []struct {
		answer string
		status tracker.Status
	}{
		{"In 2024 ontving de gemeente 63 meldingen. Meldingen die rechtstreeks bij de politie binnenkomen, zitten niet in deze cijfers.", tracker.Answered},
		{"In 2024 ontving de gemeente 63 meldingen. Anonieme meldingen zijn in die cijfers niet meegeteld.", tracker.Answered},
		{"In 2024 ontving de gemeente 63 meldingen. Een melding die later werd ingetrokken, is niet meegeteld.", tracker.Answered},
		{"Meldingen die rechtstreeks bij de politie binnenkomen, zitten niet in onze cijfers.", tracker.Declined},
		{"In 2024 ontving de gemeente 63 meldingen. Dat cijfer moet als een ondergrens worden gelezen: anonieme meldingen worden niet altijd geregistreerd.", tracker.Answered},
		{"In 2024 ontving de gemeente 63 meldingen. Niet elke melder geeft zijn adres op, zodat het werkelijke aantal mogelijk hoger ligt.", tracker.Answered},
	}
	for _, tt := range tests {
		if got := judgedItem(t, "Hoeveel meldingen van overlast ontving de gemeente in 2024?", tt.answer, tracker.Day(2025, 3, 1)).Status; got != tt.status {
			t.Errorf("%q: %s, want %s", tt.answer, got, tt.status)
		}
	}
}
