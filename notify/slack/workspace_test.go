package slack

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/pqtrack/pqtrack/notify"
	"github.com/pqtrack/pqtrack/tracker"
	"github.com/pqtrack/pqtrack/tracker/sqlite"
	"github.com/slack-go/slack"
	"github.com/slack-go/slack/slacktest"
)

// The people of the test workspace: Anna and John are in the channel,
// Eve is not. John's Slack speaks English.
var people = map[string]struct{ name, real, locale string }{
	"UANNA": {"anna", "Anna Peeters", "nl-BE"},
	"UJOHN": {"john", "John Smith", "en-US"},
	"UEVE":  {"eve", "Eve Janssens", "nl-NL"},
}

const (
	testChannel = "C123"
	testSecret  = "8f742231b10e8888abcd99yyyzzz85a5"
	testDash    = "http://dash.example:8080"
)

// slackMsg is a message of the test channel as Slack keeps it.
type slackMsg struct {
	TS       string           `json:"ts"`
	Text     string           `json:"text"`
	Blocks   json.RawMessage  `json:"blocks"`
	Metadata *json.RawMessage `json:"metadata,omitempty"`
	Type     string           `json:"type"`
}

// workspace is Slack as the app sees it: slacktest's server with handlers
// that keep the channel's messages and record what the app did.
type workspace struct {
	*slacktest.Server
	t testing.TB

	mu         sync.Mutex
	msgs       map[string]*slackMsg // by ts
	order      []string
	updates    []slackMsg
	ephemerals []url.Values
	views      []json.RawMessage // views.open: the view
	triggers   []string
	// ws, when set, serves the Socket Mode connection.
	ws http.HandlerFunc
}

func newWorkspace(t testing.TB) *workspace {
	w := &workspace{t: t, msgs: map[string]*slackMsg{}}
	ok := func(rw http.ResponseWriter, v map[string]any) {
		v["ok"] = true
		rw.Header().Set("Content-Type", "application/json")
		json.NewEncoder(rw).Encode(v)
	}
	w.Server = slacktest.NewTestServer(func(c slacktest.Customize) {
		c.Handle("/chat.postMessage", func(rw http.ResponseWriter, r *http.Request) {
			r.ParseForm()
			w.mu.Lock()
			ts := fmt.Sprintf("1676368800.%06d", len(w.order)+1)
			m := &slackMsg{TS: ts, Type: "message", Text: r.FormValue("text"), Blocks: json.RawMessage(r.FormValue("blocks"))}
			if md := r.FormValue("metadata"); md != "" {
				raw := json.RawMessage(md)
				m.Metadata = &raw
			}
			w.msgs[ts] = m
			w.order = append(w.order, ts)
			w.mu.Unlock()
			ok(rw, map[string]any{"channel": testChannel, "ts": ts})
		})
		c.Handle("/chat.update", func(rw http.ResponseWriter, r *http.Request) {
			r.ParseForm()
			w.mu.Lock()
			m, found := w.msgs[r.FormValue("ts")]
			if found && r.FormValue("channel") == testChannel {
				m.Text, m.Blocks = r.FormValue("text"), json.RawMessage(r.FormValue("blocks"))
				w.updates = append(w.updates, *m)
			}
			w.mu.Unlock()
			if !found {
				rw.Write([]byte(`{"ok":false,"error":"message_not_found"}`))
				return
			}
			ok(rw, map[string]any{"channel": testChannel, "ts": r.FormValue("ts")})
		})
		c.Handle("/chat.postEphemeral", func(rw http.ResponseWriter, r *http.Request) {
			r.ParseForm()
			w.mu.Lock()
			w.ephemerals = append(w.ephemerals, r.PostForm)
			w.mu.Unlock()
			ok(rw, map[string]any{"message_ts": "1.1"})
		})
		c.Handle("/views.open", func(rw http.ResponseWriter, r *http.Request) {
			var body struct {
				TriggerID string          `json:"trigger_id"`
				View      json.RawMessage `json:"view"`
			}
			json.NewDecoder(r.Body).Decode(&body)
			w.mu.Lock()
			w.views = append(w.views, body.View)
			w.triggers = append(w.triggers, body.TriggerID)
			w.mu.Unlock()
			ok(rw, map[string]any{"view": map[string]any{"id": "V1"}})
		})
		c.Handle("/users.info", func(rw http.ResponseWriter, r *http.Request) {
			r.ParseForm()
			p, found := people[r.FormValue("user")]
			if !found {
				rw.Write([]byte(`{"ok":false,"error":"user_not_found"}`))
				return
			}
			ok(rw, map[string]any{"user": map[string]any{"id": r.FormValue("user"), "name": p.name, "real_name": p.real,
				"locale": p.locale, "profile": map[string]any{"real_name": p.real}}})
		})
		c.Handle("/conversations.members", func(rw http.ResponseWriter, r *http.Request) {
			r.ParseForm()
			if r.FormValue("channel") != testChannel {
				rw.Write([]byte(`{"ok":false,"error":"channel_not_found"}`))
				return
			}
			ok(rw, map[string]any{"members": []string{"UANNA", "UJOHN"}, "response_metadata": map[string]any{"next_cursor": ""}})
		})
		c.Handle("/conversations.history", func(rw http.ResponseWriter, r *http.Request) {
			r.ParseForm()
			w.mu.Lock()
			var out []slackMsg
			if m, found := w.msgs[r.FormValue("latest")]; found && r.FormValue("inclusive") == "1" {
				out = append(out, *m)
			}
			w.mu.Unlock()
			ok(rw, map[string]any{"messages": out, "has_more": false})
		})
		c.Handle("/apps.connections.open", func(rw http.ResponseWriter, r *http.Request) {
			if r.Header.Get("Authorization") != "Bearer xapp-test" {
				rw.Write([]byte(`{"ok":false,"error":"invalid_auth"}`))
				return
			}
			u := strings.Replace(w.GetAPIURL(), "http://", "ws://", 1) + "socket"
			ok(rw, map[string]any{"url": u})
		})
		c.Handle("/socket", func(rw http.ResponseWriter, r *http.Request) {
			w.mu.Lock()
			h := w.ws
			w.mu.Unlock()
			if h == nil {
				http.NotFound(rw, r)
				return
			}
			h(rw, r)
		})
	})
	w.Start()
	t.Cleanup(w.Stop)
	return w
}

