package main

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/slack-go/slack/slacktest"

	"github.com/pqtrack/pqtrack/notify"
	"github.com/pqtrack/pqtrack/tracker"
	"github.com/pqtrack/pqtrack/tracker/store"
)

// TestSlackAppConfig: a Slack app configured wrongly stops serve before
// anything runs, saying what is missing; none configured runs nothing.
func TestSlackAppConfig(t *testing.T) {
	tests := []struct {
		name string
		vars map[string]string
		addr string
		want string // in the error; "": no error
	}{
		{"nothing", map[string]string{"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_CHANNEL": "C1"}, "", ""},
		{"http without secret", map[string]string{"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_CHANNEL": "C1"}, "127.0.0.1:0", "--slack-http needs SLACK_SIGNING_SECRET"},
		{"bot token as app token", map[string]string{"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_CHANNEL": "C1", "PQTRACK_SLACK_APP_TOKEN": "xoxb-2"}, "", "not an app-level token"},
		{"app without bot", map[string]string{"SLACK_WEBHOOK_URL": "http://127.0.0.1:1/hook", "PQTRACK_SLACK_APP_TOKEN": "xapp-1"}, "", "needs SLACK_BOT_TOKEN and SLACK_CHANNEL"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, _, _ := testEnv(tt.vars)
			db := openTestStore(t, promiseDB(t))
			n, _, err := newNotifier(e)
			if err != nil {
				t.Fatal(err)
			}
			stop, err := startSlackApp(e, tt.addr, db, n, notify.Dutch, slog.New(slog.NewTextHandler(io.Discard, nil)))
			if tt.want == "" {
				if err != nil {
					t.Fatalf("error %v", err)
				}
				stop()
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				stop()
				t.Fatalf("error %v, want %q", err, tt.want)
			}
			if strings.Contains(err.Error(), "xoxb-2") || strings.Contains(err.Error(), "xapp-1") {
				t.Errorf("a token in the error: %v", err)
			}
		})
	}
}

