package sqlite

import (
	"strings"
	"testing"

	"github.com/pqtrack/pqtrack/tracker"
)

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
		{"live", live, "followups_state (office_id=? AND state=?)"},
		{"overdue", tracker.FollowUpFilter{Overdue: today}, "followups_state (office_id=? AND state=? AND effective_due<?)"},
		{"overdue of a minister", tracker.FollowUpFilter{Overdue: today, Minister: "Minister 3"}, "followups_document_due (document_id=? AND effective_due<?)"},
		{"live of a kind", tracker.FollowUpFilter{States: live.States, Kind: tracker.FollowPromise}, "followups_kind_due (office_id=? AND kind=?)"},
	} {
		q, args := queueCountQuery(tracker.DefaultOffice, c.f, 1000)
		if plan := queryPlan(t, db, q, args...); !strings.Contains(plan, c.want) {
			t.Errorf("%s: count does not read %s:\n%s", c.name, c.want, plan)
		}
	}
	w, args := queueWhere(tracker.DefaultOffice, tracker.FollowUpFilter{Asker: "Lid 7", Kind: tracker.FollowPending})
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
