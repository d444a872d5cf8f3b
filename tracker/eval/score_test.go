package eval

import (
	"errors"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pqtrack/pqtrack/tracker"
)

func TestScores(t *testing.T) {
	r := newResult()
	add := func(want, got tracker.Status, n int) {
		for i := 0; i < n; i++ {
			r.add(Record{ID: "d-q1", Status: string(want)}, &tracker.Item{Status: got})
		}
	}
	add(tracker.Answered, tracker.Answered, 8)
	add(tracker.Answered, tracker.Partial, 2)
	add(tracker.Deferred, tracker.Deferred, 3)
	add(tracker.Deferred, tracker.Answered, 1)
	r.add(Record{ID: "d-q9", Status: "pending"}, nil) // not found by the reader

	got := map[tracker.Status]Scores{}
	for _, s := range r.PerStatus() {
		got[s.Status] = s
	}
	near := func(a, b float64) bool { return math.Abs(a-b) < 1e-9 }
	// answered: tp 8, fp 1, fn 2.
	if s := got[tracker.Answered]; !near(s.Precision, 8.0/9) || !near(s.Recall, 0.8) || s.Support != 10 {
		t.Errorf("answered: %+v", s)
	}
	// partial: predicted twice, never labelled: precision 0, no support.
	if s := got[tracker.Partial]; s.Precision != 0 || s.Support != 0 {
		t.Errorf("partial: %+v", s)
	}
	// Macro-F1 averages the labelled statuses only: answered, deferred, pending.
	fa := 2 * (8.0 / 9) * 0.8 / (8.0/9 + 0.8)
	fd := 2 * 1 * 0.75 / 1.75
	if m := r.MacroF1(); !near(m, (fa+fd+0)/3) {
		t.Errorf("macro-F1 %.4f, want %.4f", m, (fa+fd)/3)
	}
	if r.Total() != 15 || len(r.Missing) != 1 {
		t.Errorf("total %d, missing %v", r.Total(), r.Missing)
	}
	var b strings.Builder
	r.Print(&b)
	for _, s := range []string{"15 questions", "macro-F1:", "questions not found: d-q9"} {
		if !strings.Contains(b.String(), s) {
			t.Errorf("report lacks %q:\n%s", s, b.String())
		}
	}
}

// A document that cannot be read does not stop the evaluation: its records
// are scored as not found, and the error is reported.
func TestRunGoesOnAfterABadDocument(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "docs"), 0o755)
	os.WriteFile(filepath.Join(dir, "docs", "a.txt"), []byte("x"), 0o644)
	os.WriteFile(filepath.Join(dir, "docs", "b.txt"), []byte("x"), 0o644)
	os.WriteFile(filepath.Join(dir, "records.jsonl"), []byte(
		`{"id":"a-q1","number":1,"status":"answered"}`+"\n"+`{"id":"b-q1","number":1,"status":"deferred"}`+"\n"), 0o644)
	res, err := Run(dir, func(path string, _ time.Time) (*tracker.Document, error) {
		if strings.HasSuffix(path, "a.txt") {
			return nil, errors.New("a.txt: broken")
		}
		return &tracker.Document{Items: []tracker.Item{{Number: 1, Status: tracker.Deferred}}}, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if res.Total() != 2 || len(res.Errors) != 1 || len(res.Missing) != 1 || res.Confusion[tracker.Deferred][tracker.Deferred] != 1 {
		t.Errorf("total %d, errors %v, missing %v", res.Total(), res.Errors, res.Missing)
	}
}

// The interval of macro-F1 comes from resampling documents: all right
// everywhere gives no spread; one document all wrong spreads it, and the
// same result gives the same interval every time.
func TestInterval(t *testing.T) {
	r := newResult()
	add := func(doc string, want, got tracker.Status) {
		r.add(Record{ID: doc + "-q1", Status: string(want)}, &tracker.Item{Status: got})
	}
	for _, d := range []string{"a", "b", "c", "d"} {
		add(d, tracker.Answered, tracker.Answered)
		add(d, tracker.Declined, tracker.Declined)
	}
	if lo, hi, ok := r.Interval(200, 0.9); !ok || lo != 1 || hi != 1 {
		t.Errorf("all right: %v %v %v, want 1 1", lo, hi, ok)
	}
	add("e", tracker.Declined, tracker.Answered)
	add("e", tracker.Declined, tracker.Answered)
	lo, hi, ok := r.Interval(200, 0.9)
	if !ok || lo >= r.MacroF1() || hi <= lo || hi > 1 {
		t.Errorf("one document wrong: %v to %v (macro-F1 %v)", lo, hi, r.MacroF1())
	}
	if lo2, hi2, _ := r.Interval(200, 0.9); lo2 != lo || hi2 != hi {
		t.Errorf("a second call gave %v to %v, the first %v to %v", lo2, hi2, lo, hi)
	}
	if d, c := r.Dodges(); d != 6 || c != 4 {
		t.Errorf("dodges %d, caught %d; want 6, 4", d, c)
	}
	one := newResult()
	one.add(Record{ID: "a-q1", Status: "answered"}, &tracker.Item{Status: tracker.Answered})
	if _, _, ok := one.Interval(100, 0.9); ok {
		t.Error("an interval from one document")
	}
}
