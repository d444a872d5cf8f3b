package main

import (
	"flag"
	"fmt"
	"net/http"
	"os"
	"strings"
	"time"
	_ "time/tzdata" // Europe/Brussels on machines without a zone database

	"github.com/pqtrack/pqtrack/notify"
	"github.com/pqtrack/pqtrack/notify/slack"
)

// zone is where pqtrack's schedules and weeks run.
const zone = "Europe/Brussels"

func brussels() *time.Location {
	loc, err := time.LoadLocation(zone)
	if err != nil {
		panic(err) // time/tzdata is linked in
	}
	return loc
}

// newNotifier builds the notifier the environment configures:
//
//	SLACK_BOT_TOKEN (or SLACK_BOT_TOKEN_FILE) and SLACK_CHANNEL: a bot, chat.postMessage
//	SLACK_WEBHOOK_URL (or SLACK_WEBHOOK_URL_FILE): an incoming webhook
//	neither: standard output
//
// PQTRACK_SLACK_API_URL replaces Slack's API base URL. It also returns a
// description for logs, which holds no secret.
func newNotifier(e *env) (notify.Notifier, string, error) { return newNotifierFor(e, "") }

// newNotifierFor is newNotifier posting to channel, an office's, when a
// bot token is set; "" is SLACK_CHANNEL. A webhook or the terminal serve
// every office alike.
func newNotifierFor(e *env, channel string) (notify.Notifier, string, error) {
	token, err := secret(e, "SLACK_BOT_TOKEN")
	if err != nil {
		return nil, "", err
	}
	hook, err := secret(e, "SLACK_WEBHOOK_URL")
	if err != nil {
		return nil, "", err
	}
	hc := &http.Client{Timeout: notify.DefaultSendTimeout}
	switch {
	case token != "":
		ch := channel
		if ch == "" {
			ch = strings.TrimSpace(e.getenv("SLACK_CHANNEL"))
		}
		if ch == "" {
			return nil, "", fmt.Errorf("SLACK_BOT_TOKEN is set but SLACK_CHANNEL is not")
		}
		bot := slack.NewBot(token, ch, strings.TrimSpace(e.getenv("PQTRACK_SLACK_API_URL")), hc)
		bot.Buttons = slackButtons(e) // buttons only when a Slack app answers them
		return bot, whereChannel + ch, nil
	case hook != "":
		return slack.NewWebhook(hook, hc), whereWebhook, nil
	}
	return &notify.Writer{W: e.stdout}, whereStdout, nil
}

// isPreview reports whether n only shows messages on the terminal.
func isPreview(n notify.Notifier) bool {
	_, ok := n.(notify.Previewer)
	return ok
}

// The descriptions newNotifier returns, in English for logs; sayWhere
// translates them for staff.
const (
	whereChannel = "slack channel "
	whereWebhook = "slack webhook"
	whereStdout  = "standard output"
)

var whereWords = words{
	"channel": {"Slack-kanaal %s", "Slack channel %s"},
	"webhook": {"Slack-webhook", "Slack webhook"},
	"stdout":  {"standaarduitvoer", "standard output"},
}

// sayWhere writes where, a description from newNotifier, in l.
func sayWhere(l notify.Lang, where string) string {
	switch {
	case strings.HasPrefix(where, whereChannel):
		return say(l, whereWords, "channel", strings.TrimPrefix(where, whereChannel))
	case where == whereWebhook:
		return say(l, whereWords, "webhook")
	case where == whereStdout:
		return say(l, whereWords, "stdout")
	}
	return where
}

// secret reads name from the environment, or from the file that
// name_FILE names. Neither value nor file content ever goes into an error.
func secret(e *env, name string) (string, error) {
	if v := strings.TrimSpace(e.getenv(name)); v != "" {
		return v, nil
	}
	path := strings.TrimSpace(e.getenv(name + "_FILE"))
	if path == "" {
		return "", nil
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return "", fmt.Errorf("%s_FILE: %w", name, err)
	}
	v := strings.TrimSpace(string(b))
	if v == "" {
		return "", fmt.Errorf("%s_FILE %s is empty", name, path)
	}
	return v, nil
}

// sendLease reads PQTRACK_SEND_LEASE: how long a claim on a message keeps
// other processes off it (notify.DefaultLease when unset). A claim whose
// owner died is taken over after it.
func sendLease(e *env) (time.Duration, error) {
	v := strings.TrimSpace(e.getenv("PQTRACK_SEND_LEASE"))
	if v == "" {
		return notify.DefaultLease, nil
	}
	d, err := time.ParseDuration(v)
	if err != nil || d <= 0 {
		return 0, fmt.Errorf("PQTRACK_SEND_LEASE %q: want a duration such as 5m", v)
	}
	return d, nil
}

// langFlag adds --lang to fs, defaulting to PQTRACK_LANG, then Dutch.
func langFlag(e *env, fs *flag.FlagSet) *string {
	return fs.String("lang", e.getenv("PQTRACK_LANG"), "language of messages: nl or en (default nl, or $PQTRACK_LANG)")
}

// parseNow reads --now: a date (taken at 12:00 in Brussels, so the day is
// the same everywhere) or an RFC 3339 time. Empty means the real now.
func parseNow(s string) (time.Time, error) {
	loc := brussels()
	if s == "" {
		return time.Now().In(loc), nil
	}
	if d, err := time.ParseInLocation("2006-01-02", s, loc); err == nil {
		return d.Add(12 * time.Hour), nil
	}
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("--now %q: want YYYY-MM-DD or RFC 3339", s)
	}
	return t.In(loc), nil
}

// dbFlag adds --db to fs, defaulting to PQTRACK_DB, then pqtrack.db, and
// --office, defaulting to PQTRACK_OFFICE, then the default office.
func dbFlag(e *env, fs *flag.FlagSet) *dbArg {
	def := e.getenv("PQTRACK_DB")
	if def == "" {
		def = "pqtrack.db"
	}
	a := new(dbArg)
	fs.StringVar(&a.path, "db", def, "SQLite database file or postgres:// URL (default $PQTRACK_DB or pqtrack.db)")
	fs.StringVar(&a.office, "office", e.getenv("PQTRACK_OFFICE"), "the office whose follow-ups, watch list and messages these are (default $PQTRACK_OFFICE or the default office)")
	return a
}
