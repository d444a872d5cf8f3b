package notify

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/pqtrack/pqtrack/tracker"
)

// ReminderStore is what the reminder run needs of the store.
type ReminderStore interface {
	// ReminderDue returns the follow-ups due at now whose reminder for
	// their current due date was not recorded yet.
	ReminderDue(ctx context.Context, now time.Time) ([]tracker.FollowUp, error)
	// MarkReminded records f's reminder as sent, under f.ReminderKey(),
	// and drops its claim.
	MarkReminded(ctx context.Context, f *tracker.FollowUp, at time.Time) error
	Document(ctx context.Context, id int64) (*tracker.Document, error)
	WasSent(ctx context.Context, key string) (bool, error)
	ClaimLog
}

// SendLog records what was sent, keyed by what it is about, and who is
// sending what right now.
type SendLog interface {
	WasSent(ctx context.Context, key string) (bool, error)
	// MarkSent logs key as sent and drops its claim.
	MarkSent(ctx context.Context, key string, at time.Time) error
	ClaimLog
}

// Defaults for sending.
const (
	DefaultTries       = 3                // sends of one message while rate limited
	DefaultMaxWait     = time.Minute      // longest Retry-After honoured
	DefaultSendTimeout = 30 * time.Second // one HTTP round trip
	// maxFailures consecutive failures end a run: the transport is likely
	// down, and the next run tries again.
	maxFailures = 3
)

// Reminders sends a reminder for every follow-up that fell due and was not
// reminded yet. Reminders are rows with an absolute due date, so one run
// after downtime catches up on everything missed.
type Reminders struct {
	Store    ReminderStore
	Notifier Notifier
	Lang     Lang
	DryRun   bool         // render and report, send and record nothing
	Log      *slog.Logger // nil: no log

	// Summarize sends the follow-ups overdue at now in one message
	// (RenderOverdue) instead of one reminder each: for the first run on a
	// new database, which would otherwise post every old reminder at once.
	// Summary records that message as sent.
	Summarize bool
	Summary   SummaryStore

	Owner string        // who claims the reminders; "": NewOwner()
	Lease time.Duration // 0: DefaultLease

	Tries       int           // 0: DefaultTries
	MaxWait     time.Duration // 0: DefaultMaxWait
	SendTimeout time.Duration // 0: DefaultSendTimeout
}

// Sent is the fate of one reminder in a run.
type Sent struct {
	FollowUp tracker.FollowUp
	Message  Message
	Already  bool  // logged as sent before (or found in the channel): not sent again
	Busy     bool  // another process is sending it: not sent by this run
	Shown    bool  // printed by a Previewer (a terminal): not sent, not recorded
	Err      error // the send failed; retried at the next run
}

// Run sends what is due at now. It returns every due follow-up's fate and
// an error if the store failed or any send failed. Cancelling ctx stops the
// run between messages; the message in flight is finished.
//
// Each document is read at most once per run, whether it was found or not.
// A reminder whose document cannot be read still goes out, without its
// question text; the run's closing log line counts those.
func (r *Reminders) Run(ctx context.Context, now time.Time) ([]Sent, error) {
	due, err := r.Store.ReminderDue(ctx, now)
	if err != nil {
		return nil, fmt.Errorf("remind: due follow-ups: %w", err)
	}
	var out []Sent
	var sent, already, busy, failed, noText, inRow int
	docs := map[int64]docRead{} // many reminders share a document
	if r.Owner == "" {
		r.Owner = NewOwner()
	}
	once := &Once{Log: r.Store, Notifier: r.Notifier, Owner: r.Owner, Lease: r.Lease,
		Tries: r.Tries, MaxWait: r.MaxWait, SendTimeout: r.SendTimeout}
	defer func() {
		r.log("reminder run", "sent", sent, "already", already, "failed", failed, "without_question", noText, "elsewhere", busy)
	}()
	list := Due(due, now)
	if r.Summarize && !r.DryRun {
		var old []tracker.FollowUp
		if old, list = splitOverdue(list, now); len(old) > 0 {
			out = append(out, r.summarize(ctx, once, old)...)
			if out[len(out)-1].Err != nil {
				failed++
			}
		}
	}
loop:
	for _, f := range list {
		if ctx.Err() != nil {
			return out, fmt.Errorf("remind: stopped: %w", ctx.Err())
		}
		s := Sent{FollowUp: f}
		key := f.ReminderKey()
		if r.DryRun {
			// A dry run claims nothing; it only says what is logged.
			if s.Already, err = r.Store.WasSent(ctx, key); err != nil {
				return out, fmt.Errorf("remind: send log %s: %w", key, err)
			}
			if s.Already {
				out = append(out, s)
				continue
			}
		}
		rem := Reminder{FollowUp: f}
		d, ok := docs[f.DocumentID]
		if !ok {
			d.doc, d.err = r.Store.Document(ctx, f.DocumentID)
			docs[f.DocumentID] = d
		}
		if d.err == nil && d.doc != nil {
			rem.Minister = d.doc.Minister
			for _, it := range d.doc.Items {
				if it.Number == f.QuestionNumber {
					rem.Question = it.Question
					break
				}
			}
		} else {
			noText++
			if !errors.Is(d.err, tracker.ErrNotFound) {
				r.log("reminder without question text", "key", key, "err", d.err)
			}
		}
		if s.Message, err = RenderReminder(r.Lang, rem); err != nil {
			return out, err
		}
		if r.DryRun {
			out = append(out, s)
			continue
		}
		var how Outcome
		how, s.Err = once.Send(ctx, s.Message, func(ctx context.Context) error {
			return r.Store.MarkReminded(ctx, &f, time.Now())
		})
		switch {
		case s.Err != nil:
			out = append(out, s)
			failed++
			inRow++
			r.warn("reminder not sent", "key", key, "err", s.Err)
			if inRow >= maxFailures {
				break loop
			}
			continue
		case how == Already || how == Found:
			s.Already = true
			already++
			r.log("reminder already sent", "key", key, "found_in_channel", how == Found)
		case how == Shown:
			s.Shown = true
		case how == Elsewhere:
			s.Busy = true
			busy++
			r.log("reminder being sent by another process", "key", key)
		default:
			sent++
			r.log("reminder sent", "key", key)
		}
		inRow = 0
		out = append(out, s)
	}
	if failed > 0 {
		return out, fmt.Errorf("remind: %d reminder(s) not sent, retried at the next run", failed)
	}
	return out, nil
}

// docRead is the outcome of reading one document, kept for the run.
type docRead struct {
	doc *tracker.Document
	err error
}

// warn logs a failure: at WARN, so that it stands out from the sends.
func (r *Reminders) warn(msg string, args ...any) {
	if r.Log != nil {
		r.Log.Warn(msg, args...)
	}
}

func (r *Reminders) log(msg string, args ...any) {
	if r.Log != nil {
		r.Log.Info(msg, args...)
	}
}

// Due returns the follow-ups of fs that need a reminder at now: not done
// and due (or back from snooze) on or before now's day. The store already
// selects these; the check here keeps the rule in one tested place.
func Due(fs []tracker.FollowUp, now time.Time) []tracker.FollowUp {
	var out []tracker.FollowUp
	for _, f := range fs {
		if f.IsDue(now) {
			out = append(out, f)
		}
	}
	return out
}

func or[T comparable](v, def T) T {
	var zero T
	if v == zero {
		return def
	}
	return v
}
