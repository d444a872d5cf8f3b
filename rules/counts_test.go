package rules

import (
	"testing"

	"github.com/pqtrack/pqtrack/tracker"
)

// Two questions for a figure and one figure given: the part with no
// sentence of its own is passed over.
func TestCountsLeftOpen(t *testing.T) {
	q := "Hoeveel klachten over taxibedrijven ontving de gemeente in 2025? Hoeveel daarvan leidden tot een boete?"
	tests := []struct {
		answer string
		want   tracker.Status
	}{
		{"De gemeente ontving in 2025 412 klachten over taxibedrijven. Ze gingen vooral over de ritprijs en het gedrag van chauffeurs. " +
			"Elke klacht wordt door de afdeling handhaving beoordeeld.", tracker.Partial},
		{"De gemeente ontving in 2025 412 klachten over taxibedrijven, waarvan 37 tot een boete leidden.", tracker.Answered},
	}
	for _, tt := range tests {
		if got := judgedItem(t, q, tt.answer, tracker.Day(2026, 2, 1)).Status; got != tt.want {
			t.Errorf("%q: %s, want %s", tt.answer, got, tt.want)
		}
	}
	// "Vindt u dat aantal voldoende?" names a figure; it does not ask for one.
	it := judgedItem(t, "Hoeveel laadpalen staan er in de gemeente? Vindt u dat aantal voldoende?",
		"Op 1 januari 2026 stonden er 1.240 laadpalen. Dat aantal vind ik voldoende voor de komende twee jaar.", tracker.Day(2026, 2, 1))
	if it.Status != tracker.Answered {
		t.Errorf("laadpalen: %s, want answered", it.Status)
	}
}
