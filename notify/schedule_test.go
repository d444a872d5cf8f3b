package notify

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/pqtrack/pqtrack/tracker"
)

func brussels(t *testing.T) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation("Europe/Brussels")
	if err != nil {
		t.Skip("no zone data:", err)
	}
	return loc
}

func TestParseSpec(t *testing.T) {
	loc := brussels(t)
	tests := []struct {
		spec string
		ok   bool
	}{
		{DefaultRemindSpec, true},
		{DefaultDigestSpec, true},
		{"CRON_TZ=Europe/Amsterdam 30 7 * * *", true},
		{"@weekly", true},
		{"", false},
		{"0 8 * *", false},      // four fields
		{"* * * * * *", false},  // seconds not accepted
		{"61 8 * * *", false},   // minute out of range
		{"0 8 * * 8", false},    // weekday out of range
		{"0 8 * * mon-", false}, // broken range
		{"CRON_TZ=Mars/Olympus 0 8 * * *", false},
		{"TZ=0", false},                    // panics inside cron's parser
		{"CRON_TZ=Europe/Brussels", false}, // panics inside cron's parser
		{"@fortnightly", false},
	}
	for _, tt := range tests {
		s, err := ParseSpec(tt.spec, loc)
		if tt.ok != (err == nil) {
			t.Errorf("ParseSpec(%q) = %v, want ok %v", tt.spec, err, tt.ok)
		}
		if err != nil && !errors.Is(err, tracker.ErrInvalid) {
			t.Errorf("ParseSpec(%q) error %v is not ErrInvalid", tt.spec, err)
		}
		if err == nil && s == nil {
			t.Errorf("ParseSpec(%q): nil schedule", tt.spec)
		}
	}
}

func TestScheduleNext(t *testing.T) {
	loc := brussels(t)
	at := func(y int, m time.Month, d, h, min int) time.Time { return time.Date(y, m, d, h, min, 0, 0, loc) }
	tests := []struct {
		spec string
		from time.Time
		want time.Time
	}{
		// Weekdays 08:00: Friday evening to Monday morning.
		{DefaultRemindSpec, at(2023, 2, 10, 18, 0), at(2023, 2, 13, 8, 0)},
		{DefaultRemindSpec, at(2023, 2, 13, 8, 0), at(2023, 2, 14, 8, 0)},
		// Across the spring change (26 March 2023, 02:00 -> 03:00): still 08:00 local.
		{DefaultRemindSpec, at(2023, 3, 24, 9, 0), at(2023, 3, 27, 8, 0)},
		{DefaultDigestSpec, at(2023, 3, 20, 9, 0), at(2023, 3, 27, 8, 0)},
		// Across the autumn change (29 October 2023, 03:00 -> 02:00).
		{DefaultDigestSpec, at(2023, 10, 23, 9, 0), at(2023, 10, 30, 8, 0)},
		// A last run read back from the store in UTC: Next works in Brussels.
		{DefaultDigestSpec, at(2023, 2, 6, 8, 0).UTC(), at(2023, 2, 13, 8, 0)},
	}
	for _, tt := range tests {
		s, err := ParseSpec(tt.spec, loc)
		if err != nil {
			t.Fatal(err)
		}
		if got := s.Next(tt.from); !got.Equal(tt.want) {
			t.Errorf("%q Next(%s) = %s, want %s", tt.spec, tt.from, got, tt.want)
		}
	}
	// Hourly over both DST nights: no run between 02:00 and 03:00 in
	// spring (the hour does not exist), two in autumn (it happens twice).
	// That is why no pqtrack job may be scheduled in that hour.
	hourly, _ := ParseSpec("0 * * * *", loc)
	count := func(from, to time.Time) map[int]int {
		n := map[int]int{}
		for t := hourly.Next(from); t.Before(to); t = hourly.Next(t) {
			n[t.In(loc).Hour()]++
		}
		return n
	}
	if n := count(at(2023, 3, 26, 0, 30), at(2023, 3, 26, 5, 0)); n[2] != 0 || n[1] != 1 || n[3] != 1 {
		t.Errorf("spring night runs per hour = %v, want none at 2", n)
	}
	if n := count(at(2023, 10, 29, 0, 30), at(2023, 10, 29, 5, 0)); n[2] != 2 || n[1] != 1 || n[3] != 1 {
		t.Errorf("autumn night runs per hour = %v, want two at 2", n)
	}
	// The defaults stay out of the 02:00-03:00 hour all year.
	for _, spec := range []string{DefaultRemindSpec, DefaultDigestSpec} {
		s, _ := ParseSpec(spec, loc)
		for t0 := s.Next(at(2023, 1, 1, 0, 0)); t0.Year() == 2023; t0 = s.Next(t0) {
			if h := t0.In(loc).Hour(); h == 2 {
				t.Errorf("%q runs at %s", spec, t0)
			}
		}
	}
}

