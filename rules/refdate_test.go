package rules

import (
	"testing"
	"time"

	"github.com/pqtrack/pqtrack/tracker"
)

// The date relative and past expressions are read against: the answer's
// own date, else the one given, else the question's; and never a day
// before the question was asked, which cannot be the answer's.
func TestAnalyzeReferenceDate(t *testing.T) {
	const answer = "Ik zal het rapport op 1 juni 2025 aan het Vlaams Parlement bezorgen."
	tests := []struct {
		name        string
		date, asked time.Time
		ref         time.Time
		promises    int
	}{
		{"the answer's date", tracker.Day(2025, 11, 20), tracker.Day(2025, 10, 13), tracker.Day(2025, 3, 1), 0},
		{"the question's date, none given", time.Time{}, tracker.Day(2025, 10, 13), time.Time{}, 0},
		{"the question's date over one given before it", time.Time{}, tracker.Day(2025, 10, 13), tracker.Day(2025, 3, 1), 0},
		{"the date given, after the question", time.Time{}, tracker.Day(2025, 4, 1), tracker.Day(2025, 5, 1), 1},
		{"the date given, no question date", time.Time{}, time.Time{}, tracker.Day(2025, 3, 1), 1},
	}
	set, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := &tracker.Document{Date: tt.date, Asked: tt.asked, Items: []tracker.Item{{
				Number:   1,
				Question: "Hoeveel leerlingen gebruiken het leerlingenvervoer?",
				Answer:   answer,
			}}}
			set.Analyze(doc, tt.ref)
			it := doc.Items[0]
			// 1 June 2025 is promised only when it is still to come.
			if len(it.Promises) != tt.promises {
				t.Errorf("promises %+v, want %d", it.Promises, tt.promises)
			}
		})
	}
}
