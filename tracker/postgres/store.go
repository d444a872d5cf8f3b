package postgres

import (
	"time"

	"github.com/pqtrack/pqtrack/tracker/store"
)

// The PostgreSQL store is a whole store.
var _ store.Full = (*DB)(nil)

// SetPendingWait sets PendingWait.
func (db *DB) SetPendingWait(d time.Duration) { db.PendingWait = d }
