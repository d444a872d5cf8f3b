package notify

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"strings"
	"testing"

	"github.com/pqtrack/pqtrack/tracker"
)

// docCounter counts reads of each document and fails those in fail.
type docCounter struct {
	*memStore
	reads map[int64]int
	fail  map[int64]error
}

func (c *docCounter) Document(ctx context.Context, id int64) (*tracker.Document, error) {
	c.reads[id]++
	if err := c.fail[id]; err != nil {
		return nil, err
	}
	return c.memStore.Document(ctx, id)
}

func TestRemindersReadEachDocumentOnce(t *testing.T) {
	day := tracker.Day(2023, 2, 14)
	a, b, c, d := promise(1, day), promise(2, day), promise(3, day), promise(4, day)
	c.DocumentID, d.DocumentID = 2, 3 // 1 and 2 share document 1, which fails; 3 has none stored
	st := &docCounter{memStore: newMemStore(a, b, c, d), reads: map[int64]int{},
		fail: map[int64]error{1: errors.New("database is locked")}}
	st.docs[2] = &tracker.Document{ID: 2, Items: []tracker.Item{{Number: 2, Question: "Hoeveel plaatsen zijn er?"}}}
	var log bytes.Buffer
	rec := &recorder{}
	r := &Reminders{Store: st, Notifier: rec, Log: slog.New(slog.NewTextHandler(&log, nil))}

	sent, err := r.Run(context.Background(), day)
	if err != nil || len(sent) != 4 || len(rec.got) != 4 {
		t.Fatalf("Run = %d fates, %d sent, %v; want all 4 sent", len(sent), len(rec.got), err)
	}
	for id, n := range st.reads {
		if n != 1 {
			t.Errorf("document %d read %d times, want once", id, n)
		}
	}
	if len(st.reads) != 3 {
		t.Errorf("documents read: %v, want 1, 2 and 3", st.reads)
	}
	if strings.Contains(rec.got[0].Text, "Hoeveel") || !strings.Contains(rec.got[2].Text, "Hoeveel plaatsen zijn er?") {
		t.Errorf("question text in the wrong reminders:\n%s\n---\n%s", rec.got[0].Text, rec.got[2].Text)
	}
	l := log.String()
	if n := strings.Count(l, "reminder without question text"); n != 2 {
		t.Errorf("logged %d store errors, want 2 (the reminders of document 1):\n%s", n, l)
	}
	if !strings.Contains(l, `msg="reminder run" sent=4 already=0 failed=0 without_question=3`) {
		t.Errorf("run log lacks the count of reminders without question text:\n%s", l)
	}
}
