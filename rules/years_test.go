package rules

import (
	"testing"

	"github.com/pqtrack/pqtrack/tracker"
	"github.com/pqtrack/pqtrack/tracker/parse"
)

func TestMissingYear(t *testing.T) {
	tests := []struct {
		question, answer string
		open             int // the sub-question left open, -1 for none
	}{
		{"Hoeveel middelen werden in 2024 en in 2025 toegekend?", "In 2025 werd 4,2 miljoen euro toegekend.", 0},
		{"Hoeveel middelen werden in 2024 en in 2025 toegekend?", "In 2024 ging het om 3,1 miljoen euro, in 2025 om 4,2 miljoen euro.", -1},
		{"Wie beslist erover? Hoe vaak gebeurde dat in de zomers van 2022, 2023 en 2024?", "In 2023 en 2024 gebeurde dat telkens drie keer.", 1},
		{"Hoeveel subsidies werden tussen 2020 en 2024 toegekend?", "In 2024 werden 27 subsidies toegekend.", -1},
		{"Hoeveel subsidies werden in 2023 en 2024 toegekend?", "Die cijfers worden niet bijgehouden.", -1},
	}
	for _, tt := range tests {
		it := tracker.Item{Question: tt.question, Answer: tt.answer, SubQuestions: parse.SubQuestions(tt.question)}
		if got := missingYear(&it, tt.answer); got != tt.open {
			t.Errorf("%q / %q: %d, want %d", tt.question, tt.answer, got, tt.open)
		}
	}
}
