package notify

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"github.com/pqtrack/pqtrack/tracker"
)

// DigestStore is what the weekly digest needs of the store.
type DigestStore interface {
	FollowUps(ctx context.Context, f tracker.FollowUpFilter) ([]tracker.FollowUp, error)
	Events(ctx context.Context, since, until time.Time) ([]tracker.FollowUpEvent, error)
	DocumentsIngested(ctx context.Context, since, until time.Time) ([]tracker.Document, error)
}

// LoadDigest reads what the digest of ISO week year-week needs from st and
// builds it. loc is where weeks start and end.
func LoadDigest(ctx context.Context, st DigestStore, year, week int, loc *time.Location, now time.Time) (tracker.Digest, error) {
	fs, err := st.FollowUps(ctx, tracker.FollowUpFilter{})
	if err != nil {
		return tracker.Digest{}, fmt.Errorf("digest %d-W%02d: follow-ups: %w", year, week, err)
	}
	// The period is known only once built; build once with no history to
	// learn it, then read the history of exactly that period.
	period := tracker.BuildDigest(year, week, loc, nil, nil, nil, now)
	events, err := st.Events(ctx, period.From, period.Until)
	if err != nil {
		return tracker.Digest{}, fmt.Errorf("digest %d-W%02d: events: %w", year, week, err)
	}
	docs, err := st.DocumentsIngested(ctx, period.From, period.Until)
	if err != nil {
		return tracker.Digest{}, fmt.Errorf("digest %d-W%02d: new documents: %w", year, week, err)
	}
	return tracker.BuildDigest(year, week, loc, fs, docs, events, now), nil
}

// Digests sends the weekly digest once per ISO week.
type Digests struct {
	Store    DigestStore
	Log      SendLog
	Notifier Notifier
	Lang     Lang
	Loc      *time.Location
	Logger   *slog.Logger // nil: no log

	Owner string        // who claims the digest; "": NewOwner()
	Lease time.Duration // 0: DefaultLease

	Tries       int           // 0: DefaultTries
	MaxWait     time.Duration // 0: DefaultMaxWait
	SendTimeout time.Duration // 0: DefaultSendTimeout
}

// Run sends the digest of now's ISO week (in d.Loc) unless it was sent.
func (d *Digests) Run(ctx context.Context, now time.Time) error {
	year, week := now.In(d.Loc).ISOWeek()
	_, err := d.Send(ctx, year, week, now)
	return err
}

// Retry sends the digest of now's ISO week if its scheduled time in that
// week (the first time of sched from the week's Monday 00:00) has passed
// and it was not sent: a digest that failed on Monday goes out at a later
// retry of the same week, not next Monday. The week after, it is not sent.
func (d *Digests) Retry(ctx context.Context, now time.Time, sched interface{ Next(time.Time) time.Time }) error {
	local := now.In(d.Loc)
	monday := time.Date(local.Year(), local.Month(), local.Day()-(int(local.Weekday())+6)%7, 0, 0, 0, 0, d.Loc)
	if sched.Next(monday.Add(-time.Second)).After(local) {
		return nil // not due yet this week
	}
	year, week := local.ISOWeek()
	sent, err := d.Log.WasSent(ctx, tracker.DigestKey(year, week))
	if err != nil || sent {
		return err
	}
	d.log("digest retry", "key", tracker.DigestKey(year, week))
	_, err = d.Send(ctx, year, week, now)
	return err
}

// Send sends the digest of year-week unless the send log has it (or
// another process is sending it); it reports whether this call sent it.
// The digest is claimed first and logged under tracker.DigestKey only after
// the notifier accepted it (see Once).
func (d *Digests) Send(ctx context.Context, year, week int, now time.Time) (bool, error) {
	key := tracker.DigestKey(year, week)
	if sent, err := d.Log.WasSent(ctx, key); err != nil {
		return false, fmt.Errorf("digest: send log %s: %w", key, err)
	} else if sent {
		d.log("digest already sent", "key", key)
		return false, nil
	}
	dg, err := LoadDigest(ctx, d.Store, year, week, d.Loc, now)
	if err != nil {
		return false, err
	}
	m, err := DigestMessage(dg, d.Lang)
	if err != nil {
		return false, err
	}
	if d.Owner == "" {
		d.Owner = NewOwner()
	}
	once := &Once{Log: d.Log, Notifier: d.Notifier, Owner: d.Owner, Lease: d.Lease,
		Tries: d.Tries, MaxWait: d.MaxWait, SendTimeout: d.SendTimeout}
	how, err := once.Send(ctx, m, func(ctx context.Context) error {
		return d.Log.MarkSent(ctx, key, time.Now())
	})
	if err != nil {
		return false, fmt.Errorf("digest %s not sent, retried at the next run: %w", key, err)
	}
	switch how {
	case Shown:
		return false, nil
	case Delivered:
		d.log("digest sent", "key", key)
		return true, nil
	case Elsewhere:
		d.log("digest being sent by another process", "key", key)
	default:
		d.log("digest already sent", "key", key, "found_in_channel", how == Found)
	}
	return false, nil
}

func (d *Digests) log(msg string, args ...any) {
	if d.Logger != nil {
		d.Logger.Info(msg, args...)
	}
}
