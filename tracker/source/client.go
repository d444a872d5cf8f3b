// Package source holds what the parliaments' open-data clients share: an
// HTTP client that waits out rate limits, retries server errors and names
// the URL in every error, and the shapes a fetch reads from a source.
// The clients themselves live in the sub-packages, one per service.
package source

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// UserAgent names pqtrack to the services, as their terms ask of clients.
const UserAgent = "pqtrack/1 (+https://github.com/pqtrack/pqtrack)"

// Client gets documents from one service. The zero value is not usable:
// use NewClient.
type Client struct {
	HTTP *http.Client
	// Retries is how many times a 5xx answer or a 429 is tried again.
	Retries int
	// Backoff is the wait before the first retry of a 5xx; it doubles.
	Backoff time.Duration
	// MaxWait bounds a 429's Retry-After: a service that asks for longer
	// fails the request instead of stalling the run.
	MaxWait time.Duration
	// MaxBody bounds a response body; a larger one is an error.
	MaxBody int64
}

// NewClient returns a client with the given timeout for one request
// (connection, headers and body).
func NewClient(timeout time.Duration) *Client {
	return &Client{
		HTTP:    &http.Client{Timeout: timeout},
		Retries: 3,
		Backoff: time.Second,
		MaxWait: 2 * time.Minute,
		MaxBody: 64 << 20,
	}
}

// Error is a request that failed: it names the URL and, when the service
// answered, its HTTP status.
type Error struct {
	URL    string
	Status int // 0 when no answer came
	Err    error
}

func (e *Error) Error() string {
	// The URL as people read it: "$filter=Soort eq '...'", not %24 and %27.
	u := e.URL
	if x, err := url.QueryUnescape(u); err == nil {
		u = x
	}
	if e.Status != 0 {
		return fmt.Sprintf("%s: HTTP %d: %v", u, e.Status, e.Err)
	}
	return fmt.Sprintf("%s: %v", u, e.Err)
}

func (e *Error) Unwrap() error { return e.Err }

// ErrMalformed is wrapped by errors for answers that are not the JSON
// expected.
var ErrMalformed = errors.New("malformed JSON")

// JSON gets url with Accept: application/json and decodes the answer into v.
func (c *Client) JSON(ctx context.Context, url string, v any) error {
	body, err := c.get(ctx, url, "application/json")
	if err != nil {
		return err
	}
	if err := json.Unmarshal(body, v); err != nil {
		return &Error{URL: url, Err: fmt.Errorf("%w: %v", ErrMalformed, err)}
	}
	return nil
}

// Bytes gets url and returns its body (an answer document).
func (c *Client) Bytes(ctx context.Context, url string) ([]byte, error) {
	return c.get(ctx, url, "*/*")
}

func (c *Client) get(ctx context.Context, url, accept string) ([]byte, error) {
	backoff := c.Backoff
	for attempt := 0; ; attempt++ {
		body, status, wait, err := c.once(ctx, url, accept)
		if err == nil {
			return body, nil
		}
		retry := status == http.StatusTooManyRequests || status >= 500
		if !retry || attempt >= c.Retries || ctx.Err() != nil {
			return nil, err
		}
		if status != http.StatusTooManyRequests {
			wait, backoff = backoff, backoff*2
		} else if wait > c.MaxWait {
			return nil, &Error{URL: url, Status: status, Err: fmt.Errorf("rate limited: Retry-After %s is longer than %s", wait, c.MaxWait)}
		}
		if err := c.wait(ctx, wait); err != nil {
			return nil, &Error{URL: url, Err: err}
		}
	}
}

// once makes one request. For a 429 it returns the wait Retry-After asks.
func (c *Client) once(ctx context.Context, url, accept string) ([]byte, int, time.Duration, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, 0, 0, &Error{URL: url, Err: err}
	}
	req.Header.Set("User-Agent", UserAgent)
	req.Header.Set("Accept", accept)
	resp, err := c.HTTP.Do(req)
	if err != nil {
		// The URL is ours: drop net/http's own quoting of it.
		var ue interface{ Unwrap() error }
		if errors.As(err, &ue) && ue.Unwrap() != nil {
			err = ue.Unwrap()
		}
		return nil, 0, 0, &Error{URL: url, Err: err}
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		io.Copy(io.Discard, io.LimitReader(resp.Body, 1<<16))
		wait := time.Duration(0)
		if resp.StatusCode == http.StatusTooManyRequests {
			wait = retryAfter(resp.Header.Get("Retry-After"), time.Now())
		}
		return nil, resp.StatusCode, wait, &Error{URL: url, Status: resp.StatusCode, Err: errors.New(http.StatusText(resp.StatusCode))}
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, c.MaxBody+1))
	if err != nil {
		return nil, 0, 0, &Error{URL: url, Err: err}
	}
	if int64(len(body)) > c.MaxBody {
		return nil, 0, 0, &Error{URL: url, Err: fmt.Errorf("answer larger than %d bytes", c.MaxBody)}
	}
	return body, resp.StatusCode, 0, nil
}

// retryAfter reads a Retry-After header: seconds or an HTTP date. A
// missing or unreadable one waits a second.
func retryAfter(v string, now time.Time) time.Duration {
	v = strings.TrimSpace(v)
	if n, err := strconv.Atoi(v); err == nil && n >= 0 {
		return time.Duration(n) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil {
		if d := t.Sub(now); d > 0 {
			return d
		}
		return 0
	}
	return time.Second
}

func (c *Client) wait(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}
