package main

import (
	"slices"
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
