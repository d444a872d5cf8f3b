package main

import (
	"context"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/pqtrack/pqtrack/notify"
	"github.com/pqtrack/pqtrack/tracker"
	"github.com/pqtrack/pqtrack/tracker/sqlite"
	"github.com/pqtrack/pqtrack/tracker/store"
)

// serve runs every office's jobs: each office's reminders go to its own
// channel (the default office's to serve's), each once, however often
// serve starts.
func TestServeOffices(t *testing.T) {
	path := promisesDB(t, 2)
	srv := newSlackServer(t)
	db, err := sqlite.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	groen := addGroen(t, path, db)
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
	db, err := sqlite.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	addGroen(t, path, db)
	db.Close()
	e, out, errb := testEnv(srv.vars(path))
	if code := run(e, []string{"remind", "--office", "groen", "--now", "2023-02-14"}); code != 0 {
		t.Fatalf("remind: exit %d\n%s%s", code, out, errb)
	}
	if n, m := srv.postsIn("CGROEN", "reminder:"), srv.postsIn("C123", ""); len(n) != 2 || len(m) != 0 {
		t.Errorf("groen's channel got %v, serve's %v; want groen's two reminders in groen's alone", n, m)
	}
}

// addGroen adds office groen (channel CGROEN) to the database at path with
// the command, and has it follow document 1 of db, the same database:
// follow-ups of its own. It returns groen's view of db.
func addGroen(t *testing.T, path string, db store.Full) store.Full {
	t.Helper()
	e, out, errb := testEnv(map[string]string{"PQTRACK_DB": path})
	if code := run(e, []string{"office", "add", "groen", "--name", "Kantoor Groen", "--channel", "CGROEN"}); code != 0 {
		t.Fatalf("office add: exit %d\n%s%s", code, out, errb)
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
	if res, err := groen.Ingest(ctx, doc, time.Date(2023, 1, 12, 9, 0, 0, 0, time.UTC)); err != nil || res.New == 0 {
		t.Fatalf("groen's ingest: %+v, %v", res, err)
	}
	return groen
}

// Each office reads the subfolder of serve's inbox named by its slug, the
// default office the inbox itself; an office without a subfolder has no
// inbox scan, so no two scans share a folder.
func TestOfficeInboxes(t *testing.T) {
	path := promisesDB(t, 2)
	db, err := sqlite.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	addGroen(t, path, db)
	e, out, errb := testEnv(map[string]string{"PQTRACK_DB": path})
	if code := run(e, []string{"office", "add", "rood"}); code != 0 {
		t.Fatalf("office add: exit %d\n%s%s", code, out, errb)
	}
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, "groen"), 0o755); err != nil {
		t.Fatal(err)
	}
	cfg := serveConfig{lang: notify.Dutch, loc: brussels(), log: slog.New(slog.NewTextHandler(io.Discard, nil)),
		late: lateConfig{inbox: dir}}
	var inboxes []string
	if _, _, err := officeJobs(e, cfg, db, &notify.Writer{W: io.Discard}, func(c serveConfig, _ store.Full, _ notify.Notifier) ([]notify.Job, error) {
		inboxes = append(inboxes, c.late.inbox)
		return nil, nil
	}); err != nil {
		t.Fatal(err)
	}
	want := []string{dir, filepath.Join(dir, "groen"), ""}
	if !slices.Equal(inboxes, want) {
		t.Errorf("the offices' inboxes are %q, want %q (default, groen, rood)", inboxes, want)
	}
}
