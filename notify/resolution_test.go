package notify

import (
	"strings"
	"testing"

	"github.com/pqtrack/pqtrack/tracker"
)

func TestRenderArrival(t *testing.T) {
	a := Arrival{
		Target: tracker.Document{ID: 7, Kind: tracker.KindMeeting, Title: "Integraal verslag", Date: tracker.Day(2022, 11, 15)},
		Changes: []ArrivalChange{
			{FollowUp: tracker.FollowUp{ID: 1, QuestionNumber: 1}, Label: "VMRI",
				New: &tracker.Resolution{Verdict: tracker.Addressed, Passages: []tracker.Passage{{Snippet: "1,9 miljoen euro voor het VMRI"}}}},
			{FollowUp: tracker.FollowUp{ID: 2, QuestionNumber: 2}, Label: "expertendatabank", New: &tracker.Resolution{Verdict: tracker.Silent}},
			{FollowUp: tracker.FollowUp{ID: 6, QuestionNumber: 5}, Label: "MO-test",
				New: &tracker.Resolution{Verdict: tracker.PossiblyDelivered, Passages: []tracker.Passage{{Snippet: "eerste evaluatie"}}}},
		},
	}
	tests := []struct {
		lang Lang
		want []string
	}{
		{Dutch, []string{"Het verslag van 15 november 2022 is binnen: VMRI wordt besproken (vraag 1: “1,9 miljoen euro voor het VMRI”)",
			"over expertendatabank staat er niets in (vraag 2)", "pqtrack check 6 --delivered"}},
		{English, []string{"The report of 15 November 2022 is in: VMRI is discussed (question 1", "it says nothing about expertendatabank (question 2)"}},
	}
	for _, tc := range tests {
		m, err := RenderArrival(tc.lang, a)
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range tc.want {
			if !strings.Contains(m.Text, w) {
				t.Errorf("%s: %q lacks %q", tc.lang, m.Text, w)
			}
		}
	}
}

func TestReminderShowsResolution(t *testing.T) {
	f := tracker.FollowUp{ID: 3, QuestionNumber: 9, Kind: tracker.FollowDeferral, Due: tracker.Day(2022, 12, 1),
		Resolution: &tracker.Resolution{Verdict: tracker.TargetMissing, Target: "meeting 2022-11-15 — pqtrack ingest --kind meeting --date 2022-11-15 FILE"}}
	m, err := RenderReminder(Dutch, Reminder{FollowUp: f})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(m.Text, "Verwijzing: nog niet binnen: meeting 2022-11-15") {
		t.Errorf("reminder does not show the resolution:\n%s", m.Text)
	}
}
