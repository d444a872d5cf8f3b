package sqlite

import (
	"time"

	"github.com/pqtrack/pqtrack/tracker/store"
)

// The SQLite store is a whole store.
var _ store.Full = (*DB)(nil)

// Name is the database file's path, for messages.
func (db *DB) Name() string { return db.path }

// SetPendingWait sets PendingWait.
func (db *DB) SetPendingWait(d time.Duration) { db.PendingWait = d }
