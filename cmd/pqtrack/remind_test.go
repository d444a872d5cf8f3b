package main

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pqtrack/pqtrack/tracker"
	"github.com/pqtrack/pqtrack/tracker/sqlite"
)

// promiseDB stores one answer promising data on 14 February 2023 and
// returns the database file.
func promiseDB(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "pqtrack.db")
	db, err := sqlite.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	s := "De cijfers worden tegen 14 februari 2023 bezorgd."
	doc := &tracker.Document{File: "a.txt", Kind: tracker.KindAnswer, Title: "Vraag over kinderopvang", Number: "nr. 342",
		Minister: "Crevits", Date: tracker.Day(2023, 1, 10), Text: "tekst",
		Items: []tracker.Item{{Number: 1, Question: "Hoeveel plaatsen zijn er?", Answer: s, Status: tracker.Pending,
			Promises: []tracker.Promise{{Date: tracker.Day(2023, 2, 14), Precision: tracker.PrecisionDay, Evidence: tracker.Evidence{Text: s}}}}}}
	if _, err := db.Ingest(context.Background(), doc, time.Date(2023, 1, 11, 9, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	return path
}

func testEnv(vars map[string]string) (*env, *bytes.Buffer, *bytes.Buffer) {
	var out, errb bytes.Buffer
	return &env{stdin: strings.NewReader(""), stdout: &out, stderr: &errb,
		getenv: func(k string) string { return vars[k] }}, &out, &errb
}

func TestRemindCommand(t *testing.T) {
	db := promiseDB(t)
	e, out, errb := testEnv(nil)
	if code := run(e, []string{"remind", "--db", db, "--now", "2023-02-13"}); code != 0 || !strings.Contains(out.String(), "voorbeeld: 0 getoond, niets verstuurd (Slack is niet ingesteld)") {
		t.Fatalf("13 February: exit %d\n%s%s", code, out, errb)
	}

	e, out, _ = testEnv(map[string]string{"PQTRACK_DB": db})
	if code := run(e, []string{"remind", "--now", "2023-02-14", "--dry-run", "--lang", "en"}); code != 0 {
		t.Fatalf("dry run: exit %d", code)
	}
	if s := out.String(); !strings.Contains(s, "would send     #1 Vraag over kinderopvang, question 1 (promise, due 14 February 2023)") ||
		!strings.Contains(s, "dry run: 1 to send, 0 already sent (to standard output)") || !strings.Contains(s, "Follow-up #1 is due: promise") {
		t.Errorf("dry run output:\n%s", s)
	}

	// No Slack configured: the reminder is shown on the terminal, as a
	// preview, twice: nothing is logged as sent, and no log line mixes in.
	for range 2 {
		e, out, errb = testEnv(map[string]string{"PQTRACK_DB": db})
		if code := run(e, []string{"remind", "--now", "2023-02-14"}); code != 0 {
			t.Fatalf("14 February: exit %d", code)
		}
		for _, w := range []string{"Opvolging #1 is aan de beurt: belofte", "> De cijfers worden tegen", "Vraag 1: Hoeveel plaatsen zijn er?",
			"pqtrack check 1", "getoond        #1 Vraag over kinderopvang, vraag 1 (belofte, vervaldag 14 februari 2023)",
			"voorbeeld: 1 getoond, niets verstuurd (Slack is niet ingesteld)"} {
			if !strings.Contains(out.String(), w) {
				t.Errorf("output lacks %q:\n%s", w, out)
			}
		}
		if errb.Len() > 0 {
			t.Errorf("log lines on stderr:\n%s", errb)
		}
	}
	// Once Slack is set up, the reminder the terminal showed is posted, once.
	h := &hook{}
	srv := httptest.NewServer(h)
	defer srv.Close()
	for i := range 2 {
		e, out, errb = testEnv(map[string]string{"PQTRACK_DB": db, "SLACK_WEBHOOK_URL": srv.URL})
		if code := run(e, []string{"remind", "--now", "2023-02-14"}); code != 0 {
			t.Fatalf("with Slack: exit %d\n%s%s", code, out, errb)
		}
		if want := []string{"1 verstuurd, 0 al verstuurd", "0 verstuurd, 0 al verstuurd"}[i]; !strings.Contains(out.String(), want) || len(h.accepted) != 1 {
			t.Errorf("with Slack, run %d: %d posted, want 1; output lacks %q:\n%s", i+1, len(h.accepted), want, out)
		}
	}
}

func TestRemindCommandFailedSend(t *testing.T) {
	db := promiseDB(t)
	slack := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusBadGateway)
	}))
	defer slack.Close()
	url := slack.URL + "/services/T0/B0/sekrit"
	file := filepath.Join(t.TempDir(), "hook")
	os.WriteFile(file, []byte(url+"\n"), 0o600)
	e, out, errb := testEnv(map[string]string{"PQTRACK_DB": db, "SLACK_WEBHOOK_URL_FILE": file})
	if code := run(e, []string{"remind", "--now", "2023-02-14"}); code != 1 {
		t.Errorf("exit %d, want 1\n%s%s", code, out, errb)
	}
	if all := out.String() + errb.String(); strings.Contains(all, "sekrit") || !strings.Contains(all, "MISLUKT        #1") {
		t.Errorf("output holds the secret or no failure:\n%s", all)
	}
	if !strings.Contains(errb.String(), "pqtrack remind: 1 herinnering(en) niet verstuurd; de volgende run probeert opnieuw") ||
		strings.Contains(errb.String(), "retried at the next run") {
		t.Errorf("exit line not in Dutch: %q", errb.String())
	}
	// Not logged: the next run tries again.
	h := &hook{}
	ok := httptest.NewServer(h)
	defer ok.Close()
	e, out, _ = testEnv(map[string]string{"PQTRACK_DB": db, "SLACK_WEBHOOK_URL": ok.URL})
	run(e, []string{"remind", "--now", "2023-02-14"})
	if !strings.Contains(out.String(), "1 verstuurd") || len(h.accepted) != 1 {
		t.Errorf("retry:\n%s", out)
	}
}

