package notify

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/pqtrack/pqtrack/tracker"
)

// memStore is an in-memory store for the jobs' tests.
type memStore struct {
	mu        sync.Mutex
	followUps []tracker.FollowUp
	docs      map[int64]*tracker.Document
	sent      map[string]time.Time
	runs      map[string]time.Time
	claims    map[string]claim
}

type claim struct {
	owner          string
	expires, since time.Time
}

func newMemStore(fs ...tracker.FollowUp) *memStore {
	return &memStore{followUps: fs, docs: map[int64]*tracker.Document{}, sent: map[string]time.Time{}, runs: map[string]time.Time{}, claims: map[string]claim{}}
}

func (m *memStore) ReminderDue(_ context.Context, now time.Time) ([]tracker.FollowUp, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var out []tracker.FollowUp
	for _, f := range m.followUps {
		if _, sent := m.sent[f.ReminderKey()]; f.IsDue(now) && !sent {
			out = append(out, f)
		}
	}
	return out, nil
}

func (m *memStore) MarkReminded(ctx context.Context, f *tracker.FollowUp, at time.Time) error {
	return m.MarkSent(ctx, f.ReminderKey(), at)
}

func (m *memStore) Document(_ context.Context, id int64) (*tracker.Document, error) {
	if d := m.docs[id]; d != nil {
		return d, nil
	}
	return nil, fmt.Errorf("document %d: %w", id, tracker.ErrNotFound)
}

func (m *memStore) FollowUps(context.Context, tracker.FollowUpFilter) ([]tracker.FollowUp, error) {
	return m.followUps, nil
}

func (m *memStore) Events(context.Context, time.Time, time.Time) ([]tracker.FollowUpEvent, error) {
	return nil, nil
}

func (m *memStore) DocumentsIngested(context.Context, time.Time, time.Time) ([]tracker.Document, error) {
	return nil, nil
}

func (m *memStore) WasSent(_ context.Context, key string) (bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	_, ok := m.sent[key]
	return ok, nil
}

func (m *memStore) MarkSent(_ context.Context, key string, at time.Time) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if _, ok := m.sent[key]; !ok {
		m.sent[key] = at
	}
	delete(m.claims, key)
	return nil
}

// Claim follows sqlite.DB.Claim: the real one is tested against SQLite.
func (m *memStore) Claim(_ context.Context, key, owner string, now time.Time, lease time.Duration) (tracker.Claim, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if _, ok := m.sent[key]; ok {
		return tracker.Claim{Sent: true}, nil
	}
	c, ok := m.claims[key]
	if ok && c.owner != owner && c.expires.After(now) {
		return tracker.Claim{Holder: c.owner}, nil
	}
	out := tracker.Claim{}
	if ok {
		out.Since = c.since
	} else {
		c.since = now
	}
	c.owner, c.expires = owner, now.Add(lease)
	m.claims[key] = c
	return out, nil
}

func (m *memStore) Release(_ context.Context, key, owner string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if c, ok := m.claims[key]; ok && c.owner == owner {
		c.expires = time.Time{}
		m.claims[key] = c
	}
	return nil
}

func (m *memStore) LastRun(_ context.Context, job string) (time.Time, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.runs[job], nil
}

func (m *memStore) SetLastRun(_ context.Context, job string, at time.Time) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.runs[job] = at
	return nil
}

// recorder is a Notifier that keeps what it accepted and fails on demand.
type recorder struct {
	mu   sync.Mutex
	got  []Message
	fail []error // returned by the next sends, in order
}

func (r *recorder) Notify(_ context.Context, m Message) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if len(r.fail) > 0 {
		err := r.fail[0]
		r.fail = r.fail[1:]
		if err != nil {
			return err
		}
	}
	r.got = append(r.got, m)
	return nil
}

func (r *recorder) keys() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	var out []string
	for _, m := range r.got {
		out = append(out, m.Key)
	}
	return out
}
