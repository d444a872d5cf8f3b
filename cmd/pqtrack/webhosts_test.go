package main

import (
	"slices"
	"strings"
	"testing"
)

func TestWebHosts(t *testing.T) {
	for _, tt := range []struct {
		flag, addr string
		want       []string
	}{
		{"", "127.0.0.1:8080", []string{"127.0.0.1"}},
		{"", "0.0.0.0:8080", nil},
		{"", ":8080", nil},
		{"", "[::]:8080", nil},
		{"pqtrack.intern, dash.example.org", "0.0.0.0:8080", []string{"pqtrack.intern", "dash.example.org"}},
		{"pqtrack.intern", "192.168.1.10:8080", []string{"pqtrack.intern", "192.168.1.10"}},
	} {
		if got := webHosts(tt.flag, tt.addr); !slices.Equal(got, tt.want) {
			t.Errorf("webHosts(%q, %q) = %q, want %q", tt.flag, tt.addr, got, tt.want)
		}
	}
}

// A token shorter than web.MinTokenLength stops the dashboard at start-up.
func TestWebRefusesShortToken(t *testing.T) {
	db := promiseDB(t)
	for _, cmd := range []string{"web", "serve"} {
		e, _, errb := testEnv(map[string]string{"PQTRACK_DB": db, "PQTRACK_WEB_TOKEN": "s3cret"})
		if code := run(e, []string{cmd}); code != 2 || !strings.Contains(errb.String(), "at least 16") {
			t.Errorf("%s with a 6-character token: exit %d\n%s", cmd, code, errb)
		}
	}
}
