package sqlite

import "github.com/pqtrack/pqtrack/tracker/store"

// The SQLite store is a whole store.
var _ store.Store = (*DB)(nil)
