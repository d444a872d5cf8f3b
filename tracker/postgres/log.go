package postgres

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/pqtrack/pqtrack/tracker"
)

// Claims and sends on one key are serialised by a transaction-level
// advisory lock on the key (the two-number form, class sendLocks, which
// does not meet the one-number locks of migrations and ingest): SQLite
// gets the same from its one writer at a time. Without it, two processes
// could both read "not sent, not claimed" and both send.
const sendLocks = 1

func lockKey(ctx context.Context, tx pgx.Tx, key string) error {
	_, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1, hashtext($2))`, int32(sendLocks), key)
	return err
}

// WasSent reports whether a notification was logged under key.
func (db *DB) WasSent(ctx context.Context, key string) (bool, error) {
	key = tracker.OfficeKey(db.office, key)
	var sent bool
	if err := db.pool.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM sent WHERE key = $1)`, key).Scan(&sent); err != nil {
		return false, fmt.Errorf("was sent %s: %w", key, err)
	}
	return sent, nil
}

// MarkSent logs a notification as sent under key and drops its claim.
// Call it only once the transport said yes. Marking a key twice keeps the
// first time.
func (db *DB) MarkSent(ctx context.Context, key string, at time.Time) error {
	key = tracker.OfficeKey(db.office, key)
	if err := db.inTx(ctx, func(tx pgx.Tx) error { return logSent(ctx, tx, key, at) }); err != nil {
		return fmt.Errorf("mark sent %s: %w", key, err)
	}
	return nil
}

// logSent logs key as sent and drops its claim, within tx.
func logSent(ctx context.Context, tx pgx.Tx, key string, at time.Time) error {
	if err := lockKey(ctx, tx, key); err != nil {
		return err
	}
	if _, err := tx.Exec(ctx, `INSERT INTO sent (key, at) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING`,
		key, stamp(at)); err != nil {
		return err
	}
	_, err := tx.Exec(ctx, `DELETE FROM claims WHERE key = $1`, key)
	return err
}

// Claim asks for the right to send the message under key, for owner, until
// now+lease (see tracker.Claim and sqlite.DB.Claim). now is the wall clock.
func (db *DB) Claim(ctx context.Context, key, owner string, now time.Time, lease time.Duration) (tracker.Claim, error) {
	key = tracker.OfficeKey(db.office, key)
	var c tracker.Claim
	err := db.inTx(ctx, func(tx pgx.Tx) error {
		if err := lockKey(ctx, tx, key); err != nil {
			return err
		}
		if err := tx.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM sent WHERE key = $1)`, key).Scan(&c.Sent); err != nil {
			return err
		}
		if c.Sent {
			return nil
		}
		var holder, expires, since string
		err := tx.QueryRow(ctx, `SELECT owner, expires, since FROM claims WHERE key = $1`, key).Scan(&holder, &expires, &since)
		switch {
		case errors.Is(err, pgx.ErrNoRows):
		case err != nil:
			return err
		case holder != owner && expires > stamp(now):
			c.Holder = holder
			return nil
		default:
			c.Since = parseStamp(since)
		}
		_, err = tx.Exec(ctx, `INSERT INTO claims (key, owner, expires, since) VALUES ($1, $2, $3, $4)
			ON CONFLICT (key) DO UPDATE SET owner = excluded.owner, expires = excluded.expires,
			attempts = claims.attempts + 1`, key, owner, stamp(now.Add(lease)), stamp(now))
		return err
	})
	if err != nil {
		return tracker.Claim{}, fmt.Errorf("claim %s: %w", key, err)
	}
	return c, nil
}

// Release gives owner's claim on key back after a failed send, so the next
// run may try at once. The claim row stays, to say that an attempt was made.
func (db *DB) Release(ctx context.Context, key, owner string) error {
	key = tracker.OfficeKey(db.office, key)
	if _, err := db.pool.Exec(ctx, `UPDATE claims SET expires = '' WHERE key = $1 AND owner = $2`, key, owner); err != nil {
		return fmt.Errorf("release %s: %w", key, err)
	}
	return nil
}

// LastRun returns when job last ran, or the zero time if it never did.
func (db *DB) LastRun(ctx context.Context, job string) (time.Time, error) {
	job = tracker.OfficeKey(db.office, job)
	var at string
	err := db.pool.QueryRow(ctx, `SELECT at FROM runs WHERE job = $1`, job).Scan(&at)
	if errors.Is(err, pgx.ErrNoRows) {
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
	if _, err := db.pool.Exec(ctx, `INSERT INTO runs (job, at) VALUES ($1, $2)
		ON CONFLICT (job) DO UPDATE SET at = excluded.at`, job, stamp(at)); err != nil {
		return fmt.Errorf("set last run %s: %w", job, err)
	}
	return nil
}

// ReminderDue returns the follow-ups due on now's day whose reminder for
// their current due date has not been sent: the reminder sweep. It reads
// the partial index followups_unreminded.
func (db *DB) ReminderDue(ctx context.Context, now time.Time) ([]tracker.FollowUp, error) {
	return db.followUps(ctx, `SELECT `+followUpColumns+followUpFrom+`
		WHERE f.office_id = $1 AND f.state <> 'done' AND f.reminded <> f.effective_due AND f.effective_due <= $2
		ORDER BY f.effective_due, f.id`, db.office, day(tracker.DayOf(now)))
}

// MarkReminded logs the reminder of f for its current due date under
// f.ReminderKey(), drops its claim and notes that date on the follow-up,
// in one transaction. Call it only once the transport said yes.
func (db *DB) MarkReminded(ctx context.Context, f *tracker.FollowUp, at time.Time) error {
	key := tracker.OfficeKey(db.office, f.ReminderKey())
	err := db.inTx(ctx, func(tx pgx.Tx) error {
		if err := logSent(ctx, tx, key, at); err != nil {
			return err
		}
		_, err := tx.Exec(ctx, `UPDATE followups SET reminded = $1 WHERE id = $2 AND office_id = $3`, day(f.EffectiveDue()), f.ID, db.office)
		return err
	})
	if err != nil {
		return fmt.Errorf("mark reminded %s: %w", key, err)
	}
	return nil
}
