package postgres

import (
	"context"
	"os"
	"testing"

	"github.com/pqtrack/pqtrack/tracker/store"
	"github.com/pqtrack/pqtrack/tracker/storetest"
	"github.com/pqtrack/pqtrack/tracker/storetest/pgtest"
)

func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }

// MustOpenDB opens a store on a new database of the test server and closes
// it when the test ends.
func MustOpenDB(tb testing.TB) *DB {
	tb.Helper()
	url := pgtest.New(tb)
	db, err := Open(context.Background(), url)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { db.Close() })
	return db
}

// The shared store suite, on PostgreSQL.
func TestStore(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Full { return MustOpenDB(t) })
}
