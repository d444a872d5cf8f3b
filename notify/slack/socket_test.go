package slack

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/gorilla/websocket"
	"github.com/pqtrack/pqtrack/tracker"
	"github.com/slack-go/slack"
	"github.com/slack-go/slack/socketmode"
)

// TestSocketMode runs the app over Socket Mode against a local websocket
// server: slack-go's client asks apps.connections.open (with the app
// token) for the server's ws:// URL and connects; the server sends a
// pressed button, the same envelope again as a retry, and a /pqtrack
// command, and reads the acknowledgements.
func TestSocketMode(t *testing.T) {
	r := newRig(t, 1)
	ts := r.w.lastTS()
	before := len(r.events(t, 1))

	var press map[string]any
	if err := json.Unmarshal([]byte(r.press(t, "UANNA", ts, 1, ActDelivered, "", "T-socket").Get("payload")), &press); err != nil {
		t.Fatal(err)
	}
	cmd := map[string]any{"command": "/pqtrack", "text": "opvolging 1", "user_id": "UANNA", "channel_id": testChannel, "trigger_id": "T-cmd"}
	envelopes := []map[string]any{
		{"envelope_id": "E1", "type": "interactive", "payload": press, "accepts_response_payload": false},
		{"envelope_id": "E2", "type": "interactive", "payload": press, "retry_attempt": 1, "retry_reason": "timeout"},
		{"envelope_id": "E3", "type": "slash_commands", "payload": cmd, "accepts_response_payload": true},
	}
	type ack struct {
		EnvelopeID string          `json:"envelope_id"`
		Payload    json.RawMessage `json:"payload"`
	}
	acks := make(chan ack, len(envelopes))
	serverErr := make(chan error, 1)
	// slack-go sends the Origin of Slack; this server is a stand-in for it.
	up := websocket.Upgrader{CheckOrigin: func(*http.Request) bool { return true }}
	r.w.mu.Lock()
	r.w.ws = func(w http.ResponseWriter, req *http.Request) {
		c, err := up.Upgrade(w, req, nil)
		if err != nil {
			serverErr <- err
			return
		}
		defer c.Close()
		if err := c.WriteJSON(map[string]any{"type": "hello", "num_connections": 1}); err != nil {
			serverErr <- err
			return
		}
		for _, e := range envelopes {
			if err := c.WriteJSON(e); err != nil {
				serverErr <- err
				return
			}
			// Read until this envelope's ack; the client may ping between.
			for {
				var a ack
				if err := c.ReadJSON(&a); err != nil {
					serverErr <- err
					return
				}
				if a.EnvelopeID != "" {
					acks <- a
					break
				}
			}
		}
		// Keep the connection until the client goes.
		for {
			if _, _, err := c.ReadMessage(); err != nil {
				return
			}
		}
	}
	r.w.mu.Unlock()

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	sm := socketmode.New(r.app.Client)
	done := make(chan error, 1)
	go func() { done <- r.app.RunSocket(ctx, sm) }()

	var got []ack
	timeout := time.After(20 * time.Second)
	for len(got) < len(envelopes) {
		select {
		case a := <-acks:
			got = append(got, a)
		case err := <-serverErr:
			t.Fatalf("websocket server: %v", err)
		case err := <-done:
			t.Fatalf("socket mode stopped: %v", err)
		case <-timeout:
			t.Fatalf("acks after 20s: %+v", got)
		}
	}
	for i, a := range got {
		if want := envelopes[i]["envelope_id"]; a.EnvelopeID != want {
			t.Errorf("ack %d for %s, want %s", i, a.EnvelopeID, want)
		}
	}
	// The press acted, once; the retry did nothing.
	f := r.followUp(t, 1)
	if f.State != tracker.Done || f.Outcome != tracker.Delivered || f.By != "Anna Peeters" {
		t.Errorf("follow-up after the press: %s/%s by %q", f.State, f.Outcome, f.By)
	}
	if n := len(r.events(t, 1)); n != before+1 {
		t.Errorf("%d new events, want 1", n-before)
	}
	if upd, _, _ := r.w.counts(); upd != 1 || !strings.Contains(r.w.lastUpdate(), "geleverd, gemeld door Anna Peeters") {
		t.Errorf("%d rewrites: %s", upd, r.w.lastUpdate())
	}
	// The command's answer travels in its ack.
	var msg slack.Msg
	if err := json.Unmarshal(got[2].Payload, &msg); err != nil {
		t.Fatalf("command ack payload %s: %v", got[2].Payload, err)
	}
	if msg.ResponseType != "ephemeral" || !strings.Contains(msg.Text, "Staat: afgesloten: geleverd") ||
		!strings.Contains(msg.Text, ": afgesloten door Anna Peeters") {
		t.Errorf("command answer %+v", msg)
	}
	cancel()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Error("socket mode did not stop with its context")
	}
}
