package rules

import (
	"testing"

	"github.com/pqtrack/pqtrack/tracker"
)

// A pointer that fronts what was asked defers it, whatever is said about
// the place; one that names nothing asked sits beside the reply.
func TestCoreReferred(t *testing.T) {
	q := "Wat zijn de bevindingen van de evaluatie van de proef met flexibele openingstijden van het gemeentehuis?"
	tests := []struct {
		answer string
		want   tracker.Status
	}{
		{"Het Kenniscentrum Dienstverlening heeft de proef in 2025 in vijf gemeenten in Drenthe en Overijssel gevolgd, met enquêtes onder bezoekers en medewerkers. " +
			"Het eindrapport 'Loket op maat' heb ik op 14 januari 2026 aan uw Kamer gezonden. Voor de bevindingen verwijs ik u naar dat rapport.", tracker.Deferred},
		{"Bezoekers kwamen vaker na 18 uur, en de wachttijd aan het loket daalde met een derde. " +
			"Zie voor de volledige cijfers ook het evaluatierapport dat ik op 14 januari 2026 aan uw Kamer zond.", tracker.Answered},
	}
	for _, tt := range tests {
		if got := judgedItem(t, q, tt.answer, tracker.Day(2026, 2, 1)).Status; got != tt.want {
			t.Errorf("%q: %s, want %s", tt.answer, got, tt.want)
		}
	}
}
