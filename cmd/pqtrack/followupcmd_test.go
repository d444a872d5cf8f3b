package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pqtrack/pqtrack/tracker/sqlite"
)

// TestFollowUpCommandLines runs check, snooze, redate, draft and search on
// the store of storeEnv: the lines staff read, in Dutch and English, with
// flags before or after the positional arguments.
func TestFollowUpCommandLines(t *testing.T) {
	_, _, _, path := storeEnv(t)
	tests := []struct {
		lang string // PQTRACK_LANG
		args []string
		code int
		want string // the first line of stdout, or a piece of stderr
	}{
		{"", []string{"snooze", "1", "--until", "2099-05-01"}, 0, "opvolging 1: uitgesteld tot 1 mei 2099"},
		{"", []string{"snooze", "--lang", "en", "1", "--until", "2099-05-02"}, 0, "follow-up 1: snoozed until 2 May 2099"},
		{"en", []string{"snooze", "1", "--until", "2099-05-03"}, 0, "follow-up 1: snoozed until 3 May 2099"},
		{"en", []string{"snooze", "1", "--until", "2099-05-04", "--lang", "nl"}, 0, "opvolging 1: uitgesteld tot 4 mei 2099"},
		{"", []string{"redate", "2", "--to", "2024-06-30", "--note", "debat verschoven"}, 0, "opvolging 2: nieuwe vervaldag 30 juni 2024"},
		{"", []string{"redate", "2", "--to", "2024-07-01", "--note", "moved", "--lang", "en"}, 0, "follow-up 2: now due 1 July 2024"},
		// check --not-delivered: TestPromiseKeptFlow (resolve_test.go).
		// "pqtrack check 1", as a reminder says, shows it and the choices.
		{"", []string{"check", "1"}, 0, "Opvolging #1: "},
		{"", []string{"check", "1", "--lang", "en"}, 0, "Follow-up #1: "},
		{"", []string{"check", "1", "--drop", "--delivered"}, 2, "want one of --delivered"},
		{"", []string{"check", "1", "--delivered"}, 0, "opvolging 1: afgesloten (geleverd)"},
		{"", []string{"check", "3", "--drop", "--lang", "en"}, 0, "follow-up 3: closed (dropped)"},
		{"", []string{"check", "2", "--drop", "--lang", "fr"}, 2, `language "fr": want nl or en`},
		{"xx", []string{"snooze", "2", "--until", "2099-05-01"}, 2, `language "xx"`},
		{"", []string{"draft", "2", "--lang", "xx"}, 2, `language "xx"`},
		{"", []string{"draft", "2", "--lang", "en"}, 0, "Subject: follow-up to written question nr. 12 on Ideeënplatform voor nieuwkomers"},
		{"", []string{"draft", "2"}, 0, "Betreft: opvolging van schriftelijke vraag nr. 12 over Ideeënplatform voor nieuwkomers"},
		{"", []string{"draft", "2", "3"}, 2, "want one follow-up ID"},
		{"", []string{"search", "platform", "--limit", "1"}, 0, "1. Ideeënplatform voor nieuwkomers, vraag 2 (vraag) [document 1, score "},
		{"", []string{"search", "bespreking", "--lang", "en"}, 0, "1. Ideeënplatform voor nieuwkomers, question 2 (answer) [document 1, score "},
		{"", []string{"search", "nieuwkomers", "--lang", "en"}, 0, `no hits for "nieuwkomers"`},
		{"", []string{"search", "nieuwkomers"}, 0, `geen resultaten voor "nieuwkomers"`},
		{"", []string{"search", "platform", "--lang", "de"}, 2, `language "de"`},
	}
	for _, tt := range tests {
		e, out, errb := testEnv(map[string]string{"PQTRACK_DB": path, "PQTRACK_LANG": tt.lang, "USER": "tester"})
		code := run(e, tt.args)
		if code != tt.code {
			t.Errorf("%v (PQTRACK_LANG=%q): exit %d, want %d\n%s", tt.args, tt.lang, code, tt.code, errb)
		}
		got := errb.String()
		if tt.code == 0 {
			got, _, _ = strings.Cut(out.String(), "\n")
			if !strings.HasPrefix(got, tt.want) {
				t.Errorf("%v (PQTRACK_LANG=%q): first line %q, want %q", tt.args, tt.lang, got, tt.want)
			}
		} else if !strings.Contains(got, tt.want) {
			t.Errorf("%v (PQTRACK_LANG=%q): stderr %q lacks %q", tt.args, tt.lang, got, tt.want)
		}
	}
}

