package slack

import (
	"context"
	"fmt"
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/pqtrack/pqtrack/notify"
	"github.com/pqtrack/pqtrack/tracker"
	"github.com/pqtrack/pqtrack/tracker/sqlite"
)

func (f *fakeSlack) setLate(fn func()) {
	f.mu.Lock()
	f.late = fn
	f.mu.Unlock()
}

// byKey counts the posts per send-log key.
func (f *fakeSlack) byKey() map[string]int {
	n := map[string]int{}
	for _, p := range f.got() {
		n[p.Key]++
	}
	return n
}

// TestOverlappingRuns runs two and three reminder runs at once, each with
// its own database handle on one file (as separate processes have), against
// a Slack that answers after 0.1 s: every reminder is posted exactly once.
func TestOverlappingRuns(t *testing.T) {
	const reminders = 9
	for _, runs := range []int{2, 3} {
		t.Run(fmt.Sprint(runs), func(t *testing.T) {
			path := openDB(t, reminders).Path()
			srv := newFakeSlack(t)
			srv.setLate(func() { time.Sleep(100 * time.Millisecond) })
			var wg sync.Mutex
			var done sync.WaitGroup
			fates := map[string]int{}
			for i := range runs {
				db, err := sqlite.Open(path)
				if err != nil {
					t.Fatal(err)
				}
				defer db.Close()
				r := &notify.Reminders{Store: db, Notifier: NewBot("xoxb-t", "C123", srv.GetAPIURL(), nil), Log: quiet(),
					Owner: fmt.Sprintf("run%d", i)}
				done.Add(1)
				go func() {
					defer done.Done()
					sent, err := r.Run(context.Background(), tracker.Day(2023, 2, 14))
					if err != nil {
						t.Error(err)
					}
					wg.Lock()
					defer wg.Unlock()
					for _, s := range sent {
						switch {
						case s.Busy:
							fates["busy"]++
						case s.Already:
							fates["already"]++
						default:
							fates["sent"]++
						}
					}
				}()
			}
			done.Wait()
			posts := srv.byKey()
			if len(posts) != reminders {
				t.Errorf("%d reminders posted, want %d: %v", len(posts), reminders, posts)
			}
			for k, n := range posts {
				if n != 1 {
					t.Errorf("%s posted %d times", k, n)
				}
			}
			if fates["sent"] != reminders {
				t.Errorf("runs report %v; want %d sent in all", fates, reminders)
			}
			t.Logf("%d runs, %d reminders: %d posts; fates %v", runs, reminders, len(srv.got()), fates)
		})
	}
}

// TestLateAnswerFoundInHistory: Slack records the post but answers after
// the client gave up. The run fails; the next run finds the message in the
// channel's history by its key and does not post it again.
func TestLateAnswerFoundInHistory(t *testing.T) {
	ctx := context.Background()
	db := openDB(t, 1)
	srv := newFakeSlack(t)
	release := make(chan struct{})
	srv.setLate(func() { <-release })
	defer close(release)
	r := &notify.Reminders{Store: db, Notifier: NewBot("xoxb-t", "#pq", srv.GetAPIURL(), nil), Log: quiet(),
		SendTimeout: 200 * time.Millisecond}
	day := tracker.Day(2023, 2, 14)
	if _, err := r.Run(ctx, day); err == nil {
		t.Fatal("first run: no error though the answer never came")
	}
	srv.setLate(nil)
	sent, err := r.Run(ctx, day)
	if err != nil || len(sent) != 1 || !sent[0].Already {
		t.Fatalf("second run: %+v, %v; want the reminder found, not sent", sent, err)
	}
	if n := len(srv.got()); n != 1 {
		t.Errorf("%d posts, want 1", n)
	}
	if srv.histories == 0 {
		t.Error("the channel history was not read")
	}
	if ok, _ := db.WasSent(ctx, sent[0].FollowUp.ReminderKey()); !ok {
		t.Error("the reminder found in the channel is not in the send log")
	}
	if sent, err := r.Run(ctx, day); err != nil || len(sent) != 0 || len(srv.got()) != 1 {
		t.Errorf("third run: %+v, %v, %d posts; want nothing", sent, err, len(srv.got()))
	}
}

