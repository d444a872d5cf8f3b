package rules

import (
	"strings"
	"testing"

	"github.com/pqtrack/pqtrack/tracker"
)

// Understanding voiced for others' feelings is context, unless those
// feelings or the minister's view are what was asked.
func TestSympathy(t *testing.T) {
	tests := []struct {
		question, answer, sentence string
		role                       tracker.Role
	}{
		{"Wat liep er mis bij de rit van de leerling op 6 oktober?",
			"Ik begrijp de ongerustheid van de ouders. Over het verloop van een individueel dossier doe ik geen uitspraken.",
			"Ik begrijp de ongerustheid van de ouders.", tracker.RoleContext},
		{"Welke klanten nemen het meeste water af?",
			"Wij hebben alle begrip voor de bezorgdheid van de omwonenden. Gegevens over individuele klanten zijn vertrouwelijk.",
			"Wij hebben alle begrip voor de bezorgdheid van de omwonenden.", tracker.RoleContext},
		// The feeling is what was asked.
		{"Deelt de minister de bezorgdheid van de ouders?",
			"Ik begrijp de bezorgdheid van de ouders. De school heeft intussen een extra begeleider ingezet.",
			"Ik begrijp de bezorgdheid van de ouders.", tracker.RoleReply},
		// The rest of the sentence replies.
		{"Wat liep er mis bij de rit van de leerling op 6 oktober?",
			"Ik begrijp de ongerustheid van de ouders, maar de chauffeur volgde de voorgeschreven route.",
			"Ik begrijp de ongerustheid van de ouders, maar de chauffeur volgde de voorgeschreven route.", tracker.RoleReply},
	}
	for _, tt := range tests {
		it := judgedItem(t, tt.question, tt.answer, tracker.Day(2025, 11, 1))
		found := false
		for _, r := range it.Readings {
			if s := it.Answer[r.Start:r.End]; strings.TrimSpace(s) == tt.sentence {
				found = true
				if r.Role != tt.role && (tt.role == tracker.RoleContext || r.Role == tracker.RoleContext) {
					t.Errorf("%q under %q: %s, want %s", tt.sentence, tt.question, r.Role, tt.role)
				}
			}
		}
		if !found {
			t.Errorf("%q: sentence not read", tt.sentence)
		}
	}
}
