package slack

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/pqtrack/pqtrack/notify"
	"github.com/pqtrack/pqtrack/tracker"
	"github.com/slack-go/slack"
)

// listMax bounds the follow-ups and hits one answer lists.
const listMax = 15

// The words of /pqtrack, Dutch and English.
var commandWords = map[string]string{
	"vandaag": "today", "today": "today",
	"week": "week",
	"zoek": "search", "zoeken": "search", "search": "search",
	"opvolging": "followup", "followup": "followup", "follow-up": "followup",
}

// Command answers /pqtrack, visible to the one who asked only:
//
//	vandaag                what is due today (and overdue)
//	week                   what is due this week (Monday to Sunday)
//	zoek <woorden>         search the questions and answers
//	opvolging <nummer>     one follow-up with its history
//
// in Dutch, or in English for a user whose Slack locale is English.
func (a *App) Command(ctx context.Context, cmd slack.SlashCommand) *slack.Msg {
	a = a.forChannel(cmd.ChannelID) // in an office's channel, that office's follow-ups
	l := a.langFor(ctx, cmd.UserID)
	reply := func(text string) *slack.Msg {
		return &slack.Msg{ResponseType: slack.ResponseTypeEphemeral, Text: text}
	}
	if !a.allowed(ctx, cmd.UserID) {
		a.log("slack: refused command", "user", cmd.UserID)
		return reply(say(l, "refused.command"))
	}
	verb, rest, _ := strings.Cut(strings.TrimSpace(cmd.Text), " ")
	rest = strings.TrimSpace(rest)
	var text string
	var err error
	switch commandWords[strings.ToLower(verb)] {
	case "today":
		text, err = a.today(ctx, l)
	case "week":
		text, err = a.week(ctx, l)
	case "search":
		text, err = a.search(ctx, l, rest)
	case "followup":
		text, err = a.followUp(ctx, l, rest)
	default:
		text = say(l, "cmd.help")
	}
	if err != nil {
		a.logError("slack: /pqtrack", "text", cmd.Text, "err", err)
		return reply(say(l, "cmd.failed"))
	}
	return reply(text)
}

func (a *App) today(ctx context.Context, l notify.Lang) (string, error) {
	today := tracker.DayOf(a.now())
	fs, err := a.Queries.DueBetween(ctx, time.Time{}, today, "", listMax+1)
	if err != nil {
		return "", err
	}
	return a.list(l, say(l, "cmd.today", l.Date(today)), fs, today), nil
}

func (a *App) week(ctx context.Context, l notify.Lang) (string, error) {
	today := tracker.DayOf(a.now())
	mon := today.AddDate(0, 0, -((int(today.Weekday()) + 6) % 7))
	sun := mon.AddDate(0, 0, 6)
	fs, err := a.Queries.DueBetween(ctx, mon, sun, "", listMax+1)
	if err != nil {
		return "", err
	}
	return a.list(l, say(l, "cmd.week", l.Date(mon), l.Date(sun)), fs, today), nil
}

// list writes follow-ups one a line under title, at most listMax.
func (a *App) list(l notify.Lang, title string, fs []tracker.FollowUp, today time.Time) string {
	var b strings.Builder
	b.WriteString(title)
	if len(fs) == 0 {
		b.WriteString("\n" + say(l, "cmd.none"))
	}
	for i, f := range fs {
		if i == listMax {
			b.WriteString("\n" + say(l, "cmd.more", len(fs)-listMax))
			break
		}
		b.WriteString("\n• " + a.line(l, &f, today))
	}
	return b.String()
}

