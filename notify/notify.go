// Package notify tells staff what pqtrack found: reminders for follow-ups
// that fell due and the weekly digest. Rendering (templates in Dutch and
// English) is separate from transport: a Notifier only delivers a rendered
// Message. Sends are logged in the store under a key naming what they are
// about, written only after the transport accepted the message, so a failed
// send is retried at the next run and a restart never sends twice. Before a
// send the key is claimed (Once), so processes that run at the same time
// deliver each message once.
//
// Transports live in sub-packages (notify/slack); Writer prints to a terminal.
package notify

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"
	"time"
)

// Message is a rendered notification, independent of its transport.
type Message struct {
	Key    string  // what it is about, for the send log (tracker.FollowUp.ReminderKey, tracker.DigestKey)
	Title  string  // one line
	Text   string  // the whole message as plain text: terminal output and notification fallback
	Quote  string  // the quoted sentence, if any
	Fields []Field // labelled facts
	Action string  // what to do
	Footer string  // how to act on it in pqtrack
	// Markdown holds the message as Slack mrkdwn paragraphs, already
	// escaped, for long messages (the digest) that have no Fields.
	Markdown []string
	// FollowUps are the follow-ups the message is about, for a chat
	// transport to put buttons under it: one for a reminder, each one an
	// arrival changed.
	FollowUps []FollowUpRef
}

// FollowUpRef names a follow-up a message is about.
type FollowUpRef struct {
	ID       int64
	Question int // its question's number, for labels; 0 if unknown
}

// Field is one labelled fact of a message.
type Field struct {
	Label, Value string
}

// Notifier delivers messages. It returns nil only once the message was
// accepted.
type Notifier interface {
	Notify(ctx context.Context, m Message) error
}

// RateLimitError says the transport refused a message for now and when to try again.
type RateLimitError struct {
	RetryAfter time.Duration
	Err        error
}

func (e *RateLimitError) Error() string {
	return fmt.Sprintf("rate limited, retry after %s", e.RetryAfter)
}

func (e *RateLimitError) Unwrap() error { return e.Err }

// Writer is a Notifier that prints messages as plain text, for machines
// with no Slack configured.
type Writer struct {
	mu sync.Mutex
	W  io.Writer
}

// Preview marks a Writer's output as a preview: a terminal is not a
// delivery, so nothing it shows is claimed or logged as sent.
func (w *Writer) Preview() {}

// Notify prints m followed by a blank line.
func (w *Writer) Notify(_ context.Context, m Message) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	_, err := fmt.Fprintf(w.W, "%s\n\n", strings.TrimRight(m.Text, "\n"))
	return err
}

// Previewer is a Notifier that only shows messages (Writer): what it shows
// is never recorded as sent, so the message still goes out once Slack is
// configured.
type Previewer interface {
	Notifier
	Preview()
}

// Retry sends m through n, waiting out rate limits: on a RateLimitError
// it sleeps RetryAfter (at most maxWait) and tries again, at most tries
// times in all. Other errors return at once; the next run retries. The
// send itself does not see ctx's cancellation, so a stop finishes the
// message in flight; a wait is cut short.
func Retry(ctx context.Context, n Notifier, m Message, tries int, maxWait, timeout time.Duration) error {
	if tries < 1 {
		tries = 1
	}
	for i := 1; ; i++ {
		sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), timeout)
		err := n.Notify(sctx, m)
		cancel()
		var rl *RateLimitError
		if err == nil || !errors.As(err, &rl) || i >= tries {
			return err
		}
		wait := min(max(rl.RetryAfter, time.Second), maxWait)
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			return fmt.Errorf("%w (stopped while waiting)", err)
		case <-t.C:
		}
	}
}