func TestNewNotifier(t *testing.T) {
	tests := []struct {
		vars  map[string]string
		where string
		bad   bool
	}{
		{nil, "standard output", false},
		{map[string]string{"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_CHANNEL": "#pq"}, "slack channel #pq", false},
		{map[string]string{"SLACK_BOT_TOKEN": "xoxb-1"}, "", true},
		{map[string]string{"SLACK_WEBHOOK_URL": "https://hooks.slack.com/services/x"}, "slack webhook", false},
		{map[string]string{"SLACK_BOT_TOKEN_FILE": "/nonexistent/token"}, "", true},
	}
	for _, tt := range tests {
		e, _, _ := testEnv(tt.vars)
		_, where, err := newNotifier(e)
		if (err != nil) != tt.bad || where != tt.where {
			t.Errorf("newNotifier(%v) = %q, %v", tt.vars, where, err)
		}
		if err != nil && strings.Contains(err.Error(), "xoxb") {
			t.Errorf("error holds the token: %v", err)
		}
	}
}

func TestRemindCommandEnglish(t *testing.T) {
	db := promiseDB(t)
	e, out, errb := testEnv(map[string]string{"PQTRACK_DB": db, "PQTRACK_LANG": "en"})
	if code := run(e, []string{"remind", "--now", "2023-02-14"}); code != 0 {
		t.Fatalf("exit %d\n%s", code, errb)
	}
	for _, w := range []string{"Follow-up #1 is due: promise", "shown          #1 Vraag over kinderopvang, question 1 (promise, due 14 February 2023)",
		"preview: 1 shown, nothing sent (Slack is not configured)"} {
		if !strings.Contains(out.String(), w) {
			t.Errorf("output lacks %q:\n%s", w, out)
		}
	}
	// A preview is not a send: the reminder is still to send.
	e, out, _ = testEnv(map[string]string{"PQTRACK_DB": db})
	if code := run(e, []string{"remind", "--now", "2023-02-14", "--dry-run"}); code != 0 ||
		!strings.Contains(out.String(), "proefdraai: 1 te versturen, 0 al verstuurd (naar standaarduitvoer)") {
		t.Errorf("dry run after the preview: exit %d\n%s", code, out)
	}
	for _, args := range [][]string{{"remind", "--lang", "xx"}, {"remind", "now"}} {
		e, _, _ = testEnv(map[string]string{"PQTRACK_DB": db})
		if code := run(e, args); code != 2 {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
	}
}

func TestSayWhere(t *testing.T) {
	for _, tt := range []struct{ where, nl, en string }{
		{whereStdout, "standaarduitvoer", "standard output"},
		{whereWebhook, "Slack-webhook", "Slack webhook"},
		{whereChannel + "#pq", "Slack-kanaal #pq", "Slack channel #pq"},
	} {
		if got := sayWhere("nl", tt.where); got != tt.nl {
			t.Errorf("sayWhere(nl, %q) = %q, want %q", tt.where, got, tt.nl)
		}
		if got := sayWhere("en", tt.where); got != tt.en {
			t.Errorf("sayWhere(en, %q) = %q, want %q", tt.where, got, tt.en)
		}
	}
}