// message returns the channel's message at ts, blocks decoded.
func (w *workspace) message(ts string) slack.Message {
	w.mu.Lock()
	defer w.mu.Unlock()
	m := w.msgs[ts]
	if m == nil {
		w.t.Fatalf("no message %s", ts)
	}
	var out slack.Message
	raw, _ := json.Marshal(m)
	if err := json.Unmarshal(raw, &out); err != nil {
		w.t.Fatal(err)
	}
	return out
}

func (w *workspace) lastTS() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.order[len(w.order)-1]
}

func (w *workspace) counts() (updates, ephemerals, views int) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return len(w.updates), len(w.ephemerals), len(w.views)
}

func (w *workspace) lastEphemeral() url.Values {
	w.mu.Lock()
	defer w.mu.Unlock()
	if len(w.ephemerals) == 0 {
		return nil
	}
	return w.ephemerals[len(w.ephemerals)-1]
}

func (w *workspace) lastView() (slack.View, string) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if len(w.views) == 0 {
		w.t.Fatal("no view opened")
	}
	var v slack.View
	if err := json.Unmarshal(w.views[len(w.views)-1], &v); err != nil {
		w.t.Fatal(err)
	}
	return v, w.triggers[len(w.triggers)-1]
}

// searchStore gives the App the store's search in its own type.
type searchStore struct{ *sqlite.DB }

func (s searchStore) Search(ctx context.Context, q string, limit int) ([]Hit, error) {
	hits, err := s.DB.Search(ctx, q, limit)
	var out []Hit
	for _, h := range hits {
		out = append(out, Hit{h.DocumentID, h.Document, h.QuestionNumber, h.Snippet})
	}
	return out, err
}

// clock is the app's now: 14 February 2023, 10:30 in Brussels.
var clock = time.Date(2023, 2, 14, 10, 30, 0, 0, brusselsLoc())

func brusselsLoc() *time.Location {
	loc, err := time.LoadLocation("Europe/Brussels")
	if err != nil {
		panic(err)
	}
	return loc
}

// rig is an app on a real store, answering over HTTP, with the reminders
// of 14 February 2023 posted to the workspace with buttons.
type rig struct {
	w   *workspace
	db  *sqlite.DB
	app *App
	srv *httptest.Server
}

