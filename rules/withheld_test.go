package rules

import (
	"testing"

	"github.com/pqtrack/pqtrack/tracker"
)

func TestWithheldAsked(t *testing.T) {
	tests := []struct {
		question, answer string
		want             tracker.Role
	}{
		{"Welke bedrijven kregen een boete?", "Welke bedrijven een boete kregen, maak ik niet bekend.", tracker.RoleRefusal},
		{"Welke bedrijven kregen een boete?", "Welke bedrijven het betreft, vermeld ik hier niet.", tracker.RoleRefusal},
		{"Welke scholen scoorden het slechtst?", "Welke scholen het slechtst scoorden, geef ik niet prijs.", tracker.RoleRefusal},
		{"Welke gemeenten kregen subsidie?", "Welke gemeenten subsidie kregen, weet ik niet.", tracker.RoleUnknown},
		// Said plainly, or left possible: replies.
		{"Welke gemeenten kregen subsidie?", "Welke gemeenten subsidie kregen, ziet u in de tabel hieronder: Gent, Aalst en Lier.", tracker.RoleReply},
		{"Was er sprake van fraude?", "Of er sprake was van fraude, kan ik niet uitsluiten.", tracker.RoleReply},
	}
	for _, tt := range tests {
		if got := firstRole(t, tt.question, tt.answer); got != tt.want {
			t.Errorf("%q read as %s, want %s", tt.answer, got, tt.want)
		}
	}
}
