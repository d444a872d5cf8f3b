package sqlite

import (
	"context"
	"fmt"
	"math/rand"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/pqtrack/pqtrack/tracker"
)

// statsCounted is Stats computed by counting every row, as it was before
// the counts were kept by triggers: the oracle for them.
func statsCounted(t *testing.T, db *DB, today time.Time) Stats {
	t.Helper()
	var st Stats
	mins := map[string]*MinisterStats{}
	get := func(name string) *MinisterStats {
		if mins[name] == nil {
			mins[name] = &MinisterStats{Minister: name}
		}
		return mins[name]
	}
	q := func(sql string, args []any, scan func(name string, v []any), dest ...any) {
		rows, err := db.db.Query(sql, args...)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		for rows.Next() {
			var name string
			if err := rows.Scan(append([]any{&name}, dest...)...); err != nil {
				t.Fatal(err)
			}
			scan(name, dest)
		}
	}
	var n, overdue int
	var status string
	q(`SELECT minister, count(*) FROM documents WHERE kind IN ('', 'answer') GROUP BY minister`, nil,
		func(name string, _ []any) { get(name).Documents = n; st.Documents += n }, &n)
	total := map[tracker.Status]int{}
	per := map[string]map[tracker.Status]int{}
	q(`SELECT d.minister, i.status, count(*) FROM items i JOIN documents d ON d.id = i.document_id
		WHERE d.kind IN ('', 'answer') GROUP BY 1, 2`, nil, func(name string, _ []any) {
		get(name)
		if s := tracker.Status(status); s.Valid() {
			if per[name] == nil {
				per[name] = map[tracker.Status]int{}
			}
			per[name][s] += n
			total[s] += n
		}
	}, &status, &n)
	q(`SELECT d.minister, f.state, count(*), coalesce(sum(f.state <> 'done' AND f.effective_due < ?), 0)
		FROM followups f JOIN documents d ON d.id = f.document_id GROUP BY 1, 2`, []any{day(today)},
		func(name string, _ []any) {
			m := get(name)
			switch tracker.State(status) {
			case tracker.Open:
				st.Open += n
			case tracker.Snoozed:
				st.Snoozed += n
			case tracker.Done:
				st.Done += n
				return
			}
			m.Open += n
			m.Overdue += overdue
			st.Overdue += overdue
		}, &status, &n, &overdue)
	st.Items = countsOf(total)
	for name, m := range mins {
		m.Items = countsOf(per[name])
		st.Ministers = append(st.Ministers, *m)
	}
	sortMinisters(&st)
	return st
}

// The counts the triggers keep equal a count of every row, after
// documents come in, are corrected (with another minister, another kind),
// and their follow-ups are closed, snoozed, reopened and redated.
func TestStatsKeptByTriggers(t *testing.T) {
	db := MustOpenDB(t)
	ctx := context.Background()
	r := rand.New(rand.NewSource(7))
	ministers := []string{"Bart Somers", "Hilde Crevits", ""}
	at := now0
	check := func(step string) {
		t.Helper()
		for _, today := range []time.Time{tracker.Day(2023, 1, 1), tracker.Day(2023, 6, 1), tracker.Day(2024, 6, 1)} {
			got, err := db.Stats(ctx, today)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(statsCounted(t, db, today), got); diff != "" {
				t.Fatalf("%s, %s: Stats differs from a count (-count +stats):\n%s", step, day(today), diff)
			}
		}
	}
	for i := 0; i < 12; i++ {
		d := bigDoc(int64(i), 5+r.Intn(10), 10)
		d.Minister = ministers[i%3]
		if i%5 == 4 {
			d.Kind = tracker.KindLetter
		}
		at = at.Add(time.Hour)
		mustIngest(t, db, d, at)
	}
	check("ingested")
	for round := 0; round < 6; round++ {
		// A corrected version: other text, maybe another minister or kind.
		d := bigDoc(int64(r.Intn(12)), 5+r.Intn(10), 10)
		d.Text += fmt.Sprint(" correctie ", round)
		d.Minister = ministers[r.Intn(3)]
		if r.Intn(4) == 0 {
			d.Kind = tracker.KindLetter
		}
		at = at.Add(time.Hour)
		mustIngest(t, db, d, at)
		check(fmt.Sprint("corrected ", round))

		all, err := db.FollowUps(ctx, tracker.FollowUpFilter{})
		if err != nil {
			t.Fatal(err)
		}
		for j := 0; j < 15; j++ {
			f := all[r.Intn(len(all))]
			switch r.Intn(4) {
			case 0:
				db.Check(ctx, f.ID, tracker.Delivered, "", "", "", at)
			case 1:
				db.Snooze(ctx, f.ID, tracker.Day(2023, time.Month(1+r.Intn(12)), 1+r.Intn(28)), "", "", at)
			case 2:
				db.Reopen(ctx, f.ID, "", "", at)
			case 3:
				db.Redate(ctx, f.ID, tracker.Day(2023, time.Month(1+r.Intn(12)), 1+r.Intn(28)), "later", "", at)
			}
		}
		check(fmt.Sprint("changed ", round))
	}
}
