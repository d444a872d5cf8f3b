package sqlite

import (
	"context"
	"testing"
	"time"

	"github.com/pqtrack/pqtrack/tracker"
)

func TestFollowUpKindsForLatenessAndCommitments(t *testing.T) {
	db := MustOpenDB(t)
	ctx := context.Background()
	doc := &tracker.Document{File: "q.txt", Hash: "h-question", Kind: tracker.KindQuestion, Title: "Vraag over dijken"}
	res, err := db.Ingest(ctx, doc, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range []tracker.FollowUpKind{tracker.FollowLate, tracker.FollowCommitment} {
		if _, err := db.db.ExecContext(ctx, `INSERT INTO followups (document_id, key, question_number, kind, due, created, updated)
			VALUES (?, ?, 1, ?, '2026-01-01', 'x', 'x')`, res.DocumentID, string(k), k); err != nil {
			t.Errorf("kind %s refused: %v", k, err)
		}
	}
	if _, err := db.db.ExecContext(ctx, `INSERT INTO followups (document_id, key, question_number, kind, due, created, updated)
		VALUES (?, 'bad', 1, 'nonsense', '2026-01-01', 'x', 'x')`, res.DocumentID); err == nil {
		t.Error("unknown kind accepted")
	}
}
