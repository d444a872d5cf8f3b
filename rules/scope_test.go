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
		{"In 2024 ontving de gemeente 63 meldingen. Omdat melden niet verplicht is, onderschat dat cijfer vermoedelijk het werkelijke aantal.", tracker.Answered},
	}
	for _, tt := range tests {
		if got := judgedItem(t, "Hoeveel meldingen van overlast ontving de gemeente in 2024?", tt.answer, tracker.Day(2025, 3, 1)).Status; got != tt.status {
			t.Errorf("%q: %s, want %s", tt.answer, got, tt.status)
		}
	}
}

// What is not kept but was not asked leaves nothing open beside a reply
// that settles every part; a breakdown of the figure given, or a word of
// the question, was asked.
func TestUnknownAside(t *testing.T) {
	q := "Hoeveel kandidaten slaagden in 2025 voor het examen?"
	tests := []struct {
		answer string
		status tracker.Status
	}{
		{"In 2025 slaagden 3.148 kandidaten. Hoeveel geslaagden uiteindelijk bij een korps in dienst treden, wordt niet centraal bijgehouden.", tracker.Answered},
		{"In 2025 slaagden 3.148 kandidaten. Een verdeling per provincie wordt niet bijgehouden.", tracker.Partial},
		{"In 2025 slaagden 3.148 kandidaten. Hoeveel van hen een tweede poging nodig hadden, wordt niet bijgehouden.", tracker.Partial},
	}
	for _, tt := range tests {
		if got := judgedItem(t, q, tt.answer, tracker.Day(2026, 2, 1)).Status; got != tt.status {
			t.Errorf("%q: %s, want %s", tt.answer, got, tt.status)
		}
	}
}
