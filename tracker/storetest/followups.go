package storetest

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/pqtrack/pqtrack/tracker"
	"github.com/pqtrack/pqtrack/tracker/store"
)

func testFollowUpLifecycle(t *testing.T, db store.Full) {
	ctx := context.Background()
	doc := SampleDoc()
	mustIngest(t, db, doc, now0)

	p := byKey(t, db, "q1:promise:2023-06-21")
	want := tracker.FollowUp{
		ID: p.ID, DocumentID: doc.ID, Document: doc.Title, QuestionNumber: 1, Kind: tracker.FollowPromise,
		Key: "q1:promise:2023-06-21", Due: tracker.Day(2023, 6, 21), State: tracker.Open,
		Summary:  doc.Items[0].Promises[0].Evidence.Text,
		Promised: tracker.Day(2023, 6, 21), Precision: tracker.PrecisionSeason,
		Created: now0, Updated: now0, Minister: "Bart Somers", Asker: "An Peeters",
	}
	if diff := cmp.Diff(&want, p); diff != "" {
		t.Errorf("stored promise follow-up (-want +got):\n%s", diff)
	}
	// A deferral comes with the resolution of its item's deferral.
	d := byKey(t, db, "q2:deferral")
	if d.Resolution == nil || d.Resolution.Target != doc.Items[1].Deferral.Resolution.Target {
		t.Errorf("deferral follow-up's resolution = %+v, want the item's", d.Resolution)
	}

	at := now0.Add(time.Hour)
	// Snooze past the due date: the effective due moves, the due date stays.
	if err := db.Snooze(ctx, p.ID, tracker.Day(2023, 7, 15), "holidays", "jan", at); err != nil {
		t.Fatal(err)
	}
	got, _ := db.FollowUp(ctx, p.ID)
	if got.State != tracker.Snoozed || !got.EffectiveDue().Equal(tracker.Day(2023, 7, 15)) || !got.Due.Equal(want.Due) || got.By != "jan" {
		t.Errorf("after snooze: %+v", got)
	}
	if due, _ := db.DueFollowUps(ctx, tracker.Day(2023, 7, 1)); contains(due, p.ID) {
		t.Error("snoozed follow-up is due before its snooze ends")
	}
	if due, _ := db.DueFollowUps(ctx, tracker.Day(2023, 7, 15)); !contains(due, p.ID) {
		t.Error("snoozed follow-up is not due when its snooze ends")
	}

	if err := db.Redate(ctx, p.ID, tracker.Day(2023, 12, 31), "", "jan", at); !errors.Is(err, tracker.ErrInvalid) {
		t.Errorf("redate without a reason: %v, want ErrInvalid", err)
	}
	if err := db.Redate(ctx, p.ID, tracker.Day(2023, 12, 31), "moved to year end in the debate", "piet", at); err != nil {
		t.Fatal(err)
	}
	if err := db.Check(ctx, p.ID, tracker.Reasked, "", "", "piet", at); !errors.Is(err, tracker.ErrInvalid) {
		t.Errorf("reasked without number: %v, want ErrInvalid", err)
	}
	if err := db.Check(ctx, p.ID, "maybe", "", "", "piet", at); !errors.Is(err, tracker.ErrInvalid) {
		t.Errorf("unknown outcome: %v, want ErrInvalid", err)
	}
	later := at.Add(48 * time.Hour)
	if err := db.Check(ctx, p.ID, tracker.Reasked, "nr. 512", "asked again", "piet", later); err != nil {
		t.Fatal(err)
	}
	got, _ = db.FollowUp(ctx, p.ID)
	if got.State != tracker.Done || got.Outcome != tracker.Reasked || got.ReaskedAs != "nr. 512" || got.Note != "asked again" || !got.Updated.Equal(later) {
		t.Errorf("after check: %+v", got)
	}
	if err := db.Snooze(ctx, p.ID, tracker.Day(2024, 1, 1), "", "piet", later); !errors.Is(err, tracker.ErrInvalid) {
		t.Errorf("snoozing a done follow-up: %v, want ErrInvalid", err)
	}
	if due, _ := db.DueFollowUps(ctx, tracker.Day(2030, 1, 1)); contains(due, p.ID) {
		t.Error("done follow-up is due")
	}
	if err := db.Reopen(ctx, p.ID, "minister did not deliver after all", "jan", later); err != nil {
		t.Fatal(err)
	}
	got, _ = db.FollowUp(ctx, p.ID)
	if got.State != tracker.Open || got.Outcome != "" || !got.Due.Equal(tracker.Day(2023, 12, 31)) {
		t.Errorf("after reopen: %+v", got)
	}

	hist, err := db.History(ctx, p.ID)
	if err != nil {
		t.Fatal(err)
	}
	wantHist := []tracker.FollowUpEvent{
		{FollowUpID: p.ID, At: now0, Action: "created", NewDue: tracker.Day(2023, 6, 21)},
		{FollowUpID: p.ID, At: at, Action: "snoozed", OldDue: tracker.Day(2023, 6, 21), NewDue: tracker.Day(2023, 7, 15), Note: "holidays", By: "jan"},
		{FollowUpID: p.ID, At: at, Action: "redated", OldDue: tracker.Day(2023, 6, 21), NewDue: tracker.Day(2023, 12, 31), Note: "moved to year end in the debate", By: "piet"},
		{FollowUpID: p.ID, At: later, Action: "done", OldDue: tracker.Day(2023, 12, 31), Note: "reasked as nr. 512: asked again", By: "piet"},
		{FollowUpID: p.ID, At: later, Action: "reopened", Note: "minister did not deliver after all", By: "jan"},
	}
	if diff := cmp.Diff(wantHist, hist); diff != "" {
		t.Errorf("history (-want +got):\n%s", diff)
	}
	evs, err := db.Events(ctx, later, later.Add(time.Second))
	if err != nil {
		t.Fatal(err)
	}
	if len(evs) != 2 || evs[0].Action != "done" || evs[1].Action != "reopened" {
		t.Errorf("Events in the last window: %+v, want done and reopened", evs)
	}
	if evs, _ := db.Events(ctx, time.Time{}, now0); len(evs) != 0 {
		t.Errorf("Events before the first: %+v", evs)
	}
	for _, err := range []error{
		db.Snooze(ctx, 999, tracker.Day(2024, 1, 1), "", "", at),
		db.Check(ctx, 999, tracker.Dropped, "", "", "", at),
		func() error { _, err := db.FollowUp(ctx, 999); return err }(),
		func() error { _, err := db.History(ctx, 999); return err }(),
	} {
		if !errors.Is(err, tracker.ErrNotFound) {
			t.Errorf("unknown follow-up: %v, want ErrNotFound", err)
		}
	}
}