// A webhook cannot read the channel: after a late answer the message is
// posted again. This is the documented limit of webhooks.
func TestLateAnswerWebhookPostsAgain(t *testing.T) {
	ctx := context.Background()
	db := openDB(t, 1)
	srv := newFakeSlack(t)
	release := make(chan struct{})
	srv.setLate(func() { <-release })
	defer close(release)
	r := &notify.Reminders{Store: db, Notifier: NewWebhook(srv.webhookURL(), nil), Log: quiet(), SendTimeout: 200 * time.Millisecond}
	day := tracker.Day(2023, 2, 14)
	if _, err := r.Run(ctx, day); err == nil {
		t.Fatal("first run: no error")
	}
	srv.setLate(nil)
	if _, err := r.Run(ctx, day); err != nil {
		t.Fatal(err)
	}
	if n := len(srv.got()); n != 2 {
		t.Errorf("%d posts through the webhook, want 2 (no history to look in)", n)
	}
}

// A run that died holding a claim keeps others off until its lease ends;
// then the next run takes the reminder over and sends it once.
func TestDeadOwnerTakenOver(t *testing.T) {
	ctx := context.Background()
	db := openDB(t, 1)
	srv := newFakeSlack(t)
	day := tracker.Day(2023, 2, 14)
	due, err := db.ReminderDue(ctx, day)
	if err != nil || len(due) != 1 {
		t.Fatal(due, err)
	}
	if _, err := db.Claim(ctx, due[0].ReminderKey(), "dead", time.Now(), 500*time.Millisecond); err != nil {
		t.Fatal(err)
	}
	r := &notify.Reminders{Store: db, Notifier: NewBot("xoxb-t", "C123", srv.GetAPIURL(), nil), Log: quiet()}
	sent, err := r.Run(ctx, day)
	if err != nil || len(sent) != 1 || !sent[0].Busy || len(srv.got()) != 0 {
		t.Fatalf("run during the lease: %+v, %v, %d posts; want it left to the holder", sent, err, len(srv.got()))
	}
	time.Sleep(600 * time.Millisecond)
	sent, err = r.Run(ctx, day)
	if err != nil || len(sent) != 1 || sent[0].Busy || sent[0].Already || len(srv.got()) != 1 {
		t.Fatalf("run after the lease: %+v, %v, %d posts; want it sent once", sent, err, len(srv.got()))
	}
}

// TestDigestRetriedWithinWeek: Slack fails at Monday's digest and at the
// first retry; a later retry of the same week sends it once; the week after,
// the old digest is not sent.
func TestDigestRetriedWithinWeek(t *testing.T) {
	ctx := context.Background()
	loc, err := time.LoadLocation("Europe/Brussels")
	if err != nil {
		t.Skip(err)
	}
	db := openDB(t, 1)
	srv := newFakeSlack(t)
	srv.setFail(func(w http.ResponseWriter, r *http.Request) bool {
		w.WriteHeader(http.StatusServiceUnavailable)
		return true
	})
	sched, err := notify.ParseSpec(notify.DefaultDigestSpec, loc)
	if err != nil {
		t.Fatal(err)
	}
	d := &notify.Digests{Store: db, Log: db, Notifier: NewBot("xoxb-t", "C123", srv.GetAPIURL(), nil), Loc: loc, Logger: quiet()}
	at := func(day, hour int) time.Time { return time.Date(2023, 2, day, hour, 0, 0, 0, loc) } // 13 February 2023 is a Monday
	if err := d.Run(ctx, at(13, 8)); err == nil {
		t.Fatal("Monday's digest: no error while Slack fails")
	}
	if err := d.Retry(ctx, at(13, 9), sched); err == nil {
		t.Fatal("retry while Slack fails: no error")
	}
	srv.setFail(nil)
	steps := []struct {
		when  time.Time
		posts int
	}{
		{at(14, 10), 1}, // Tuesday: recovered, sent
		{at(14, 11), 1}, // sent already
		{at(20, 7), 1},  // next Monday before 08:00: W07 is over, W08 not due yet
	}
	for _, s := range steps {
		if err := d.Retry(ctx, s.when, sched); err != nil {
			t.Fatalf("retry at %s: %v", s.when, err)
		}
		if n := len(srv.got()); n != s.posts {
			t.Errorf("after the retry at %s: %d posts, want %d", s.when, n, s.posts)
		}
	}
	if ok, _ := db.WasSent(ctx, tracker.DigestKey(2023, 7)); !ok {
		t.Error("digest 2023-W07 not logged")
	}
	if ok, _ := db.WasSent(ctx, tracker.DigestKey(2023, 8)); ok {
		t.Error("digest 2023-W08 sent before its time")
	}
}
