// Package store names what pqtrack needs from a database, and the types
// that cross that line, so that the SQLite store (tracker/sqlite, one
// office on one machine) and the PostgreSQL store (tracker/postgres, a
// group's offices on several machines) can stand in for each other.
//
// Consumers define the small interfaces they use (see tracker/web.Store,
// notify.ReminderStore); Store is the whole of what the stores offer, and
// each store checks at compile time that it satisfies its parts.
package store

import (
	"context"
	"time"

	"github.com/pqtrack/pqtrack/tracker"
)

// Store is everything a pqtrack database offers.
type Store interface {
	Documents
	FollowUps
	Queue
	Dashboard
	Searcher
	SendLog
	Close() error
}

// Documents stores analysed documents and reads them back.
type Documents interface {
	// Ingest stores an analysed document and the follow-ups it leaves, in
	// one transaction: a failure leaves the database as it was. The same
	// text twice stores nothing; a corrected version replaces the stored
	// analysis and merges the follow-ups by key.
	Ingest(ctx context.Context, doc *tracker.Document, now time.Time) (IngestResult, error)
	Document(ctx context.Context, id int64) (*tracker.Document, error)
	Documents(ctx context.Context) ([]tracker.Document, error)
	DocumentsIngested(ctx context.Context, since, until time.Time) ([]tracker.Document, error)
}

// FollowUps lists follow-ups and changes their state, keeping a history.
type FollowUps interface {
	FollowUps(ctx context.Context, f tracker.FollowUpFilter) ([]tracker.FollowUp, error)
	CountFollowUps(ctx context.Context, f tracker.FollowUpFilter) (int, error)
	DueFollowUps(ctx context.Context, now time.Time) ([]tracker.FollowUp, error)
	FollowUp(ctx context.Context, id int64) (*tracker.FollowUp, error)
	Check(ctx context.Context, id int64, outcome tracker.Outcome, reaskedAs, note, by string, at time.Time) error
	Reopen(ctx context.Context, id int64, note, by string, at time.Time) error
	Snooze(ctx context.Context, id int64, until time.Time, note, by string, at time.Time) error
	Redate(ctx context.Context, id int64, to time.Time, note, by string, at time.Time) error
	History(ctx context.Context, id int64) ([]tracker.FollowUpEvent, error)
	Events(ctx context.Context, since, until time.Time) ([]tracker.FollowUpEvent, error)
}

// Queue reads the dashboard's listings a page at a time, by keyset.
type Queue interface {
	QueuePage(ctx context.Context, f tracker.FollowUpFilter, after, before int64, limit int) (Page, error)
	QueueCount(ctx context.Context, f tracker.FollowUpFilter, max int) (int, error)
	DocumentPage(ctx context.Context, after, before int64, limit int) (docs []DocumentSummary, prev, next bool, err error)
}

// Dashboard is the overview's reading of the store.
type Dashboard interface {
	Stats(ctx context.Context, today time.Time) (Stats, error)
	DueBetween(ctx context.Context, from, to time.Time, kind tracker.FollowUpKind, limit int) ([]tracker.FollowUp, error)
	RecentDocuments(ctx context.Context, flagged bool, limit int) ([]DocumentSummary, error)
	FilterValues(ctx context.Context) (ministers, askers []string, err error)
}

// Searcher finds questions and answers by their words.
type Searcher interface {
	Search(ctx context.Context, query string, limit int) ([]Hit, error)
}

// SendLog is the log of what was sent, with the claims that let any number
// of processes send each message once, and the last runs of scheduled jobs.
type SendLog interface {
	WasSent(ctx context.Context, key string) (bool, error)
	MarkSent(ctx context.Context, key string, at time.Time) error
	Claim(ctx context.Context, key, owner string, now time.Time, lease time.Duration) (tracker.Claim, error)
	Release(ctx context.Context, key, owner string) error
	LastRun(ctx context.Context, job string) (time.Time, error)
	SetLastRun(ctx context.Context, job string, at time.Time) error
	ReminderDue(ctx context.Context, now time.Time) ([]tracker.FollowUp, error)
	MarkReminded(ctx context.Context, f *tracker.FollowUp, at time.Time) error
}
