package sqlite

import (
	"fmt"
	"testing"

	"github.com/pqtrack/pqtrack/tracker/storetest"
)

// The store benchmarks of storetest on SQLite, beside PostgreSQL's
// (tracker/postgres/bench_test.go). Figures in docs/benchmarks.md.

func BenchmarkStoreIngest(b *testing.B) {
	storetest.BenchIngest(b, MustOpenDB(b))
}

// fill stores spec's documents and follow-ups in one transaction (see
// storetest.FillSpec).
func fill(b testing.TB, db *DB, spec storetest.FillSpec) {
	tx, err := db.db.Begin()
	if err != nil {
		b.Fatal(err)
	}
	defer tx.Rollback()
	ts := "2022-01-01T00:00:00.000000Z"
	doc, err := tx.Prepare(`INSERT INTO documents (id, hash, title, minister, asker, kind, ingested, updated)
		VALUES (?, ?, ?, ?, 'An Peeters', 'answer', ?, '')`)
	if err != nil {
		b.Fatal(err)
	}
	fu, err := tx.Prepare(`INSERT INTO followups (document_id, key, question_number, kind, due, summary, created, updated)
		VALUES (?, ?, ?, 'pending', ?, 'Er wordt momenteel bekeken of dat kan.', '', '')`)
	if err != nil {
		b.Fatal(err)
	}
	mins := storetest.FillMinisters
	for d := 1; d <= spec.Documents; d++ {
		if _, err := doc.Exec(d, fmt.Sprint(d), fmt.Sprint("document ", d), mins[d%len(mins)], ts); err != nil {
			b.Fatal(err)
		}
		for k := 0; k < spec.PerDocument; k++ {
			if _, err := fu.Exec(d, fmt.Sprint("q", k), k+1, day(storetest.FillDue(d, k))); err != nil {
				b.Fatal(err)
			}
		}
	}
	// No ANALYZE: the store never runs it, so the planner works as it
	// does for an office.
	if err := tx.Commit(); err != nil {
		b.Fatal(err)
	}
}

func BenchmarkStoreReminderSweep(b *testing.B) {
	for _, spec := range []storetest.FillSpec{{Documents: 1000, PerDocument: 100}, {Documents: 10000, PerDocument: 100}} {
		b.Run(fmt.Sprint(spec.Documents*spec.PerDocument), func(b *testing.B) {
			db := MustOpenDB(b)
			fill(b, db, spec)
			storetest.BenchReminderSweep(b, db, func() {
				if _, err := db.db.Exec(`UPDATE followups SET reminded = effective_due WHERE id % 100 <> 0`); err != nil {
					b.Fatal(err)
				}
			})
		})
	}
}

func BenchmarkStoreQueue(b *testing.B) {
	spec := storetest.FillSpec{Documents: 1000, PerDocument: 100}
	db := MustOpenDB(b)
	fill(b, db, spec)
	for _, users := range []int{1, 50} {
		b.Run(fmt.Sprint(users, "-users"), func(b *testing.B) { storetest.BenchQueue(b, db, spec, users) })
	}
}
