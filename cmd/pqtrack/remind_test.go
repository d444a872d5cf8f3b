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
	if code := run(e, []string{"remind", "--db", db, "--now", "2023-02-13"}); code != 0 || !strings.Contains(out.String(), "0 sent, 0 already sent, 0 failed") {
		t.Fatalf("13 February: exit %d\n%s%s", code, out, errb)
	}

	e, out, _ = testEnv(map[string]string{"PQTRACK_DB": db})
	if code := run(e, []string{"remind", "--now", "2023-02-14", "--dry-run", "--lang", "en"}); code != 0 {
		t.Fatalf("dry run: exit %d", code)
	}
	if s := out.String(); !strings.Contains(s, "would send") || !strings.Contains(s, "Follow-up #1 is due: promise") {
		t.Errorf("dry run output:\n%s", s)
	}

	// No Slack configured: the reminder goes to standard output.
	e, out, _ = testEnv(map[string]string{"PQTRACK_DB": db})
	if code := run(e, []string{"remind", "--now", "2023-02-14"}); code != 0 {
		t.Fatalf("14 February: exit %d", code)
	}
	for _, w := range []string{"Opvolging #1 is aan de beurt: belofte", "> De cijfers worden tegen", "Vraag 1: Hoeveel plaatsen zijn er?",
		"pqtrack check 1", "1 sent, 0 already sent, 0 failed"} {
		if !strings.Contains(out.String(), w) {
			t.Errorf("output lacks %q:\n%s", w, out)
		}
	}
	e, out, errb = testEnv(map[string]string{"PQTRACK_DB": db})
	if code := run(e, []string{"remind", "--now", "2023-02-14"}); code != 0 || !strings.Contains(out.String(), "0 sent, 0 already sent") ||
		strings.Contains(out.String(), "Opvolging") {
		t.Errorf("again: exit %d\n%s%s", code, out, errb)
	}
}

func TestRemindCommandFailedSend(t *testing.T) {
	db := promiseDB(t)
	slack := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusBadGateway)
	}))
	defer slack.Close()
	hook := slack.URL + "/services/T0/B0/sekrit"
	file := filepath.Join(t.TempDir(), "hook")
	os.WriteFile(file, []byte(hook+"\n"), 0o600)
	e, out, errb := testEnv(map[string]string{"PQTRACK_DB": db, "SLACK_WEBHOOK_URL_FILE": file})
	if code := run(e, []string{"remind", "--now", "2023-02-14"}); code != 1 {
		t.Errorf("exit %d, want 1\n%s%s", code, out, errb)
	}
	if all := out.String() + errb.String(); strings.Contains(all, "sekrit") || !strings.Contains(all, "FAILED") {
		t.Errorf("output holds the secret or no failure:\n%s", all)
	}
	// Not logged: the next run tries again.
	e, out, _ = testEnv(map[string]string{"PQTRACK_DB": db})
	run(e, []string{"remind", "--now", "2023-02-14"})
	if !strings.Contains(out.String(), "1 sent") {
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
