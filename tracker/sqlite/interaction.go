package sqlite

import (
	"context"
	"fmt"
	"time"
)

// Handle records the Slack interaction key as handled at at. It reports
// true when this call recorded it, false when it was recorded before: Slack
// sends an interaction again when its answer came late, and the retry must
// not act a second time.
func (db *DB) Handle(ctx context.Context, key string, at time.Time) (bool, error) {
	res, err := db.db.ExecContext(ctx, `INSERT INTO slack_interactions (key, at) VALUES (?, ?) ON CONFLICT (key) DO NOTHING`,
		key, stamp(at))
	if err != nil {
		return false, fmt.Errorf("handle interaction %s: %w", key, err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return false, fmt.Errorf("handle interaction %s: %w", key, err)
	}
	return n == 1, nil
}

// Unhandle forgets the interaction key, after acting on it failed, so that
// Slack's retry (or the user's next press) may try again.
func (db *DB) Unhandle(ctx context.Context, key string) error {
	if _, err := db.db.ExecContext(ctx, `DELETE FROM slack_interactions WHERE key = ?`, key); err != nil {
		return fmt.Errorf("unhandle interaction %s: %w", key, err)
	}
	return nil
}