// line is one follow-up in a list: "#6 14 februari 2023 · belofte ·
// Document, vraag 5", linked to the dashboard when there is one.
func (a *App) line(l notify.Lang, f *tracker.FollowUp, today time.Time) string {
	ref := fmt.Sprintf("#%d", f.ID)
	if a.Buttons.Dashboard != "" {
		ref = fmt.Sprintf("<%s/followups/%d|#%d>", strings.TrimRight(a.Buttons.Dashboard, "/"), f.ID, f.ID)
	}
	s := fmt.Sprintf("%s %s · %s · %s, %s", ref, l.Date(f.EffectiveDue()), l.T("kind."+string(f.Kind)),
		escape(clip(f.Document, 80)), say(l, "cmd.question", f.QuestionNumber))
	if f.IsOverdue(today) {
		s += " (" + say(l, "cmd.overdue") + ")"
	}
	return s
}

func (a *App) search(ctx context.Context, l notify.Lang, q string) (string, error) {
	if q == "" {
		return say(l, "cmd.searchwhat"), nil
	}
	hits, err := a.Queries.Search(ctx, q, listMax)
	if err != nil {
		return "", err
	}
	if len(hits) == 0 {
		return say(l, "cmd.nohits", escape(q)), nil
	}
	var b strings.Builder
	b.WriteString(say(l, "cmd.search", escape(q)))
	for _, h := range hits {
		where := escape(clip(h.Document, 80)) + ", " + say(l, "cmd.question", h.QuestionNumber)
		if a.Buttons.Dashboard != "" {
			where = fmt.Sprintf("<%s/documents/%d|%s>", strings.TrimRight(a.Buttons.Dashboard, "/"), h.DocumentID, where)
		}
		fmt.Fprintf(&b, "\n• %s: %s", where, escape(clip(h.Snippet, 240)))
	}
	return b.String(), nil
}

func (a *App) followUp(ctx context.Context, l notify.Lang, arg string) (string, error) {
	id, err := strconv.ParseInt(strings.TrimPrefix(arg, "#"), 10, 64)
	if err != nil || id <= 0 {
		return say(l, "cmd.badid"), nil
	}
	f, err := a.Queries.FollowUp(ctx, id)
	if err != nil {
		if isNotFound(err) {
			return say(l, "notfound", id), nil
		}
		return "", err
	}
	hist, err := a.Queries.History(ctx, id)
	if err != nil {
		return "", err
	}
	today := tracker.DayOf(a.now())
	var b strings.Builder
	fmt.Fprintf(&b, "*%s*: %s\n", say(l, "followup", id), escape(l.T("kind."+string(f.Kind))))
	fmt.Fprintf(&b, "%s, %s\n", escape(f.Document), say(l, "cmd.question", f.QuestionNumber))
	if s := strings.TrimSpace(f.Summary); s != "" {
		b.WriteString("> " + escape(clip(s, 600)) + "\n")
	}
	fmt.Fprintf(&b, "%s: %s\n", say(l, "cmd.due"), l.Date(f.Due))
	state := say(l, "state.open")
	switch f.State {
	case tracker.Snoozed:
		state = say(l, "state.snoozed", l.Date(f.SnoozedUntil))
	case tracker.Done:
		state = say(l, "state.done", l.T("outcome."+string(f.Outcome)))
	}
	if f.IsOverdue(today) {
		state += " (" + say(l, "cmd.overdue") + ")"
	}
	fmt.Fprintf(&b, "%s: %s", say(l, "cmd.state"), state)
	if len(hist) > 0 {
		b.WriteString("\n" + say(l, "cmd.history") + ":")
	}
	for _, e := range hist {
		what := say(l, "event."+e.Action)
		if what == "" {
			what = e.Action
		}
		fmt.Fprintf(&b, "\n• %s: %s", a.when(l, e.At), what)
		if e.By != "" {
			b.WriteString(" " + say(l, "event.by", escape(e.By)))
		}
	}
	if a.Buttons.Dashboard != "" {
		fmt.Fprintf(&b, "\n<%s/followups/%d|%s>", strings.TrimRight(a.Buttons.Dashboard, "/"), id, say(l, "button.open"))
	}
	return b.String(), nil
}

func isNotFound(err error) bool { return errors.Is(err, tracker.ErrNotFound) }