// TestSlackAppWiring: with a signing secret, remind posts its reminder
// with buttons, and the app that serve starts on --slack-http answers a
// signed press and a signed /pqtrack on the same database.
func TestSlackAppWiring(t *testing.T) {
	path := promiseDB(t)
	var mu sync.Mutex
	var posted []string
	ok := func(w http.ResponseWriter, body string) {
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprint(w, body)
	}
	srv := slacktest.NewTestServer(func(c slacktest.Customize) {
		c.Handle("/chat.postMessage", func(w http.ResponseWriter, r *http.Request) {
			r.ParseForm()
			mu.Lock()
			posted = append(posted, r.FormValue("blocks"))
			mu.Unlock()
			ok(w, `{"ok":true,"channel":"C123","ts":"1.1"}`)
		})
		c.Handle("/chat.update", func(w http.ResponseWriter, r *http.Request) { ok(w, `{"ok":true,"channel":"C123","ts":"1.1"}`) })
		c.Handle("/users.info", func(w http.ResponseWriter, r *http.Request) {
			ok(w, `{"ok":true,"user":{"id":"UANNA","name":"anna","real_name":"Anna Peeters","locale":"nl-BE"}}`)
		})
		c.Handle("/conversations.members", func(w http.ResponseWriter, r *http.Request) {
			ok(w, `{"ok":true,"members":["UANNA"],"response_metadata":{"next_cursor":""}}`)
		})
	})
	srv.Start()
	defer srv.Stop()
	vars := map[string]string{"PQTRACK_DB": path, "SLACK_BOT_TOKEN": "xoxb-1", "SLACK_CHANNEL": "C123",
		"PQTRACK_SLACK_API_URL": srv.GetAPIURL(), "SLACK_SIGNING_SECRET": "s3cret", "PQTRACK_DASHBOARD_URL": "https://pq.example/"}
	e, out, errb := testEnv(vars)
	if code := run(e, []string{"remind", "--now", "2023-02-14"}); code != 0 {
		t.Fatalf("remind: exit %d\n%s%s", code, out, errb)
	}
	mu.Lock()
	if len(posted) != 1 || !strings.Contains(posted[0], `"block_id":"pqtrack:fu:1"`) ||
		!strings.Contains(posted[0], `"url":"https://pq.example/followups/1"`) {
		t.Fatalf("posted %q, want the reminder with its buttons", posted)
	}
	mu.Unlock()

	db := openTestStore(t, path)
	send := startTestSlackApp(t, e, db)
	code, body := send(url.Values{"command": {"/pqtrack"}, "text": {"opvolging 1"}, "user_id": {"UANNA"}})
	if code != http.StatusOK || !strings.Contains(body, "Opvolging #1") || !strings.Contains(body, "https://pq.example/followups/1") {
		t.Errorf("command: %d %s", code, body)
	}
	// No English or internal word in the Dutch answers and buttons.
	for _, q := range []string{"vandaag", "week", "zoek plaatsen", "zoek", "opvolging 1", "opvolging 9", "help"} {
		_, body := send(url.Values{"command": {"/pqtrack"}, "text": {q}, "user_id": {"UANNA"}})
		if bad := internalWords(t, strings.ReplaceAll(body, "followups/", "")); len(bad) > 0 {
			t.Errorf("/pqtrack %s: %v in %s", q, bad, body)
		}
	}
	if bad := internalWords(t, strings.ReplaceAll(posted[0], "followups/", "")); len(bad) > 0 {
		t.Errorf("reminder blocks: %v", bad)
	}
	payload, _ := json.Marshal(map[string]any{"type": "block_actions", "trigger_id": "T1",
		"user": map[string]any{"id": "UANNA"}, "channel": map[string]any{"id": "C123"},
		"container": map[string]any{"message_ts": "1.1"},
		"actions":   []any{map[string]any{"action_id": "delivered", "block_id": "pqtrack:fu:1", "value": "delivered:1", "type": "button"}}})
	if code, _ := send(url.Values{"payload": {string(payload)}}); code != http.StatusOK {
		t.Fatalf("press: %d", code)
	}
	f, err := db.FollowUp(context.Background(), 1)
	if err != nil || f.State != tracker.Done || f.Outcome != tracker.Delivered || f.By != "Anna Peeters" {
		t.Errorf("follow-up 1 after the press: %+v, %v", f, err)
	}
}

func openTestStore(t *testing.T, path string) store.Full {
	t.Helper()
	db, err := openStore(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// startTestSlackApp starts serve's Slack app for e's environment on a free
// loopback port over HTTP (signing secret "s3cret"), stops it when the test
// ends, and returns the function that sends it Slack's requests.
func startTestSlackApp(t *testing.T, e *env, db store.Full) func(url.Values) (int, string) {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	n, _, err := newNotifier(e)
	if err != nil {
		t.Fatal(err)
	}
	stop, err := startSlackApp(e, addr, db, n, notify.Dutch, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(stop)
	return slackSender(t, addr, "s3cret")
}

// slackSender returns a function that sends a form to the Slack app
// listening on addr as Slack does: signed with secret, retried while the
// listener starts.
func slackSender(t *testing.T, addr, secret string) func(url.Values) (int, string) {
	return func(form url.Values) (int, string) {
		t.Helper()
		body := form.Encode()
		ts := strconv.FormatInt(time.Now().Unix(), 10)
		mac := hmac.New(sha256.New, []byte(secret))
		fmt.Fprintf(mac, "v0:%s:%s", ts, body)
		req, _ := http.NewRequest(http.MethodPost, "http://"+addr+slackHTTPPath, strings.NewReader(body))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("X-Slack-Request-Timestamp", ts)
		req.Header.Set("X-Slack-Signature", "v0="+hex.EncodeToString(mac.Sum(nil)))
		var resp *http.Response
		var err error
		for range 50 { // the listener starts in its own goroutine
			if resp, err = http.DefaultClient.Do(req); err == nil {
				break
			}
			time.Sleep(20 * time.Millisecond)
			req.Body = io.NopCloser(strings.NewReader(body))
		}
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
}
