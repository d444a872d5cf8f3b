package storetest

import (
	"context"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/pqtrack/pqtrack/tracker"
	"github.com/pqtrack/pqtrack/tracker/store"
)

// countsOf lists the non-zero counts of m in tracker.Statuses order.
func countsOf(m map[tracker.Status]int) []tracker.StatusCount {
	var out []tracker.StatusCount
	for _, s := range tracker.Statuses {
		if m[s] > 0 {
			out = append(out, tracker.StatusCount{Status: s, N: m[s]})
		}
	}
	return out
}

func testStats(t *testing.T, db store.Full) {
	ctx := context.Background()
	// Two documents of different ministers; BigDoc cycles the statuses
	// answered, answered, partial, pending, deferred and promises on
	// questions 1 and 8.
	a := BigDoc(1, 10, 20)
	b := BigDoc(2, 5, 20)
	b.Minister = "Hilde Crevits"
	b.Number = "nr. 2b"
	c := BigDoc(3, 2, 20) // answered only: not flagged
	c.Minister = ""
	c.Number = "nr. 3c"
	mustIngest(t, db, a, now0)
	mustIngest(t, db, b, now0.Add(time.Hour))
	mustIngest(t, db, c, now0.Add(2*time.Hour))

	all, err := db.FollowUps(ctx, tracker.FollowUpFilter{})
	if err != nil {
		t.Fatal(err)
	}
	// Close one follow-up of a, snooze one of b far ahead.
	var closed, snoozed int64
	for _, f := range all {
		if f.DocumentID == a.ID && closed == 0 {
			closed = f.ID
		}
		if f.DocumentID == b.ID && snoozed == 0 {
			snoozed = f.ID
		}
	}
	if err := db.Check(ctx, closed, tracker.Delivered, "", "", "", now0); err != nil {
		t.Fatal(err)
	}
	if err := db.Snooze(ctx, snoozed, tracker.Day(2030, 1, 1), "", "", now0); err != nil {
		t.Fatal(err)
	}

	today := tracker.Day(2025, 1, 1) // after every due date but the snooze
	st, err := db.Stats(ctx, today)
	if err != nil {
		t.Fatal(err)
	}
	// Count what the stats should say from the documents themselves.
	want := store.Stats{Documents: 3, Done: 1, Snoozed: 1, Open: len(all) - 2, Overdue: len(all) - 2}
	items := map[tracker.Status]int{}
	perMin := map[string]map[tracker.Status]int{}
	for _, d := range []*tracker.Document{a, b, c} {
		if perMin[d.Minister] == nil {
			perMin[d.Minister] = map[tracker.Status]int{}
		}
		for _, it := range d.Items {
			items[it.Status]++
			perMin[d.Minister][it.Status]++
		}
	}
	want.Items = countsOf(items)
	open := map[int64]int{}
	for _, f := range all {
		if f.ID != closed {
			open[f.DocumentID]++
		}
	}
	want.Ministers = []store.MinisterStats{
		{Minister: a.Minister, Documents: 1, Items: countsOf(perMin[a.Minister]), Open: open[a.ID], Overdue: open[a.ID]},
		{Minister: b.Minister, Documents: 1, Items: countsOf(perMin[b.Minister]), Open: open[b.ID], Overdue: open[b.ID] - 1},
		{Minister: "", Documents: 1, Items: countsOf(perMin[""]), Open: open[c.ID], Overdue: open[c.ID]},
	}
	if a.Minister > b.Minister {
		want.Ministers[0], want.Ministers[1] = want.Ministers[1], want.Ministers[0]
	}
	if diff := cmp.Diff(want, st); diff != "" {
		t.Errorf("Stats (-want +got):\n%s", diff)
	}

	// DueBetween: promises only, within a range; the closed one is gone.
	var promises []tracker.FollowUp
	for _, f := range all {
		if f.Kind == tracker.FollowPromise && f.ID != closed {
			promises = append(promises, f)
		}
	}
	if len(promises) == 0 {
		t.Fatal("test data has no promises")
	}
	got, err := db.DueBetween(ctx, time.Time{}, time.Time{}, tracker.FollowPromise, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(promises) {
		t.Errorf("DueBetween(all promises) = %d follow-ups, want %d", len(got), len(promises))
	}
	p := promises[0]
	got, err = db.DueBetween(ctx, p.Due, p.Due, tracker.FollowPromise, 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range got {
		if !f.Due.Equal(p.Due) || f.Kind != tracker.FollowPromise {
			t.Errorf("DueBetween(%s, %s) returned %+v", p.Due, p.Due, f)
		}
	}
	if len(got) == 0 {
		t.Errorf("DueBetween(%s) found nothing", p.Due)
	}
	if got, _ := db.DueBetween(ctx, time.Time{}, time.Time{}, "", 3); len(got) != 3 {
		t.Errorf("DueBetween with limit 3 = %d rows", len(got))
	}

	// RecentDocuments: newest first; flagged leaves out c.
	recent, err := db.RecentDocuments(ctx, false, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(recent) != 3 || recent[0].ID != c.ID || recent[2].ID != a.ID {
		t.Fatalf("RecentDocuments = %d documents, first %d", len(recent), recent[0].ID)
	}
	if recent[0].Owed != 0 || recent[2].Owed == 0 || !recent[2].Ingested.Equal(now0) {
		t.Errorf("RecentDocuments: owed %d and %d, ingested %s", recent[0].Owed, recent[2].Owed, recent[2].Ingested)
	}
	if diff := cmp.Diff(countsOf(perMin[a.Minister]), recent[2].Items); diff != "" {
		t.Errorf("RecentDocuments counts (-want +got):\n%s", diff)
	}
	flagged, err := db.RecentDocuments(ctx, true, 1)
	if err != nil {
		t.Fatal(err)
	}
	if len(flagged) != 1 || flagged[0].ID != b.ID {
		t.Errorf("RecentDocuments(flagged, 1) = %+v, want document %d", flagged, b.ID)
	}

	mins, askers, err := db.FilterValues(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"Bart Somers", "Hilde Crevits"}; !cmp.Equal(mins, want) || !cmp.Equal(askers, []string{"An Peeters"}) {
		t.Errorf("FilterValues = %q, %q; want %q, [An Peeters]", mins, askers, want)
	}
}
