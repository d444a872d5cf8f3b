package postgres

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/pqtrack/pqtrack/tracker"
	"github.com/pqtrack/pqtrack/tracker/store"
)

// QueueArrivals queues "target arrived" notices to send, in one
// transaction. A newer notice for the same follow-up and target replaces a
// pending one.
func (db *DB) QueueArrivals(ctx context.Context, as []store.Arrival, at time.Time) error {
	if len(as) == 0 {
		return nil
	}
	if err := db.inTx(ctx, func(tx pgx.Tx) error { return queueArrivals(ctx, tx, as, at) }); err != nil {
		return fmt.Errorf("queue arrivals: %w", err)
	}
	return nil
}

func queueArrivals(ctx context.Context, tx pgx.Tx, as []store.Arrival, at time.Time) error {
	for _, a := range as {
		if a.Resolution == nil {
			continue
		}
		b, err := json.Marshal(a.Resolution)
		if err != nil {
			return fmt.Errorf("queue arrival of follow-up %d: %w", a.FollowUpID, err)
		}
		if _, err := tx.Exec(ctx, `INSERT INTO arrivals (followup_id, target_id, verdict, label, resolution, queued)
			VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (followup_id, target_id) DO UPDATE SET
			verdict = excluded.verdict, label = excluded.label, resolution = excluded.resolution, queued = excluded.queued`,
			a.FollowUpID, a.TargetID, string(a.Resolution.Verdict), a.Label, string(b), stamp(at)); err != nil {
			return fmt.Errorf("queue arrival of follow-up %d: %w", a.FollowUpID, err)
		}
	}
	return nil
}

// PendingArrivals lists the queued notices by target, then follow-up.
func (db *DB) PendingArrivals(ctx context.Context) ([]store.Arrival, error) {
	rows, err := db.pool.Query(ctx, `SELECT followup_id, target_id, label, resolution FROM arrivals
		WHERE followup_id IN (SELECT id FROM followups WHERE office_id = $1)
		ORDER BY target_id, followup_id`, db.office)
	if err != nil {
		return nil, fmt.Errorf("pending arrivals: %w", err)
	}
	var out []store.Arrival
	var a store.Arrival
	var js string
	_, err = pgx.ForEachRow(rows, []any{&a.FollowUpID, &a.TargetID, &a.Label, &js}, func() error {
		x := a
		x.Resolution = new(tracker.Resolution)
		if err := json.Unmarshal([]byte(js), x.Resolution); err != nil {
			return fmt.Errorf("follow-up %d: %w", x.FollowUpID, err)
		}
		out = append(out, x)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("pending arrivals: %w", err)
	}
	return out, nil
}

// ArrivalsSent takes the notices as out of the queue and, when key is not
// empty, logs key as sent at at, in one transaction. A notice queued again
// since with another verdict stays queued.
func (db *DB) ArrivalsSent(ctx context.Context, key string, as []store.Arrival, at time.Time) error {
	if key != "" {
		key = tracker.OfficeKey(db.office, key)
	}
	err := db.inTx(ctx, func(tx pgx.Tx) error {
		for _, a := range as {
			if a.Resolution == nil {
				continue
			}
			if _, err := tx.Exec(ctx, `DELETE FROM arrivals WHERE followup_id = $1 AND target_id = $2 AND verdict = $3`,
				a.FollowUpID, a.TargetID, string(a.Resolution.Verdict)); err != nil {
				return err
			}
		}
		if key != "" {
			return logSent(ctx, tx, key, at)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("arrivals sent: %w", err)
	}
	return nil
}
