package main

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// The package's tests never take the dashboard's real port.
func init() { defaultWebAddr = "127.0.0.1:0" }

func TestWebRefusesOpenAddress(t *testing.T) {
	db := promiseDB(t)
	for _, cmd := range []string{"web", "serve"} {
		e, _, errb := testEnv(map[string]string{"PQTRACK_DB": db})
		if code := run(e, []string{cmd, "--addr", "0.0.0.0:0"}); code != 2 || !strings.Contains(errb.String(), "PQTRACK_WEB_TOKEN") {
			t.Errorf("%s on 0.0.0.0 without credentials: exit %d\n%s", cmd, code, errb)
		}
	}
	// A session key too short to sign with is refused before anything
	// starts.
	ke, _, kerr := testEnv(map[string]string{"PQTRACK_DB": db, "PQTRACK_SESSION_KEY": "kort"})
	if code := run(ke, []string{"web"}); code != 2 || !strings.Contains(kerr.String(), "PQTRACK_SESSION_KEY has 4 characters") {
		t.Errorf("web with a 4-character session key: exit %d\n%s", code, kerr)
	}
	// With a token it starts, and asks for it.
	old := serveSignals
	defer func() { serveSignals = old }()
	ctx, cancel := context.WithCancel(context.Background())
	serveSignals = func() (context.Context, context.CancelFunc) { return ctx, cancel }
	e, _, _ := testEnv(map[string]string{"PQTRACK_DB": db, "PQTRACK_WEB_TOKEN": "s3cret-token-0123456789"})
	errb := &syncBuffer{}
	e.stderr = errb // written by serve while the test reads it
	done := make(chan int, 1)
	go func() { done <- run(e, []string{"serve", "--addr", "0.0.0.0:0"}) }()
	// The log names the address the dashboard took.
	var url string
	re := regexp.MustCompile(`dashboard=http://([^ ]+)/`)
	for i := 0; i < 100 && url == ""; i++ {
		time.Sleep(20 * time.Millisecond)
		if m := re.FindStringSubmatch(errb.String()); m != nil {
			url = "http://" + strings.Replace(m[1], "[::]", "127.0.0.1", 1) + "/followups"
		}
	}
	if url == "" {
		cancel()
		t.Fatalf("serve did not log the dashboard's address:\n%s", errb)
	}
	for _, tc := range []struct {
		token string
		code  int
	}{{"", 401}, {"wrong", 401}, {"s3cret-token-0123456789", 200}} {
		req, _ := http.NewRequest("GET", url, nil)
		if tc.token != "" {
			req.Header.Set("Authorization", "Bearer "+tc.token)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if resp.StatusCode != tc.code {
			t.Errorf("token %q: status %d, want %d\n%s", tc.token, resp.StatusCode, tc.code, errb)
		}
	}
	cancel() // as SIGTERM does
	select {
	case code := <-done:
		if code != 0 {
			t.Errorf("serve: exit %d\n%s", code, errb)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("serve did not stop")
	}
}

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}
