package main

import (
	"context"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pqtrack/pqtrack/notify"
	"github.com/pqtrack/pqtrack/notify/slack"
	"github.com/pqtrack/pqtrack/tracker"
	"github.com/pqtrack/pqtrack/tracker/sqlite"
)

// replayDB stores the filed questions of the replayed day, 3 December
// 2026, and returns the database file:
//   - vp nr. 412, sent 3 November: due 2 December (11 November is a
//     holiday), its answer is dropped in the inbox on the 3rd;
//   - tk 2026Z20001, filed 11 November: due 2 December, still unanswered;
//   - vp nr. 500, sent 20 November: on time;
//   - tk 2026Z19000, filed 5 November (due 26 November) but postponed on
//     25 November: due 16 December, on time.
func replayDB(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "pqtrack.db")
	db, err := sqlite.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	at := time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC)
	for _, q := range []tracker.FiledQuestion{
		{Parliament: tracker.VP, Ref: "vp-412", Number: "nr. 412", Title: "Lerarentekort - Cijfers", Asker: "Elke Van den Brandt",
			Minister: "Ben Weyts", Filed: tracker.Day(2026, 11, 2), Sent: tracker.Day(2026, 11, 3)},
		{Parliament: tracker.TK, Ref: "zaak-1", Number: "2026Z20001", Title: "Wachttijden jeugdzorg", Asker: "Eva de Vries",
			Minister: "staatssecretaris van VWS", Filed: tracker.Day(2026, 11, 11)},
		{Parliament: tracker.VP, Ref: "vp-500", Number: "nr. 500", Title: "Fietspaden", Asker: "Tom Claes",
			Minister: "Lydia Peeters", Sent: tracker.Day(2026, 11, 20)},
		{Parliament: tracker.TK, Ref: "zaak-2", Number: "2026Z19000", Title: "Stikstof", Asker: "Eva de Vries",
			Minister: "minister van LNV", Filed: tracker.Day(2026, 11, 5), Postponed: tracker.Day(2026, 11, 25)},
	} {
		if _, err := db.PutFiled(context.Background(), q, at); err != nil {
			t.Fatal(err)
		}
	}
	return path
}

func lateJobsFor(t *testing.T, db *sqlite.DB, srv *slackServer, inboxDir string) map[string]notify.Job {
	t.Helper()
	cfg := serveConfig{remindSpec: notify.DefaultRemindSpec, digestSpec: notify.DefaultDigestSpec, retrySpec: notify.DefaultRetrySpec,
		loc: brussels(), log: slog.New(slog.NewTextHandler(io.Discard, nil)),
		late: lateConfig{inbox: inboxDir, deadlines: tracker.DefaultDeadlines(), lateSpec: defaultLateSpec, inboxSpec: defaultInboxSpec,
			baseURL: "https://pqtrack.example", rd: &reader{maxSize: 1 << 20, pdfTimeout: 30 * time.Second}}}
	jobs, err := serveJobs(cfg, db, slack.NewBot("xoxb-t", "C123", srv.GetAPIURL(), nil))
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]notify.Job{}
	for _, j := range jobs {
		m[j.Name] = j
	}
	for _, name := range []string{"late", "late-morning", "inbox"} {
		if m[name].Run == nil {
			t.Fatalf("serve has no %s job", name)
		}
	}
	return m
}

