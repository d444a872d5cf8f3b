package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"time"

	"github.com/pqtrack/pqtrack/tracker"
)

// SetResolution stores what following the deferral of question number
// question of document docID found. It reports whether the stored
// resolution changed.
func (db *DB) SetResolution(ctx context.Context, docID int64, question int, r *tracker.Resolution) (bool, error) {
	return setResolution(ctx, db.db, docID, question, r)
}

func setResolution(ctx context.Context, q execer, docID int64, question int, r *tracker.Resolution) (bool, error) {
	var v any
	if r != nil {
		b, err := json.Marshal(r)
		if err != nil {
			return false, fmt.Errorf("resolution of document %d question %d: %w", docID, question, err)
		}
		v = string(b)
	}
	res, err := q.ExecContext(ctx, `UPDATE deferrals SET resolution = ?1
		WHERE item_id IN (SELECT id FROM items WHERE document_id = ?2 AND number = ?3)
		AND resolution IS NOT ?1`, v, docID, question)
	if err != nil {
		return false, fmt.Errorf("resolution of document %d question %d: %w", docID, question, err)
	}
	n, err := res.RowsAffected()
	return n > 0, err
}

// SetDelivery records that document docID may deliver the promise of
// follow-up id, with what it found. A delivery a person rejected stays
// rejected. It reports whether the suggestion is new; a new one gets a
// "possibly-delivered" event in the follow-up's history.
func (db *DB) SetDelivery(ctx context.Context, id, docID int64, r *tracker.Resolution, at time.Time) (bool, error) {
	tx, err := db.db.BeginTx(ctx, nil)
	if err != nil {
		return false, fmt.Errorf("delivery of follow-up %d: %w", id, err)
	}
	defer tx.Rollback()
	isNew, err := setDelivery(ctx, tx, id, docID, r, at)
	if err != nil {
		return false, err
	}
	return isNew, tx.Commit()
}

func setDelivery(ctx context.Context, tx *sql.Tx, id, docID int64, r *tracker.Resolution, at time.Time) (bool, error) {
	b, err := json.Marshal(r)
	if err != nil {
		return false, fmt.Errorf("delivery of follow-up %d: %w", id, err)
	}
	var state string
	err = tx.QueryRowContext(ctx, `SELECT state FROM deliveries WHERE followup_id = ? AND document_id = ?`, id, docID).Scan(&state)
	switch {
	case err == sql.ErrNoRows:
		ts := stamp(at)
		if _, err := tx.ExecContext(ctx, `INSERT INTO deliveries (followup_id, document_id, resolution, found, updated)
			VALUES (?, ?, ?, ?, ?)`, id, docID, string(b), ts, ts); err != nil {
			return false, fmt.Errorf("delivery of follow-up %d: %w", id, err)
		}
		if err := addEvent(ctx, tx, id, at, "possibly-delivered", time.Time{}, time.Time{},
			fmt.Sprintf("document %d may deliver it: %s", docID, r.Target), ""); err != nil {
			return false, err
		}
		return true, nil
	case err != nil:
		return false, fmt.Errorf("delivery of follow-up %d: %w", id, err)
	case state == "rejected":
		return false, nil
	}
	if _, err := tx.ExecContext(ctx, `UPDATE deliveries SET resolution = ?, updated = ? WHERE followup_id = ? AND document_id = ?`,
		string(b), stamp(at), id, docID); err != nil {
		return false, fmt.Errorf("delivery of follow-up %d: %w", id, err)
	}
	return false, nil
}

// RejectDelivery records that a person found that the documents suggested
// for follow-up id do not deliver its promise. The follow-up stays as it
// is; the rejection goes into its history.
func (db *DB) RejectDelivery(ctx context.Context, id int64, note, by string, at time.Time) error {
	tx, err := db.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("reject delivery of follow-up %d: %w", id, err)
	}
	defer tx.Rollback()
	res, err := tx.ExecContext(ctx, `UPDATE deliveries SET state = 'rejected', updated = ? WHERE followup_id = ? AND state = 'possible'
		AND followup_id IN (SELECT id FROM followups WHERE office_id = ?)`,
		stamp(at), id, db.office)
	if err != nil {
		return fmt.Errorf("reject delivery of follow-up %d: %w", id, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("follow-up %d: %w: no possible delivery to reject", id, tracker.ErrNotFound)
	}
	if err := addEvent(ctx, tx, id, at, "delivery-rejected", time.Time{}, time.Time{}, note, by); err != nil {
		return err
	}
	return tx.Commit()
}

// attachResolutions loads the resolution of each deferral follow-up of fs
// and the possible delivery of each promise follow-up, in two queries.
func (db *DB) attachResolutions(ctx context.Context, fs []tracker.FollowUp) error {
	var defs, proms []int64
	for i := range fs {
		switch fs[i].Kind {
		case tracker.FollowDeferral:
			defs = append(defs, fs[i].ID)
		case tracker.FollowPromise:
			proms = append(proms, fs[i].ID)
		}
	}
	if len(defs) == 0 && len(proms) == 0 {
		return nil
	}
	index := make(map[int64]int, len(defs)+len(proms))
	for i := range fs {
		index[fs[i].ID] = i
	}
	load := func(q string, ids []int64) error {
		if len(ids) == 0 {
			return nil
		}
		list, _ := json.Marshal(ids)
		rows, err := db.db.QueryContext(ctx, q, string(list))
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var id int64
			var js string
			if err := rows.Scan(&id, &js); err != nil {
				return err
			}
			r := new(tracker.Resolution)
			if err := json.Unmarshal([]byte(js), r); err != nil {
				return fmt.Errorf("follow-up %d: resolution: %w", id, err)
			}
			if f := &fs[index[id]]; f.Resolution == nil {
				f.Resolution = r
			}
		}
		return rows.Err()
	}
	if err := load(`SELECT f.id, d.resolution FROM followups f
		JOIN items i ON i.document_id = f.document_id AND i.number = f.question_number
		JOIN deferrals d ON d.item_id = i.id
		WHERE f.id IN (SELECT value FROM json_each(?)) AND d.resolution IS NOT NULL`, defs); err != nil {
		return fmt.Errorf("resolutions: %w", err)
	}
	if err := load(`SELECT followup_id, resolution FROM deliveries
		WHERE followup_id IN (SELECT value FROM json_each(?)) AND state = 'possible'
		ORDER BY found DESC`, proms); err != nil {
		return fmt.Errorf("deliveries: %w", err)
	}
	return nil
}

// OpenFollowUps lists the follow-ups of kind that are not done, with their
// resolutions, for re-resolution: of every office, as what a document
// resolves is shared, and its work is queued once.
func (db *DB) OpenFollowUps(ctx context.Context, kind tracker.FollowUpKind) ([]tracker.FollowUp, error) {
	all := *db
	all.office = 0
	return all.FollowUps(ctx, tracker.FollowUpFilter{Kind: kind, States: []tracker.State{tracker.Open, tracker.Snoozed}})
}
