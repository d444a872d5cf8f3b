package slack

import (
	"context"
	"log/slog"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/pqtrack/pqtrack/notify"
	"github.com/pqtrack/pqtrack/tracker"
	"github.com/slack-go/slack"
)

// Store is what the buttons change and read.
type Store interface {
	FollowUp(ctx context.Context, id int64) (*tracker.FollowUp, error)
	Document(ctx context.Context, id int64) (*tracker.Document, error)
	Check(ctx context.Context, id int64, outcome tracker.Outcome, reaskedAs, note, by string, at time.Time) error
	Snooze(ctx context.Context, id int64, until time.Time, note, by string, at time.Time) error
	Correct(ctx context.Context, c tracker.Correction) (tracker.CorrectionResult, error)
	// Handle records the interaction key as handled and reports whether
	// this call did: false means it was handled before (a retry).
	Handle(ctx context.Context, key string, at time.Time) (bool, error)
	// Unhandle forgets key after acting on it failed.
	Unhandle(ctx context.Context, key string) error
}

// Queries is what the slash command reads.
type Queries interface {
	DueBetween(ctx context.Context, from, to time.Time, kind tracker.FollowUpKind, limit int) ([]tracker.FollowUp, error)
	FollowUp(ctx context.Context, id int64) (*tracker.FollowUp, error)
	History(ctx context.Context, id int64) ([]tracker.FollowUpEvent, error)
	Search(ctx context.Context, query string, limit int) ([]Hit, error)
}

// Hit is one search result.
type Hit struct {
	DocumentID     int64
	Document       string
	QuestionNumber int
	Snippet        string
}

// App answers the buttons under pqtrack's messages and the /pqtrack
// command, over Socket Mode (RunSocket) or HTTP (Handler).
type App struct {
	Client  *slack.Client // the bot: chat.update, views.open, users.info, conversations.members
	Store   Store
	Queries Queries
	// Buttons gives the language of the channel's messages (rewritten
	// after a press) and the dashboard. Replies to a person follow their
	// Slack locale: English for an English locale, else Buttons.Lang.
	Buttons Buttons
	// Channel returns the id of the channel whose members may act.
	Channel func(ctx context.Context) (string, error)
	// Users, when not empty, are the Slack user ids that may act instead
	// of the channel's members.
	Users []string
	Loc   *time.Location
	Now   func() time.Time // nil: time.Now
	Log   *slog.Logger     // nil: no log
	// Office, when set, gives the app of the office whose Slack channel
	// an interaction or command comes from (nil: this app's): each
	// office's buttons act on its own follow-ups, for the members of its
	// own channel.
	Office func(channel string) *App

	mu        sync.Mutex
	members   map[string]bool
	membersAt time.Time
}

// forChannel is the app that answers for channel.
func (a *App) forChannel(channel string) *App {
	if a.Office != nil && channel != "" {
		if o := a.Office(channel); o != nil {
			return o
		}
	}
	return a
}

// membersTTL is how long the channel's member list is trusted: someone who
// left the channel stops being able to act within it.
const membersTTL = 2 * time.Minute

func (a *App) now() time.Time {
	if a.Now != nil {
		return a.Now().In(a.loc())
	}
	return time.Now().In(a.loc())
}

func (a *App) loc() *time.Location {
	if a.Loc != nil {
		return a.Loc
	}
	return time.Local
}

func (a *App) log(msg string, args ...any) {
	if a.Log != nil {
		a.Log.Info(msg, args...)
	}
}

func (a *App) logError(msg string, args ...any) {
	if a.Log != nil {
		a.Log.Error(msg, args...)
	}
}

// allowed reports whether user may act: one of Users, else a member of
// the channel. When the members cannot be read, no one may.
func (a *App) allowed(ctx context.Context, user string) bool {
	if len(a.Users) > 0 {
		return slices.Contains(a.Users, user)
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.members == nil || time.Since(a.membersAt) > membersTTL {
		m, err := a.readMembers(ctx)
		if err != nil {
			a.logError("slack: channel members", "err", err)
			return false
		}
		a.members, a.membersAt = m, time.Now()
	}
	return a.members[user]
}

func (a *App) readMembers(ctx context.Context) (map[string]bool, error) {
	if a.Channel == nil {
		return map[string]bool{}, nil
	}
	ch, err := a.Channel(ctx)
	if err != nil {
		return nil, err
	}
	m := map[string]bool{}
	p := &slack.GetUsersInConversationParameters{ChannelID: ch, Limit: 1000}
	for {
		ids, cursor, err := a.Client.GetUsersInConversationContext(ctx, p)
		if err != nil {
			return nil, err
		}
		for _, id := range ids {
			m[id] = true
		}
		if cursor == "" {
			return m, nil
		}
		p.Cursor = cursor
	}
}

// person is who pressed: their name for the history and their language.
type person struct {
	id, name string
	lang     notify.Lang
}

// who looks user up with users.info: the name people know them by and
// their locale. When Slack does not answer, the user name of the payload.
func (a *App) who(ctx context.Context, id, fallback string) person {
	p := person{id: id, name: fallback, lang: a.Buttons.Lang}
	u, err := a.Client.GetUserInfoContext(ctx, id)
	if err != nil {
		a.logError("slack: users.info", "user", id, "err", err)
	} else {
		for _, n := range []string{u.RealName, u.Profile.RealName, u.Profile.DisplayName, u.Name} {
			if strings.TrimSpace(n) != "" {
				p.name = strings.TrimSpace(n)
				break
			}
		}
		p.lang = langOf(u.Locale, a.Buttons.Lang)
	}
	if p.name == "" {
		p.name = id
	}
	return p
}

// langOf is the language for a Slack locale ("en-US", "nl-NL"): English
// for English, Dutch for Dutch, else def.
func langOf(locale string, def notify.Lang) notify.Lang {
	switch {
	case strings.HasPrefix(locale, "en"):
		return notify.English
	case strings.HasPrefix(locale, "nl"):
		return notify.Dutch
	}
	return def
}

// when writes t for people: "4 december 2026 om 18:02".
func (a *App) when(l notify.Lang, t time.Time) string {
	t = t.In(a.loc())
	return say(l, "time", l.Date(t), t.Format("15:04"))
}

// ephemeral shows text to user alone, in channel.
func (a *App) ephemeral(ctx context.Context, channel, user, text string) {
	if channel == "" || user == "" {
		return
	}
	if _, err := a.Client.PostEphemeralContext(ctx, channel, user, slack.MsgOptionText(text, false)); err != nil {
		a.logError("slack: chat.postEphemeral", "channel", channel, "err", err)
	}
}