// A replayed day: the morning run announces the two answers that became
// late, an answer dropped in the inbox is stored, matched, closes its
// late-answer follow-up and gets exactly one alert; restarts of serve
// (real cron) send nothing again.
func TestReplayedDay(t *testing.T) {
	path := replayDB(t)
	inboxDir := t.TempDir()
	srv := newSlackServer(t)
	db, err := sqlite.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	jobs := lateJobsFor(t, db, srv, inboxDir)
	ctx := context.Background()
	loc := brussels()
	at := func(h, m int) time.Time { return time.Date(2026, 12, 3, h, m, 0, 0, loc) }

	// The day before nothing is late.
	if err := jobs["late-morning"].Run(ctx, at(8, 0).AddDate(0, 0, -1)); err != nil {
		t.Fatal(err)
	}
	if n := srv.posts("late-day:"); len(n) != 0 {
		t.Fatalf("2 December: late messages %v", n)
	}
	if err := jobs["late-morning"].Run(ctx, at(8, 0)); err != nil {
		t.Fatal(err)
	}
	if err := jobs["late-morning"].Run(ctx, at(8, 5)); err != nil { // a second run that morning
		t.Fatal(err)
	}
	late := srv.posts("late-day:2026-12-03:")
	if len(late) != 1 {
		t.Fatalf("3 December: late messages %v, want one", late)
	}
	fs, err := db.FollowUps(ctx, tracker.FollowUpFilter{Kind: tracker.FollowLate})
	if err != nil || len(fs) != 2 {
		t.Fatalf("late-answer follow-ups: %d, %v; want 2", len(fs), err)
	}
	for _, f := range fs {
		if f.Due != tracker.Day(2026, 12, 2) || f.State != tracker.Open {
			t.Errorf("late follow-up %+v, want open, due 2 December", f)
		}
	}
	// The morning message announced them: no reminder of their own, nor a
	// first-run summary of them.
	if err := jobs["remind"].Run(ctx, at(8, 0)); err != nil {
		t.Fatal(err)
	}
	if r, o := srv.posts("reminder:"), srv.posts("overdue-summary"); len(r)+len(o) != 0 {
		t.Errorf("late answers reminded on their own too: %v %v", r, o)
	}

	// The office's answer arrives in the inbox at 9:59; the scan at 10:00
	// sees it, the one at 10:01 takes it.
	data, err := os.ReadFile("testdata/inbox/vp-412.txt")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(inboxDir, "antwoord 412.txt"), data, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, m := range []int{0, 1, 2} {
		if err := jobs["inbox"].Run(ctx, at(10, m)); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := os.Stat(filepath.Join(inboxDir, inboxDone, "antwoord 412.txt")); err != nil {
		t.Fatalf("the file was not moved to %s: %v", inboxDone, err)
	}
	q, err := db.Filed(ctx, tracker.VP, "vp-412")
	if err != nil || q.AnswerDocumentID == 0 || q.Answered != tracker.Day(2026, 12, 3) {
		t.Fatalf("filed question after the inbox: %+v, %v", q, err)
	}
	doc, err := db.Document(ctx, q.AnswerDocumentID)
	if err != nil || doc.Kind != tracker.KindAnswer || len(doc.Items) != 3 {
		t.Fatalf("answer document: %+v, %v", doc, err)
	}
	// Its own follow-ups: the partial answer to question 2, the promise of
	// question 3.
	own, err := db.FollowUps(ctx, tracker.FollowUpFilter{Document: q.AnswerDocumentID})
	kinds := map[tracker.FollowUpKind]int{}
	for _, f := range own {
		kinds[f.Kind]++
	}
	if err != nil || kinds[tracker.FollowPartial] != 1 || kinds[tracker.FollowPromise] != 1 {
		t.Errorf("follow-ups of the answer: %v, %v", kinds, err)
	}
	fs, _ = db.FollowUps(ctx, tracker.FollowUpFilter{Kind: tracker.FollowLate})
	var open []string
	for _, f := range fs {
		switch {
		case f.Document == "Lerarentekort - Cijfers":
			if f.State != tracker.Done || f.Outcome != tracker.Delivered {
				t.Errorf("the answered question's follow-up: %+v", f)
			}
			h, _ := db.History(ctx, f.ID)
			if len(h) != 2 || h[1].Action != "done" {
				t.Errorf("its history: %+v", h)
			}
		case f.State != tracker.Done:
			open = append(open, f.Document)
		}
	}
	if len(open) != 1 || open[0] != "Wachttijden jeugdzorg" {
		t.Errorf("late answers still open: %v", open)
	}
	if n := srv.posts("answer:"); len(n) != 1 || n["answer:vp:vp-412"] != 1 {
		t.Errorf("answer alerts: %v, want one for vp-412", n)
	}
	if err := jobs["late"].Run(ctx, at(10, 15)); err != nil {
		t.Fatal(err)
	}
	db.Close()

	// The late list, in Dutch and in English.
	e, out, errb := testEnv(map[string]string{"PQTRACK_DB": path})
	if code := run(e, []string{"late", "--now", "2026-12-03"}); code != 0 {
		t.Fatalf("late: exit %d\n%s", code, errb)
	}
	for _, want := range []string{"staatssecretaris van VWS: 1 te laat", "2026Z20001", "Wachttijden jeugdzorg", "2 december 2026", "1 dag(en)"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("late lacks %q:\n%s", want, out)
		}
	}
	for _, not := range []string{"Lerarentekort", "Fietspaden", "Stikstof"} {
		if strings.Contains(out.String(), not) {
			t.Errorf("late lists %q:\n%s", not, out)
		}
	}
	e, out, _ = testEnv(map[string]string{"PQTRACK_DB": path})
	if code := run(e, []string{"late", "--now", "2026-12-03", "--lang", "en"}); code != 0 || !strings.Contains(out.String(), "staatssecretaris van VWS: 1 late") ||
		!strings.Contains(out.String(), "DEADLINE") {
		t.Errorf("late --lang en: exit %d\n%s", code, out)
	}

	// Two restarts of serve, with the real scheduler: nothing is sent again.
	old := serveSignals
	defer func() { serveSignals = old }()
	serveSignals = func() (context.Context, context.CancelFunc) {
		return context.WithTimeout(context.Background(), 300*time.Millisecond)
	}
	for i := 0; i < 2; i++ {
		vars := srv.vars(path)
		vars["PQTRACK_INBOX"] = inboxDir
		e, out, errb := testEnv(vars)
		if code := run(e, []string{"serve"}); code != 0 {
			t.Fatalf("serve: exit %d\n%s%s", code, out, errb)
		}
		if !strings.Contains(errb.String(), "job=late") {
			t.Errorf("serve did not run the late job at start:\n%s", errb)
		}
	}
	if n := srv.posts("answer:"); len(n) != 1 || n["answer:vp:vp-412"] != 1 {
		t.Errorf("answer alerts after restarts: %v, want the one", n)
	}
	if n := srv.posts("late-day:"); len(n) != 1 {
		t.Errorf("late messages after restarts: %v, want the one", n)
	}
}

