package slack

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/pqtrack/pqtrack/notify"
	"github.com/slack-go/slack/slacktest"
)

// post is one captured chat.postMessage or webhook call.
type post struct {
	Channel, Text, Token string
	Blocks               []map[string]any
	Key                  string // the send-log key in the metadata
	TS                   string
}

// fakeSlack is slack-go's test server with chat.postMessage (and a webhook
// path) captured, and the channel's history (conversations.history with
// metadata, conversations.list) served from what it captured. fail, when
// set, decides a response before the post is accepted; it returns true
// when it answered. late, when set, runs after a post was recorded and
// before the answer: a slow Slack.
type fakeSlack struct {
	*slacktest.Server
	mu        sync.Mutex
	posts     []post
	fail      func(w http.ResponseWriter, r *http.Request) bool
	late      func()
	histories int
}

func newFakeSlack(t testing.TB) *fakeSlack {
	f := &fakeSlack{}
	capture := func(w http.ResponseWriter, r *http.Request) {
		f.mu.Lock()
		fail := f.fail
		f.mu.Unlock()
		if fail != nil && fail(w, r) {
			return
		}
		var p post
		if strings.HasPrefix(r.Header.Get("Content-Type"), "application/json") {
			var body struct {
				Text   string           `json:"text"`
				Blocks []map[string]any `json:"blocks"`
			}
			if err := json.NewDecoder(r.Body).Decode(&body); err != nil {
				t.Errorf("webhook body: %v", err)
			}
			p.Text, p.Blocks = body.Text, body.Blocks
		} else {
			r.ParseForm()
			p.Channel, p.Text, p.Token = r.FormValue("channel"), r.FormValue("text"), r.FormValue("token")
			if r.Header.Get("Authorization") != "" {
				p.Token = strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
			}
			if err := json.Unmarshal([]byte(r.FormValue("blocks")), &p.Blocks); err != nil {
				t.Errorf("blocks %q: %v", r.FormValue("blocks"), err)
			}
			var md struct {
				EventType    string         `json:"event_type"`
				EventPayload map[string]any `json:"event_payload"`
			}
			if m := r.FormValue("metadata"); m != "" {
				if err := json.Unmarshal([]byte(m), &md); err != nil {
					t.Errorf("metadata %q: %v", m, err)
				}
				p.Key, _ = md.EventPayload["key"].(string)
			}
		}
		f.mu.Lock()
		p.TS = fmt.Sprintf("%d.%06d", time.Now().Unix(), len(f.posts))
		f.posts = append(f.posts, p)
		late := f.late
		f.mu.Unlock()
		if late != nil {
			late()
		}
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprintf(w, `{"ok":true,"channel":"C123","ts":%q}`, p.TS)
	}
	history := func(w http.ResponseWriter, r *http.Request) {
		r.ParseForm()
		f.mu.Lock()
		f.histories++
		type msg struct {
			Type     string         `json:"type"`
			TS       string         `json:"ts"`
			Text     string         `json:"text"`
			Metadata map[string]any `json:"metadata"`
		}
		res := struct {
			OK       bool  `json:"ok"`
			Messages []msg `json:"messages"`
		}{OK: true, Messages: []msg{}}
		if r.FormValue("channel") != "C123" || r.FormValue("include_all_metadata") != "1" {
			res.OK = false
		}
		for i := len(f.posts) - 1; i >= 0; i-- { // newest first, as Slack answers
			p := f.posts[i]
			if p.Key != "" && p.TS >= r.FormValue("oldest") {
				res.Messages = append(res.Messages, msg{Type: "message", TS: p.TS, Text: p.Text,
					Metadata: map[string]any{"event_type": "pqtrack_message", "event_payload": map[string]any{"key": p.Key}}})
			}
		}
		f.mu.Unlock()
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(res)
	}
	list := func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Write([]byte(`{"ok":true,"channels":[{"id":"C999","name":"other"},{"id":"C123","name":"pq"}],"response_metadata":{"next_cursor":""}}`))
	}
	f.Server = slacktest.NewTestServer(func(c slacktest.Customize) {
		c.Handle("/chat.postMessage", capture)
		c.Handle("/conversations.history", history)
		c.Handle("/conversations.list", list)
		c.Handle("/services/T000/B000/XXXXsecretXXXX", capture)
	})
	f.Start()
	t.Cleanup(f.Stop)
	return f
}

func (f *fakeSlack) got() []post {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]post(nil), f.posts...)
}

func (f *fakeSlack) setFail(fn func(w http.ResponseWriter, r *http.Request) bool) {
	f.mu.Lock()
	f.fail = fn
	f.mu.Unlock()
}

func (f *fakeSlack) webhookURL() string {
	return strings.TrimSuffix(f.GetAPIURL(), "/") + "/services/T000/B000/XXXXsecretXXXX"
}

