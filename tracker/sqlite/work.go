package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/pqtrack/pqtrack/tracker"
	"github.com/pqtrack/pqtrack/tracker/store"
)

// Kinds of queued work.
const workResolve = "resolve" // resolve open deferrals and promises again

// queueWork queues work that document docID leaves, within the
// transaction that stores it: a crash right after the commit still leaves
// the work to whichever run comes next.
func queueWork(ctx context.Context, tx *sql.Tx, kind string, docID int64, at time.Time) error {
	if _, err := tx.ExecContext(ctx, `INSERT INTO work (kind, document_id, queued) VALUES (?, ?, ?)`,
		kind, docID, stamp(at)); err != nil {
		return fmt.Errorf("queue %s work for document %d: %w", kind, docID, err)
	}
	return nil
}

// PendingWork returns the id of the newest queued re-resolution, 0 when
// none is queued. Pass it to CommitBatch to take the work done.
func (db *DB) PendingWork(ctx context.Context) (int64, error) {
	var id sql.NullInt64
	if err := db.db.QueryRowContext(ctx, `SELECT max(id) FROM work WHERE kind = ?`, workResolve).Scan(&id); err != nil {
		return 0, fmt.Errorf("pending work: %w", err)
	}
	return id.Int64, nil
}

// Batch is the store as re-resolution (resolve.Run) sees it, with its
// writes held back: CommitBatch stores them in one transaction together
// with the arrival notices they cause and the end of the work that asked
// for them. A crash before the commit leaves the work queued and nothing
// half done; a crash after it leaves the notices queued.
type Batch struct {
	*DB
	resolutions []batchResolution
	deliveries  []batchDelivery
}

type batchResolution struct {
	docID    int64
	question int
	r        *tracker.Resolution
}

type batchDelivery struct {
	followUp, docID int64
	r               *tracker.Resolution
	at              time.Time
}

// NewBatch returns an empty batch on db.
func (db *DB) NewBatch() store.Batch { return &Batch{DB: db} }

// SetResolution holds the resolution for the commit. It reports true: the
// commit finds whether it changed anything.
func (b *Batch) SetResolution(_ context.Context, docID int64, question int, r *tracker.Resolution) (bool, error) {
	b.resolutions = append(b.resolutions, batchResolution{docID, question, r})
	return true, nil
}

// SetDelivery holds the suggested delivery for the commit and reports
// whether it is new to the store.
func (b *Batch) SetDelivery(ctx context.Context, id, docID int64, r *tracker.Resolution, at time.Time) (bool, error) {
	var n int
	if err := b.db.QueryRowContext(ctx, `SELECT count(*) FROM deliveries WHERE followup_id = ? AND document_id = ?`, id, docID).Scan(&n); err != nil {
		return false, fmt.Errorf("delivery of follow-up %d: %w", id, err)
	}
	b.deliveries = append(b.deliveries, batchDelivery{id, docID, r, at})
	return n == 0, nil
}

// CommitBatch stores b's resolutions and deliveries, queues the notices as
// whose resolution this commit really changed (another process may have
// stored the same a moment before: its notices are its own), and takes the
// queued work up to id done (0: none), in one transaction.
func (db *DB) CommitBatch(ctx context.Context, sb store.Batch, as []Arrival, done int64, at time.Time) error {
	b, ok := sb.(*Batch)
	if !ok {
		return fmt.Errorf("store re-resolution: %w: a batch of another store", tracker.ErrInvalid)
	}
	tx, err := db.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("store re-resolution: %w", err)
	}
	defer tx.Rollback()
	type item struct {
		doc      int64
		question int
	}
	changedItem := map[item]bool{}
	for _, r := range b.resolutions {
		ch, err := setResolution(ctx, tx, r.docID, r.question, r.r)
		if err != nil {
			return err
		}
		changedItem[item{r.docID, r.question}] = changedItem[item{r.docID, r.question}] || ch
	}
	type pair struct{ followUp, doc int64 }
	newDelivery := map[pair]bool{}
	for _, d := range b.deliveries {
		isNew, err := setDelivery(ctx, tx, d.followUp, d.docID, d.r, d.at)
		if err != nil {
			return err
		}
		newDelivery[pair{d.followUp, d.docID}] = isNew
	}
	var queue []Arrival
	for _, a := range as {
		if isNew, ok := newDelivery[pair{a.FollowUpID, a.TargetID}]; ok {
			if isNew {
				queue = append(queue, a)
			}
			continue
		}
		var it item
		err := tx.QueryRowContext(ctx, `SELECT document_id, question_number FROM followups WHERE id = ?`, a.FollowUpID).Scan(&it.doc, &it.question)
		if err == sql.ErrNoRows {
			continue
		}
		if err != nil {
			return fmt.Errorf("store re-resolution: follow-up %d: %w", a.FollowUpID, err)
		}
		if changedItem[it] {
			queue = append(queue, a)
		}
	}
	if err := queueArrivals(ctx, tx, queue, at); err != nil {
		return err
	}
	if done > 0 {
		if _, err := tx.ExecContext(ctx, `DELETE FROM work WHERE kind = ? AND id <= ?`, workResolve, done); err != nil {
			return fmt.Errorf("store re-resolution: %w", err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("store re-resolution: %w", err)
	}
	return nil
}
