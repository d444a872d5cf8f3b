package storetest

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/pqtrack/pqtrack/tracker"
	"github.com/pqtrack/pqtrack/tracker/store"
)

func testPutFiledUpdatesAndKeeps(t *testing.T, db store.Full) {
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
	if got.Asker != "Jan Peeters" || !got.Answered.Equal(tracker.Day(2026, 3, 1)) || !got.Filed.Equal(q.Filed) ||
		!got.Updated.Equal(now.Add(time.Hour)) {
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
	if _, err := db.PutFiled(ctx, tracker.FiledQuestion{Parliament: tracker.TK, Ref: "2026Z01234",
		Filed: tracker.Day(2026, 1, 5)}, now); err != nil {
		t.Fatal(err)
	}
	open, err := db.FiledQuestions(ctx, store.FiledFilter{Unanswered: true})
	if err != nil || len(open) != 1 || open[0].Ref != "2026Z01234" {
		t.Errorf("unanswered: %+v, %v; want the TK one", open, err)
	}
	all, err := db.FiledQuestions(ctx, store.FiledFilter{})
	if err != nil || len(all) != 2 || all[0].Ref != "2026Z01234" {
		t.Errorf("all by filing date: %+v, %v", all, err)
	}
	if vp, _ := db.FiledQuestions(ctx, store.FiledFilter{Parliament: tracker.VP}); len(vp) != 1 {
		t.Errorf("VP only: %+v", vp)
	}
	if _, err := db.PutFiled(ctx, tracker.FiledQuestion{Parliament: "xx", Ref: "1"}, now); !errors.Is(err, tracker.ErrInvalid) {
		t.Errorf("bad parliament: %v", err)
	}
	if _, err := db.Filed(ctx, tracker.TK, "1872345"); !errors.Is(err, tracker.ErrNotFound) {
		t.Errorf("other parliament: %v", err)
	}
}

func testWatches(t *testing.T, db store.Full) {
	ctx := context.Background()
	w := tracker.Watch{Parliament: tracker.TK, Kind: tracker.WatchMember, Value: "Omtzigt", Created: now0}
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
	if err != nil || len(ws) != 1 || ws[0].Value != "Omtzigt" || ws[0].Kind != tracker.WatchMember || !ws[0].Created.Equal(now0) {
		t.Fatalf("watches %+v, %v", ws, err)
	}
	if err := db.RemoveWatch(ctx, id); err != nil {
		t.Fatal(err)
	}
	if err := db.RemoveWatch(ctx, id); !errors.Is(err, tracker.ErrNotFound) {
		t.Errorf("removing twice: %v", err)
	}
}
