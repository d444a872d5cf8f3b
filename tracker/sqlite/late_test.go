package sqlite

import (
	"context"
	"testing"
	"time"

	"github.com/pqtrack/pqtrack/tracker"
	"github.com/pqtrack/pqtrack/tracker/storetest"
)

// sweepLate runs one lateness sweep over every filed question, as serve
// and `pqtrack late` do.
func sweepLate(tb testing.TB, db *DB, now time.Time) LateResult {
	tb.Helper()
	res, err := db.SweepLate(context.Background(), tracker.DefaultDeadlines(), now)
	if err != nil {
		tb.Fatal(err)
	}
	return res
}

// A second sweep writes nothing, down to the tables the store's interface
// does not show (the send log, the claims). The sweep's behaviour is in
// the shared suite (storetest).
func TestSweepLateTwiceWritesNothing(t *testing.T) {
	db := MustOpenDB(t)
	storetest.PutLateQuestions(t, db)
	if res := storetest.SweepLate(t, db, "2026-04-24"); res.Created != 2 {
		t.Fatalf("first sweep: %+v", res)
	}
	before := dump(t, db)
	if res := storetest.SweepLate(t, db, "2026-04-25"); res.Changed() {
		t.Errorf("second sweep: %+v", res)
	}
	if after := dump(t, db); after != before {
		t.Error("a second sweep changed the database")
	}
}
