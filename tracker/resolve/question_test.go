package resolve_test

import (
	"context"
	"testing"
	"time"

	"github.com/pqtrack/pqtrack/tracker"
	"github.com/pqtrack/pqtrack/tracker/resolve"
)

// A filed question's document (made by the lateness sweep) shares the
// answer's number, but holds no answer: a reference to that answer waits
// for it instead of resolving to the question.
func TestQuestionDocumentIsNoTarget(t *testing.T) {
	ctx := context.Background()
	db := openDB(t)
	q := tracker.FiledQuestion{Parliament: tracker.VP, Ref: "412", Number: "nr. 412", Title: "Lerarentekort",
		Minister: "Ben Weyts", Sent: tracker.Day(2026, 11, 3)}
	if _, err := db.PutFiled(ctx, q, now0); err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 12, 10, 8, 0, 0, 0, time.UTC)
	if res, err := db.SweepLate(ctx, tracker.DefaultDeadlines(), now); err != nil || res.Documents != 1 {
		t.Fatalf("sweep: %+v, %v", res, err)
	}
	citing := &tracker.Document{File: "citing.txt", Title: "Lerarenplatform", Parliament: "Vlaams Parlement", Number: "nr. 430",
		Items: []tracker.Item{{Number: 1, Question: "Hoeveel vacatures zijn er?", Answer: "Ik verwijs naar mijn antwoord op schriftelijke vraag nr. 412.",
			Status: tracker.Deferred, Deferral: &tracker.Deferral{Kind: tracker.TargetAnswer, Number: "nr. 412", Ref: "antwoord op schriftelijke vraag nr. 412"}}}}
	citing.Text = citing.Items[0].Question + "\n\n" + citing.Items[0].Answer
	store(t, db, citing)
	r, err := resolve.New(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	res, err := r.Item(ctx, citing, &citing.Items[0])
	if err != nil {
		t.Fatal(err)
	}
	if res.Verdict != tracker.TargetMissing || res.TargetID != 0 {
		t.Errorf("resolution %+v, want target-missing", res)
	}
}