func newRig(t *testing.T, promises int) *rig {
	t.Helper()
	w := newWorkspace(t)
	db := openDB(t, promises)
	client := slack.New("xoxb-test", slack.OptionAPIURL(w.GetAPIURL()), slack.OptionAppLevelToken("xapp-test"))
	app := &App{Client: client, Store: db, Queries: searchStore{db},
		Buttons: Buttons{Lang: notify.Dutch, Dashboard: testDash},
		Channel: func(context.Context) (string, error) { return testChannel, nil },
		Loc:     brusselsLoc(), Now: func() time.Time { return clock }, Log: quiet()}
	srv := httptest.NewServer(app.Handler(testSecret))
	t.Cleanup(srv.Close)
	bot := NewBot("xoxb-test", testChannel, w.GetAPIURL(), nil)
	bot.Buttons = &app.Buttons
	r := &notify.Reminders{Store: db, Notifier: bot, Log: quiet()}
	if sent, err := r.Run(context.Background(), clock); err != nil || len(sent) != promises {
		t.Fatalf("reminders: %+v, %v", sent, err)
	}
	return &rig{w: w, db: db, app: app, srv: srv}
}

// sign signs body as Slack does, at ts.
func sign(body string, ts time.Time, secret string) http.Header {
	h := http.Header{}
	stamp := strconv.FormatInt(ts.Unix(), 10)
	mac := hmac.New(sha256.New, []byte(secret))
	fmt.Fprintf(mac, "v0:%s:%s", stamp, body)
	h.Set("X-Slack-Request-Timestamp", stamp)
	h.Set("X-Slack-Signature", "v0="+hex.EncodeToString(mac.Sum(nil)))
	h.Set("Content-Type", "application/x-www-form-urlencoded")
	return h
}

// post sends form to the app as Slack would, signed now with secret.
func (r *rig) post(t *testing.T, form url.Values, h http.Header) (int, string) {
	t.Helper()
	body := form.Encode()
	if h == nil {
		h = sign(body, time.Now(), testSecret)
	}
	req, err := http.NewRequest(http.MethodPost, r.srv.URL, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header = h
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, string(b)
}

// press is the block_actions payload of user pressing the element act
// (its action id) under follow-up id in the message at ts, as Slack sends
// it: the message with its blocks, the action with its value.
func (r *rig) press(t *testing.T, user, ts string, id int64, act, date, trigger string) url.Values {
	t.Helper()
	m := r.w.message(ts)
	action := map[string]any{"action_id": act, "block_id": blockID(id), "type": "button",
		"value": value(act, id), "action_ts": "1676370000.1"}
	if act == ActDate {
		action = map[string]any{"action_id": act, "block_id": blockID(id), "type": "datepicker",
			"selected_date": date, "action_ts": "1676370000.1"}
	}
	payload := map[string]any{
		"type": "block_actions", "trigger_id": trigger, "api_app_id": "A1",
		"user":      map[string]any{"id": user, "username": people[user].name, "name": people[user].name},
		"channel":   map[string]any{"id": testChannel, "name": "pq"},
		"container": map[string]any{"type": "message", "message_ts": ts, "channel_id": testChannel},
		"message":   m,
		"actions":   []any{action},
	}
	raw, err := json.Marshal(payload)
	if err != nil {
		t.Fatal(err)
	}
	return url.Values{"payload": {string(raw)}}
}

// submit is the view_submission payload of user sending view with the
// given values (block id to action id to value).
func submit(t *testing.T, user string, v slack.View, trigger string, values map[string]map[string]any) url.Values {
	t.Helper()
	payload := map[string]any{
		"type": "view_submission", "trigger_id": trigger,
		"user": map[string]any{"id": user, "name": people[user].name},
		"view": map[string]any{"id": "V1", "hash": "h1", "callback_id": v.CallbackID,
			"private_metadata": v.PrivateMetadata, "state": map[string]any{"values": values}},
	}
	raw, err := json.Marshal(payload)
	if err != nil {
		t.Fatal(err)
	}
	return url.Values{"payload": {string(raw)}}
}

// command is the form of /pqtrack text typed by user.
func command(user, text string) url.Values {
	return url.Values{"command": {"/pqtrack"}, "text": {text}, "user_id": {user}, "user_name": {people[user].name},
		"channel_id": {testChannel}, "trigger_id": {"T-cmd"}, "response_url": {"http://unused.example/"}}
}

// events returns the history of follow-up id.
func (r *rig) events(t *testing.T, id int64) []tracker.FollowUpEvent {
	t.Helper()
	h, err := r.db.History(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return h
}

func (r *rig) followUp(t *testing.T, id int64) *tracker.FollowUp {
	t.Helper()
	f, err := r.db.FollowUp(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return f
}
