package postgres

import (
	"context"
	"fmt"
	"testing"

	"github.com/pqtrack/pqtrack/tracker/storetest"
)

// The store benchmarks of storetest on PostgreSQL; tracker/sqlite runs the
// same (bench_store_test.go). Figures in docs/benchmarks.md.

func BenchmarkStoreIngest(b *testing.B) {
	storetest.BenchIngest(b, MustOpenDB(b))
}

// fill stores spec's documents and follow-ups in bulk (see
// storetest.FillSpec).
func fill(b testing.TB, db *DB, spec storetest.FillSpec) {
	ctx := context.Background()
	if _, err := db.pool.Exec(ctx, `INSERT INTO documents (id, hash, title, minister, asker, kind, ingested, updated)
		SELECT d, d::text, 'document ' || d, ($2::text[])[1 + d % cardinality($2::text[])], 'An Peeters', 'answer',
			'2022-01-01T00:00:00.000000Z', ''
		FROM generate_series(1, $1) d`, spec.Documents, storetest.FillMinisters); err != nil {
		b.Fatal(err)
	}
	// FillDue in SQL: day (d*100+k)*7919 % 1461 after FillStart.
	if _, err := db.pool.Exec(ctx, `INSERT INTO followups (document_id, key, question_number, kind, due, summary, created, updated)
		SELECT d, 'q' || k, k + 1, 'pending',
			to_char($3::date + (((d::bigint * 100 + k) * 7919) % 1461)::int, 'YYYY-MM-DD'),
			'Er wordt momenteel bekeken of dat kan.', '', ''
		FROM generate_series(1, $1) d, generate_series(0, $2 - 1) k`,
		spec.Documents, spec.PerDocument, storetest.FillStart.Format("2006-01-02")); err != nil {
		b.Fatal(err)
	}
	if _, err := db.pool.Exec(ctx, `SELECT setval(pg_get_serial_sequence('documents', 'id'), $1)`, spec.Documents); err != nil {
		b.Fatal(err)
	}
	if _, err := db.pool.Exec(ctx, `VACUUM ANALYZE followups`); err != nil {
		b.Fatal(err)
	}
	if _, err := db.pool.Exec(ctx, `ANALYZE documents`); err != nil {
		b.Fatal(err)
	}
}

func BenchmarkStoreReminderSweep(b *testing.B) {
	for _, spec := range []storetest.FillSpec{{Documents: 1000, PerDocument: 100}, {Documents: 10000, PerDocument: 100}} {
		b.Run(fmt.Sprint(spec.Documents*spec.PerDocument), func(b *testing.B) {
			db := MustOpenDB(b)
			fill(b, db, spec)
			storetest.BenchReminderSweep(b, db, func() {
				if _, err := db.pool.Exec(context.Background(), `UPDATE followups SET reminded = effective_due WHERE id % 100 <> 0`); err != nil {
					b.Fatal(err)
				}
				if _, err := db.pool.Exec(context.Background(), `VACUUM ANALYZE followups`); err != nil {
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
