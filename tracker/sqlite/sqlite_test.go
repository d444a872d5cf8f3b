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

// ev makes evidence for the first occurrence of part in text.
func ev(rule, text, part string) tracker.Evidence {
	i := strings.Index(text, part)
	if i < 0 {
		panic(fmt.Sprintf("%q not in %q", part, text))
	}
	return tracker.Evidence{Rule: rule, Start: i, End: i + len(part), Text: part}
}

// sampleDoc is a hand-made analysed document with one item of each kind of
// follow-up: a promise in a partial answer (q1), a deferral to a meeting
// (q2), an answered question (q3) and a question without answer (q4).
func sampleDoc() *tracker.Document {
	q1 := "Hoeveel mensen volgden in 2022 een inburgeringstraject? Werd het traject geëvalueerd?"
	a1 := "In 2022 startten 12.500 mensen een traject. De evaluatie wordt voor de zomer aan het Vlaams Parlement bezorgd."
	q2 := "Hoe staat het met het ideeënplatform voor nieuwkomers?"
	a2 := "Hiervoor verwijs ik naar de bespreking in de commissie Inburgering van 15 november 2022."
	q3 := "Komt er een Oekraïense vertaling van de brochure?"
	a3 := "Ja. De vertaling is sinds januari beschikbaar."
	q4 := "Welke gemeenten doen mee?"
	return &tracker.Document{
		File:       "testdata/vp-342.txt",
		Kind:       tracker.KindAnswer,
		Title:      "Inburgering en ideeënplatform",
		Parliament: "Vlaams Parlement",
		Number:     "nr. 342",
		Asker:      "An Peeters",
		Minister:   "Bart Somers",
		Asked:      tracker.Day(2023, 1, 10),
		Date:       day0,
		Layout:     tracker.Grouped,
		Text:       strings.Join([]string{q1, q2, q3, q4, a1, a2, a3}, "\n"),
		Warnings:   []string{"joined a hyphenated line break"},
		Items: []tracker.Item{
			{
				Number: 1, Question: q1, Answer: a1,
				SubQuestions: []tracker.SubQuestion{
					{Text: "Hoeveel mensen volgden in 2022 een inburgeringstraject?", Start: 0, End: 55, Status: tracker.Answered},
					{Text: "Werd het traject geëvalueerd?", Start: 56, End: len(q1), Status: tracker.Pending},
				},
				Status: tracker.Partial,
				Findings: []tracker.Finding{
					{Kind: tracker.FindAnswer, Evidence: ev("answer.number", a1, "12.500 mensen"), SubQuestion: 0},
					{Kind: tracker.FindPromise, Evidence: ev("promise.deliver", a1, "wordt voor de zomer aan het Vlaams Parlement bezorgd"), SubQuestion: 1},
				},
				Promises: []tracker.Promise{{
					Date: tracker.Day(2023, 6, 21), Precision: tracker.PrecisionSeason, What: "de evaluatie",
					Evidence: ev("promise.deliver", a1, "De evaluatie wordt voor de zomer aan het Vlaams Parlement bezorgd."),
				}},
			},
			{
				Number: 2, Question: q2, Answer: a2,
				SubQuestions: []tracker.SubQuestion{{Text: q2, Start: 0, End: len(q2), Status: tracker.Deferred}},
				Status:       tracker.Deferred,
				Findings: []tracker.Finding{
					{Kind: tracker.FindDeferral, Evidence: ev("defer.meeting", a2, "verwijs ik naar de bespreking"), SubQuestion: -1},
				},
				Deferral: &tracker.Deferral{
					Kind: tracker.TargetMeeting, Date: tracker.Day(2022, 11, 15), Ref: "bespreking in de commissie",
					Body: "commissie Inburgering", Evidence: ev("defer.meeting", a2, a2),
					Resolution: &tracker.Resolution{Verdict: tracker.TargetMissing, Target: "verslag commissie Inburgering 15 november 2022"},
				},
			},
			{
				Number: 3, Question: q3, Answer: a3, AnsweredWith: []int{4},
				Status:   tracker.Answered,
				Findings: []tracker.Finding{{Kind: tracker.FindAnswer, Evidence: ev("answer.yes", a3, "Ja."), SubQuestion: 0}},
			},
			{Number: 4, Question: q4, Status: tracker.Unanswered},
		},
	}
}

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
