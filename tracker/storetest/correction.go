package storetest

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/pqtrack/pqtrack/tracker"
	"github.com/pqtrack/pqtrack/tracker/store"
)

// followUpStates returns "key state/outcome" of every follow-up of
// question n of document doc, by key.
func followUpStates(tb testing.TB, db store.Full, doc int64, n int) map[string]string {
	tb.Helper()
	fs, err := db.FollowUps(context.Background(), tracker.FollowUpFilter{Document: doc})
	if err != nil {
		tb.Fatal(err)
	}
	out := map[string]string{}
	for _, f := range fs {
		if f.QuestionNumber == n {
			out[f.Key] = string(f.State) + "/" + string(f.Outcome)
		}
	}
	return out
}

func itemStatus(tb testing.TB, db store.Full, doc int64, n int) tracker.Status {
	tb.Helper()
	d, err := db.Document(context.Background(), doc)
	if err != nil {
		tb.Fatal(err)
	}
	for _, it := range d.Items {
		if it.Number == n {
			return it.Status
		}
	}
	tb.Fatalf("no question %d", n)
	return ""
}

// A corrected status leaves the follow-ups pqtrack leaves for that
// status, at once.
func testCorrectDrivesFollowUps(t *testing.T, db store.Full) {
	ctx := context.Background()
	doc := SampleDoc()
	mustIngest(t, db, doc, now0)
	at := now0.Add(time.Hour)
	steps := []struct {
		name   string
		q      int
		to     tracker.Status
		was    tracker.Status
		states map[string]string // the question's follow-ups afterwards
	}{
		{"answered to partial", 3, tracker.Partial, tracker.Answered, map[string]string{"q3:partial": "open/"}},
		{"partial to answered closes all, the promise too", 1, tracker.Answered, tracker.Partial,
			map[string]string{"q1:partial": "done/corrected", "q1:promise:2023-06-21": "done/corrected"}},
		{"deferred to declined keeps the pointer to the meeting", 2, tracker.Declined, tracker.Deferred,
			map[string]string{"q2:deferral": "open/", "q2:declined": "open/"}},
		{"unanswered to pending", 4, tracker.Pending, tracker.Unanswered,
			map[string]string{"q4:unanswered": "done/corrected", "q4:pending": "open/"}},
		// a correction of a correction: the latest counts, what the
		// first closed the second reopens; was stays pqtrack's own
		{"back to partial reopens", 1, tracker.Partial, tracker.Partial,
			map[string]string{"q1:partial": "open/", "q1:promise:2023-06-21": "open/"}},
	}
	for _, s := range steps {
		res, err := db.Correct(ctx, tracker.Correction{DocumentID: doc.ID, QuestionNumber: s.q, Status: s.to,
			Note: " te vaag ", By: "jan", Source: tracker.FromDashboard, At: at})
		if err != nil {
			t.Fatalf("%s: %v", s.name, err)
		}
		if c := res.Correction; c.Was != s.was || c.Status != s.to || c.Note != "te vaag" || c.ID == 0 {
			t.Errorf("%s: correction %+v, want was %s, status %s, note trimmed", s.name, c, s.was, s.to)
		}
		if got := followUpStates(t, db, doc.ID, s.q); !cmp.Equal(got, s.states) {
			t.Errorf("%s: follow-ups of question %d: %v, want %v", s.name, s.q, got, s.states)
		}
		if got := itemStatus(t, db, doc.ID, s.q); got != s.to {
			t.Errorf("%s: question %d is %s, want %s", s.name, s.q, got, s.to)
		}
		for _, f := range res.Closed {
			hist, err := db.History(ctx, f.ID)
			if err != nil {
				t.Fatal(err)
			}
			if last := hist[len(hist)-1]; last.Action != "done" || last.By != "jan" || !strings.Contains(last.Note, "te vaag") {
				t.Errorf("%s: closed %s: last event %+v, want done by jan with the note", s.name, f.Key, last)
			}
		}
	}
	if _, err := db.Correct(ctx, tracker.Correction{DocumentID: doc.ID, QuestionNumber: 3, Status: tracker.Partial,
		Source: tracker.FromDashboard, At: at}); !errors.Is(err, tracker.ErrInvalid) {
		t.Errorf("correcting to the status it has: %v, want ErrInvalid", err)
	}
	if _, err := db.Correct(ctx, tracker.Correction{DocumentID: doc.ID, QuestionNumber: 9, Status: tracker.Partial,
		Source: tracker.FromDashboard, At: at}); !errors.Is(err, tracker.ErrNotFound) {
		t.Errorf("correcting a missing question: %v, want ErrNotFound", err)
	}
	all, err := db.Corrections(ctx, tracker.CorrectionFilter{Document: doc.ID})
	if err != nil || len(all) != len(steps) {
		t.Fatalf("Corrections = %d, %v; want %d", len(all), err, len(steps))
	}
	latest, err := db.Corrections(ctx, tracker.CorrectionFilter{Latest: true})
	if err != nil || len(latest) != len(steps)-1 {
		t.Errorf("latest corrections = %d, %v; want %d", len(latest), err, len(steps)-1)
	}
	if c := all[0]; c.Question != doc.Items[2].Question || c.Document != doc.Title || !c.At.Equal(at) {
		t.Errorf("first correction %+v lost the question text, document or time", c)
	}
	o, err := db.Overrides(ctx)
	if err != nil {
		t.Fatal(err)
	}
	overridden := 0
	for _, c := range o.Cells {
		overridden += c.N
	}
	// q1 went back to pqtrack's own status: three questions overridden
	if overridden != 3 || o.Judged[tracker.Partial] != 1 || len(o.Months) != 1 {
		t.Errorf("Overrides = %+v, want 3 overridden, 1 judged partial, one month", o)
	}
}

