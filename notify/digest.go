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

// Send sends the digest of year-week unless the send log has it; it
// reports whether it sent. The digest is logged under tracker.DigestKey only
// after the notifier accepted it.
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
	if err := Retry(ctx, d.Notifier, m, or(d.Tries, DefaultTries), or(d.MaxWait, DefaultMaxWait), or(d.SendTimeout, DefaultSendTimeout)); err != nil {
		return false, fmt.Errorf("digest %s not sent, retried at the next run: %w", key, err)
	}
	if err := d.Log.MarkSent(context.WithoutCancel(ctx), key, time.Now()); err != nil {
		return true, fmt.Errorf("digest %s sent, but not logged: %w", key, err)
	}
	d.log("digest sent", "key", key)
	return true, nil
}

func (d *Digests) log(msg string, args ...any) {
	if d.Logger != nil {
		d.Logger.Info(msg, args...)
	}
}
