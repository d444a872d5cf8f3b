package postgres

import "github.com/pqtrack/pqtrack/tracker/store"

// The PostgreSQL store is a whole store.
var _ store.Full = (*DB)(nil)
