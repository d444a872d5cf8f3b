package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/pqtrack/pqtrack/tracker"
)

// FetchCursor returns where fetching source stands: the cursor stored
// after its last fully stored page, "" when it never ran.
func (db *DB) FetchCursor(ctx context.Context, source string) (string, error) {
	source = tracker.OfficeKey(db.office, source) // each office fetches for its own watch list
	var c string
	err := db.db.QueryRowContext(ctx, `SELECT cursor FROM fetch_state WHERE source = ?`, source).Scan(&c)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("fetch cursor of %s: %w", source, err)
	}
	return c, nil
}

// SetFetchCursor stores cursor as where fetching source stands.
func (db *DB) SetFetchCursor(ctx context.Context, source, cursor string, now time.Time) error {
	source = tracker.OfficeKey(db.office, source)
	_, err := db.db.ExecContext(ctx, `INSERT INTO fetch_state (source, cursor, updated) VALUES (?, ?, ?)
		ON CONFLICT (source) DO UPDATE SET cursor = excluded.cursor, updated = excluded.updated`,
		source, cursor, stamp(now))
	if err != nil {
		return fmt.Errorf("store fetch cursor of %s: %w", source, err)
	}
	return nil
}