func reminder() notify.Message {
	return notify.Message{
		Key:   "reminder:42:2023-02-14",
		Title: "Opvolging #42 is aan de beurt: belofte",
		Text:  "Opvolging #42 is aan de beurt: belofte\n...",
		Quote: "De cijfers volgen <na> 14 februari & later.",
		Fields: []notify.Field{
			{Label: "Vraag 2", Value: strings.Repeat("Hoeveel kinderen wachten op een plaats in de kinderopvang? ", 2)},
			{Label: "Beloofd", Value: "14 februari 2023"},
			{Label: "Document", Value: "Vraag over kinderopvang"},
		},
		Action: "Kijk na of de beloofde informatie er is.",
		Footer: "Afsluiten of uitstellen: pqtrack check 42",
	}
}

func TestBotPostsBlockKit(t *testing.T) {
	srv := newFakeSlack(t)
	bot := NewBot("xoxb-test-token", "#pq-opvolging", srv.GetAPIURL(), nil)
	if err := bot.Notify(context.Background(), reminder()); err != nil {
		t.Fatal(err)
	}
	posts := srv.got()
	if len(posts) != 1 {
		t.Fatalf("%d posts, want 1", len(posts))
	}
	p := posts[0]
	if p.Channel != "#pq-opvolging" || p.Text != reminder().Text || p.Token != "xoxb-test-token" {
		t.Errorf("posted channel %q, text %q, token %q", p.Channel, p.Text, p.Token)
	}
	want := `[
{"type":"header","text":{"type":"plain_text","text":"Opvolging #42 is aan de beurt: belofte","emoji":false}},
{"type":"section","text":{"type":"mrkdwn","text":"*Vraag 2*\nHoeveel kinderen wachten op een plaats in de kinderopvang? Hoeveel kinderen wachten op een plaats in de kinderopvang? "}},
{"type":"section","text":{"type":"mrkdwn","text":"> De cijfers volgen &lt;na&gt; 14 februari &amp; later."}},
{"type":"section","fields":[{"type":"mrkdwn","text":"*Beloofd*\n14 februari 2023"},{"type":"mrkdwn","text":"*Document*\nVraag over kinderopvang"}]},
{"type":"section","text":{"type":"mrkdwn","text":"Kijk na of de beloofde informatie er is."}},
{"type":"context","elements":[{"type":"mrkdwn","text":"` + "`Afsluiten of uitstellen: pqtrack check 42`" + `"}]}
]`
	var wantBlocks []map[string]any
	if err := json.Unmarshal([]byte(want), &wantBlocks); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(wantBlocks, p.Blocks); diff != "" {
		t.Errorf("blocks (-want +got):\n%s", diff)
	}
}

func TestWebhook(t *testing.T) {
	srv := newFakeSlack(t)
	wh := NewWebhook(srv.webhookURL(), nil)
	m := notify.Message{Title: "Weekoverzicht 2023-W07", Text: "plain", Markdown: []string{"*Crevits*", "_Te doen deze week_"}}
	if err := wh.Notify(context.Background(), m); err != nil {
		t.Fatal(err)
	}
	posts := srv.got()
	if len(posts) != 1 || posts[0].Text != "plain" || len(posts[0].Blocks) != 3 {
		t.Fatalf("posts = %+v, want one with header and two sections", posts)
	}
	if got := posts[0].Blocks[2]["text"].(map[string]any)["text"]; got != "_Te doen deze week_" {
		t.Errorf("last section = %v", got)
	}
}

func TestErrorsHoldNoSecret(t *testing.T) {
	// Nothing listens here: the error names the URL it could not reach.
	dead := httptest.NewServer(http.NotFoundHandler())
	url := dead.URL + "/services/T000/B000/XXXXsecretXXXX"
	dead.Close()
	err := NewWebhook(url, nil).Notify(context.Background(), reminder())
	if err == nil || strings.Contains(err.Error(), "XXXXsecretXXXX") {
		t.Errorf("webhook error = %v; want an error without the secret path", err)
	}
	err = NewBot("xoxb-secret-token", "#c", dead.URL+"/api/xoxb-secret-token/", nil).Notify(context.Background(), reminder())
	if err == nil || strings.Contains(err.Error(), "xoxb-secret-token") {
		t.Errorf("bot error = %v; want an error without the token", err)
	}
	for e := err; e != nil; e = errors.Unwrap(e) {
		if strings.Contains(e.Error(), "xoxb-secret-token") {
			t.Errorf("wrapped error holds the token: %v", e)
		}
	}
}

func TestRateLimitedError(t *testing.T) {
	srv := newFakeSlack(t)
	srv.setFail(func(w http.ResponseWriter, r *http.Request) bool {
		w.Header().Set("Retry-After", "7")
		w.WriteHeader(http.StatusTooManyRequests)
		return true
	})
	for name, n := range map[string]notify.Notifier{
		"bot":     NewBot("xoxb-t", "#c", srv.GetAPIURL(), nil),
		"webhook": NewWebhook(srv.webhookURL(), nil),
	} {
		err := n.Notify(context.Background(), reminder())
		var rl *notify.RateLimitError
		if !errors.As(err, &rl) || rl.RetryAfter != 7*time.Second {
			t.Errorf("%s: error %v, want a rate limit of 7s", name, err)
		}
	}
}
