package resolve_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pqtrack/pqtrack/rules"
	"github.com/pqtrack/pqtrack/seeds"
	"github.com/pqtrack/pqtrack/tracker"
	"github.com/pqtrack/pqtrack/tracker/parse"
	"github.com/pqtrack/pqtrack/tracker/resolve"
	"github.com/pqtrack/pqtrack/tracker/sqlite"
)

var now0 = time.Date(2022, 12, 1, 12, 0, 0, 0, time.UTC)

func openDB(tb testing.TB) *sqlite.DB {
	tb.Helper()
	db, err := sqlite.Open(filepath.Join(tb.TempDir(), "pqtrack.db"))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { db.Close() })
	return db
}

// store ingests doc and indexes its passages.
func store(tb testing.TB, db *sqlite.DB, doc *tracker.Document) {
	tb.Helper()
	ctx := context.Background()
	if _, err := db.Ingest(ctx, doc, now0); err != nil {
		tb.Fatal(err)
	}
	if err := db.SetPassages(ctx, doc.ID, resolve.Split(doc)); err != nil {
		tb.Fatal(err)
	}
}

func seed(tb testing.TB) *tracker.Document {
	tb.Helper()
	doc, err := parse.Read("seed", seeds.Default)
	if err != nil {
		tb.Fatal(err)
	}
	set, err := rules.Default()
	if err != nil {
		tb.Fatal(err)
	}
	set.Analyze(doc, time.Time{})
	return doc
}

func report(tb testing.TB, file string, o parse.ReportOptions) *tracker.Document {
	tb.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", file))
	if err != nil {
		tb.Fatal(err)
	}
	doc, err := parse.ReadReport(file, data, o)
	if err != nil {
		tb.Fatal(err)
	}
	return doc
}

func resolveAll(tb testing.TB, db *sqlite.DB, doc *tracker.Document) map[int]*tracker.Resolution {
	tb.Helper()
	r, err := resolve.New(context.Background(), db)
	if err != nil {
		tb.Fatal(err)
	}
	if err := r.Document(context.Background(), doc); err != nil {
		tb.Fatal(err)
	}
	out := map[int]*tracker.Resolution{}
	for _, it := range doc.Items {
		if it.Deferral != nil {
			out[it.Number] = it.Deferral.Resolution
		}
	}
	return out
}

// TestSeedAgainstReport follows the seed's references to the committee
// meeting of 15 November 2022: first with no report in hand, then with a
// report (written for the tests) that discusses the VMRI and the
// expertendatabank, but not Maxipac nor the timing of the federal
// consultation.
func TestSeedAgainstReport(t *testing.T) {
	db := openDB(t)
	doc := seed(t)
	store(t, db, doc)

	before := resolveAll(t, db, doc)
	for _, n := range []int{1, 2, 9, 10} {
		r := before[n]
		if r == nil || r.Verdict != tracker.TargetMissing {
			t.Fatalf("question %d without report: got %+v, want target-missing", n, r)
		}
		for _, want := range []string{"vergadering 2022-11-15", "--kind vergadering --date 2022-11-15"} {
			if !strings.Contains(r.Target, want) {
				t.Errorf("question %d: target %q does not say %q", n, r.Target, want)
			}
		}
	}

	rep := report(t, "commissie-2022-11-15.txt", parse.ReportOptions{})
	store(t, db, rep)
	after := resolveAll(t, db, doc)
	tests := []struct {
		question int
		verdict  tracker.Verdict
		passage  string // a passage must contain this
		terms    []string
	}{
		{1, tracker.Addressed, "1,9 miljoen euro", []string{"vmri", "begrot"}},
		{2, tracker.Addressed, "expertendatabank", []string{"expertendatabank"}},
		{9, tracker.Silent, "", nil},
		{10, tracker.Silent, "", nil},
	}
	for _, tc := range tests {
		r := after[tc.question]
		if r == nil {
			t.Errorf("question %d: no resolution", tc.question)
			continue
		}
		for _, p := range r.Passages {
			t.Logf("question %d: %s %.3f %v %q", tc.question, r.Verdict, p.Score, p.Terms, p.Snippet)
		}
		if r.Verdict != tc.verdict {
			t.Errorf("question %d: verdict %s, want %s (%+v)", tc.question, r.Verdict, tc.verdict, r)
			continue
		}
		if r.TargetID != rep.ID {
			t.Errorf("question %d: target %d, want the report %d", tc.question, r.TargetID, rep.ID)
		}
		if tc.passage == "" {
			if len(r.Passages) != 0 {
				t.Errorf("question %d: silent with passages %+v", tc.question, r.Passages)
			}
			continue
		}
		if len(r.Passages) == 0 || !strings.Contains(r.Passages[0].Snippet, tc.passage) {
			t.Errorf("question %d: best passage %+v, want one with %q", tc.question, r.Passages, tc.passage)
			continue
		}
		for _, term := range tc.terms {
			found := false
			for _, x := range r.Passages[0].Terms {
				found = found || x == term
			}
			if !found {
				t.Errorf("question %d: shared terms %v lack %q", tc.question, r.Passages[0].Terms, term)
			}
		}
	}
}
