package notify

import (
	"context"
	"errors"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/pqtrack/pqtrack/tracker"
)

func TestDue(t *testing.T) {
	d := tracker.Day
	snoozed := tracker.FollowUp{ID: 4, Due: d(2023, 2, 1), State: tracker.Snoozed, SnoozedUntil: d(2023, 2, 15)}
	fs := []tracker.FollowUp{
		{ID: 1, Due: d(2023, 2, 14), State: tracker.Open},
		{ID: 2, Due: d(2023, 2, 13), State: tracker.Open},
		{ID: 3, Due: d(2023, 2, 1), State: tracker.Done},
		snoozed,
		{ID: 5, Due: d(2023, 2, 15), State: tracker.Open},
	}
	brussels, _ := time.LoadLocation("Europe/Brussels")
	tests := []struct {
		now  time.Time
		want []int64
	}{
		{time.Date(2023, 2, 12, 23, 0, 0, 0, brussels), nil},
		{time.Date(2023, 2, 13, 8, 0, 0, 0, brussels), []int64{2}},
		// 00:30 in Brussels is still 13 February in UTC: the day is Brussels'.
		{time.Date(2023, 2, 14, 0, 30, 0, 0, brussels), []int64{1, 2}},
		{time.Date(2023, 2, 15, 8, 0, 0, 0, brussels), []int64{1, 2, 4, 5}},
	}
	for _, tt := range tests {
		var got []int64
		for _, f := range Due(fs, tt.now) {
			got = append(got, f.ID)
		}
		if !cmp.Equal(got, tt.want) {
			t.Errorf("Due(%s) = %v, want %v", tt.now, got, tt.want)
		}
	}
}

func promise(id int64, due time.Time) tracker.FollowUp {
	return tracker.FollowUp{ID: id, DocumentID: 1, Document: "Vraag over kinderopvang", QuestionNumber: 2,
		Kind: tracker.FollowPromise, Due: due, Promised: due, Precision: tracker.PrecisionDay, State: tracker.Open,
		Summary: "De cijfers worden tegen 14 februari 2023 bezorgd.", Minister: "Crevits"}
}

func TestRemindersRun(t *testing.T) {
	ctx := context.Background()
	st := newMemStore(promise(1, tracker.Day(2023, 2, 14)), promise(2, tracker.Day(2023, 2, 20)))
	st.docs[1] = &tracker.Document{ID: 1, Items: []tracker.Item{{Number: 2, Question: "Hoeveel plaatsen zijn er?"}}}
	rec := &recorder{}
	r := &Reminders{Store: st, Notifier: rec}

	sent, err := r.Run(ctx, tracker.Day(2023, 2, 13))
	if err != nil || len(sent) != 0 || len(rec.got) != 0 {
		t.Fatalf("on 13 February: sent %v, %v; want nothing", sent, err)
	}
	sent, err = r.Run(ctx, tracker.Day(2023, 2, 14))
	if err != nil || len(sent) != 1 || sent[0].Already {
		t.Fatalf("on 14 February: sent %+v, %v; want one", sent, err)
	}
	if want := []string{"reminder:1:2023-02-14"}; !cmp.Equal(rec.keys(), want) {
		t.Errorf("notified %v, want %v", rec.keys(), want)
	}
	if !strings.Contains(rec.got[0].Text, "Hoeveel plaatsen zijn er?") {
		t.Errorf("reminder lacks the question from the document:\n%s", rec.got[0].Text)
	}
	sent, err = r.Run(ctx, tracker.Day(2023, 2, 14))
	if err != nil || len(sent) != 0 || len(rec.got) != 1 {
		t.Errorf("second run: %+v, %v, %d notified; want nothing new", sent, err, len(rec.got))
	}
}

func TestRemindersDryRun(t *testing.T) {
	st := newMemStore(promise(1, tracker.Day(2023, 2, 14)))
	rec := &recorder{}
	r := &Reminders{Store: st, Notifier: rec, DryRun: true}
	sent, err := r.Run(context.Background(), tracker.Day(2023, 2, 14))
	if err != nil || len(sent) != 1 || sent[0].Message.Text == "" {
		t.Fatalf("dry run = %+v, %v", sent, err)
	}
	if len(rec.got) != 0 || len(st.sent) != 0 {
		t.Errorf("dry run sent %d, logged %d; want nothing", len(rec.got), len(st.sent))
	}
}

