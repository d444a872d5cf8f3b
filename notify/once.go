package notify

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"time"

	"github.com/pqtrack/pqtrack/tracker"
)

// ClaimLog hands out leases on message keys, so that any number of
// processes sharing one store deliver each message once (see tracker.Claim).
type ClaimLog interface {
	Claim(ctx context.Context, key, owner string, now time.Time, lease time.Duration) (tracker.Claim, error)
	// Release gives a claim back after a failed send.
	Release(ctx context.Context, key, owner string) error
}

// Finder is a Notifier that can tell whether a message under key reached
// its destination since a time: the Slack bot reads the channel history for
// the key in the messages' metadata. A webhook cannot, so a message whose
// earlier attempt timed out after Slack took it is posted again there.
type Finder interface {
	Delivered(ctx context.Context, key string, since time.Time) (bool, error)
}

// DefaultLease is how long a claim keeps other processes off a message. It
// outlasts one send with its rate-limit waits (DefaultTries sends of at
// most DefaultSendTimeout, DefaultMaxWait between them), so a live sender
// never loses its claim; a claim whose owner died is taken over after it.
const DefaultLease = 5 * time.Minute

// Outcome is what Once did with one message.
type Outcome int

const (
	Delivered Outcome = iota // sent now and recorded
	Already                  // recorded as sent before: not sent
	Elsewhere                // another process holds a live claim: not sent by this one
	Found                    // an earlier attempt had reached Slack: recorded, not sent again
	Shown                    // shown by a Previewer: neither claimed nor recorded
)

// Once delivers each message at most once across processes, and at least
// once over runs: it claims the message's key, looks whether an earlier
// unconfirmed attempt arrived after all (when the notifier is a Finder),
// sends, and records the delivery only after the notifier accepted it.
type Once struct {
	Log      ClaimLog
	Notifier Notifier
	Owner    string           // who claims; "": NewOwner() at first use
	Lease    time.Duration    // 0: DefaultLease
	Clock    func() time.Time // nil: time.Now (leases run on the wall clock, not on --now)

	Tries       int           // 0: DefaultTries
	MaxWait     time.Duration // 0: DefaultMaxWait
	SendTimeout time.Duration // 0: DefaultSendTimeout
}

// Send delivers m under m.Key and then calls record, which must log the key
// as sent (and drop its claim) in the store. record runs with a context a
// stop does not cancel: Slack has the message, so it must be logged. A
// failed send gives the claim back and is retried at the next run.
func (o *Once) Send(ctx context.Context, m Message, record func(context.Context) error) (Outcome, error) {
	if p, ok := o.Notifier.(Previewer); ok {
		return Shown, p.Notify(ctx, m)
	}
	if o.Owner == "" {
		o.Owner = NewOwner()
	}
	c, err := o.Log.Claim(ctx, m.Key, o.Owner, o.now(), or(o.Lease, DefaultLease))
	if err != nil {
		return 0, err
	}
	switch {
	case c.Sent:
		return Already, nil
	case c.Holder != "":
		return Elsewhere, nil
	}
	if f, ok := o.Notifier.(Finder); ok && !c.Since.IsZero() {
		// Look a little before the first attempt: clocks of machines differ.
		found, err := f.Delivered(ctx, m.Key, c.Since.Add(-time.Minute))
		if err != nil {
			return 0, o.release(ctx, m.Key, fmt.Errorf("look for an earlier attempt: %w", err))
		}
		if found {
			if err := record(context.WithoutCancel(ctx)); err != nil {
				return 0, fmt.Errorf("found in the channel, but not logged: %w", err)
			}
			return Found, nil
		}
	}
	if err := Retry(ctx, o.Notifier, m, or(o.Tries, DefaultTries), or(o.MaxWait, DefaultMaxWait), or(o.SendTimeout, DefaultSendTimeout)); err != nil {
		return 0, o.release(ctx, m.Key, err)
	}
	if err := record(context.WithoutCancel(ctx)); err != nil {
		// The claim stays until its lease runs out; whoever takes it over
		// then looks in the channel before posting.
		return 0, fmt.Errorf("sent, but not logged: %w", err)
	}
	return Delivered, nil
}

// release gives the claim on key back and returns err, the reason.
func (o *Once) release(ctx context.Context, key string, err error) error {
	if rerr := o.Log.Release(context.WithoutCancel(ctx), key, o.Owner); rerr != nil {
		return errors.Join(err, rerr)
	}
	return err
}

func (o *Once) now() time.Time {
	if o.Clock != nil {
		return o.Clock()
	}
	return time.Now()
}

// NewOwner returns a name for this process's claims: host, process id and
// a random part, so that two processes never share one.
func NewOwner() string {
	host, _ := os.Hostname()
	b := make([]byte, 4)
	rand.Read(b)
	return fmt.Sprintf("%s:%d:%s", host, os.Getpid(), hex.EncodeToString(b))
}
