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

func TestArrivalKey(t *testing.T) {
	change := func(id int64, v tracker.Verdict) ArrivalChange {
		return ArrivalChange{FollowUp: tracker.FollowUp{ID: id}, New: &tracker.Resolution{Verdict: v}}
	}
	target := tracker.Document{ID: 7}
	a := Arrival{Target: target, Changes: []ArrivalChange{change(1, tracker.Addressed), change(2, tracker.Silent)}}
	b := Arrival{Target: target, Changes: []ArrivalChange{change(2, tracker.Silent), change(1, tracker.Addressed)}}
	if ArrivalKey(a) != ArrivalKey(b) {
		t.Errorf("order changes the key: %q, %q", ArrivalKey(a), ArrivalKey(b))
	}
	m, _ := RenderArrival(Dutch, a)
	if m.Key != ArrivalKey(a) || m.Key != "arrival:7:1=addressed,2=silent" {
		t.Errorf("message key %q, want %q", m.Key, ArrivalKey(a))
	}
	others := []Arrival{
		{Target: tracker.Document{ID: 8}, Changes: a.Changes},
		{Target: target, Changes: []ArrivalChange{change(1, tracker.Addressed), change(2, tracker.Addressed)}},
		{Target: target, Changes: []ArrivalChange{change(1, tracker.Addressed)}},
	}
	for _, o := range others {
		if ArrivalKey(o) == ArrivalKey(a) {
			t.Errorf("other news %+v has the same key %q", o, ArrivalKey(a))
		}
	}
	var many []ArrivalChange
	for i := int64(1); i <= 40; i++ {
		many = append(many, change(i, tracker.Silent))
	}
	if k := ArrivalKey(Arrival{Target: target, Changes: many}); len(k) > 40 {
		t.Errorf("long key not hashed: %q", k)
	}
}