// A new version of a document keeps staff's corrections.
func testCorrectionSurvivesReingest(t *testing.T, db store.Full) {
	ctx := context.Background()
	doc := SampleDoc()
	mustIngest(t, db, doc, now0)
	if _, err := db.Correct(ctx, tracker.Correction{DocumentID: doc.ID, QuestionNumber: 3, Status: tracker.Partial,
		Source: tracker.FromCommandLine, At: now0.Add(time.Hour)}); err != nil {
		t.Fatal(err)
	}
	res := mustIngest(t, db, corrected(), now0.Add(2*time.Hour))
	if res.Action != store.Replaced {
		t.Fatalf("Ingest = %+v, want replaced", res)
	}
	if got := itemStatus(t, db, doc.ID, 3); got != tracker.Partial {
		t.Errorf("question 3 after the new version: %s, want staff's partial", got)
	}
	if got := followUpStates(t, db, doc.ID, 3); got["q3:partial"] != "open/" {
		t.Errorf("question 3's follow-ups: %v, want q3:partial open", got)
	}
}

// Re-resolution stored through a batch queues the notices of what it
// changed, with the end of the work the ingest queued, in one transaction;
// a second batch with the same findings queues nothing.
func testBatchQueuesWorkAndNotices(t *testing.T, db store.Full) {
	ctx := context.Background()
	now := time.Date(2023, 2, 14, 9, 0, 0, 0, time.UTC)
	doc := &tracker.Document{File: "a.txt", Kind: tracker.KindAnswer, Title: "Vraag", Text: "t",
		Items: []tracker.Item{{Number: 1, Question: "Q", Answer: "Zie verslag.", Status: tracker.Deferred,
			Deferral: &tracker.Deferral{Evidence: tracker.Evidence{Text: "Zie verslag."}}}}}
	mustIngest(t, db, doc, now)
	work, err := db.PendingWork(ctx)
	if err != nil || work == 0 {
		t.Fatalf("PendingWork after ingest = %d, %v; want queued work", work, err)
	}
	fs, err := db.OpenFollowUps(ctx, tracker.FollowDeferral)
	if err != nil || len(fs) != 1 {
		t.Fatalf("deferral follow-ups: %d, %v", len(fs), err)
	}
	res := &tracker.Resolution{Verdict: tracker.Addressed, Target: "verslag", TargetID: doc.ID}
	arrival := []store.Arrival{{FollowUpID: fs[0].ID, TargetID: doc.ID, Label: "x", Resolution: res}}
	for i, want := range []int{1, 0} {
		b := db.NewBatch()
		if _, err := b.SetResolution(ctx, doc.ID, 1, res); err != nil {
			t.Fatal(err)
		}
		if i == 1 {
			if err := db.ArrivalsSent(ctx, "arrival:x", arrival, now); err != nil { // the first was sent
				t.Fatal(err)
			}
		}
		if err := db.CommitBatch(ctx, b, arrival, work, now); err != nil {
			t.Fatal(err)
		}
		pending, err := db.PendingArrivals(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(pending) != want {
			t.Errorf("batch %d: %d notices queued, want %d", i+1, len(pending), want)
		}
		if want == 1 && (pending[0].Label != "x" || pending[0].Resolution == nil || pending[0].Resolution.Target != "verslag") {
			t.Errorf("queued notice %+v", pending[0])
		}
	}
	if w, _ := db.PendingWork(ctx); w != 0 {
		t.Errorf("work %d still queued after the commit", w)
	}
	if sent, _ := db.WasSent(ctx, "arrival:x"); !sent {
		t.Error("ArrivalsSent did not log its key")
	}
	f, err := db.FollowUp(ctx, fs[0].ID)
	if err != nil || f.Resolution == nil || f.Resolution.Verdict != tracker.Addressed {
		t.Errorf("follow-up after the commit: %+v, %v; want the stored resolution", f, err)
	}
}

func testSearchPassages(t *testing.T, db store.Full) {
	ctx := context.Background()
	var ids []int64
	for i := range 2 {
		d := &tracker.Document{File: "p.txt", Title: "Verslag", Text: "verslag " + string(rune('a'+i))}
		mustIngest(t, db, d, now0)
		ids = append(ids, d.ID)
	}
	ps := func(texts ...string) []tracker.Passage {
		var out []tracker.Passage
		for i, s := range texts {
			out = append(out, tracker.Passage{Index: i + 1, Snippet: s, Terms: strings.Fields(s)})
		}
		return out
	}
	if err := db.SetPassages(ctx, ids[0], ps("vmri begrot middel", "ideeenplatform expert profiel", "jobroad event")); err != nil {
		t.Fatal(err)
	}
	if err := db.SetPassages(ctx, ids[1], ps("vmri platform", "maxipac")); err != nil {
		t.Fatal(err)
	}
	if n, err := db.CountPassages(ctx, ids[0]); err != nil || n != 3 {
		t.Errorf("CountPassages = %d, %v; want 3", n, err)
	}
	tests := []struct {
		doc       int64
		terms     []string
		compounds bool
		want      []int // passage indexes, best first
	}{
		{ids[0], []string{"vmri"}, false, []int{1}},
		{ids[1], []string{"vmri"}, false, []int{1}}, // only the asked document
		{ids[0], []string{"platform"}, false, nil},
		{ids[0], []string{"platform"}, true, []int{2}}, // inside a compound
		{ids[0], []string{"maxipac"}, true, nil},
		{ids[0], []string{`"; DROP`, "jobroad"}, false, []int{3}}, // no query syntax gets through
		{ids[0], []string{"a' | b", "event"}, false, []int{3}},
		{ids[1] + 1, []string{"vmri"}, true, nil}, // no passages at all
	}
	for _, tc := range tests {
		got, err := db.SearchPassages(ctx, tc.doc, tc.terms, 10, tc.compounds)
		if err != nil {
			t.Errorf("%d %v: %v", tc.doc, tc.terms, err)
			continue
		}
		var idx []int
		for _, p := range got {
			idx = append(idx, p.Index)
			if p.DocumentID != tc.doc || p.Snippet == "" || len(p.Terms) == 0 {
				t.Errorf("%d %v: incomplete passage %+v", tc.doc, tc.terms, p)
			}
		}
		if !cmp.Equal(idx, tc.want) {
			t.Errorf("%d %v (compounds %v): passages %v, want %v", tc.doc, tc.terms, tc.compounds, idx, tc.want)
		}
	}
	// Replacing a document's passages drops the old ones.
	if err := db.SetPassages(ctx, ids[0], ps("nieuw")); err != nil {
		t.Fatal(err)
	}
	if got, _ := db.SearchPassages(ctx, ids[0], []string{"vmri"}, 10, true); len(got) != 0 {
		t.Errorf("after replace: %+v", got)
	}
	n, df, err := db.TermStats(ctx, []string{"vmri", "nieuw", "absent"})
	if err != nil || n != 3 || df["vmri"] != 1 || df["nieuw"] != 1 || df["absent"] != 0 {
		t.Errorf("TermStats = %d %v %v, want 3 passages, vmri 1, nieuw 1, absent 0", n, df, err)
	}
}
