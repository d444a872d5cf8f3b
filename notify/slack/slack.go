// Package slack delivers notify messages to Slack through slack-go: as a
// bot with chat.postMessage and Block Kit, or through an incoming webhook.
// Tokens and webhook URLs never appear in the errors it returns.
//
// App answers what staff do in Slack: the buttons under reminders and
// arrival messages (Buttons) and the /pqtrack command, over Socket Mode or
// HTTP with signed requests.
package slack

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/pqtrack/pqtrack/notify"
	"github.com/slack-go/slack"
)

// Limits of Block Kit.
const (
	maxBlocks      = 50
	maxSectionText = 3000
	maxFieldText   = 2000
	maxHeaderText  = 150
	maxFields      = 10
	maxFallback    = 3000 // the text of a message with blocks is only a notification fallback
)

// Bot posts messages with a bot token to one channel. Each message carries
// its send-log key in its metadata, so that Delivered can find it in the
// channel's history (the token needs the channels:history scope, or
// groups:history for a private channel).
type Bot struct {
	client  *slack.Client
	channel string
	token   string

	// Buttons, when set, puts buttons under each message about follow-ups
	// (notify.Message.FollowUps): set it only when an App answers them.
	Buttons *Buttons

	mu        sync.Mutex
	channelID string // channel's id, once known
}

// NewBot returns a Bot posting to channel. apiURL, when not empty, replaces
// Slack's API base URL (tests, proxies); it must end in a slash.
func NewBot(token, channel, apiURL string, hc *http.Client) *Bot {
	opts := []slack.Option{}
	if apiURL != "" {
		if !strings.HasSuffix(apiURL, "/") {
			apiURL += "/"
		}
		opts = append(opts, slack.OptionAPIURL(apiURL))
	}
	if hc != nil {
		opts = append(opts, slack.OptionHTTPClient(hc))
	}
	return &Bot{client: slack.New(token, opts...), channel: channel, token: token}
}

// Notify posts m with chat.postMessage.
func (b *Bot) Notify(ctx context.Context, m notify.Message) error {
	blocks := Blocks(m)
	if b.Buttons != nil {
		blocks = b.Buttons.Attach(blocks, m.FollowUps)
	}
	_, _, err := b.client.PostMessageContext(ctx, b.channel,
		slack.MsgOptionText(clip(m.Text, maxFallback), false),
		slack.MsgOptionBlocks(blocks...),
		slack.MsgOptionMetadata(slack.SlackMetadata{EventType: metadataEvent, EventPayload: map[string]any{"key": m.Key}}),
	)
	if err != nil {
		return scrub(fmt.Errorf("slack chat.postMessage to %s: %w", b.channel, err), b.token)
	}
	return nil
}

// metadataEvent is the event type of the metadata pqtrack's messages carry.
const metadataEvent = "pqtrack_message"

// historyPages bounds the history Delivered reads: the messages since an
// unconfirmed attempt, normally a few.
const historyPages = 20

// Delivered reports whether a message with key in its metadata was posted
// to the channel since since: Slack may have taken a post whose answer
// never reached pqtrack.
func (b *Bot) Delivered(ctx context.Context, key string, since time.Time) (bool, error) {
	id, err := b.channelIDFor(ctx)
	if err != nil {
		return false, err
	}
	p := &slack.GetConversationHistoryParameters{ChannelID: id, IncludeAllMetadata: true, Limit: 200,
		Oldest: fmt.Sprintf("%d.000000", since.Unix())}
	for range historyPages {
		h, err := b.client.GetConversationHistoryContext(ctx, p)
		if err != nil {
			return false, scrub(fmt.Errorf("slack conversations.history of %s: %w", b.channel, err), b.token)
		}
		for _, m := range h.Messages {
			if m.Metadata.EventType == metadataEvent && m.Metadata.EventPayload["key"] == key {
				return true, nil
			}
		}
		if !h.HasMore || h.ResponseMetaData.NextCursor == "" {
			return false, nil
		}
		p.Cursor = h.ResponseMetaData.NextCursor
	}
	return false, fmt.Errorf("slack conversations.history of %s: more than %d pages since %s", b.channel, historyPages, since.Format(time.RFC3339))
}

// ChannelID returns the id of the bot's channel, looked up once when
// SLACK_CHANNEL names it.
func (b *Bot) ChannelID(ctx context.Context) (string, error) { return b.channelIDFor(ctx) }

// channelIDFor returns the id of the bot's channel: history wants an id,
// while SLACK_CHANNEL may be a name ("#pq").
func (b *Bot) channelIDFor(ctx context.Context) (string, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.channelID != "" {
		return b.channelID, nil
	}
	name := strings.TrimPrefix(b.channel, "#")
	if looksLikeID(name) {
		b.channelID = name
		return name, nil
	}
	p := &slack.GetConversationsParameters{Types: []string{"public_channel", "private_channel"}, Limit: 1000, ExcludeArchived: true}
	for {
		chs, cursor, err := b.client.GetConversationsContext(ctx, p)
		if err != nil {
			return "", scrub(fmt.Errorf("slack conversations.list, looking for %s: %w", b.channel, err), b.token)
		}
		for _, c := range chs {
			if c.Name == name {
				b.channelID = c.ID
				return c.ID, nil
			}
		}
		if cursor == "" {
			return "", fmt.Errorf("slack channel %s not found; set SLACK_CHANNEL to its id", b.channel)
		}
		p.Cursor = cursor
	}
}

