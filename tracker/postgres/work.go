package postgres

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/pqtrack/pqtrack/tracker"
	"github.com/pqtrack/pqtrack/tracker/store"
)

// PendingWork returns the id of the newest queued re-resolution, 0 when
// none is queued. Pass it to CommitBatch to take the work done.
func (db *DB) PendingWork(ctx context.Context) (int64, error) {
	var id *int64
	if err := db.pool.QueryRow(ctx, `SELECT max(id) FROM work WHERE kind = 'resolve'`).Scan(&id); err != nil {
		return 0, fmt.Errorf("pending work: %w", err)
	}
	if id == nil {
		return 0, nil
	}
	return *id, nil
}

// Batch is the store as re-resolution (resolve.Run) sees it, with its
// writes held back for CommitBatch (see sqlite.Batch).
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
	var exists bool
	if err := b.pool.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM deliveries WHERE followup_id = $1 AND document_id = $2)`,
		id, docID).Scan(&exists); err != nil {
		return false, fmt.Errorf("delivery of follow-up %d: %w", id, err)
	}
	b.deliveries = append(b.deliveries, batchDelivery{id, docID, r, at})
	return !exists, nil
}

// CommitBatch stores b's resolutions and deliveries, queues the notices as
// whose resolution this commit really changed, and takes the queued work up
// to id done (0: none), in one transaction. b must come from NewBatch.
func (db *DB) CommitBatch(ctx context.Context, sb store.Batch, as []store.Arrival, done int64, at time.Time) error {
	b, ok := sb.(*Batch)
	if !ok {
		return fmt.Errorf("store re-resolution: %w: a batch of another store", tracker.ErrInvalid)
	}
	err := db.inTx(ctx, func(tx pgx.Tx) error {
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
		var queue []store.Arrival
		for _, a := range as {
			if isNew, ok := newDelivery[pair{a.FollowUpID, a.TargetID}]; ok {
				if isNew {
					queue = append(queue, a)
				}
				continue
			}
			var it item
			err := tx.QueryRow(ctx, `SELECT document_id, question_number FROM followups WHERE id = $1`, a.FollowUpID).Scan(&it.doc, &it.question)
			if errors.Is(err, pgx.ErrNoRows) {
				continue
			}
			if err != nil {
				return fmt.Errorf("follow-up %d: %w", a.FollowUpID, err)
			}
			if changedItem[it] {
				queue = append(queue, a)
			}
		}
		if err := queueArrivals(ctx, tx, queue, at); err != nil {
			return err
		}
		if done > 0 {
			if _, err := tx.Exec(ctx, `DELETE FROM work WHERE kind = 'resolve' AND id <= $1`, done); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("store re-resolution: %w", err)
	}
	return nil
}
