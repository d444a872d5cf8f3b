package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/slack-go/slack/slacktest"

	"github.com/pqtrack/pqtrack/tracker"
)

// TestSlackAppOffices: with two offices, a button pressed in an office's
// channel acts on that office's follow-up, for the members of that channel
// alone, and /pqtrack in an office's channel reads that office's queue.
func TestSlackAppOffices(t *testing.T) {
	path := promisesDB(t, 2)
	db := openTestStore(t, path)
	ctx := context.Background()
	groen := addGroen(t, path, db)
	mine, _ := db.FollowUps(ctx, tracker.FollowUpFilter{})
	theirs, _ := groen.FollowUps(ctx, tracker.FollowUpFilter{})
	if len(mine) == 0 || len(theirs) == 0 {
		t.Fatalf("follow-ups: %d and %d", len(mine), len(theirs))
	}

	// Anna is in serve's channel C123, Bert in groen's.
	srv := slacktest.NewTestServer(func(c slacktest.Customize) {
		ok := func(w http.ResponseWriter, body string) {
			w.Header().Set("Content-Type", "application/json")
			fmt.Fprint(w, body)
		}
		c.Handle("/chat.update", func(w http.ResponseWriter, r *http.Request) { ok(w, `{"ok":true,"channel":"C123","ts":"1.1"}`) })
		c.Handle("/users.info", func(w http.ResponseWriter, r *http.Request) {
			r.ParseForm()
			name := map[string]string{"UANNA": "Anna Peeters", "UBERT": "Bert Claes"}[r.FormValue("user")]
			ok(w, fmt.Sprintf(`{"ok":true,"user":{"id":%q,"name":"x","real_name":%q,"locale":"nl-BE"}}`, r.FormValue("user"), name))
		})
		c.Handle("/conversations.members", func(w http.ResponseWriter, r *http.Request) {
			r.ParseForm()
			member := map[string]string{"C123": "UANNA", "CGROEN": "UBERT"}[r.FormValue("channel")]
			ok(w, fmt.Sprintf(`{"ok":true,"members":[%q],"response_metadata":{"next_cursor":""}}`, member))
		})
	})
	srv.Start()
	defer srv.Stop()
	e, _, _ := testEnv(map[string]string{"PQTRACK_DB": path, "SLACK_BOT_TOKEN": "xoxb-1", "SLACK_CHANNEL": "C123",
		"PQTRACK_SLACK_API_URL": srv.GetAPIURL(), "SLACK_SIGNING_SECRET": "s3cret"})
	send := startTestSlackApp(t, e, db)
	press := func(user, channel string, id int64) {
		t.Helper()
		payload, _ := json.Marshal(map[string]any{"type": "block_actions", "trigger_id": "T" + user + channel,
			"user": map[string]any{"id": user}, "channel": map[string]any{"id": channel},
			"container": map[string]any{"message_ts": "1.1"},
			"actions": []any{map[string]any{"action_id": "delivered", "block_id": "pqtrack:fu:" + strconv.FormatInt(id, 10),
				"value": "delivered:" + strconv.FormatInt(id, 10), "type": "button"}}})
		if code, _ := send(url.Values{"payload": {string(payload)}}); code != http.StatusOK {
			t.Fatalf("press: %d", code)
		}
	}
	state := func(id int64) *tracker.FollowUp {
		t.Helper()
		f, err := groen.FollowUp(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		return f
	}
	target := theirs[0].ID

	// Anna is no member of groen's channel: her press there changes nothing.
	press("UANNA", "CGROEN", target)
	if f := state(target); f.State == tracker.Done {
		t.Errorf("a press by someone outside groen's channel closed groen's follow-up: %+v", f)
	}
	// Bert's press in groen's channel closes groen's follow-up.
	press("UBERT", "CGROEN", target)
	if f := state(target); f.State != tracker.Done || f.Outcome != tracker.Delivered || f.By != "Bert Claes" {
		t.Errorf("groen's follow-up after Bert's press: %+v", f)
	}
	if f, err := db.FollowUp(ctx, mine[0].ID); err != nil || f.State == tracker.Done {
		t.Errorf("the default office's follow-up changed: %+v, %v", f, err)
	}

	// /pqtrack reads the queue of the channel's office.
	ask := func(user, channel string, id int64) string {
		_, body := send(url.Values{"command": {"/pqtrack"}, "text": {"opvolging " + strconv.FormatInt(id, 10)},
			"user_id": {user}, "channel_id": {channel}})
		return body
	}
	if body := ask("UBERT", "CGROEN", target); !strings.Contains(body, fmt.Sprintf("Opvolging #%d", target)) {
		t.Errorf("/pqtrack in groen's channel does not find groen's follow-up %d: %s", target, body)
	}
	if body := ask("UANNA", "C123", target); !strings.Contains(body, "bestaat niet") {
		t.Errorf("/pqtrack in serve's channel shows groen's follow-up %d: %s", target, body)
	}
}
