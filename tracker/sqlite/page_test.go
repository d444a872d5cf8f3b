package sqlite

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/pqtrack/pqtrack/tracker"
)

// Walking the queue a page at a time, forward from the first page and
// back from the last, gives every follow-up the unpaged listing gives, in
// its order; the count agrees with CountFollowUps.
func TestQueuePage(t *testing.T) {
	db := MustOpenDB(t)
	ctx := context.Background()
	for i := 0; i < 8; i++ {
		d := bigDoc(int64(i), 9, 10)
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
		if len(fwd) != len(want) || len(bwd) != len(want) {
			t.Errorf("%s: %d forward, %d back, want %d", tt.name, len(fwd), len(bwd), len(want))
			continue
		}
		for i := range want {
			if fwd[i] != want[i].ID || bwd[i] != want[i].ID {
				t.Errorf("%s: row %d: forward #%d, back #%d, want #%d", tt.name, i, fwd[i], bwd[i], want[i].ID)
				break
			}
		}
	}
	if _, err := db.QueuePage(ctx, tracker.FollowUpFilter{}, 99999, 0, 4); err == nil {
		t.Error("a page after a follow-up that does not exist")
	}
}

// The queue's counts and filtered pages read the indexes made for them:
// the live and overdue counts seek the states that are not done instead
// of stepping over every done follow-up, those that select documents or a
// kind read the indexes that lead with them, and a page of an asker's follow-ups of one
// kind reads only that kind of each of the asker's documents.
func TestQueuePlans(t *testing.T) {
	db := MustOpenDB(t)
	live := tracker.FollowUpFilter{States: []tracker.State{tracker.Open, tracker.Snoozed}}
	today := tracker.Day(2023, 2, 13)
	for _, c := range []struct {
		name string
		f    tracker.FollowUpFilter
		want string
	}{
		{"live", live, "followups_state (state=?)"},
		{"overdue", tracker.FollowUpFilter{Overdue: today}, "followups_state (state=? AND effective_due<?)"},
		{"overdue of a minister", tracker.FollowUpFilter{Overdue: today, Minister: "Minister 3"}, "followups_document_due (document_id=? AND effective_due<?)"},
		{"live of a kind", tracker.FollowUpFilter{States: live.States, Kind: tracker.FollowPromise}, "followups_kind_due (kind=?)"},
	} {
		q, args := queueCountQuery(c.f, 1000)
		if plan := queryPlan(t, db, q, args...); !strings.Contains(plan, c.want) {
			t.Errorf("%s: count does not read %s:\n%s", c.name, c.want, plan)
		}
	}
	w, args := queueWhere(tracker.FollowUpFilter{Asker: "Lid 7", Kind: tracker.FollowPending})
	plan := queryPlan(t, db, `SELECT f.id FROM followups f`+w+` ORDER BY f.effective_due, f.id LIMIT 51`, args...)
	if !strings.Contains(plan, "followups_document_kind_due (document_id=? AND kind=?)") {
		t.Errorf("asker and kind page does not read followups_document_kind_due:\n%s", plan)
	}
}

// queryPlan is SQLite's EXPLAIN QUERY PLAN of q, one step a line.
func queryPlan(t *testing.T, db *DB, q string, args ...any) string {
	t.Helper()
	rows, err := db.db.Query(`EXPLAIN QUERY PLAN `+q, args...)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var plan []string
	for rows.Next() {
		var id, parent, unused int
		var detail string
		if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
			t.Fatal(err)
		}
		plan = append(plan, detail)
	}
	return strings.Join(plan, "\n")
}
