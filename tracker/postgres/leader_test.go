package postgres

import (
	"context"
	"testing"
	"time"
)

// One of two handles leads; when the leader's connection dies the other
// takes over within a retry; resigning hands the lead on too.
func TestElect(t *testing.T) {
	ctx := context.Background()
	a := MustOpenDB(t)
	b, err := Open(ctx, a.url)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	const retry = 100 * time.Millisecond

	leadA, resignA, err := a.Elect(ctx, retry)
	if err != nil {
		t.Fatal(err)
	}
	elected := make(chan context.Context, 1)
	var resignB func()
	go func() {
		lead, resign, err := b.Elect(ctx, retry)
		if err != nil {
			t.Error(err)
		}
		resignB = resign
		elected <- lead
	}()
	select {
	case <-elected:
		t.Fatal("two leaders at once")
	case <-time.After(5 * retry):
	}

	// The leader's session ends as if its process died.
	var pid int
	if err := a.pool.QueryRow(ctx, `SELECT pid FROM pg_stat_activity WHERE application_name LIKE 'pqtrack leader %'`).Scan(&pid); err != nil {
		t.Fatal(err)
	}
	if _, err := a.pool.Exec(ctx, `SELECT pg_terminate_backend($1)`, pid); err != nil {
		t.Fatal(err)
	}
	select {
	case <-leadA.Done():
	case <-time.After(20 * retry):
		t.Fatal("the leader did not notice it lost its connection")
	}
	resignA()
	var leadB context.Context
	select {
	case leadB = <-elected:
	case <-time.After(20 * retry):
		t.Fatal("no follower took over")
	}
	if leadB.Err() != nil {
		t.Fatal("the new lead ended at once")
	}

	// Resigning hands the lead back.
	resignB()
	leadA, resignA, err = a.Elect(ctx, retry)
	if err != nil {
		t.Fatal(err)
	}
	defer resignA()
	if leadA.Err() != nil {
		t.Error("lead after a resignation ended at once")
	}
	// Elect gives up when its context ends.
	cctx, cancel := context.WithTimeout(ctx, 3*retry)
	defer cancel()
	if _, _, err := b.Elect(cctx, retry); err == nil {
		t.Error("Elect while another leads returned without error when its context ended")
	}
}