// Bad settings stop the command at once, naming the setting.
func TestLateSettings(t *testing.T) {
	path := replayDB(t)
	for _, tt := range []struct {
		args []string
		vars map[string]string
		want string
	}{
		{[]string{"late", "--vp-recess", "zomer"}, nil, "--vp-recess"},
		{[]string{"late", "--tk-weeks", "0"}, nil, "--tk-weeks"},
		{[]string{"late"}, map[string]string{"PQTRACK_VP_WORKDAYS": "twintig"}, "--vp-workdays"},
		{[]string{"serve", "--inbox", filepath.Join(t.TempDir(), "nergens")}, nil, "--inbox"},
		{[]string{"serve", "--late-spec", "elke minuut"}, nil, "--late-spec"},
	} {
		vars := map[string]string{"PQTRACK_DB": path, "PQTRACK_WEB_ADDR": "127.0.0.1:0"}
		for k, v := range tt.vars {
			vars[k] = v
		}
		e, _, errb := testEnv(vars)
		if code := run(e, tt.args); code != 2 || !strings.Contains(errb.String(), tt.want) {
			t.Errorf("%v: exit %d, want 2 naming %s:\n%s", tt.args, code, tt.want, errb)
		}
	}
	// A recess the office counts moves the Flemish deadline: with a week
	// of November skipped, nr. 412 (sent 3 November) is not late on
	// 3 December.
	e, out, errb := testEnv(map[string]string{"PQTRACK_DB": path})
	if code := run(e, []string{"late", "--now", "2026-12-03", "--vp-recess", "2026-11-16..2026-11-20"}); code != 0 {
		t.Fatalf("late: exit %d\n%s", code, errb)
	}
	if strings.Contains(out.String(), "Ben Weyts") || !strings.Contains(out.String(), "staatssecretaris van VWS: 1 te laat") {
		t.Errorf("with a recess week:\n%s", out)
	}
}
