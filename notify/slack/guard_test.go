package slack

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/pqtrack/pqtrack/tracker"
)

// TestRequestsRefused: a request not signed by Slack with the secret, or
// signed too long ago, is refused with 401 and changes nothing; so is a
// press by someone outside the channel, who is told so politely in Dutch.
func TestRequestsRefused(t *testing.T) {
	tests := []struct {
		name      string
		user      string
		header    func(body string) http.Header
		code      int
		ephemeral string
	}{
		{"forged signature", "UANNA", func(body string) http.Header { return sign(body, time.Now(), "not-the-secret") }, http.StatusUnauthorized, ""},
		{"body changed after signing", "UANNA", func(body string) http.Header { return sign(body+"&x=1", time.Now(), testSecret) }, http.StatusUnauthorized, ""},
		{"no signature", "UANNA", func(string) http.Header { return http.Header{"Content-Type": {"application/x-www-form-urlencoded"}} }, http.StatusUnauthorized, ""},
		{"stale timestamp", "UANNA", func(body string) http.Header { return sign(body, time.Now().Add(-6*time.Minute), testSecret) }, http.StatusUnauthorized, ""},
		{"timestamp from the future", "UANNA", func(body string) http.Header { return sign(body, time.Now().Add(6*time.Minute), testSecret) }, http.StatusUnauthorized, ""},
		{"outside the channel", "UEVE", nil, http.StatusOK,
			"Sorry, alleen leden van het pqtrack-kanaal kunnen opvolgingen aanpassen. Er is niets veranderd."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := newRig(t, 1)
			ts := r.w.lastTS()
			before := len(r.events(t, 1))
			for _, act := range []string{ActDelivered, ActWeek, ActWrong, ActReask} {
				form := r.press(t, tt.user, ts, 1, act, "", "T-"+act)
				var h http.Header
				if tt.header != nil {
					h = tt.header(form.Encode())
				}
				if code, _ := r.post(t, form, h); code != tt.code {
					t.Errorf("%s: HTTP %d, want %d", act, code, tt.code)
				}
				e := r.w.lastEphemeral()
				switch {
				case tt.ephemeral == "" && e != nil:
					t.Errorf("%s: told %q", act, e.Get("text"))
				case tt.ephemeral != "" && (e == nil || e.Get("text") != tt.ephemeral || e.Get("user") != tt.user):
					t.Errorf("%s: told %v, want %q", act, e, tt.ephemeral)
				}
			}
			if f := r.followUp(t, 1); f.State != tracker.Open || len(r.events(t, 1)) != before {
				t.Errorf("follow-up changed: %s, %d events", f.State, len(r.events(t, 1)))
			}
			if upd, _, views := r.w.counts(); upd != 0 || views != 0 {
				t.Errorf("%d messages rewritten, %d forms opened; want none", upd, views)
			}
			// The slash command is refused the same way.
			form := command(tt.user, "vandaag")
			var h http.Header
			if tt.header != nil {
				h = tt.header(form.Encode())
			}
			code, body := r.post(t, form, h)
			if code != tt.code || strings.Contains(body, "Opvolging") || strings.Contains(body, "#1") {
				t.Errorf("command: HTTP %d %s", code, body)
			}
			if tt.ephemeral != "" && !strings.Contains(body, "Sorry, alleen leden van het pqtrack-kanaal") {
				t.Errorf("command answer %s, want the refusal", body)
			}
		})
	}
}

// TestUserList: with a list of users, those and only those may act,
// channel or not.
func TestUserList(t *testing.T) {
	r := newRig(t, 1)
	r.app.Users = []string{"UEVE"}
	ts := r.w.lastTS()
	r.post(t, r.press(t, "UANNA", ts, 1, ActDelivered, "", "T1"), nil)
	if f := r.followUp(t, 1); f.State != tracker.Open {
		t.Fatalf("Anna, in the channel but not on the list, changed it: %s", f.State)
	}
	r.post(t, r.press(t, "UEVE", ts, 1, ActDelivered, "", "T2"), nil)
	if f := r.followUp(t, 1); f.State != tracker.Done || f.By != "Eve Janssens" {
		t.Errorf("Eve, on the list: %s by %q", f.State, f.By)
	}
}

// TestRetryActsOnce: Slack sending the same interaction again (its answer
// came late: same trigger, X-Slack-Retry-Num set) acts once. A new press
// is a new interaction.
func TestRetryActsOnce(t *testing.T) {
	r := newRig(t, 1)
	ts := r.w.lastTS()
	before := len(r.events(t, 1))
	form := r.press(t, "UANNA", ts, 1, ActWeek, "", "T-same")
	for i := range 3 {
		h := sign(form.Encode(), time.Now(), testSecret)
		if i > 0 {
			h.Set("X-Slack-Retry-Num", "1")
			h.Set("X-Slack-Retry-Reason", "http_timeout")
		}
		if code, _ := r.post(t, form, h); code != http.StatusOK {
			t.Fatalf("attempt %d: HTTP %d", i, code)
		}
	}
	if got := len(r.events(t, 1)); got != before+1 {
		t.Errorf("%d new events, want 1", got-before)
	}
	if upd, eph, _ := r.w.counts(); upd != 1 || eph != 0 {
		t.Errorf("%d rewrites, %d ephemeral messages; want 1 and 0", upd, eph)
	}
	// A form sent again is also acted on once.
	r.post(t, r.press(t, "UANNA", ts, 1, ActReask, "", "T-reask"), nil)
	v, _ := r.w.lastView()
	sub := submit(t, "UANNA", v, "T-sub", map[string]map[string]any{"number": {"number": map[string]any{"value": "77"}}})
	for range 2 {
		if code, body := r.post(t, sub, nil); code != http.StatusOK || body != "" {
			t.Fatalf("submit: %d %q", code, body)
		}
	}
	hist := r.events(t, 1)
	if len(hist) != before+2 || hist[len(hist)-1].Action != "done" || r.followUp(t, 1).ReaskedAs != "77" {
		t.Errorf("history after the form twice: %+v", hist[before:])
	}
}