func testFollowUpFilters(t *testing.T, db store.Full) {
	ctx := context.Background()
	a := SampleDoc()
	mustIngest(t, db, a, now0)
	b := SampleDoc()
	b.Number, b.Text, b.Minister, b.Asker, b.Date = "nr. 500", "other", "Hilde Crevits", "Jo Janssens", tracker.Day(2023, 5, 2)
	mustIngest(t, db, b, now0)
	// a: promise 06-21, partial/deferral/unanswered 02-14; b: the same on 05-02.
	drop := byKey(t, db, "q4:unanswered") // a's, first by id
	if err := db.Check(ctx, drop.ID, tracker.Dropped, "", "", "", now0); err != nil {
		t.Fatal(err)
	}
	// the snooze of b's deferral ends after its due date
	all, _ := db.FollowUps(ctx, tracker.FollowUpFilter{Document: b.ID, Kind: tracker.FollowDeferral})
	if len(all) != 1 {
		t.Fatalf("b's deferrals: %v", keys(all))
	}
	if err := db.Snooze(ctx, all[0].ID, tracker.Day(2023, 8, 1), "", "", now0); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		f    tracker.FollowUpFilter
		want int
	}{
		{"all", tracker.FollowUpFilter{}, 8},
		{"open", tracker.FollowUpFilter{States: []tracker.State{tracker.Open}}, 6},
		{"open and snoozed", tracker.FollowUpFilter{States: []tracker.State{tracker.Open, tracker.Snoozed}}, 7},
		{"done", tracker.FollowUpFilter{States: []tracker.State{tracker.Done}}, 1},
		{"due by 02-14", tracker.FollowUpFilter{DueBy: tracker.Day(2023, 2, 14)}, 2},
		{"due by 05-02", tracker.FollowUpFilter{DueBy: tracker.Day(2023, 5, 2)}, 4},
		{"overdue on 05-02", tracker.FollowUpFilter{Overdue: tracker.Day(2023, 5, 2)}, 2},
		{"due by 07-01 (snoozed not yet)", tracker.FollowUpFilter{DueBy: tracker.Day(2023, 7, 1)}, 6},
		{"kind promise", tracker.FollowUpFilter{Kind: tracker.FollowPromise}, 2},
		{"minister", tracker.FollowUpFilter{Minister: "Hilde Crevits"}, 4},
		{"asker", tracker.FollowUpFilter{Asker: "An Peeters", States: []tracker.State{tracker.Open}}, 3},
		{"document", tracker.FollowUpFilter{Document: a.ID}, 4},
		{"limit", tracker.FollowUpFilter{Limit: 3}, 3},
		{"offset", tracker.FollowUpFilter{Limit: 5, Offset: 5}, 3},
	}
	for _, tt := range tests {
		got, err := db.FollowUps(ctx, tt.f)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if len(got) != tt.want {
			t.Errorf("%s: %d follow-ups %v, want %d", tt.name, len(got), keys(got), tt.want)
		}
		for i := 1; i < len(got); i++ {
			if got[i].EffectiveDue().Before(got[i-1].EffectiveDue()) {
				t.Errorf("%s: not in due order: %v", tt.name, keys(got))
			}
		}
		n, err := db.CountFollowUps(ctx, tt.f)
		if err != nil {
			t.Fatal(err)
		}
		if tt.f.Limit == 0 && n != tt.want {
			t.Errorf("%s: CountFollowUps = %d, want %d", tt.name, n, tt.want)
		}
		if tt.f.Limit > 0 && n != 8 {
			t.Errorf("%s: CountFollowUps = %d, want 8 (limit ignored)", tt.name, n)
		}
	}
	// DueFollowUps agrees with tracker.FollowUp.IsDue on every day around.
	everything, _ := db.FollowUps(ctx, tracker.FollowUpFilter{})
	for d := tracker.Day(2023, 2, 1); d.Before(tracker.Day(2023, 9, 1)); d = d.AddDate(0, 0, 1) {
		due, err := db.DueFollowUps(ctx, d.Add(15*time.Hour))
		if err != nil {
			t.Fatal(err)
		}
		var want []string
		for _, f := range everything {
			if f.IsDue(d) {
				want = append(want, f.Key)
			}
		}
		if got := keys(due); !cmp.Equal(got, want) {
			t.Errorf("DueFollowUps(%s) = %v, want %v", d.Format(tracker.DateLayout), got, want)
		}
	}
}

