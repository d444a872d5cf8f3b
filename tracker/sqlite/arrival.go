package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"time"

	"github.com/pqtrack/pqtrack/tracker"
	"github.com/pqtrack/pqtrack/tracker/store"
)

// Arrival is a queued "target arrived" notice (see store.Arrival).
type Arrival = store.Arrival

// QueueArrivals queues notices to send, in one transaction. A newer notice
// for the same follow-up and target replaces a pending one.
func (db *DB) QueueArrivals(ctx context.Context, as []Arrival, at time.Time) error {
	if len(as) == 0 {
		return nil
	}
	tx, err := db.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("queue arrivals: %w", err)
	}
	defer tx.Rollback()
	if err := queueArrivals(ctx, tx, as, at); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("queue arrivals: %w", err)
	}
	return nil
}

func queueArrivals(ctx context.Context, tx *sql.Tx, as []Arrival, at time.Time) error {
	for _, a := range as {
		if a.Resolution == nil {
			continue
		}
		b, err := json.Marshal(a.Resolution)
		if err != nil {
			return fmt.Errorf("queue arrival of follow-up %d: %w", a.FollowUpID, err)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO arrivals (followup_id, target_id, verdict, label, resolution, queued)
			VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (followup_id, target_id) DO UPDATE SET
			verdict = excluded.verdict, label = excluded.label, resolution = excluded.resolution, queued = excluded.queued`,
			a.FollowUpID, a.TargetID, a.Resolution.Verdict, a.Label, string(b), stamp(at)); err != nil {
			return fmt.Errorf("queue arrival of follow-up %d: %w", a.FollowUpID, err)
		}
	}
	return nil
}

// PendingArrivals lists the queued notices by target, then follow-up.
func (db *DB) PendingArrivals(ctx context.Context) ([]Arrival, error) {
	rows, err := db.db.QueryContext(ctx, `SELECT followup_id, target_id, label, resolution FROM arrivals
		WHERE followup_id IN (SELECT id FROM followups WHERE office_id = ?)
		ORDER BY target_id, followup_id`, db.office)
	if err != nil {
		return nil, fmt.Errorf("pending arrivals: %w", err)
	}
	defer rows.Close()
	var out []Arrival
	for rows.Next() {
		var a Arrival
		var js string
		if err := rows.Scan(&a.FollowUpID, &a.TargetID, &a.Label, &js); err != nil {
			return nil, fmt.Errorf("pending arrivals: %w", err)
		}
		a.Resolution = new(tracker.Resolution)
		if err := json.Unmarshal([]byte(js), a.Resolution); err != nil {
			return nil, fmt.Errorf("pending arrival of follow-up %d: %w", a.FollowUpID, err)
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// ArrivalsSent takes the notices as out of the queue and, when key is not
// empty, logs key as sent at at, in one transaction. A notice queued again
// since with another verdict stays queued.
func (db *DB) ArrivalsSent(ctx context.Context, key string, as []Arrival, at time.Time) error {
	if key != "" {
		key = tracker.OfficeKey(db.office, key)
	}
	tx, err := db.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("arrivals sent: %w", err)
	}
	defer tx.Rollback()
	for _, a := range as {
		if a.Resolution == nil {
			continue
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM arrivals WHERE followup_id = ? AND target_id = ? AND verdict = ?`,
			a.FollowUpID, a.TargetID, a.Resolution.Verdict); err != nil {
			return fmt.Errorf("arrivals sent: %w", err)
		}
	}
	if key != "" {
		if err := logSent(ctx, tx, key, at); err != nil {
			return fmt.Errorf("arrivals sent: %w", err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("arrivals sent: %w", err)
	}
	return nil
}
