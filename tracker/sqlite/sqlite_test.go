package sqlite

import (
	"context"
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/pqtrack/pqtrack/tracker"
	"github.com/pqtrack/pqtrack/tracker/storetest"
)

// MustOpenDB opens a new database file in a temporary directory and closes
// it when the test ends.
func MustOpenDB(tb testing.TB) *DB {
	tb.Helper()
	db, err := Open(filepath.Join(tb.TempDir(), "pqtrack.db"))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { db.Close() })
	return db
}

// dump renders every row of every table, shadow tables of the full-text
// indexes included, so two states of a database can be compared.
func dump(tb testing.TB, db *DB) string {
	tb.Helper()
	ctx := context.Background()
	rows, err := db.db.QueryContext(ctx, `SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`)
	if err != nil {
		tb.Fatal(err)
	}
	var tables []string
	for rows.Next() {
		var n string
		rows.Scan(&n)
		tables = append(tables, n)
	}
	rows.Close()
	var b strings.Builder
	for _, t := range tables {
		rows, err := db.db.QueryContext(ctx, `SELECT * FROM "`+t+`"`)
		if err != nil {
			tb.Fatalf("dump %s: %v", t, err)
		}
		cols, _ := rows.Columns()
		var lines []string
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := rows.Scan(ptrs...); err != nil {
				tb.Fatal(err)
			}
			lines = append(lines, fmt.Sprintf("%q", vals))
		}
		rows.Close()
		sort.Strings(lines)
		fmt.Fprintf(&b, "== %s (%d)\n%s\n", t, len(lines), strings.Join(lines, "\n"))
	}
	return b.String()
}

func count(tb testing.TB, db *DB, query string, args ...any) int {
	tb.Helper()
	var n int
	if err := db.db.QueryRow(query, args...).Scan(&n); err != nil {
		tb.Fatalf("%s: %v", query, err)
	}
	return n
}

var (
	day0 = tracker.Day(2023, 2, 14)
	now0 = time.Date(2023, 3, 1, 9, 30, 0, 0, time.UTC)
)

// sampleDoc is storetest.SampleDoc: one item of each kind of follow-up.
func sampleDoc() *tracker.Document { return storetest.SampleDoc() }

func mustIngest(tb testing.TB, db *DB, doc *tracker.Document, now time.Time) IngestResult {
	tb.Helper()
	res, err := db.Ingest(context.Background(), doc, now)
	if err != nil {
		tb.Fatal(err)
	}
	return res
}

func TestMigrations(t *testing.T) {
	path := filepath.Join(t.TempDir(), "m.db")
	db, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	got, err := db.Migrations(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	want, _ := migrations.ReadDir("migrations")
	if len(got) != len(want) || len(got) == 0 || got[0] != "migrations/0001_init.sql" {
		t.Fatalf("applied %v, want all of %d embedded", got, len(want))
	}
	before := dump(t, db)
	db.Close()

	// Reopening applies nothing: same records, same applied times.
	db, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if after := dump(t, db); after != before {
		t.Errorf("reopening changed the database:\n%s", cmp.Diff(before, after))
	}
	for _, pragma := range []struct{ name, want string }{
		{"journal_mode", "wal"}, {"foreign_keys", "1"}, {"busy_timeout", "5000"}, {"synchronous", "1"},
	} {
		var v string
		if err := db.db.QueryRow("PRAGMA " + pragma.name).Scan(&v); err != nil {
			t.Fatal(err)
		}
		if v != pragma.want {
			t.Errorf("PRAGMA %s = %s, want %s", pragma.name, v, pragma.want)
		}
	}
}

func TestOpenBadPath(t *testing.T) {
	if _, err := Open(filepath.Join(t.TempDir(), "no", "such", "dir", "x.db")); err == nil {
		t.Error("Open in a missing directory: no error")
	}
}
