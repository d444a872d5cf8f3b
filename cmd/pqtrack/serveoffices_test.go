package main

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/pqtrack/pqtrack/tracker"
	"github.com/pqtrack/pqtrack/tracker/sqlite"
)

// serve runs every office's jobs: each office's reminders go to its own
// channel (the default office's to serve's), each once, however often
// serve starts.
func TestServeOffices(t *testing.T) {
	path := promisesDB(t, 2)
	srv := newSlackServer(t)
	e, out, errb := testEnv(map[string]string{"PQTRACK_DB": path})
	if code := run(e, []string{"office", "add", "groen", "--name", "Kantoor Groen", "--channel", "CGROEN"}); code != 0 {
		t.Fatalf("office add: exit %d\n%s%s", code, out, errb)
	}
	// Office groen follows the same answer: follow-ups of its own.
	db, err := sqlite.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	doc, err := db.Document(ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	o, err := db.OfficeBySlug(ctx, "groen")
	if err != nil {
		t.Fatal(err)
	}
	groen := db.ForOffice(o.ID)
	if res, err := groen.Ingest(ctx, doc, time.Date(2023, 1, 12, 9, 0, 0, 0, time.UTC)); err != nil || res.New != 2 {
		t.Fatalf("groen's ingest: %+v, %v", res, err)
	}
	// After a first run (the summary of what was overdue) the follow-ups
	// fall due again: one reminder each.
	for _, s := range []struct {
		db interface {
			SetLastRun(context.Context, string, time.Time) error
		}
	}{{db}, {groen}} {
		if err := s.db.SetLastRun(ctx, "remind", time.Date(2023, 1, 1, 8, 0, 0, 0, time.UTC)); err != nil {
			t.Fatal(err)
		}
	}
	fa, _ := db.FollowUps(ctx, tracker.FollowUpFilter{})
	fb, _ := groen.FollowUps(ctx, tracker.FollowUpFilter{})
	db.Close()

	old := serveSignals
	defer func() { serveSignals = old }()
	serveSignals = func() (context.Context, context.CancelFunc) {
		return context.WithTimeout(context.Background(), 400*time.Millisecond)
	}
	for i := 0; i < 2; i++ {
		e, out, errb := testEnv(srv.vars(path))
		if code := run(e, []string{"serve"}); code != 0 {
			t.Fatalf("serve %d: exit %d\n%s%s", i+1, code, out, errb)
		}
		if i == 0 && !strings.Contains(errb.String(), "job=remind@groen") {
			t.Errorf("serve's log names no job of groen:\n%s", errb)
		}
	}
	want := func(fs []tracker.FollowUp) map[string]int {
		m := map[string]int{}
		for _, f := range fs {
			m[f.ReminderKey()] = 1
		}
		return m
	}
	if got, w := srv.postsIn("C123", "reminder:"), want(fa); !equalCounts(got, w) {
		t.Errorf("serve's channel got reminders %v, want %v (the default office's, once)", got, w)
	}
	if got, w := srv.postsIn("CGROEN", "reminder:"), want(fb); !equalCounts(got, w) {
		t.Errorf("groen's channel got reminders %v, want %v (groen's, once)", got, w)
	}
}

// remind --office posts the office's reminders to the office's channel.
func TestRemindOffice(t *testing.T) {
	path := promisesDB(t, 2)
	srv := newSlackServer(t)
	e, out, errb := testEnv(map[string]string{"PQTRACK_DB": path})
	if code := run(e, []string{"office", "add", "groen", "--channel", "CGROEN"}); code != 0 {
		t.Fatalf("office add: exit %d\n%s%s", code, out, errb)
	}
	db, err := sqlite.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	doc, _ := db.Document(ctx, 1)
	o, _ := db.OfficeBySlug(ctx, "groen")
	if _, err := db.ForOffice(o.ID).Ingest(ctx, doc, time.Date(2023, 1, 12, 9, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	db.Close()
	e, out, errb = testEnv(srv.vars(path))
	if code := run(e, []string{"remind", "--office", "groen", "--now", "2023-02-14"}); code != 0 {
		t.Fatalf("remind: exit %d\n%s%s", code, out, errb)
	}
	if n, m := srv.postsIn("CGROEN", "reminder:"), srv.postsIn("C123", ""); len(n) != 2 || len(m) != 0 {
		t.Errorf("groen's channel got %v, serve's %v; want groen's two reminders in groen's alone", n, m)
	}
}