// looksLikeID reports whether s is a Slack conversation id (C0123ABC):
// channel names are lower case, ids upper case.
func looksLikeID(s string) bool {
	if len(s) < 3 || !strings.ContainsRune("CGD", rune(s[0])) {
		return false
	}
	for _, r := range s {
		if !(r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			return false
		}
	}
	return true
}

// Webhook posts messages to an incoming webhook. A webhook cannot read the
// channel back, so it is no notify.Finder: a post Slack took but answered
// too late (a timeout) is posted again at the next run.
type Webhook struct {
	url string
	hc  *http.Client
}

// NewWebhook returns a Webhook posting to url.
func NewWebhook(url string, hc *http.Client) *Webhook {
	if hc == nil {
		hc = http.DefaultClient
	}
	return &Webhook{url: url, hc: hc}
}

// Notify posts m to the webhook.
func (w *Webhook) Notify(ctx context.Context, m notify.Message) error {
	blocks := Blocks(m)
	msg := &slack.WebhookMessage{
		Text:   clip(m.Text, maxFallback),
		Blocks: &slack.Blocks{BlockSet: blocks},
	}
	if err := slack.PostWebhookCustomHTTPContext(ctx, w.url, w.hc, msg); err != nil {
		secrets := []string{w.url}
		if u, perr := url.Parse(w.url); perr == nil && len(u.Path) > 1 {
			secrets = append(secrets, u.Path, u.EscapedPath())
		}
		return scrub(fmt.Errorf("slack webhook: %w", err), secrets...)
	}
	return nil
}

// Blocks lays m out in Block Kit: a header, the fields as a section, the
// quoted sentence, what to do, and the pqtrack command as context.
func Blocks(m notify.Message) []slack.Block {
	var bs []slack.Block
	if m.Title != "" {
		bs = append(bs, slack.NewHeaderBlock(slack.NewTextBlockObject(slack.PlainTextType, clip(m.Title, maxHeaderText), false, false)))
	}
	// The first field with a long value (the question) reads better as
	// its own section than squeezed into a column.
	var short []*slack.TextBlockObject
	for _, f := range m.Fields {
		text := fmt.Sprintf("*%s*\n%s", escape(f.Label), escape(f.Value))
		if len(f.Value) > 80 {
			bs = append(bs, section(text))
			continue
		}
		if len(short) < maxFields {
			short = append(short, slack.NewTextBlockObject(slack.MarkdownType, clip(text, maxFieldText), false, false))
		}
	}
	if m.Quote != "" {
		bs = append(bs, section("> "+strings.ReplaceAll(escape(m.Quote), "\n", "\n> ")))
	}
	if len(short) > 0 {
		bs = append(bs, slack.NewSectionBlock(nil, short, nil))
	}
	if m.Action != "" {
		bs = append(bs, section(escape(m.Action)))
	}
	for _, p := range m.Markdown {
		if len(bs) >= maxBlocks-1 {
			break
		}
		bs = append(bs, section(p))
	}
	if m.Footer != "" {
		bs = append(bs, slack.NewContextBlock("", slack.NewTextBlockObject(slack.MarkdownType, "`"+strings.ReplaceAll(escape(m.Footer), "`", "'")+"`", false, false)))
	}
	return bs
}

func section(mrkdwn string) *slack.SectionBlock {
	return slack.NewSectionBlock(slack.NewTextBlockObject(slack.MarkdownType, clip(mrkdwn, maxSectionText), false, false), nil, nil)
}

// escape escapes the characters Slack mrkdwn reserves.
func escape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(s)
}

func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	r := []rune(s[:n-len("…")])
	if len(r) > 0 && r[len(r)-1] == '\uFFFD' {
		r = r[:len(r)-1]
	}
	return string(r) + "…"
}

// scrub removes secrets from err's text. The result unwraps only to errors
// that carry no secret and that callers branch on: a rate limit (as a
// *notify.RateLimitError wrapping *slack.RateLimitedError), an HTTP status,
// a context error.
func scrub(err error, secrets ...string) error {
	msg := err.Error()
	for _, s := range secrets {
		if s != "" {
			msg = strings.ReplaceAll(msg, s, "[redacted]")
		}
	}
	e := &scrubbed{msg: msg}
	var rl *slack.RateLimitedError
	var sc slack.StatusCodeError
	switch {
	case errors.As(err, &rl):
		e.err = &notify.RateLimitError{RetryAfter: rl.RetryAfter, Err: rl}
	case errors.As(err, &sc):
		e.err = sc
	case errors.Is(err, context.DeadlineExceeded):
		e.err = context.DeadlineExceeded
	case errors.Is(err, context.Canceled):
		e.err = context.Canceled
	}
	return e
}

type scrubbed struct {
	msg string
	err error
}

func (e *scrubbed) Error() string { return e.msg }
func (e *scrubbed) Unwrap() error { return e.err }
