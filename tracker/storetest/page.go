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

// Walking the queue a page at a time, forward from the first page and
// back from the last, gives every follow-up the unpaged listing gives, in
// its order; the count agrees with it.
func testQueuePage(t *testing.T, db store.Full) {
	ctx := context.Background()
	for i := 0; i < 8; i++ {
		d := BigDoc(int64(i), 9, 10)
		d.Minister = []string{"Bart Somers", "Hilde Crevits"}[i%2]
		d.Asker = []string{"An Peeters", "Jan Janssens", "Els Claes"}[i%3]
		mustIngest(t, db, d, now0.Add(time.Duration(i)*time.Hour))
	}
	all, _ := db.FollowUps(ctx, tracker.FollowUpFilter{})
	for i, f := range all {
		switch i % 4 {
		case 0:
			db.Check(ctx, f.ID, tracker.Delivered, "", "", "", now0)
		case 1:
			db.Snooze(ctx, f.ID, tracker.Day(2023, 9, 1), "", "", now0)
		}
	}
	today := tracker.Day(2023, 6, 1)
	live := []tracker.State{tracker.Open, tracker.Snoozed}
	for _, tt := range []struct {
		name string
		f    tracker.FollowUpFilter
	}{
		{"all", tracker.FollowUpFilter{}},
		{"live", tracker.FollowUpFilter{States: live}},
		{"done", tracker.FollowUpFilter{States: []tracker.State{tracker.Done}}},
		{"snoozed", tracker.FollowUpFilter{States: []tracker.State{tracker.Snoozed}}},
		{"overdue", tracker.FollowUpFilter{Overdue: today}},
		{"due", tracker.FollowUpFilter{DueBy: today}},
		{"live of a minister", tracker.FollowUpFilter{States: live, Minister: "Hilde Crevits"}},
		{"asker and kind", tracker.FollowUpFilter{Asker: "Els Claes", Kind: tracker.FollowPromise}},
		{"minister and asker", tracker.FollowUpFilter{Minister: "Bart Somers", Asker: "An Peeters", Overdue: today}},
		{"nobody", tracker.FollowUpFilter{Minister: "Niemand"}},
	} {
		want, err := db.FollowUps(ctx, tt.f)
		if err != nil {
			t.Fatal(err)
		}
		if tt.name != "nobody" && len(want) == 0 {
			t.Fatalf("%s: the test data selects nothing", tt.name)
		}
		n, err := db.QueueCount(ctx, tt.f, 0)
		if err != nil || n != len(want) {
			t.Errorf("%s: QueueCount = %d, %v; want %d", tt.name, n, err, len(want))
		}
		if n, err := db.QueueCount(ctx, tt.f, 5); err != nil || n != min(len(want), 6) {
			t.Errorf("%s: QueueCount up to 5 = %d, %v; want %d", tt.name, n, err, min(len(want), 6))
		}
		var fwd []int64
		var after int64
		for pages := 0; ; pages++ {
			p, err := db.QueuePage(ctx, tt.f, after, 0, 4)
			if err != nil {
				t.Fatal(err)
			}
			if p.Prev != (pages > 0) {
				t.Errorf("%s: page %d: Prev %v", tt.name, pages+1, p.Prev)
			}
			for _, f := range p.FollowUps {
				fwd = append(fwd, f.ID)
			}
			if !p.Next {
				break
			}
			after = p.FollowUps[len(p.FollowUps)-1].ID
		}
		var bwd []int64
		before := int64(0)
		if len(fwd) > 0 {
			// From the last one: the pages before it, then the last itself.
			before = fwd[len(fwd)-1]
			bwd = []int64{before}
		}
		for before > 0 {
			p, err := db.QueuePage(ctx, tt.f, 0, before, 4)
			if err != nil {
				t.Fatal(err)
			}
			if !p.Next {
				t.Errorf("%s: a page before %d says nothing follows", tt.name, before)
			}
			ids := make([]int64, 0, len(p.FollowUps))
			for _, f := range p.FollowUps {
				ids = append(ids, f.ID)
			}
			bwd = append(ids, bwd...)
			if !p.Prev {
				break
			}
			before = p.FollowUps[0].ID
		}
		var wantIDs []int64
		for _, f := range want {
			wantIDs = append(wantIDs, f.ID)
		}
		if !cmp.Equal(fwd, wantIDs) || !cmp.Equal(bwd, wantIDs) {
			t.Errorf("%s: forward %v, back %v, want %v", tt.name, fwd, bwd, wantIDs)
		}
	}
	if _, err := db.QueuePage(ctx, tracker.FollowUpFilter{}, 99999, 0, 4); !errors.Is(err, tracker.ErrNotFound) {
		t.Errorf("a page after a follow-up that does not exist: %v, want ErrNotFound", err)
	}
}

// Documents paged by ingest time, newest first, forward and back, are
// the recent documents in their order.
func testDocumentPage(t *testing.T, db store.Full) {
	ctx := context.Background()
	const n = 7
	for i := range n {
		// two at the same instant: the id settles the order
		mustIngest(t, db, BigDoc(int64(100+i), 2, 5), now0.Add(time.Duration(i/2)*time.Hour))
	}
	recent, err := db.RecentDocuments(ctx, false, n)
	if err != nil {
		t.Fatal(err)
	}
	var want []int64
	for _, d := range recent {
		want = append(want, d.ID)
	}
	if len(want) != n {
		t.Fatalf("RecentDocuments = %d documents, want %d", len(want), n)
	}
	var fwd []int64
	var after int64
	for {
		docs, prev, next, err := db.DocumentPage(ctx, after, 0, 3)
		if err != nil {
			t.Fatal(err)
		}
		if prev != (after > 0) {
			t.Errorf("page after %d: prev %v", after, prev)
		}
		for _, d := range docs {
			fwd = append(fwd, d.ID)
			if len(d.Items) == 0 {
				t.Errorf("document %d without status counts", d.ID)
			}
		}
		if !next {
			break
		}
		after = docs[len(docs)-1].ID
	}
	if !cmp.Equal(fwd, want) {
		t.Errorf("forward %v, want %v", fwd, want)
	}
	docs, prev, next, err := db.DocumentPage(ctx, 0, want[n-1], 3)
	if err != nil {
		t.Fatal(err)
	}
	var ids []int64
	for _, d := range docs {
		ids = append(ids, d.ID)
	}
	if !cmp.Equal(ids, want[n-4:n-1]) || !prev || !next {
		t.Errorf("page before the last: %v (prev %v, next %v), want %v", ids, prev, next, want[n-4:n-1])
	}
	if _, _, _, err := db.DocumentPage(ctx, 99999, 0, 3); !errors.Is(err, tracker.ErrNotFound) {
		t.Errorf("a page after a document that does not exist: %v, want ErrNotFound", err)
	}
}
