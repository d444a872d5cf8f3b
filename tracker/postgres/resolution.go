package postgres

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/pqtrack/pqtrack/tracker"
)

// SetResolution stores what following the deferral of question number
// question of document docID found. It reports whether the stored
// resolution changed.
func (db *DB) SetResolution(ctx context.Context, docID int64, question int, r *tracker.Resolution) (bool, error) {
	return setResolution(ctx, db.pool, docID, question, r)
}

func setResolution(ctx context.Context, q querier, docID int64, question int, r *tracker.Resolution) (bool, error) {
	var v *string
	if r != nil {
		b, err := json.Marshal(r)
		if err != nil {
			return false, fmt.Errorf("resolution of document %d question %d: %w", docID, question, err)
		}
		s := string(b)
		v = &s
	}
	tag, err := q.Exec(ctx, `UPDATE deferrals SET resolution = $1
		WHERE item_id IN (SELECT id FROM items WHERE document_id = $2 AND number = $3)
		AND resolution IS DISTINCT FROM $1`, v, docID, question)
	if err != nil {
		return false, fmt.Errorf("resolution of document %d question %d: %w", docID, question, err)
	}
	return tag.RowsAffected() > 0, nil
}

// SetDelivery records that document docID may deliver the promise of
// follow-up id, with what it found. A delivery a person rejected stays
// rejected. It reports whether the suggestion is new; a new one gets a
// "possibly-delivered" event in the follow-up's history.
func (db *DB) SetDelivery(ctx context.Context, id, docID int64, r *tracker.Resolution, at time.Time) (bool, error) {
	var isNew bool
	err := db.inTx(ctx, func(tx pgx.Tx) error {
		var err error
		isNew, err = setDelivery(ctx, tx, id, docID, r, at)
		return err
	})
	return isNew, err
}

func setDelivery(ctx context.Context, tx pgx.Tx, id, docID int64, r *tracker.Resolution, at time.Time) (bool, error) {
	b, err := json.Marshal(r)
	if err != nil {
		return false, fmt.Errorf("delivery of follow-up %d: %w", id, err)
	}
	ts := stamp(at)
	// One statement decides: concurrent runs cannot both find it new.
	tag, err := tx.Exec(ctx, `INSERT INTO deliveries (followup_id, document_id, resolution, found, updated)
		VALUES ($1, $2, $3, $4, $4) ON CONFLICT (followup_id, document_id) DO NOTHING`, id, docID, string(b), ts)
	if err != nil {
		return false, fmt.Errorf("delivery of follow-up %d: %w", id, err)
	}
	if tag.RowsAffected() == 1 {
		if err := addEvent(ctx, tx, id, at, "possibly-delivered", time.Time{}, time.Time{},
			fmt.Sprintf("document %d may deliver it: %s", docID, r.Target), ""); err != nil {
			return false, err
		}
		return true, nil
	}
	if _, err := tx.Exec(ctx, `UPDATE deliveries SET resolution = $1, updated = $2
		WHERE followup_id = $3 AND document_id = $4 AND state <> 'rejected'`, string(b), ts, id, docID); err != nil {
		return false, fmt.Errorf("delivery of follow-up %d: %w", id, err)
	}
	return false, nil
}

// RejectDelivery records that a person found that the documents suggested
// for follow-up id do not deliver its promise.
func (db *DB) RejectDelivery(ctx context.Context, id int64, note, by string, at time.Time) error {
	err := db.inTx(ctx, func(tx pgx.Tx) error {
		tag, err := tx.Exec(ctx, `UPDATE deliveries SET state = 'rejected', updated = $1
			WHERE followup_id = $2 AND state = 'possible'
			AND followup_id IN (SELECT id FROM followups WHERE office_id = $3)`, stamp(at), id, db.office)
		if err != nil {
			return err
		}
		if tag.RowsAffected() == 0 {
			return errNoDelivery
		}
		return addEvent(ctx, tx, id, at, "delivery-rejected", time.Time{}, time.Time{}, note, by)
	})
	if errors.Is(err, errNoDelivery) {
		return fmt.Errorf("follow-up %d: %w: no possible delivery to reject", id, tracker.ErrNotFound)
	}
	if err != nil {
		return fmt.Errorf("reject delivery of follow-up %d: %w", id, err)
	}
	return nil
}

var errNoDelivery = errors.New("no possible delivery")
