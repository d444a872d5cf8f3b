package postgres

import (
	"context"
	"fmt"
	"time"
)

// Handle records the Slack interaction key as handled at at. It reports
// true when this call recorded it, false when it was recorded before: Slack
// sends an interaction again when its answer came late, and the retry must
// not act a second time. The primary key decides between two processes.
func (db *DB) Handle(ctx context.Context, key string, at time.Time) (bool, error) {
	tag, err := db.pool.Exec(ctx, `INSERT INTO slack_interactions (key, at) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING`,
		key, stamp(at))
	if err != nil {
		return false, fmt.Errorf("handle interaction %s: %w", key, err)
	}
	return tag.RowsAffected() == 1, nil
}

// Unhandle forgets the interaction key, after acting on it failed, so that
// Slack's retry (or the user's next press) may try again.
func (db *DB) Unhandle(ctx context.Context, key string) error {
	if _, err := db.pool.Exec(ctx, `DELETE FROM slack_interactions WHERE key = $1`, key); err != nil {
		return fmt.Errorf("unhandle interaction %s: %w", key, err)
	}
	return nil
}
