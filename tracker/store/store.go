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

// Full is everything the commands use: Store, with re-resolution,
// corrections and the arrival notices.
type Full interface {
	Store
	Resolver
	Corrector
	Arrivals
	Filed
	FetchState
	Lateness
	Interactions
	Offices
	// ForOffice returns the same store scoped to office id (see Offices).
	ForOffice(id int64) Full
	// Name says which database this is (a file, or a server and database
	// name without password), for messages.
	Name() string
	// SetPendingWait sets how long after the answer a pending answer
	// without a date is due, for the follow-ups Ingest creates.
	SetPendingWait(d time.Duration)
}

// Resolver is what re-resolution of deferrals and promises reads and
// writes: passages of documents, and the resolutions found.
type Resolver interface {
	IngestWithPassages(ctx context.Context, doc *tracker.Document, now time.Time, ps []tracker.Passage) (IngestResult, error)
	SetPassages(ctx context.Context, docID int64, ps []tracker.Passage) error
	CountPassages(ctx context.Context, docID int64) (int, error)
	SearchPassages(ctx context.Context, docID int64, terms []string, limit int, compounds bool) ([]tracker.Passage, error)
	TermStats(ctx context.Context, terms []string) (n int, df map[string]int, err error)
	OpenFollowUps(ctx context.Context, kind tracker.FollowUpKind) ([]tracker.FollowUp, error)
	SetResolution(ctx context.Context, docID int64, question int, r *tracker.Resolution) (bool, error)
	SetDelivery(ctx context.Context, id, docID int64, r *tracker.Resolution, at time.Time) (bool, error)
	RejectDelivery(ctx context.Context, id int64, note, by string, at time.Time) error
	PendingWork(ctx context.Context) (int64, error)
	NewBatch() Batch
	CommitBatch(ctx context.Context, b Batch, as []Arrival, done int64, at time.Time) error
}

// Batch is the store as re-resolution (resolve.Run) sees it, with its
// writes held back until CommitBatch on the store that made it.
type Batch interface {
	Documents(ctx context.Context) ([]tracker.Document, error)
	Document(ctx context.Context, id int64) (*tracker.Document, error)
	SearchPassages(ctx context.Context, docID int64, terms []string, limit int, compounds bool) ([]tracker.Passage, error)
	TermStats(ctx context.Context, terms []string) (n int, df map[string]int, err error)
	OpenFollowUps(ctx context.Context, kind tracker.FollowUpKind) ([]tracker.FollowUp, error)
	SetResolution(ctx context.Context, docID int64, question int, r *tracker.Resolution) (bool, error)
	SetDelivery(ctx context.Context, id, docID int64, r *tracker.Resolution, at time.Time) (bool, error)
}

// Corrector stores staff's corrections of judgements.
type Corrector interface {
	Correct(ctx context.Context, c tracker.Correction) (tracker.CorrectionResult, error)
	Corrections(ctx context.Context, f tracker.CorrectionFilter) ([]tracker.Correction, error)
	Overrides(ctx context.Context) (tracker.Overrides, error)
}

// Arrivals is the queue of "target arrived" notices.
type Arrivals interface {
	QueueArrivals(ctx context.Context, as []Arrival, at time.Time) error
	PendingArrivals(ctx context.Context) ([]Arrival, error)
	ArrivalsSent(ctx context.Context, key string, as []Arrival, at time.Time) error
}

// Filed stores written questions as the parliaments' open data lists them,
// and the office's watch list.
type Filed interface {
	PutFiled(ctx context.Context, q tracker.FiledQuestion, now time.Time) (int64, error)
	FiledQuestions(ctx context.Context, f FiledFilter) ([]tracker.FiledQuestion, error)
	Filed(ctx context.Context, p, ref string) (tracker.FiledQuestion, error)
	AddWatch(ctx context.Context, w tracker.Watch) (int64, error)
	Watches(ctx context.Context) ([]tracker.Watch, error)
	RemoveWatch(ctx context.Context, id int64) error
}

// FetchState keeps where fetching stands per source, so that a run that
// stops half way starts again after its last stored page.
type FetchState interface {
	// FetchCursor returns the cursor stored for source, "" when it never ran.
	FetchCursor(ctx context.Context, source string) (string, error)
	SetFetchCursor(ctx context.Context, source, cursor string, now time.Time) error
}

// Lateness is the sweep that turns late answers into late-answer
// follow-ups, and what the lateness messages read and log.
type Lateness interface {
	// SweepLate runs the lateness sweep at now with deadlines d, in one
	// transaction; a second sweep writes nothing.
	SweepLate(ctx context.Context, d tracker.Deadlines, now time.Time) (LateResult, error)
	// MarkSentAll logs every key as sent, in one transaction.
	MarkSentAll(ctx context.Context, keys []string, at time.Time) error
	// Answered lists the filed questions whose answer document is stored.
	Answered(ctx context.Context) ([]tracker.FiledQuestion, error)
}

// Interactions records the Slack interactions acted on, so that Slack's
// retry of one does not act a second time.
type Interactions interface {
	// Handle records key and reports whether this call did: false means it
	// was handled before.
	Handle(ctx context.Context, key string, at time.Time) (bool, error)
	// Unhandle forgets key after acting on it failed.
	Unhandle(ctx context.Context, key string) error
}

// Offices are the offices sharing a database. Each store is scoped to one
// office, the default unless ForOffice made it: follow-ups, the queue, the
// dashboard's counts, the watch list and the reminders are that office's.
type Offices interface {
	// AddOffice stores o and returns its id; a slug taken is an error
	// wrapping tracker.ErrInvalid.
	AddOffice(ctx context.Context, o tracker.Office, now time.Time) (int64, error)
	// Offices lists every office, the default first, with its open
	// follow-ups counted.
	Offices(ctx context.Context) ([]tracker.Office, error)
	// OfficeBySlug returns the office slug names, an error wrapping
	// tracker.ErrNotFound if none.
	OfficeBySlug(ctx context.Context, slug string) (tracker.Office, error)
	// Office is the office this store is scoped to.
	Office() int64
}