func testReminderDue(t *testing.T, db store.Full) {
	ctx := context.Background()
	mustIngest(t, db, SampleDoc(), now0)
	ids := func(fs []tracker.FollowUp) map[int64]bool {
		m := map[int64]bool{}
		for _, f := range fs {
			m[f.ID] = true
		}
		return m
	}
	day := tracker.Day(2023, 6, 21) // the promise of q1 falls due
	all, err := db.DueFollowUps(ctx, day)
	if err != nil {
		t.Fatal(err)
	}
	due, err := db.ReminderDue(ctx, day)
	if err != nil {
		t.Fatal(err)
	}
	if len(due) == 0 || len(due) != len(all) {
		t.Fatalf("before any reminder: %d to remind, %d due", len(due), len(all))
	}
	// Reminded: it leaves the sweep, and its key is in the send log.
	f := due[0]
	if err := db.MarkReminded(ctx, &f, now0); err != nil {
		t.Fatal(err)
	}
	due, _ = db.ReminderDue(ctx, day)
	if ids(due)[f.ID] || len(due) != len(all)-1 {
		t.Errorf("after the reminder: %d to remind, follow-up %d still there: %v", len(due), f.ID, ids(due)[f.ID])
	}
	if ok, _ := db.WasSent(ctx, f.ReminderKey()); !ok {
		t.Errorf("key %s not logged", f.ReminderKey())
	}
	// Moved to a later date, it is reminded again when that comes.
	later := day.AddDate(0, 1, 0)
	if err := db.Redate(ctx, f.ID, later, "nieuwe belofte", "test", now0); err != nil {
		t.Fatal(err)
	}
	if due, _ = db.ReminderDue(ctx, day); ids(due)[f.ID] {
		t.Error("redated follow-up reminded before its new date")
	}
	if due, _ = db.ReminderDue(ctx, later); !ids(due)[f.ID] {
		t.Error("redated follow-up not reminded on its new date")
	}
}