// clock is a settable clock for the service.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) Now() time.Time  { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) Set(t time.Time) { c.mu.Lock(); c.t = t; c.mu.Unlock() }
func quiet() *slog.Logger        { return slog.New(slog.NewTextHandler(io.Discard, nil)) }

func testJobs(t *testing.T, st *memStore, n Notifier, loc *time.Location) []Job {
	rs, _ := ParseSpec(DefaultRemindSpec, loc)
	ds, _ := ParseSpec(DefaultDigestSpec, loc)
	rem := &Reminders{Store: st, Notifier: n}
	dig := &Digests{Store: st, Log: st, Notifier: n, Loc: loc}
	return []Job{
		{Name: "remind", Schedule: rs, CatchUp: Sweep, Run: func(ctx context.Context, now time.Time) error {
			_, err := rem.Run(ctx, now)
			return err
		}},
		{Name: "digest", Schedule: ds, CatchUp: Missed, Run: dig.Run},
	}
}

// TestServiceRestart starts, stops and restarts the service over a due
// date: the reminder goes out exactly once, at the first start after it
// fell due; the digest once per week.
func TestServiceRestart(t *testing.T) {
	loc := brussels(t)
	st := newMemStore(promise(1, tracker.Day(2023, 2, 14)))
	rec := &recorder{}
	clk := &clock{}
	start := func(now time.Time) {
		clk.Set(now)
		svc := &Service{Jobs: testJobs(t, st, rec, loc), Runs: st, Loc: loc, Now: clk.Now, Log: quiet()}
		if err := svc.Start(context.Background()); err != nil {
			t.Fatal(err)
		}
		svc.Stop()
	}
	reminders := func() (n int) {
		for _, k := range rec.keys() {
			if k == "reminder:1:2023-02-14" {
				n++
			}
		}
		return n
	}
	start(time.Date(2023, 2, 13, 9, 0, 0, 0, loc)) // Monday: first start, digest W07 goes out
	if n := reminders(); n != 0 {
		t.Fatalf("before the due date: %d reminders", n)
	}
	start(time.Date(2023, 2, 15, 10, 0, 0, 0, loc)) // down over the due date
	if n := reminders(); n != 1 {
		t.Fatalf("after downtime over the due date: %d reminders, want 1", n)
	}
	start(time.Date(2023, 2, 15, 10, 5, 0, 0, loc))
	if n := reminders(); n != 1 {
		t.Fatalf("after another restart: %d reminders, want 1", n)
	}
	start(time.Date(2023, 2, 21, 10, 0, 0, 0, loc)) // missed Monday 20 February 08:00
	want := []string{"digest:2023-W07", "reminder:1:2023-02-14", "digest:2023-W08"}
	if diff := cmp.Diff(want, rec.keys()); diff != "" {
		t.Errorf("sent (-want +got):\n%s", diff)
	}
}

func TestServiceStopFinishesInFlight(t *testing.T) {
	loc := brussels(t)
	st := newMemStore(promise(1, tracker.Day(2023, 2, 14)), promise(2, tracker.Day(2023, 2, 14)))
	started := make(chan struct{}, 1) // buffered: the first send never waits for the receiver
	release := make(chan struct{})
	slow := notifierFunc(func(ctx context.Context, m Message) error {
		select {
		case started <- struct{}{}:
		default:
		}
		<-release
		return ctx.Err() // a send cut short by the stop would fail here
	})
	rs, _ := ParseSpec(DefaultRemindSpec, loc)
	rem := &Reminders{Store: st, Notifier: slow}
	svc := &Service{Runs: st, Loc: loc, Log: quiet(),
		Now: func() time.Time { return time.Date(2023, 2, 14, 9, 0, 0, 0, loc) },
		Jobs: []Job{{Name: "remind", Schedule: rs, Run: func(ctx context.Context, now time.Time) error {
			_, err := rem.Run(ctx, now)
			return err
		}}}}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		svc.Start(ctx)
		svc.Stop()
		close(done)
	}()
	<-started
	cancel() // SIGTERM while the first message is in flight
	close(release)
	<-done
	if len(st.sent) != 1 {
		t.Errorf("logged %v, want the message in flight only", st.sent)
	}
}

type notifierFunc func(context.Context, Message) error

func (f notifierFunc) Notify(ctx context.Context, m Message) error { return f(ctx, m) }
