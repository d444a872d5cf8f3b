package sqlite

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/pqtrack/pqtrack/tracker"
)

func TestPutFiledUpdatesAndKeeps(t *testing.T) {
	db := MustOpenDB(t)
	ctx := context.Background()
	now := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	q := tracker.FiledQuestion{Parliament: tracker.VP, Ref: "1872345", Number: "nr. 342",
		Asker: "Jan Peeters", Minister: "Zuhal Demir", Filed: tracker.Day(2026, 2, 3)}
	id, err := db.PutFiled(ctx, q, now)
	if err != nil {
		t.Fatal(err)
	}
	// A later fetch knows the answer but not the asker: the asker stays.
	id2, err := db.PutFiled(ctx, tracker.FiledQuestion{Parliament: tracker.VP, Ref: "1872345",
		Answered: tracker.Day(2026, 3, 1)}, now.Add(time.Hour))
	if err != nil || id2 != id {
		t.Fatalf("second put: id %d, %v; want %d", id2, err, id)
	}
	got, err := db.Filed(ctx, tracker.VP, "1872345")
	if err != nil {
		t.Fatal(err)
	}
	if got.Asker != "Jan Peeters" || !got.Answered.Equal(tracker.Day(2026, 3, 1)) || !got.Filed.Equal(q.Filed) {
		t.Errorf("stored %+v", got)
	}
	// Published later: the earlier date of receipt (the inbox's) stays.
	if _, err := db.PutFiled(ctx, tracker.FiledQuestion{Parliament: tracker.VP, Ref: "1872345",
		Answered: tracker.Day(2026, 3, 16)}, now.Add(2*time.Hour)); err != nil {
		t.Fatal(err)
	}
	if got, _ := db.Filed(ctx, tracker.VP, "1872345"); !got.Answered.Equal(tracker.Day(2026, 3, 1)) {
		t.Errorf("answered %v after a later date came in; want 2026-03-01", got.Answered)
	}
	open, err := db.FiledQuestions(ctx, FiledFilter{Unanswered: true})
	if err != nil || len(open) != 0 {
		t.Errorf("unanswered: %v, %v; want none", open, err)
	}
	if _, err := db.PutFiled(ctx, tracker.FiledQuestion{Parliament: "xx", Ref: "1"}, now); !errors.Is(err, tracker.ErrInvalid) {
		t.Errorf("bad parliament: %v", err)
	}
	if _, err := db.Filed(ctx, tracker.TK, "1872345"); !errors.Is(err, tracker.ErrNotFound) {
		t.Errorf("other parliament: %v", err)
	}
}

func TestWatches(t *testing.T) {
	db := MustOpenDB(t)
	ctx := context.Background()
	w := tracker.Watch{Parliament: tracker.TK, Kind: tracker.WatchMember, Value: "Omtzigt", Created: time.Now()}
	id, err := db.AddWatch(ctx, w)
	if err != nil {
		t.Fatal(err)
	}
	if again, err := db.AddWatch(ctx, w); err != nil || again != id {
		t.Errorf("adding twice: %d, %v; want %d", again, err, id)
	}
	if _, err := db.AddWatch(ctx, tracker.Watch{Parliament: tracker.TK, Kind: "party", Value: "x"}); !errors.Is(err, tracker.ErrInvalid) {
		t.Errorf("bad kind: %v", err)
	}
	ws, err := db.Watches(ctx)
	if err != nil || len(ws) != 1 || ws[0].Value != "Omtzigt" {
		t.Fatalf("watches %+v, %v", ws, err)
	}
	if err := db.RemoveWatch(ctx, id); err != nil {
		t.Fatal(err)
	}
	if err := db.RemoveWatch(ctx, id); !errors.Is(err, tracker.ErrNotFound) {
		t.Errorf("removing twice: %v", err)
	}
}

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
