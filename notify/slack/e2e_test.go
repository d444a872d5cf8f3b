package slack

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/pqtrack/pqtrack/notify"
	"github.com/pqtrack/pqtrack/tracker"
	"github.com/pqtrack/pqtrack/tracker/sqlite"
	"github.com/robfig/cron/v3"
)

// openDB returns a store in a temporary directory holding one answer with
// n promises, all for 14 February 2023.
func openDB(t testing.TB, n int) *sqlite.DB {
	t.Helper()
	db, err := sqlite.Open(filepath.Join(t.TempDir(), "pqtrack.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	doc := &tracker.Document{File: "test.txt", Kind: tracker.KindAnswer, Title: "Vraag over kinderopvang",
		Parliament: "Vlaams Parlement", Number: "nr. 342", Minister: "Crevits", Date: tracker.Day(2023, 1, 10),
		Text: "vraag en antwoord"}
	for i := 1; i <= n; i++ {
		sentence := "De cijfers worden tegen 14 februari 2023 bezorgd."
		doc.Items = append(doc.Items, tracker.Item{
			Number: i, Question: "Hoeveel plaatsen zijn er?", Answer: sentence, Status: tracker.Pending,
			Promises: []tracker.Promise{{Date: tracker.Day(2023, 2, 14), Precision: tracker.PrecisionDay,
				Evidence: tracker.Evidence{Rule: "test", Start: 0, End: len(sentence), Text: sentence}}},
		})
	}
	if _, err := db.Ingest(context.Background(), doc, time.Date(2023, 1, 11, 9, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	return db
}

func quiet() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }

func TestRemindWithSQLite(t *testing.T) {
	ctx := context.Background()
	db := openDB(t, 1)
	srv := newFakeSlack(t)
	r := &notify.Reminders{Store: db, Notifier: NewBot("xoxb-t", "#pq", srv.GetAPIURL(), nil), Log: quiet()}

	if sent, err := r.Run(ctx, tracker.Day(2023, 2, 13)); err != nil || len(sent) != 0 {
		t.Fatalf("13 February: %+v, %v; want nothing", sent, err)
	}
	sent, err := r.Run(ctx, tracker.Day(2023, 2, 14))
	if err != nil || len(sent) != 1 || sent[0].Already {
		t.Fatalf("14 February: %+v, %v; want one sent", sent, err)
	}
	if ok, _ := db.WasSent(ctx, sent[0].FollowUp.ReminderKey()); !ok {
		t.Error("reminder not in the send log")
	}
	sent, err = r.Run(ctx, tracker.Day(2023, 2, 14))
	if err != nil || len(sent) != 0 {
		t.Fatalf("14 February again: %+v, %v; want nothing left to send", sent, err)
	}
	posts := srv.got()
	if len(posts) != 1 {
		t.Fatalf("%d posts, want 1", len(posts))
	}
	for _, w := range []string{"Vraag 1: Hoeveel plaatsen zijn er?", "> De cijfers worden tegen 14 februari 2023 bezorgd.",
		"Beloofd: 14 februari 2023", "Document: Vraag over kinderopvang", "Minister: Crevits", "pqtrack check "} {
		if !strings.Contains(posts[0].Text, w) {
			t.Errorf("posted text lacks %q:\n%s", w, posts[0].Text)
		}
	}
}

// TestSlackFailsThenRecovers: Slack times out, then answers 500, then 429
// with Retry-After: 1, then accepts. Every reminder arrives exactly once.
func TestSlackFailsThenRecovers(t *testing.T) {
	ctx := context.Background()
	db := openDB(t, 3)
	srv := newFakeSlack(t)
	r := &notify.Reminders{Store: db, Notifier: NewBot("xoxb-t", "#pq", srv.GetAPIURL(), nil), Log: quiet(),
		SendTimeout: 300 * time.Millisecond, MaxWait: 2 * time.Second}
	now := tracker.Day(2023, 2, 14)
	var calls atomic.Int32

	release := make(chan struct{})
	srv.setFail(func(w http.ResponseWriter, r *http.Request) bool {
		calls.Add(1)
		<-release // longer than the client waits
		return true
	})
	if _, err := r.Run(ctx, now); err == nil {
		t.Error("run while Slack hangs: no error")
	}
	close(release)
	srv.setFail(func(w http.ResponseWriter, r *http.Request) bool {
		calls.Add(1)
		w.WriteHeader(http.StatusInternalServerError)
		return true
	})
	if _, err := r.Run(ctx, now); err == nil {
		t.Error("run while Slack fails: no error")
	}
	var limited atomic.Bool
	srv.setFail(func(w http.ResponseWriter, r *http.Request) bool {
		calls.Add(1)
		if limited.CompareAndSwap(false, true) {
			w.Header().Set("Retry-After", "1")
			w.WriteHeader(http.StatusTooManyRequests)
			return true
		}
		return false
	})
	start := time.Now()
	sent, err := r.Run(ctx, now)
	if err != nil || len(sent) != 3 {
		t.Fatalf("run after recovery: %d, %v", len(sent), err)
	}
	if d := time.Since(start); d < time.Second {
		t.Errorf("rate limit not waited out: run took %s", d)
	}
	if _, err := r.Run(ctx, now); err != nil {
		t.Fatal(err)
	}
	seen := map[string]int{}
	for _, p := range srv.got() {
		seen[p.Blocks[0]["text"].(map[string]any)["text"].(string)]++
	}
	if len(seen) != 3 {
		t.Errorf("delivered %v, want 3 reminders", seen)
	}
	for title, n := range seen {
		if n != 1 {
			t.Errorf("%q delivered %d times", title, n)
		}
	}
	if c := calls.Load(); c < 3+3+4 {
		t.Errorf("%d calls to Slack; want the failing runs to have tried", c)
	}
}

// TestCronDeliversReminder runs the real scheduler every second: once the
// follow-up falls due, the next tick sends it.
func TestCronDeliversReminder(t *testing.T) {
	loc, err := time.LoadLocation("Europe/Brussels")
	if err != nil {
		t.Skip(err)
	}
	db := openDB(t, 1)
	srv := newFakeSlack(t)
	everySecond, err := cron.NewParser(cron.Second | cron.Minute | cron.Hour | cron.Dom | cron.Month | cron.Dow).Parse("* * * * * *")
	if err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	today := time.Date(2023, 2, 13, 9, 0, 0, 0, loc)
	rem := &notify.Reminders{Store: db, Notifier: NewBot("xoxb-t", "#pq", srv.GetAPIURL(), nil), Log: quiet()}
	svc := &notify.Service{Runs: db, Loc: loc, Log: quiet(),
		Now: func() time.Time { mu.Lock(); defer mu.Unlock(); return today },
		Jobs: []notify.Job{{Name: "remind", Schedule: everySecond, Run: func(ctx context.Context, now time.Time) error {
			_, err := rem.Run(ctx, now)
			return err
		}}},
	}
	if err := svc.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	defer svc.Stop()
	if n := len(srv.got()); n != 0 {
		t.Fatalf("%d posts before the due date", n)
	}
	mu.Lock()
	today = today.AddDate(0, 0, 1)
	mu.Unlock()
	deadline := time.Now().Add(5 * time.Second)
	for len(srv.got()) == 0 && time.Now().Before(deadline) {
		time.Sleep(50 * time.Millisecond)
	}
	time.Sleep(1200 * time.Millisecond) // another tick or two: still one
	if n := len(srv.got()); n != 1 {
		t.Fatalf("%d posts, want 1 from the scheduler", n)
	}
	last, _ := db.LastRun(context.Background(), "remind")
	if last.IsZero() {
		t.Error("last run not recorded")
	}
}
