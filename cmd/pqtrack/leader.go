package main

import (
	"context"
	"log/slog"
	"time"

	"github.com/pqtrack/pqtrack/notify"
)

// leaderRetry is how often a serve process that does not lead tries to,
// and how often the leader checks that it still does.
const leaderRetry = 5 * time.Second

// elector is a store shared by several serve processes, of which one
// leads at a time (tracker/postgres).
type elector interface {
	Elect(ctx context.Context, retry time.Duration) (lead context.Context, resign func(), err error)
}

// startJobs runs the scheduled jobs of serve: at once on a store of one
// process (SQLite), or while this process leads on a shared one
// (PostgreSQL), so that one process sends; a follower takes over when the
// leader dies. The send log's claims keep a message from going out twice
// when the lead changes hands mid-run. stop stops the jobs, letting the
// message in flight finish.
func startJobs(ctx context.Context, db any, newService func() *notify.Service, log *slog.Logger) (stop func(), err error) {
	el, ok := db.(elector)
	if !ok {
		svc := newService()
		if err := svc.Start(ctx); err != nil {
			return nil, err
		}
		return svc.Stop, nil
	}
	ctx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() {
		defer close(done)
		for {
			log.Info("waiting to lead: another serve process may be running the scheduled jobs")
			lead, resign, err := el.Elect(ctx, leaderRetry)
			if err != nil {
				return // stopping
			}
			log.Info("leading: this process runs the scheduled jobs")
			svc := newService()
			if err := svc.Start(lead); err != nil {
				log.Error("scheduled jobs", "err", err)
				resign()
				return
			}
			<-lead.Done()
			svc.Stop()
			resign()
			if ctx.Err() != nil {
				return
			}
			log.Warn("lost the lead (database connection gone)")
		}
	}()
	return func() { cancel(); <-done }, nil
}