// TestFollowUpRefusals: changes that would change nothing, or make no
// sense, are refused in the staff's language and write no history; a
// missing --db is refused, not created.
func TestFollowUpRefusals(t *testing.T) {
	_, _, _, path := storeEnv(t)
	steps := []struct {
		args []string
		code int
		want string // a piece of stderr (or stdout for code 0)
	}{
		{[]string{"followups", "--kind", "belofte"}, 0, "belofte"},
		{[]string{"followups", "--kind", "Doorverwijzing"}, 0, "doorverwijzing"},
		{[]string{"snooze", "1", "--until", "2020-01-01"}, 1, "opvolging 1: 1 januari 2020 is niet na vandaag"},
		{[]string{"snooze", "1", "--until", "2020-01-01", "--lang", "en"}, 1, "follow-up 1: 1 January 2020 is not after today"},
		{[]string{"redate", "2", "--to", "2024-06-30", "--note", "debat verschoven"}, 0, "nieuwe vervaldag 30 juni 2024"},
		{[]string{"redate", "2", "--to", "2024-06-30", "--note", "nog eens"}, 1, "opvolging 2 vervalt al op 30 juni 2024"},
		{[]string{"check", "1", "--delivered"}, 0, "afgesloten (geleverd)"},
		{[]string{"check", "1", "--delivered"}, 1, "opvolging 1 is al afgesloten (geleverd)"},
		{[]string{"snooze", "1", "--until", "2099-01-01"}, 1, "opvolging 1 is al afgesloten"},
		{[]string{"check", "999", "--drop"}, 1, "opvolging 999 bestaat niet"},
		{[]string{"draft", "999", "--lang", "en"}, 1, "follow-up 999 does not exist"},
		{[]string{"followups", "--kind", "beloftes"}, 2, `--kind "beloftes": kies uit belofte, doorverwijzing`},
	}
	ctx := context.Background()
	history := func() int {
		db, err := sqlite.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		n := 0
		for id := int64(1); id <= 3; id++ {
			h, err := db.History(ctx, id)
			if err != nil {
				t.Fatal(err)
			}
			n += len(h)
		}
		return n
	}
	for _, s := range steps {
		before := history()
		e, out, errb := testEnv(map[string]string{"PQTRACK_DB": path, "USER": "tester"})
		code := run(e, s.args)
		got := errb.String()
		if s.code == 0 {
			got = out.String()
		}
		if code != s.code || !strings.Contains(got, s.want) {
			t.Errorf("%v: exit %d (want %d), output %q lacks %q", s.args, code, s.code, got, s.want)
		}
		if after := history(); s.code != 0 && after != before {
			t.Errorf("%v: refused, but wrote %d history entries", s.args, after-before)
		}
	}
	// --kind belofte lists the promise and nothing else.
	e, out, _ := testEnv(map[string]string{"PQTRACK_DB": path})
	run(e, []string{"followups", "--all", "--kind", "belofte"})
	if !strings.Contains(out.String(), "belofte") || strings.Contains(out.String(), "doorverwijzing") {
		t.Errorf("--kind belofte:\n%s", out)
	}

	missing := filepath.Join(t.TempDir(), "typo.db")
	for _, cmd := range [][]string{{"followups"}, {"remind"}, {"digest"}, {"draft", "1"}, {"check", "1", "--drop"}, {"search", "x"}} {
		e, _, errb := testEnv(map[string]string{"PQTRACK_DB": missing})
		if code := run(e, cmd); code == 0 || !strings.Contains(errb.String(), "database "+missing+" bestaat niet") {
			t.Errorf("%v on a missing database: exit %d, %q", cmd, code, errb)
		}
		if _, err := os.Stat(missing); err == nil {
			t.Fatalf("%v created %s", cmd, missing)
		}
	}
}

// `pqtrack check ID` alone changes nothing: it shows the follow-up and the
// commands that close it or put it off.
func TestCheckAloneShows(t *testing.T) {
	_, _, _, path := storeEnv(t)
	historyLen := func() int {
		db, err := sqlite.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		h, err := db.History(context.Background(), 1)
		if err != nil {
			t.Fatal(err)
		}
		return len(h)
	}
	before := historyLen()
	e, out, errb := testEnv(map[string]string{"PQTRACK_DB": path, "USER": "tester"})
	if code := run(e, []string{"check", "1"}); code != 0 {
		t.Fatalf("exit %d: %s", code, errb)
	}
	for _, w := range []string{"Vervaldag:", "Wat is er gebeurd?", "pqtrack check 1 --delivered", "pqtrack snooze 1 --until DATUM"} {
		if !strings.Contains(out.String(), w) {
			t.Errorf("output lacks %q:\n%s", w, out)
		}
	}
	if after := historyLen(); after != before {
		t.Errorf("history grew from %d to %d", before, after)
	}
}
