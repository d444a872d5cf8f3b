package source

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

func TestRetryAfter(t *testing.T) {
	now := time.Date(2026, 12, 4, 9, 0, 0, 0, time.UTC)
	tests := []struct {
		in   string
		want time.Duration
	}{
		{"3", 3 * time.Second},
		{"0", 0},
		{"Fri, 04 Dec 2026 09:00:30 GMT", 30 * time.Second},
		{"Fri, 04 Dec 2026 08:59:00 GMT", 0}, // in the past
		{"", time.Second},
		{"soon", time.Second},
	}
	for _, tt := range tests {
		if got := retryAfter(tt.in, now); got != tt.want {
			t.Errorf("retryAfter(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

// answers serves the statuses in order, then 200 with body.
func answers(t *testing.T, body string, statuses ...int) (*httptest.Server, *atomic.Int32) {
	var n atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		i := int(n.Add(1)) - 1
		if i < len(statuses) {
			if statuses[i] == http.StatusTooManyRequests {
				w.Header().Set("Retry-After", "600")
			}
			w.WriteHeader(statuses[i])
			return
		}
		w.Write([]byte(body))
	}))
	t.Cleanup(srv.Close)
	return srv, &n
}

func TestClientGet(t *testing.T) {
	tests := []struct {
		name     string
		statuses []int
		body     string
		requests int32
		err      string // "" for success
	}{
		{"ok", nil, `{"a": 1}`, 1, ""},
		{"5xx then ok", []int{500, 503}, `{"a": 1}`, 3, ""},
		{"5xx past the retries", []int{500, 500, 500, 500}, `{"a": 1}`, 4, "HTTP 500"},
		{"404 is not retried", []int{404}, `{"a": 1}`, 1, "HTTP 404"},
		{"429 asking too long a wait", []int{429}, `{"a": 1}`, 1, "Retry-After 10m0s is longer than 2m0s"},
		{"malformed JSON", nil, `{"a": `, 1, "malformed JSON"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv, n := answers(t, tt.body, tt.statuses...)
			c := NewClient(time.Second)
			c.Backoff = time.Millisecond
			var v struct{ A int }
			err := c.JSON(context.Background(), srv.URL+"/x?q=1", &v)
			if got := n.Load(); got != tt.requests {
				t.Errorf("%d requests, want %d", got, tt.requests)
			}
			if tt.err == "" {
				if err != nil || v.A != 1 {
					t.Fatalf("err %v, value %d", err, v.A)
				}
				return
			}
			var se *Error
			if err == nil || !strings.Contains(err.Error(), tt.err) || !errors.As(err, &se) || !strings.Contains(err.Error(), srv.URL+"/x?q=1") {
				t.Errorf("err = %v, want a *source.Error naming the URL and %q", err, tt.err)
			}
		})
	}
}

func TestClientTimeout(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(2 * time.Second):
		case <-r.Context().Done():
		}
	}))
	defer srv.Close()
	c := NewClient(100 * time.Millisecond)
	_, err := c.Bytes(context.Background(), srv.URL+"/slow")
	if err == nil || !strings.Contains(err.Error(), srv.URL+"/slow") || !strings.Contains(err.Error(), "Timeout") {
		t.Errorf("err = %v, want a timeout naming the URL", err)
	}
}

func TestClientBodyLimit(t *testing.T) {
	srv, _ := answers(t, strings.Repeat("x", 100))
	c := NewClient(time.Second)
	c.MaxBody = 10
	if _, err := c.Bytes(context.Background(), srv.URL); err == nil || !strings.Contains(err.Error(), "larger than 10 bytes") {
		t.Errorf("err = %v, want the body refused", err)
	}
}

func TestDay(t *testing.T) {
	for in, want := range map[string]string{
		"2026-11-02T00:00:00+01:00": "2026-11-02",
		"2026-11-02":                "2026-11-02",
		"2026-11-02T23:30:00-05:00": "2026-11-02", // the service's own day
		"0001-01-01T00:00:00Z":      "",
		"":                          "",
		"gisteren":                  "",
	} {
		got := ""
		if d := Day(in); !d.IsZero() {
			got = d.Format("2006-01-02")
		}
		if got != want {
			t.Errorf("Day(%q) = %q, want %q", in, got, want)
		}
	}
}
