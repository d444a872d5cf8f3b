package notify

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"log/slog"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/pqtrack/pqtrack/tracker"
)

// MinisterLate is one minister's late answers.
type MinisterLate struct {
	Minister string // "" when the question does not name one
	Late     []tracker.FollowUp
}

// ByMinister groups late-answer follow-ups per minister, by name with the
// unknown minister last, each by deadline.
func ByMinister(fs []tracker.FollowUp) []MinisterLate {
	idx := map[string]int{}
	var out []MinisterLate
	for _, f := range fs {
		i, ok := idx[f.Minister]
		if !ok {
			i = len(out)
			idx[f.Minister] = i
			out = append(out, MinisterLate{Minister: f.Minister})
		}
		out[i].Late = append(out[i].Late, f)
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i].Minister, out[j].Minister
		if (a == "") != (b == "") {
			return b == ""
		}
		return a < b
	})
	for _, g := range out {
		sort.SliceStable(g.Late, func(i, j int) bool {
			if !g.Late[i].Due.Equal(g.Late[j].Due) {
				return g.Late[i].Due.Before(g.Late[j].Due)
			}
			return g.Late[i].ID < g.Late[j].ID
		})
	}
	return out
}

// LateNoticeKey is the send-log key that says follow-up f's lateness was
// announced: each late answer is announced once per deadline (a
// postponement notice gives it a new one).
func LateNoticeKey(f tracker.FollowUp) string {
	return "late:" + strconv.FormatInt(f.ID, 10) + ":" + f.Due.Format(tracker.DateLayout)
}

// lateDayKey names the morning message about fs on day: the same answers
// on the same day are one message.
func lateDayKey(day time.Time, fs []tracker.FollowUp) string {
	ids := make([]string, len(fs))
	for i, f := range fs {
		ids[i] = strconv.FormatInt(f.ID, 10)
	}
	sort.Strings(ids)
	body := strings.Join(ids, ",")
	if len(body) > 80 {
		sum := sha256.Sum256([]byte(body))
		body = hex.EncodeToString(sum[:12])
	}
	return "late-day:" + day.Format(tracker.DateLayout) + ":" + body
}

var lateWords = map[Lang]map[string]string{
	Dutch: {
		"title":    "%d antwoord(en) vandaag te laat",
		"minister": "%s: %d",
		"line":     "- %s, termijn %s (#%d)",
		"footer":   "Alle late antwoorden: pqtrack late",
	},
	English: {
		"title":    "%d answer(s) late today",
		"minister": "%s: %d",
		"line":     "- %s, deadline %s (#%d)",
		"footer":   "All late answers: pqtrack late",
	},
}

// RenderBecameLate renders the one morning message about the answers that
// became late: a count per minister and the questions under each.
func RenderBecameLate(lang Lang, day time.Time, fs []tracker.FollowUp) Message {
	w := lateWords[lang.known()]
	m := Message{Key: lateDayKey(day, fs), Title: fmt.Sprintf(w["title"], len(fs)), Footer: w["footer"]}
	lines := []string{m.Title + ".", ""}
	var md []string
	for _, g := range ByMinister(fs) {
		name := g.Minister
		if name == "" {
			name = lang.tr("digest.nominister")
		}
		part := []string{fmt.Sprintf(w["minister"], name, len(g.Late))}
		for _, f := range g.Late {
			part = append(part, fmt.Sprintf(w["line"], f.Document, lang.date(f.Due), f.ID))
		}
		lines = append(lines, part...)
		md = append(md, escapeSlack(strings.Join(part, "\n")))
	}
	lines = append(lines, "", m.Footer)
	m.Text = strings.Join(lines, "\n") + "\n"
	m.Markdown = append([]string{escapeSlack(m.Title + ".")}, append(md, escapeSlack(m.Footer))...)
	return m
}

// LateStore is what the morning late message needs of the store.
type LateStore interface {
	FollowUps(ctx context.Context, f tracker.FollowUpFilter) ([]tracker.FollowUp, error)
	WasSent(ctx context.Context, key string) (bool, error)
	// MarkSentAll logs every key as sent, in one transaction.
	MarkSentAll(ctx context.Context, keys []string, at time.Time) error
	ClaimLog
}

// LateWindow is how far back the morning message looks for answers that
// became late and were not announced: a week of missed mornings (serve
// down, a holiday) is caught up on, older lateness stays in the digest and
// `pqtrack late`.
const LateWindow = 7 * 24 * time.Hour

// Lateness sends, once a day at most, one message about the answers that
// became late and were not announced yet.
type Lateness struct {
	Store    LateStore
	Notifier Notifier
	Lang     Lang
	Log      *slog.Logger // nil: no log
	Owner    string
	Lease    time.Duration
}

// Due returns the late-answer follow-ups late at now (deadline before
// today, within LateWindow) that were not announced.
func (l *Lateness) Due(ctx context.Context, now time.Time) ([]tracker.FollowUp, error) {
	today := tracker.DayOf(now)
	fs, err := l.Store.FollowUps(ctx, tracker.FollowUpFilter{Kind: tracker.FollowLate, Overdue: today})
	if err != nil {
		return nil, fmt.Errorf("late answers: %w", err)
	}
	from := today.Add(-LateWindow - 24*time.Hour)
	var out []tracker.FollowUp
	for _, f := range fs {
		if f.Due.Before(from) {
			continue
		}
		sent, err := l.Store.WasSent(ctx, LateNoticeKey(f))
		if err != nil {
			return nil, err
		}
		if !sent {
			out = append(out, f)
		}
	}
	return out, nil
}

// Run sends the message about what Due returns, if anything. A preview
// (a terminal) records nothing, so the answers are announced again.
func (l *Lateness) Run(ctx context.Context, now time.Time) (Outcome, int, error) {
	fs, err := l.Due(ctx, now)
	if err != nil || len(fs) == 0 {
		return Already, 0, err
	}
	m := RenderBecameLate(l.Lang, tracker.DayOf(now), fs)
	keys := []string{m.Key}
	for _, f := range fs {
		keys = append(keys, LateNoticeKey(f))
	}
	once := &Once{Log: l.Store, Notifier: l.Notifier, Owner: l.Owner, Lease: l.Lease}
	how, err := once.Send(ctx, m, func(ctx context.Context) error {
		return l.Store.MarkSentAll(ctx, keys, time.Now())
	})
	if l.Log != nil {
		if err != nil {
			l.Log.Warn("late answers not announced", "key", m.Key, "err", err)
		} else {
			l.Log.Info("late answers", "key", m.Key, "answers", len(fs), "outcome", int(how))
		}
	}
	return how, len(fs), err
}
