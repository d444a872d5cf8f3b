package main

import (
	"strings"
	"testing"
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
