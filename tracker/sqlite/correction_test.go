package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/pqtrack/pqtrack/tracker"
)

// followUpStates returns "key state/outcome" of every follow-up of
// question n of document doc, by key.
func followUpStates(tb testing.TB, db *DB, doc int64, n int) map[string]string {
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

func mustCorrect(tb testing.TB, db *DB, c tracker.Correction) tracker.CorrectionResult {
	tb.Helper()
	if c.Source == "" {
		c.Source = tracker.FromCommandLine
	}
	if c.At.IsZero() {
		c.At = now0.Add(time.Hour)
	}
	res, err := db.Correct(context.Background(), c)
	if err != nil {
		tb.Fatal(err)
	}
	return res
}

func itemStatus(tb testing.TB, db *DB, doc int64, n int) (status, analysed string) {
	tb.Helper()
	if err := db.db.QueryRow(`SELECT status, analysed FROM items WHERE document_id = ? AND number = ?`, doc, n).
		Scan(&status, &analysed); err != nil {
		tb.Fatal(err)
	}
	return status, analysed
}

// TestCorrectDrivesFollowUps: a corrected status leaves the follow-ups
// pqtrack leaves for that status, at once.
func TestCorrectDrivesFollowUps(t *testing.T) {
	tests := []struct {
		name   string
		q      int
		to     tracker.Status
		was    tracker.Status
		states map[string]string // the question's follow-ups afterwards
		due    map[string]time.Time
	}{
		{"answered to partial", 3, tracker.Partial, tracker.Answered,
			map[string]string{"q3:partial": "open/"}, map[string]time.Time{"q3:partial": day0}},
		{"partial to answered closes all, the promise too", 1, tracker.Answered, tracker.Partial,
			map[string]string{"q1:partial": "done/corrected", "q1:promise:2023-06-21": "done/corrected"}, nil},
		{"deferred to answered closes the deferral", 2, tracker.Answered, tracker.Deferred,
			map[string]string{"q2:deferral": "done/corrected"}, nil},
		{"deferred to declined keeps the pointer to the meeting", 2, tracker.Declined, tracker.Deferred,
			map[string]string{"q2:deferral": "open/", "q2:declined": "open/"}, map[string]time.Time{"q2:declined": day0}},
		{"unanswered to pending", 4, tracker.Pending, tracker.Unanswered,
			map[string]string{"q4:unanswered": "done/corrected", "q4:pending": "open/"},
			map[string]time.Time{"q4:pending": day0.Add(tracker.DefaultPendingWait)}},
		{"answered to deferred", 3, tracker.Deferred, tracker.Answered,
			map[string]string{"q3:deferral": "open/"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db := MustOpenDB(t)
			doc := sampleDoc()
			mustIngest(t, db, doc, now0)
			res := mustCorrect(t, db, tracker.Correction{DocumentID: doc.ID, QuestionNumber: tt.q, Status: tt.to,
				Note: " te vaag ", By: "jan"})
			if c := res.Correction; c.Was != tt.was || c.Status != tt.to || c.Note != "te vaag" || c.ID == 0 {
				t.Errorf("correction %+v, want was %s, status %s, note trimmed", c, tt.was, tt.to)
			}
			if got := followUpStates(t, db, doc.ID, tt.q); !cmp.Equal(got, tt.states) {
				t.Errorf("follow-ups of question %d: %v, want %v", tt.q, got, tt.states)
			}
			for k, d := range tt.due {
				if f := byKey(t, db, k); !f.Due.Equal(d) {
					t.Errorf("%s due %v, want %v", k, f.Due, d)
				}
			}
			if s, a := itemStatus(t, db, doc.ID, tt.q); s != string(tt.to) || a != string(tt.was) {
				t.Errorf("item status %q, analysed %q; want %s, %s", s, a, tt.to, tt.was)
			}
			// What the result says matches what the store holds.
			for _, f := range res.Created {
				if tt.states[f.Key] != "open/" || f.ID == 0 {
					t.Errorf("result says created %s (%d)", f.Key, f.ID)
				}
			}
			for _, f := range res.Closed {
				if tt.states[f.Key] != "done/corrected" {
					t.Errorf("result says closed %s", f.Key)
				}
				hist, err := db.History(context.Background(), f.ID)
				if err != nil {
					t.Fatal(err)
				}
				last := hist[len(hist)-1]
				if len(hist) < 2 || hist[0].Action != "created" || last.Action != "done" || last.By != "jan" ||
					!strings.Contains(last.Note, "te vaag") {
					t.Errorf("closed %s: history %+v, want created ... done by jan with the note", f.Key, hist)
				}
			}
			// The other questions are untouched.
			for n := 1; n <= 4; n++ {
				if n == tt.q {
					continue
				}
				if s, a := itemStatus(t, db, doc.ID, n); s != string(doc.Items[n-1].Status) || a != "" {
					t.Errorf("question %d: status %q analysed %q, want %s unchanged", n, s, a, doc.Items[n-1].Status)
				}
			}
		})
	}
}

// TestCorrectionOfCorrection: a second correction is a new row; the latest
// counts, and what the first closed the second reopens.
func TestCorrectionOfCorrection(t *testing.T) {
	db := MustOpenDB(t)
	ctx := context.Background()
	doc := sampleDoc()
	mustIngest(t, db, doc, now0)
	first := mustCorrect(t, db, tracker.Correction{DocumentID: doc.ID, QuestionNumber: 1, Status: tracker.Answered, By: "jan"})
	second := mustCorrect(t, db, tracker.Correction{DocumentID: doc.ID, QuestionNumber: 1, Status: tracker.Pending,
		By: "els", Source: tracker.FromDashboard, At: now0.Add(2 * time.Hour), SubQuestion: 2})
	if len(first.Closed) != 2 || keys(second.Reopened)[0] != "q1:promise:2023-06-21" || len(second.Created) != 0 {
		t.Errorf("first closed %v; second reopened %v created %v", keys(first.Closed), keys(second.Reopened), keys(second.Created))
	}
	// Pending with a promise: the promise is what is owed (no pending
	// follow-up), and the partial one stays closed.
	if got, want := followUpStates(t, db, doc.ID, 1), map[string]string{"q1:partial": "done/corrected", "q1:promise:2023-06-21": "open/"}; !cmp.Equal(got, want) {
		t.Errorf("after the second correction: %v, want %v", got, want)
	}
	third := mustCorrect(t, db, tracker.Correction{DocumentID: doc.ID, QuestionNumber: 1, Status: tracker.Partial,
		By: "els", At: now0.Add(3 * time.Hour)})
	if keys(third.Reopened)[0] != "q1:partial" {
		t.Errorf("third reopened %v, want q1:partial", keys(third.Reopened))
	}
	if got := followUpStates(t, db, doc.ID, 1)["q1:partial"]; got != "open/" {
		t.Errorf("q1:partial is %s after the correction back to partial, want open", got)
	}

	all, err := db.Corrections(ctx, tracker.CorrectionFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 3 {
		t.Fatalf("%d corrections stored, want 3 (history kept)", len(all))
	}
	var seq []string
	for _, c := range all {
		seq = append(seq, string(c.Was)+">"+string(c.Status))
	}
	if want := []string{"partial>answered", "partial>pending", "partial>partial"}; !cmp.Equal(seq, want) {
		t.Errorf("corrections %v, want %v (was is always pqtrack's)", seq, want)
	}
	s := all[1]
	if s.Source != tracker.FromDashboard || s.By != "els" || !s.At.Equal(now0.Add(2*time.Hour)) ||
		s.SubQuestion != 2 || s.SubQuestionText != "Werd het traject geëvalueerd?" ||
		s.Question != doc.Items[0].Question || s.Answer != doc.Items[0].Answer || s.Document != doc.Title {
		t.Errorf("second correction read back as %+v", s)
	}
	latest, err := db.Corrections(ctx, tracker.CorrectionFilter{Latest: true, Document: doc.ID})
	if err != nil {
		t.Fatal(err)
	}
	if len(latest) != 1 || latest[0].ID != third.Correction.ID || latest[0].Overrides() {
		t.Errorf("latest %+v, want only the third, which agrees with pqtrack", latest)
	}
}

// TestCorrectionSurvivesReingest: a new version of the document keeps the
// corrected statuses and does not bring back what a correction closed;
// the correction keeps the text it was made on.
func TestCorrectionSurvivesReingest(t *testing.T) {
	db := MustOpenDB(t)
	ctx := context.Background()
	doc := sampleDoc()
	mustIngest(t, db, doc, now0)
	mustCorrect(t, db, tracker.Correction{DocumentID: doc.ID, QuestionNumber: 1, Status: tracker.Answered})
	mustCorrect(t, db, tracker.Correction{DocumentID: doc.ID, QuestionNumber: 3, Status: tracker.Partial})
	mustCorrect(t, db, tracker.Correction{DocumentID: doc.ID, QuestionNumber: 2, Status: tracker.Declined})

	for _, next := range []*tracker.Document{sampleDoc(), corrected()} {
		res := mustIngest(t, db, next, now0.Add(48*time.Hour))
		if res.DocumentID != doc.ID {
			t.Fatalf("re-ingest stored document %d, want %d", res.DocumentID, doc.ID)
		}
		for _, c := range []struct {
			q        int
			status   tracker.Status
			analysed tracker.Status
		}{{1, tracker.Answered, tracker.Partial}, {3, tracker.Partial, tracker.Answered}, {2, tracker.Declined, next.Items[1].Status}} {
			if s, a := itemStatus(t, db, doc.ID, c.q); s != string(c.status) || a != string(c.analysed) {
				t.Errorf("%s: question %d is %q (analysed %q), want %s (%s)", res.Action, c.q, s, a, c.status, c.analysed)
			}
		}
		for _, k := range []string{"q1:partial", "q1:promise:2023-06-21"} {
			if got := followUpStates(t, db, doc.ID, 1)[k]; got != "done/corrected" {
				t.Errorf("%s: %s is %s, want still done/corrected", res.Action, k, got)
			}
		}
		if got := followUpStates(t, db, doc.ID, 3)["q3:partial"]; got != "open/" {
			t.Errorf("%s: q3:partial is %s, want open", res.Action, got)
		}
	}
	// The corrected version gives question 2 a real answer, and pqtrack's
	// judgement of it changes; staff's still counts, the deferral it
	// closed is not reopened.
	if got := followUpStates(t, db, doc.ID, 2); got["q2:declined"] != "open/" {
		t.Errorf("question 2's follow-ups after the corrected version: %v", got)
	}
	got, err := db.Document(ctx, doc.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Items[1].Status != tracker.Declined || got.Items[0].Status != tracker.Answered {
		t.Errorf("Document reads statuses %s, %s; want the corrected declined, answered", got.Items[1].Status, got.Items[0].Status)
	}
	cs, err := db.Corrections(ctx, tracker.CorrectionFilter{Document: doc.ID})
	if err != nil {
		t.Fatal(err)
	}
	if cs[2].Answer != sampleDoc().Items[1].Answer || got.Items[1].Answer == cs[2].Answer {
		t.Errorf("correction of question 2 holds answer %q, want the text it was made on", cs[2].Answer)
	}
}

func TestCorrectErrors(t *testing.T) {
	db := MustOpenDB(t)
	doc := sampleDoc()
	mustIngest(t, db, doc, now0)
	before := dump(t, db)
	tests := []struct {
		name string
		c    tracker.Correction
		want error
	}{
		{"no such document", tracker.Correction{DocumentID: 99, QuestionNumber: 1, Status: tracker.Partial}, tracker.ErrNotFound},
		{"no such question", tracker.Correction{DocumentID: doc.ID, QuestionNumber: 9, Status: tracker.Partial}, tracker.ErrNotFound},
		{"unknown status", tracker.Correction{DocumentID: doc.ID, QuestionNumber: 1, Status: "vaag"}, tracker.ErrInvalid},
		{"status it has", tracker.Correction{DocumentID: doc.ID, QuestionNumber: 3, Status: tracker.Answered}, tracker.ErrInvalid},
		{"no such sub-question", tracker.Correction{DocumentID: doc.ID, QuestionNumber: 1, Status: tracker.Answered, SubQuestion: 3}, tracker.ErrInvalid},
		{"no source", tracker.Correction{DocumentID: doc.ID, QuestionNumber: 1, Status: tracker.Answered, Source: "mail"}, tracker.ErrInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := tt.c
			if c.Source == "" {
				c.Source = tracker.FromCommandLine
			}
			c.At = now0
			_, err := db.Correct(context.Background(), c)
			if !errors.Is(err, tt.want) {
				t.Errorf("Correct = %v, want %v", err, tt.want)
			}
		})
	}
	if after := dump(t, db); after != before {
		t.Errorf("failed corrections wrote:\n%s", cmp.Diff(before, after))
	}
}

func TestOverrides(t *testing.T) {
	db := MustOpenDB(t)
	ctx := context.Background()
	jan := time.Date(2023, 1, 20, 10, 0, 0, 0, time.UTC)
	mar := time.Date(2023, 3, 2, 10, 0, 0, 0, time.UTC)
	a := sampleDoc() // partial, deferred, answered, unanswered
	mustIngest(t, db, a, jan)
	b := sampleDoc()
	b.Number, b.Title, b.Text = "nr. 343", "Tweede document", b.Text+" 2"
	mustIngest(t, db, b, mar)

	mustCorrect(t, db, tracker.Correction{DocumentID: a.ID, QuestionNumber: 3, Status: tracker.Partial, At: jan.Add(time.Hour)})
	mustCorrect(t, db, tracker.Correction{DocumentID: a.ID, QuestionNumber: 1, Status: tracker.Answered, At: mar})
	// Corrected, then put back: not an override, but two corrections.
	mustCorrect(t, db, tracker.Correction{DocumentID: a.ID, QuestionNumber: 2, Status: tracker.Answered, At: mar})
	mustCorrect(t, db, tracker.Correction{DocumentID: a.ID, QuestionNumber: 2, Status: tracker.Deferred, At: mar.Add(time.Hour)})
	mustCorrect(t, db, tracker.Correction{DocumentID: b.ID, QuestionNumber: 3, Status: tracker.Partial, At: mar})

	o, err := db.Overrides(ctx)
	if err != nil {
		t.Fatal(err)
	}
	wantJudged := map[tracker.Status]int{tracker.Partial: 2, tracker.Deferred: 2, tracker.Answered: 2, tracker.Unanswered: 2}
	if !cmp.Equal(o.Judged, wantJudged) {
		t.Errorf("judged %v, want pqtrack's statuses %v", o.Judged, wantJudged)
	}
	wantCells := []tracker.OverrideCell{{From: tracker.Answered, To: tracker.Partial, N: 2}, {From: tracker.Partial, To: tracker.Answered, N: 1}}
	if !cmp.Equal(o.Cells, wantCells) {
		t.Errorf("cells %v, want %v", o.Cells, wantCells)
	}
	if o.Cell(tracker.Answered, tracker.Partial) != 2 || o.Cell(tracker.Deferred, tracker.Answered) != 0 {
		t.Errorf("Cell reads %d and %d", o.Cell(tracker.Answered, tracker.Partial), o.Cell(tracker.Deferred, tracker.Answered))
	}
	wantMonths := []tracker.MonthOverrides{
		{Month: tracker.Day(2023, 1, 1), Judged: 4, Overridden: 2, Corrections: 1},
		{Month: tracker.Day(2023, 3, 1), Judged: 4, Overridden: 1, Corrections: 4},
	}
	if diff := cmp.Diff(wantMonths, o.Months); diff != "" {
		t.Errorf("months (-want +got):\n%s", diff)
	}
}

// TestCorrectedOutcomeMigration: the 'corrected' outcome is allowed after
// the migration edited the CHECK constraint, other outcomes still are not,
// and the file is sound.
func TestCorrectedOutcomeMigration(t *testing.T) {
	db := MustOpenDB(t)
	mustIngest(t, db, sampleDoc(), now0)
	id := byKey(t, db, "q2:deferral").ID
	if _, err := db.db.Exec(`UPDATE followups SET state = 'done', outcome = 'corrected' WHERE id = ?`, id); err != nil {
		t.Errorf("outcome corrected refused: %v", err)
	}
	if _, err := db.db.Exec(`UPDATE followups SET outcome = 'forgotten' WHERE id = ?`, id); err == nil {
		t.Error("outcome forgotten accepted: the CHECK constraint is gone")
	}
	var ok string
	if err := db.db.QueryRow(`PRAGMA integrity_check`).Scan(&ok); err != nil || ok != "ok" {
		t.Errorf("integrity_check = %q, %v", ok, err)
	}
}

// TestCorrectionsMigrationUpgrade: a database made before migration 0007,
// with follow-ups in it, opens with 0007 applied: its rows are kept and
// they may be closed as corrected.
func TestCorrectionsMigrationUpgrade(t *testing.T) {
	path := filepath.Join(t.TempDir(), "old.db")
	raw, err := sql.Open("sqlite3", dsn(path))
	if err != nil {
		t.Fatal(err)
	}
	old := &DB{db: raw, path: path}
	ctx := context.Background()
	if _, err := raw.Exec(`CREATE TABLE schema_migrations (name TEXT PRIMARY KEY, applied TEXT NOT NULL)`); err != nil {
		t.Fatal(err)
	}
	names, _ := fs.Glob(migrations, "migrations/*.sql")
	for _, n := range names {
		if n >= "migrations/0007" {
			break
		}
		if err := old.apply(ctx, n); err != nil {
			t.Fatalf("%s: %v", n, err)
		}
	}
	if _, err := raw.Exec(`INSERT INTO documents (id, hash, ingested, updated) VALUES (1, 'h', 'x', 'x');
		INSERT INTO followups (id, document_id, key, question_number, kind, due, created, updated)
		VALUES (7, 1, 'q1:partial', 1, 'partial', '2023-02-14', 'x', 'x')`); err != nil {
		t.Fatal(err)
	}
	if _, err := raw.Exec(`UPDATE followups SET outcome = 'corrected' WHERE id = 7`); err == nil {
		t.Fatal("before 0007 the outcome corrected is accepted: the test proves nothing")
	}
	raw.Close()

	db, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.db.Exec(`UPDATE followups SET state = 'done', outcome = 'corrected' WHERE id = 7`); err != nil {
		t.Errorf("after 0007: %v", err)
	}
	f, err := db.FollowUp(ctx, 7)
	if err != nil || f.Key != "q1:partial" || f.Outcome != tracker.Corrected {
		t.Errorf("follow-up 7 after the upgrade: %+v, %v", f, err)
	}
	var ok string
	if err := db.db.QueryRow(`PRAGMA integrity_check`).Scan(&ok); err != nil || ok != "ok" {
		t.Errorf("integrity_check = %q, %v", ok, err)
	}
}
