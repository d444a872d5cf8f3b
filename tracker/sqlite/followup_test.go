package sqlite

import (
	"context"
	"strings"
	"testing"

	"github.com/pqtrack/pqtrack/tracker"
)

// keys returns the keys of fs, in order.
func keys(fs []tracker.FollowUp) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.Key)
	}
	return out
}

func byKey(tb testing.TB, db *DB, key string) *tracker.FollowUp {
	tb.Helper()
	all, err := db.FollowUps(context.Background(), tracker.FollowUpFilter{})
	if err != nil {
		tb.Fatal(err)
	}
	for _, f := range all {
		if f.Key == key {
			return &f
		}
	}
	tb.Fatalf("no follow-up %s in %v", key, keys(all))
	return nil
}

func contains(fs []tracker.FollowUp, id int64) bool {
	for _, f := range fs {
		if f.ID == id {
			return true
		}
	}
	return false
}

func TestDueFollowUpsUsesIndex(t *testing.T) {
	assertPlanUses(t, MustOpenDB(t), dueQuery, "followups_due")
}

// assertPlanUses checks that SQLite runs q through index, without scanning
// a table or sorting in a temporary tree.
func assertPlanUses(t *testing.T, db *DB, q, index string) {
	t.Helper()
	rows, err := db.db.Query(`EXPLAIN QUERY PLAN `+q, tracker.DefaultOffice, "2023-01-01")
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
	text := strings.Join(plan, "\n")
	if !strings.Contains(text, "USING INDEX "+index) {
		t.Errorf("plan does not use %s:\n%s", index, text)
	}
	for _, line := range plan {
		if strings.HasPrefix(line, "SCAN") || strings.Contains(line, "TEMP B-TREE") {
			t.Errorf("plan scans or sorts: %q\n%s", line, text)
		}
	}
}
