package postgres

import (
	"context"
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/jackc/pgx/v5"

	"github.com/pqtrack/pqtrack/tracker"
	"github.com/pqtrack/pqtrack/tracker/store"
	"github.com/pqtrack/pqtrack/tracker/storetest"
	"github.com/pqtrack/pqtrack/tracker/storetest/pgtest"
)

func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }

// MustOpenDB opens a store on a new database of the test server and closes
// it when the test ends.
func MustOpenDB(tb testing.TB) *DB {
	tb.Helper()
	url := pgtest.New(tb)
	db, err := Open(context.Background(), url)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { db.Close() })
	return db
}

// The shared store suite, on PostgreSQL.
func TestStore(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Full { return MustOpenDB(t) })
}

// Processes that open a new database at once apply each migration once,
// under the advisory lock; opening again applies nothing.
func TestMigrations(t *testing.T) {
	ctx := context.Background()
	url := pgtest.New(t)
	const n = 4
	dbs := make([]*DB, n)
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			dbs[i], errs[i] = Open(ctx, url)
		}()
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Fatalf("Open %d: %v", i, err)
		}
		defer dbs[i].Close()
	}
	want, _ := migrations.ReadDir("migrations")
	got, err := dbs[0].Migrations(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(want) || got[0] != "migrations/0001_init.sql" {
		t.Fatalf("applied %v, want the %d embedded", got, len(want))
	}
	applied := func() string {
		var s string
		if err := dbs[0].pool.QueryRow(ctx, `SELECT string_agg(name || ' ' || applied, ', ' ORDER BY name) FROM schema_migrations`).Scan(&s); err != nil {
			t.Fatal(err)
		}
		return s
	}
	before := applied()
	again, err := Open(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	again.Close()
	if after := applied(); after != before {
		t.Errorf("reopening changed the record: %s, was %s", after, before)
	}
}

// The follow-up kinds of lateness and commitments are accepted, others not.
func TestFollowUpKinds(t *testing.T) {
	ctx := context.Background()
	db := MustOpenDB(t)
	res, err := db.Ingest(ctx, &tracker.Document{File: "q.txt", Hash: "h-question", Kind: tracker.KindQuestion, Title: "Vraag over dijken"}, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range []tracker.FollowUpKind{tracker.FollowLate, tracker.FollowCommitment} {
		if _, err := db.pool.Exec(ctx, `INSERT INTO followups (document_id, key, question_number, kind, due, created, updated)
			VALUES ($1, $2, 1, $2, '2026-01-01', 'x', 'x')`, res.DocumentID, string(k)); err != nil {
			t.Errorf("kind %s refused: %v", k, err)
		}
	}
	if _, err := db.pool.Exec(ctx, `INSERT INTO followups (document_id, key, question_number, kind, due, created, updated)
		VALUES ($1, 'bad', 1, 'nonsense', '2026-01-01', 'x', 'x')`, res.DocumentID); err == nil {
		t.Error("unknown kind accepted")
	}
}

// A URL that does not parse is refused without quoting it (it may hold a
// password).
func TestOpenBadURL(t *testing.T) {
	_, err := Open(context.Background(), "postgres://user:secret@[bad")
	if err == nil || strings.Contains(err.Error(), "secret") {
		t.Errorf("Open(bad URL) = %v, want an error without the password", err)
	}
}

// dump renders every row of every table, so two states of a database can
// be compared.
func dump(tb testing.TB, db *DB) string {
	tb.Helper()
	ctx := context.Background()
	rows, err := db.pool.Query(ctx, `SELECT table_name FROM information_schema.tables
		WHERE table_schema = current_schema() ORDER BY table_name`)
	if err != nil {
		tb.Fatal(err)
	}
	tables, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		tb.Fatal(err)
	}
	var b strings.Builder
	for _, t := range tables {
		var s *string
		if err := db.pool.QueryRow(ctx, `SELECT string_agg(x::text, E'\n' ORDER BY x::text) FROM `+
			pgx.Identifier{t}.Sanitize()+` x`).Scan(&s); err != nil {
			tb.Fatalf("dump %s: %v", t, err)
		}
		fmt.Fprintf(&b, "== %s\n", t)
		if s != nil {
			b.WriteString(*s + "\n")
		}
	}
	return b.String()
}

// A failed ingest leaves every table as it was, the queued work and the
// document versions included (which the store's interface does not show).
func TestIngestFailureChangesNothing(t *testing.T) {
	ctx := context.Background()
	db := MustOpenDB(t)
	if _, err := db.Ingest(ctx, storetest.SampleDoc(), time.Now()); err != nil {
		t.Fatal(err)
	}
	before := dump(t, db)
	bad := storetest.SampleDoc()
	bad.Text += " corrected"
	bad.Items[3].Status = "maybe"
	if _, err := db.Ingest(ctx, bad, time.Now()); err == nil {
		t.Fatal("Ingest with a bad status: no error")
	}
	if after := dump(t, db); after != before {
		t.Errorf("failed ingest changed the database:\n%s", cmp.Diff(before, after))
	}
}

// A second lateness sweep writes nothing, down to the tables the store's
// interface does not show (the send log, the claims).
func TestSweepLateTwiceWritesNothing(t *testing.T) {
	db := MustOpenDB(t)
	storetest.PutLateQuestions(t, db)
	if res := storetest.SweepLate(t, db, "2026-04-24"); res.Created != 2 {
		t.Fatalf("first sweep: %+v", res)
	}
	before := dump(t, db)
	if res := storetest.SweepLate(t, db, "2026-04-25"); res.Changed() {
		t.Errorf("second sweep: %+v", res)
	}
	if after := dump(t, db); after != before {
		t.Errorf("a second sweep changed the database:\n%s", cmp.Diff(before, after))
	}
}

// After 0003 the corrections' CHECK takes Slack as a source and still
// refuses an unknown one.
func TestCorrectionSourceCheck(t *testing.T) {
	db := MustOpenDB(t)
	ctx := context.Background()
	doc := storetest.SampleDoc()
	if _, err := db.Ingest(ctx, doc, time.Now()); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Correct(ctx, tracker.Correction{DocumentID: doc.ID, QuestionNumber: 3,
		Status: tracker.Partial, By: "Anna", At: time.Now(), Source: tracker.FromSlack}); err != nil {
		t.Fatalf("correction from slack: %v", err)
	}
	if _, err := db.pool.Exec(ctx, `UPDATE corrections SET source = 'mail'`); err == nil {
		t.Error("source mail accepted: the CHECK constraint is gone")
	}
}