func TestRemindersFailureRetriedNextRun(t *testing.T) {
	ctx := context.Background()
	st := newMemStore(promise(1, tracker.Day(2023, 2, 14)), promise(2, tracker.Day(2023, 2, 14)))
	boom := errors.New("slack server error: 500")
	rec := &recorder{fail: []error{boom}}
	r := &Reminders{Store: st, Notifier: rec}
	sent, err := r.Run(ctx, tracker.Day(2023, 2, 14))
	if err == nil || len(sent) != 2 || !errors.Is(sent[0].Err, boom) || sent[1].Err != nil {
		t.Fatalf("first run = %+v, %v; want #1 failed, #2 sent, an error", sent, err)
	}
	if _, ok := st.sent["reminder:1:2023-02-14"]; ok {
		t.Error("failed reminder logged as sent")
	}
	if _, err := r.Run(ctx, tracker.Day(2023, 2, 14)); err != nil {
		t.Fatalf("second run: %v", err)
	}
	want := []string{"reminder:2:2023-02-14", "reminder:1:2023-02-14"}
	if !cmp.Equal(rec.keys(), want) {
		t.Errorf("notified %v, want %v (each once)", rec.keys(), want)
	}
}

func TestRetryRateLimit(t *testing.T) {
	rec := &recorder{fail: []error{&RateLimitError{RetryAfter: time.Millisecond}, &RateLimitError{RetryAfter: time.Millisecond}}}
	start := time.Now()
	// maxWait bounds the wait below Retry-After's one-second floor.
	if err := Retry(context.Background(), rec, Message{Key: "k"}, 3, 10*time.Millisecond, time.Second); err != nil {
		t.Fatalf("Retry = %v", err)
	}
	if len(rec.got) != 1 || time.Since(start) > 5*time.Second {
		t.Errorf("got %d messages in %s", len(rec.got), time.Since(start))
	}
	rec = &recorder{fail: []error{&RateLimitError{RetryAfter: time.Hour}}}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	// A stop cuts the wait short.
	if err := Retry(ctx, rec, Message{}, 3, time.Hour, time.Second); err == nil {
		t.Error("Retry while stopping = nil, want the rate limit error")
	}
	rec = &recorder{fail: []error{&RateLimitError{}, &RateLimitError{}}}
	if err := Retry(context.Background(), rec, Message{}, 2, time.Millisecond, time.Second); err == nil {
		t.Error("Retry after all tries = nil, want error")
	}
}

// A failed send is logged at WARN, a send at INFO; a Writer (the terminal)
// previews: nothing is claimed or logged as sent, so a later run with a
// real transport still sends.
func TestRemindersLogLevelsAndPreview(t *testing.T) {
	ctx := context.Background()
	st := newMemStore(promise(1, tracker.Day(2023, 2, 14)))
	var logb strings.Builder
	rec := &recorder{fail: []error{errors.New("boom")}}
	r := &Reminders{Store: st, Notifier: rec, Log: slog.New(slog.NewTextHandler(&logb, nil))}
	if _, err := r.Run(ctx, tracker.Day(2023, 2, 14)); err == nil {
		t.Fatal("failed send: no error")
	}
	if !strings.Contains(logb.String(), `level=WARN msg="reminder not sent"`) {
		t.Errorf("failed send not logged at WARN:\n%s", logb.String())
	}

	var term strings.Builder
	r = &Reminders{Store: st, Notifier: &Writer{W: &term}}
	for range 2 {
		sent, err := r.Run(ctx, tracker.Day(2023, 2, 14))
		if err != nil || len(sent) != 1 || !sent[0].Shown {
			t.Fatalf("preview: %+v, %v", sent, err)
		}
	}
	if n := strings.Count(term.String(), "Opvolging #1 is aan de beurt"); n != 2 {
		t.Errorf("shown %d times, want 2 (a preview is not logged)", n)
	}
	r = &Reminders{Store: st, Notifier: rec}
	if sent, err := r.Run(ctx, tracker.Day(2023, 2, 14)); err != nil || len(sent) != 1 || sent[0].Shown || len(rec.got) != 1 {
		t.Errorf("after the preview, Slack: %+v, %v, %d sent", sent, err, len(rec.got))
	}
}
