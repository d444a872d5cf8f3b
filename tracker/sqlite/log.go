package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// WasSent reports whether a notification was logged under key (see
// tracker.FollowUp.ReminderKey and tracker.DigestKey).
func (db *DB) WasSent(ctx context.Context, key string) (bool, error) {
	var n int
	if err := db.db.QueryRowContext(ctx, `SELECT count(*) FROM sent WHERE key = ?`, key).Scan(&n); err != nil {
		return false, fmt.Errorf("was sent %s: %w", key, err)
	}
	return n > 0, nil
}

// MarkSent logs a notification as sent under key. Call it only once the
// transport said yes. Marking a key twice keeps the first time.
func (db *DB) MarkSent(ctx context.Context, key string, at time.Time) error {
	if _, err := db.db.ExecContext(ctx, `INSERT INTO sent (key, at) VALUES (?, ?) ON CONFLICT (key) DO NOTHING`,
		key, stamp(at)); err != nil {
		return fmt.Errorf("mark sent %s: %w", key, err)
	}
	return nil
}

// LastRun returns when job last ran, or the zero time if it never did.
func (db *DB) LastRun(ctx context.Context, job string) (time.Time, error) {
	var at string
	err := db.db.QueryRowContext(ctx, `SELECT at FROM runs WHERE job = ?`, job).Scan(&at)
	if err == sql.ErrNoRows {
		return time.Time{}, nil
	}
	if err != nil {
		return time.Time{}, fmt.Errorf("last run %s: %w", job, err)
	}
	return parseStamp(at), nil
}

// SetLastRun records that job ran at at.
func (db *DB) SetLastRun(ctx context.Context, job string, at time.Time) error {
	if _, err := db.db.ExecContext(ctx, `INSERT INTO runs (job, at) VALUES (?, ?)
		ON CONFLICT (job) DO UPDATE SET at = excluded.at`, job, stamp(at)); err != nil {
		return fmt.Errorf("set last run %s: %w", job, err)
	}
	return nil
}
