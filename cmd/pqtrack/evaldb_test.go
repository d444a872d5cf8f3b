package main

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/pqtrack/pqtrack/tracker"
	"github.com/pqtrack/pqtrack/tracker/sqlite"
)

// TestEvalDB: the office's report counts the overrides per status and per
// month, in Dutch by default and in English on request.
func TestEvalDB(t *testing.T) {
	e, out, errb, path := storeEnv(t) // answered, deferred, unanswered; stored January 2024
	db, err := sqlite.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if code := run(e, []string{"eval", "--db", path}); code != 0 || !strings.Contains(out.String(), "Nog geen enkel oordeel gecorrigeerd (3 vragen beoordeeld).") {
		t.Errorf("no corrections: exit %d: %s%s", code, out, errb)
	}
	for _, c := range []tracker.Correction{
		{QuestionNumber: 1, Status: tracker.Partial, At: time.Date(2024, 1, 25, 9, 0, 0, 0, time.UTC)},
		{QuestionNumber: 2, Status: tracker.Declined, At: time.Date(2024, 2, 2, 9, 0, 0, 0, time.UTC)},
		// Put back as pqtrack had it: a correction, not an override.
		{QuestionNumber: 2, Status: tracker.Deferred, At: time.Date(2024, 2, 3, 9, 0, 0, 0, time.UTC)},
		{QuestionNumber: 3, Status: tracker.Pending, At: time.Date(2024, 2, 5, 9, 0, 0, 0, time.UTC)},
	} {
		c.DocumentID, c.Source = 1, tracker.FromCommandLine
		if _, err := db.Correct(ctx, c); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()

	rows := func(args ...string) map[string]string {
		t.Helper()
		out.Reset()
		if code := run(e, args); code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, errb)
		}
		m := map[string]string{}
		for _, line := range strings.Split(out.String(), "\n") {
			if f := strings.Fields(line); len(f) > 1 {
				m[f[0]] = strings.Join(f[1:], " ")
			}
		}
		return m
	}
	nl := rows("eval", "--db", path)
	for key, want := range map[string]string{
		// judged, then the columns answered partial deferred pending declined unanswered, then overridden and share
		"beantwoord":   "1 0 1 0 0 0 0 1 100,0%",
		"doorverwezen": "1 0 0 1 0 0 0 0 0,0%",
		"onbeantwoord": "1 0 0 0 1 0 0 1 100,0%",
		"totaal":       "3 2 66,7%",
		"2024-01":      "3 2 66,7% 1", // judged, overridden, share, corrections made
		"2024-02":      "0 0 - 3",
	} {
		if nl[key] != want {
			t.Errorf("row %s: %q, want %q\n%s", key, nl[key], want, out)
		}
	}
	if strings.Contains(out.String(), "answered") || strings.Contains(out.String(), "partial") {
		t.Errorf("the Dutch report holds English words:\n%s", out)
	}
	en := rows("eval", "--db", path, "--lang", "en")
	if en["answered"] != "1 0 1 0 0 0 0 1 100.0%" || en["total"] != "3 2 66.7%" {
		t.Errorf("English report:\n%s", out)
	}
	errb.Reset()
	if code := run(e, []string{"eval", "--db", path, "somedir"}); code != 2 || !strings.Contains(errb.String(), "takes no DIR") {
		t.Errorf("--db with a DIR: exit %d: %s", code, errb)
	}
}
