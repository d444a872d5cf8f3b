package sqlite

import (
	"testing"

	"github.com/pqtrack/pqtrack/tracker/store"
	"github.com/pqtrack/pqtrack/tracker/storetest"
)

// The shared store suite, on SQLite.
func TestStore(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Full { return MustOpenDB(t) })
}
