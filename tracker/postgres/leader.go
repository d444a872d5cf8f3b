package postgres

import (
	"context"
	"fmt"
	"os"
	"time"

	"github.com/jackc/pgx/v5"
)

// leaderLock is the advisory lock the leader of several pqtrack processes
// holds on one database.
const leaderLock = migrateLock + 2

// Elect waits until this process leads the processes that share the
// database, then returns a context that ends when it no longer does, and
// resign, which gives the lead up (call it once lead has ended or to stop
// leading). The lead is a session-level advisory lock held on a connection
// of its own, outside the pool: when the process dies, its connection
// closes and PostgreSQL lets the lock go at once. Every retry, the leader
// checks its connection and a follower tries the lock again, so a follower
// takes over within about retry of the leader's death. Elect returns an
// error only when ctx ends.
//
// The connection's application_name is "pqtrack leader PID", so
// pg_stat_activity shows which process leads.
func (db *DB) Elect(ctx context.Context, retry time.Duration) (lead context.Context, resign func(), err error) {
	cfg := db.pool.Config().ConnConfig.Copy()
	cfg.RuntimeParams["application_name"] = fmt.Sprintf("pqtrack leader %d", os.Getpid())
	for {
		if conn, ok := tryLead(ctx, cfg); ok {
			lead, cancel := context.WithCancel(ctx)
			done := make(chan struct{})
			go func() {
				defer close(done)
				defer cancel()
				t := time.NewTicker(retry)
				defer t.Stop()
				for {
					select {
					case <-lead.Done():
						return
					case <-t.C:
						pctx, stop := context.WithTimeout(lead, retry)
						err := conn.Ping(pctx)
						stop()
						if err != nil {
							return // the lock went with the connection
						}
					}
				}
			}()
			resign := func() {
				cancel()
				<-done
				// Closing the session releases its lock.
				conn.Close(context.Background())
			}
			return lead, resign, nil
		}
		select {
		case <-ctx.Done():
			return nil, nil, ctx.Err()
		case <-time.After(retry):
		}
	}
}

// tryLead connects and takes the leader lock if it is free.
func tryLead(ctx context.Context, cfg *pgx.ConnConfig) (*pgx.Conn, bool) {
	conn, err := pgx.ConnectConfig(ctx, cfg)
	if err != nil {
		return nil, false
	}
	var got bool
	if err := conn.QueryRow(ctx, `SELECT pg_try_advisory_lock($1)`, int64(leaderLock)).Scan(&got); err != nil || !got {
		conn.Close(context.Background())
		return nil, false
	}
	return conn, true
}
