package storetest

import (
	"context"
	"testing"
	"time"

	"github.com/pqtrack/pqtrack/tracker/store"
)

// A fetch cursor is empty until set, moves with each set, and belongs to
// its source alone.
func testFetchCursor(t *testing.T, db store.Full) {
	ctx := context.Background()
	now := time.Date(2026, 12, 4, 9, 0, 0, 0, time.UTC)
	if c, err := db.FetchCursor(ctx, "tk"); err != nil || c != "" {
		t.Fatalf("new store: cursor %q, %v; want empty", c, err)
	}
	for _, c := range []string{"2026-11-01T10:00:00+01:00", "2026-11-02T08:00:00Z"} {
		if err := db.SetFetchCursor(ctx, "tk", c, now); err != nil {
			t.Fatal(err)
		}
		if got, err := db.FetchCursor(ctx, "tk"); err != nil || got != c {
			t.Fatalf("cursor %q, %v; want %q", got, err, c)
		}
	}
	if c, _ := db.FetchCursor(ctx, "vp"); c != "" {
		t.Errorf("vp cursor %q: sources share a cursor", c)
	}
}
