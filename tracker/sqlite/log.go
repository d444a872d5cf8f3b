package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/pqtrack/pqtrack/tracker"
)

// WasSent reports whether a notification was logged under key (see
// tracker.FollowUp.ReminderKey and tracker.DigestKey).
func (db *DB) WasSent(ctx context.Context, key string) (bool, error) {
	key = tracker.OfficeKey(db.office, key)
	var n int
	if err := db.db.QueryRowContext(ctx, `SELECT count(*) FROM sent WHERE key = ?`, key).Scan(&n); err != nil {
		return false, fmt.Errorf("was sent %s: %w", key, err)
	}
	return n > 0, nil
}

// MarkSent logs a notification as sent under key and drops its claim.
// Call it only once the transport said yes. Marking a key twice keeps the
// first time.
func (db *DB) MarkSent(ctx context.Context, key string, at time.Time) error {
	key = tracker.OfficeKey(db.office, key)
	tx, err := db.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("mark sent %s: %w", key, err)
	}
	defer tx.Rollback()
	if err := logSent(ctx, tx, key, at); err != nil {
		return fmt.Errorf("mark sent %s: %w", key, err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("mark sent %s: %w", key, err)
	}
	return nil
}

// logSent logs key as sent and drops its claim, within tx.
func logSent(ctx context.Context, tx *sql.Tx, key string, at time.Time) error {
	if _, err := tx.ExecContext(ctx, `INSERT INTO sent (key, at) VALUES (?, ?) ON CONFLICT (key) DO NOTHING`,
		key, stamp(at)); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, `DELETE FROM claims WHERE key = ?`, key)
	return err
}

// Claim asks for the right to send the message under key, for owner, until
// now+lease. In one transaction it checks the send log, then any claim on
// the key: a live claim of another owner is left alone; an expired or given
// back one is taken over. See tracker.Claim. now is the wall clock.
func (db *DB) Claim(ctx context.Context, key, owner string, now time.Time, lease time.Duration) (tracker.Claim, error) {
	key = tracker.OfficeKey(db.office, key)
	var c tracker.Claim
	tx, err := db.db.BeginTx(ctx, nil) // immediate (see dsn): no other writer between the check and the claim
	if err != nil {
		return c, fmt.Errorf("claim %s: %w", key, err)
	}
	defer tx.Rollback()
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM sent WHERE key = ?`, key).Scan(&n); err != nil {
		return c, fmt.Errorf("claim %s: %w", key, err)
	}
	if n > 0 {
		c.Sent = true
		return c, nil
	}
	var holder, expires, since string
	err = tx.QueryRowContext(ctx, `SELECT owner, expires, since FROM claims WHERE key = ?`, key).Scan(&holder, &expires, &since)
	switch {
	case err == sql.ErrNoRows:
	case err != nil:
		return c, fmt.Errorf("claim %s: %w", key, err)
	case holder != owner && expires > stamp(now):
		c.Holder = holder
		return c, nil
	default:
		c.Since = parseStamp(since)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO claims (key, owner, expires, since) VALUES (?, ?, ?, ?)
		ON CONFLICT (key) DO UPDATE SET owner = excluded.owner, expires = excluded.expires, attempts = attempts + 1`,
		key, owner, stamp(now.Add(lease)), stamp(now)); err != nil {
		return c, fmt.Errorf("claim %s: %w", key, err)
	}
	if err := tx.Commit(); err != nil {
		return c, fmt.Errorf("claim %s: %w", key, err)
	}
	return c, nil
}

// Release gives owner's claim on key back after a failed send, so the next
// run may try at once. The claim row stays, to say that an attempt was made.
func (db *DB) Release(ctx context.Context, key, owner string) error {
	key = tracker.OfficeKey(db.office, key)
	if _, err := db.db.ExecContext(ctx, `UPDATE claims SET expires = '' WHERE key = ? AND owner = ?`, key, owner); err != nil {
		return fmt.Errorf("release %s: %w", key, err)
	}
	return nil
}

// LastRun returns when job last ran, or the zero time if it never did.
func (db *DB) LastRun(ctx context.Context, job string) (time.Time, error) {
	job = tracker.OfficeKey(db.office, job)
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
	job = tracker.OfficeKey(db.office, job)
	if _, err := db.db.ExecContext(ctx, `INSERT INTO runs (job, at) VALUES (?, ?)
		ON CONFLICT (job) DO UPDATE SET at = excluded.at`, job, stamp(at)); err != nil {
		return fmt.Errorf("set last run %s: %w", job, err)
	}
	return nil
}
