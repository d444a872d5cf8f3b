package notify

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/pqtrack/pqtrack/tracker"
)

// OverdueKey is the send-log key of the summary a first run sends of what
// was overdue before it (see Reminders.Summarize).
const OverdueKey = "overdue-summary"

// SummaryStore records a summary as sent.
type SummaryStore interface {
	MarkSent(ctx context.Context, key string, at time.Time) error
}

// overdueWords are the summary's lines.
var overdueWords = map[Lang][3]string{
	Dutch: {"pqtrack is gestart: %d opvolging(en) waren al achterstallig", "Ze krijgen geen eigen herinnering meer; je vindt ze in het overzicht en met pqtrack followups --overdue.",
		"- %s  #%d %s, %s (%s)"},
	English: {"pqtrack has started: %d follow-up(s) were already overdue", "They get no reminder of their own; find them on the overview and with pqtrack followups --overdue.",
		"- %s  #%d %s, %s (%s)"},
}

// RenderOverdue renders the one message that announces fs, the follow-ups
// already overdue when pqtrack first runs, instead of one reminder each.
func RenderOverdue(lang Lang, fs []tracker.FollowUp) Message {
	w := overdueWords[lang.known()]
	m := Message{Key: OverdueKey, Title: fmt.Sprintf(w[0], len(fs))}
	lines := []string{m.Title + ".", w[1], ""}
	for _, f := range fs {
		lines = append(lines, fmt.Sprintf(w[2], lang.date(f.EffectiveDue()), f.ID, f.Document,
			lang.tr("question.n", f.QuestionNumber), lang.tr("kind."+string(f.Kind))))
	}
	m.Text = strings.Join(lines, "\n") + "\n"
	m.Markdown = []string{escapeSlack(strings.Join(lines[:2], "\n")), escapeSlack(strings.Join(lines[3:], "\n"))}
	return m
}

// splitOverdue splits fs into those overdue at now and the rest.
func splitOverdue(fs []tracker.FollowUp, now time.Time) (old, rest []tracker.FollowUp) {
	for _, f := range fs {
		if f.IsOverdue(now) {
			old = append(old, f)
		} else {
			rest = append(rest, f)
		}
	}
	return old, rest
}

// summarize sends old in one message and records each follow-up's
// reminder with it, so that none of them is reminded on its own later.
func (r *Reminders) summarize(ctx context.Context, once *Once, old []tracker.FollowUp) []Sent {
	m := RenderOverdue(r.Lang, old)
	how, err := once.Send(ctx, m, func(ctx context.Context) error {
		for i := range old {
			if err := r.Store.MarkReminded(ctx, &old[i], time.Now()); err != nil {
				return err
			}
		}
		return r.Summary.MarkSent(ctx, OverdueKey, time.Now())
	})
	out := make([]Sent, len(old))
	for i, f := range old {
		out[i] = Sent{FollowUp: f, Message: m, Err: err, Shown: how == Shown,
			Already: err == nil && (how == Already || how == Found), Busy: err == nil && how == Elsewhere}
	}
	if err != nil {
		r.warn("overdue summary not sent", "key", OverdueKey, "err", err)
	} else {
		r.log("overdue summary", "key", OverdueKey, "followups", len(old))
	}
	return out
}
