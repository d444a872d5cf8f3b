package main

import (
	"context"
	"io"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/pqtrack/pqtrack/notify"
	"github.com/pqtrack/pqtrack/notify/slack"
	"github.com/pqtrack/pqtrack/tracker/sqlite"
)

func TestDigestCommand(t *testing.T) {
	db := promiseDB(t)
	tests := []struct {
		args []string
		code int
		want []string
	}{
		{[]string{"--week", "2023-W07"}, 0, []string{"Weekoverzicht 2023-W07", "== Crevits ==", "Te doen deze week:", "#1 Vraag over kinderopvang"}},
		{[]string{"--now", "2023-02-22", "--lang", "en", "--format", "md"}, 0, []string{"# Weekly digest 2023-W08", "### Overdue"}},
		{[]string{"--week", "2023-W07", "--format", "html"}, 0, []string{"<!DOCTYPE html>", "<h2>Crevits</h2>"}},
		{[]string{"--week", "2023-W99"}, 2, nil},
		{[]string{"--format", "pdf"}, 2, nil},
		// Without Slack the terminal shows a preview, every time: nothing is logged as sent.
		{[]string{"--week", "2023-W07", "--format", "slack"}, 0, []string{"Weekoverzicht 2023-W07 getoond, niet verstuurd (Slack is niet ingesteld)", "Weekoverzicht 2023-W07 (13 februari"}},
		{[]string{"--week", "2023-W07", "--format", "slack"}, 0, []string{"Weekoverzicht 2023-W07 getoond, niet verstuurd", "Weekoverzicht 2023-W07 (13 februari"}},
		{[]string{"--week", "2023-W07", "--format", "slack", "--lang", "en"}, 0, []string{"Weekly digest 2023-W07 shown, not sent (Slack is not configured)"}},
		{[]string{"--week", "2023-W07", "--lang", "xx"}, 2, nil},
		{[]string{"--week", "2023-W07", "stray"}, 2, nil},
	}
	for _, tt := range tests {
		e, out, errb := testEnv(map[string]string{"PQTRACK_DB": db})
		code := run(e, append([]string{"digest"}, tt.args...))
		if code != tt.code {
			t.Errorf("digest %v: exit %d, want %d\n%s", tt.args, code, tt.code, errb)
		}
		for _, w := range tt.want {
			if !strings.Contains(out.String(), w) {
				t.Errorf("digest %v lacks %q:\n%s", tt.args, w, out)
			}
		}
	}
}

func TestServeCommand(t *testing.T) {
	db := promiseDB(t)
	e, _, errb := testEnv(map[string]string{"PQTRACK_DB": db, "PQTRACK_REMIND_SPEC": "TZ=0"})
	if code := run(e, []string{"serve"}); code != 2 || !strings.Contains(errb.String(), "--remind-spec") {
		t.Errorf("malformed spec: exit %d\n%s", code, errb)
	}

	old := serveSignals
	defer func() { serveSignals = old }()
	serveSignals = func() (context.Context, context.CancelFunc) {
		return context.WithTimeout(context.Background(), 300*time.Millisecond)
	}
	// Started long after the due date on a new database: the catch-up
	// announces the overdue follow-up in a summary, and shows the digest
	// (never run). Without Slack that is a preview, so a second start shows
	// the reminder again, now as usual: nothing was logged as sent.
	for i, want := range []string{"pqtrack is gestart: 1 opvolging(en) waren al achterstallig", "catch-up: nothing missed\" job=digest"} {
		e, out, errb := testEnv(map[string]string{"PQTRACK_DB": db})
		if code := run(e, []string{"serve"}); code != 0 {
			t.Fatalf("serve: exit %d\n%s", code, errb)
		}
		if !strings.Contains(out.String()+errb.String(), want) {
			t.Errorf("start %d lacks %q:\n%s\n%s", i+1, want, out, errb)
		}
		if i == 1 && !strings.Contains(out.String(), "Opvolging #1") {
			t.Errorf("second start did not show the reminder again (a preview was logged as sent):\n%s", out)
		}
	}
}

// The first serve on a new database posts one summary of what was overdue,
// not one message per old follow-up; later runs remind as usual.
func TestServeFirstRunSummary(t *testing.T) {
	db := promisesDB(t, 5)
	srv := newSlackServer(t)
	old := serveSignals
	defer func() { serveSignals = old }()
	serveSignals = func() (context.Context, context.CancelFunc) {
		return context.WithTimeout(context.Background(), 300*time.Millisecond)
	}
	serve := func() {
		t.Helper()
		e, out, errb := testEnv(srv.vars(db))
		if code := run(e, []string{"serve"}); code != 0 {
			t.Fatalf("serve: exit %d\n%s%s", code, out, errb)
		}
	}
	serve()
	if n, r := srv.posts("overdue-summary"), srv.posts("reminder:"); n["overdue-summary"] != 1 || len(r) != 0 {
		t.Fatalf("first serve: summaries %v, reminders %v; want one summary, no reminder", n, r)
	}
	serve()
	if n, r := srv.posts("overdue-summary"), srv.posts("reminder:"); n["overdue-summary"] != 1 || len(r) != 0 {
		t.Errorf("second serve: summaries %v, reminders %v; want nothing new", n, r)
	}
	// A follow-up that falls due again after the first run is reminded on its own.
	e, out, errb := testEnv(map[string]string{"PQTRACK_DB": db})
	if code := run(e, []string{"redate", "2", "--to", "2023-03-01", "--note", "verschoven"}); code != 0 {
		t.Fatalf("redate: exit %d\n%s%s", code, out, errb)
	}
	serve()
	if n, r := srv.posts("overdue-summary"), srv.posts("reminder:"); n["overdue-summary"] != 1 || len(r) != 1 || r["reminder:2:2023-03-01"] != 1 {
		t.Errorf("after the redate: summaries %v, reminders %v; want the one reminder", n, r)
	}
}

// serve's retry job sends a digest that failed on Monday later in the same
// week, once.
func TestServeRetriesDigest(t *testing.T) {
	db, err := sqlite.Open(promiseDB(t))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	srv := newSlackServer(t)
	srv.refuse.Store(true)
	loc := brussels()
	cfg := serveConfig{remindSpec: notify.DefaultRemindSpec, digestSpec: notify.DefaultDigestSpec, retrySpec: notify.DefaultRetrySpec,
		loc: loc, log: slog.New(slog.NewTextHandler(io.Discard, nil))}
	jobs, err := serveJobs(cfg, db, slack.NewBot("xoxb-t", "C123", srv.GetAPIURL(), nil))
	if err != nil {
		t.Fatal(err)
	}
	job := map[string]notify.Job{}
	for _, j := range jobs {
		job[j.Name] = j
	}
	ctx := context.Background()
	monday := time.Date(2023, 2, 13, 8, 0, 0, 0, loc)
	if err := job["digest"].Run(ctx, monday); err == nil {
		t.Fatal("digest while Slack fails: no error")
	}
	srv.refuse.Store(false)
	for _, at := range []time.Time{monday.Add(15 * time.Minute), monday.Add(30 * time.Minute), monday.AddDate(0, 0, 2)} {
		if err := job["retry"].Run(ctx, at); err != nil {
			t.Fatalf("retry at %s: %v", at, err)
		}
	}
	if got := srv.posts("digest:"); len(got) != 1 || got["digest:2023-W07"] != 1 {
		t.Errorf("digests posted: %v; want 2023-W07 once", got)
	}
}
