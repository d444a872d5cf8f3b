package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/pqtrack/pqtrack/notify"
	"github.com/pqtrack/pqtrack/tracker"
	"github.com/pqtrack/pqtrack/tracker/store"
)

// Default schedules of serve's lateness jobs, Europe/Brussels.
const (
	defaultLateSpec  = "*/15 * * * *" // the sweep and the answer alerts
	defaultInboxSpec = "* * * * *"    // the inbox folder, every minute
)

// lateConfig is what serve's lateness jobs are built from.
type lateConfig struct {
	deadlines           tracker.Deadlines
	inbox               string // the inbox folder; "": none
	lateSpec, inboxSpec string
	baseURL             string // of the dashboard, for links in alerts
	rd                  *reader
	rulesFile           string
}

// lateFlags adds serve's lateness flags; the returned function reads them
// once parsed, with the dashboard's reader limits and rule file.
func lateFlags(e *env, fs *flag.FlagSet) func(wo webOptions) (lateConfig, error) {
	deadlines := deadlineFlags(e, fs)
	inbox := fs.String("inbox", e.getenv("PQTRACK_INBOX"), "`DIR` where staff drop answer files to ingest (default $PQTRACK_INBOX, else none)")
	inboxSpec := fs.String("inbox-spec", envOr(e, "PQTRACK_INBOX_SPEC", defaultInboxSpec), "cron `SPEC` of the inbox scan, Europe/Brussels")
	lateSpec := fs.String("late-spec", envOr(e, "PQTRACK_LATE_SPEC", defaultLateSpec), "cron `SPEC` of the lateness sweep and the answer alerts, Europe/Brussels")
	baseURL := fs.String("base-url", e.getenv("PQTRACK_BASE_URL"), "`URL` of the dashboard as staff reach it, for links in Slack (default $PQTRACK_BASE_URL, else http:// and --addr)")
	return func(wo webOptions) (lateConfig, error) {
		c := lateConfig{inbox: *inbox, lateSpec: *lateSpec, inboxSpec: *inboxSpec, rulesFile: *wo.rules}
		var err error
		if c.deadlines, err = deadlines(); err != nil {
			return c, err
		}
		if c.inbox != "" {
			if fi, err := os.Stat(c.inbox); err != nil || !fi.IsDir() {
				return c, fmt.Errorf("--inbox %q: not a folder", c.inbox)
			}
		}
		if c.rd, err = wo.reader(); err != nil {
			return c, err
		}
		c.baseURL = strings.TrimRight(*baseURL, "/")
		if c.baseURL == "" {
			c.baseURL = "http://" + *wo.addr
		}
		return c, nil
	}
}

// lateJobs returns serve's lateness jobs: the sweep with the answer alerts
// (own spec), the morning message about answers that became late (on the
// reminder spec), and the inbox scan when there is an inbox.
func lateJobs(cfg serveConfig, db store.Full, n notify.Notifier, owner string) ([]notify.Job, error) {
	c := cfg.late
	if c.lateSpec == "" {
		c.lateSpec = defaultLateSpec
	}
	if c.deadlines.TKWeeks == 0 {
		c.deadlines = tracker.DefaultDeadlines()
	}
	rs, err := notify.ParseSpec(cfg.remindSpec, cfg.loc)
	if err != nil {
		return nil, fmt.Errorf("--remind-spec: %w", err)
	}
	ls, err := notify.ParseSpec(c.lateSpec, cfg.loc)
	if err != nil {
		return nil, fmt.Errorf("--late-spec: %w", err)
	}
	answers := &notify.Answers{Store: db, Notifier: n, Lang: cfg.lang, Log: cfg.log, Owner: owner, Lease: cfg.lease,
		DocumentURL: func(id int64) string { return fmt.Sprintf("%s/documents/%d", c.baseURL, id) }}
	lateness := &notify.Lateness{Store: db, Notifier: n, Lang: cfg.lang, Log: cfg.log, Owner: owner, Lease: cfg.lease}
	sweep := func(ctx context.Context, now time.Time) error {
		res, err := db.SweepLate(ctx, c.deadlines, now)
		if res.Changed() {
			cfg.log.Info("late sweep", "late", res.Created, "redated", res.Redated, "answered", res.Closed)
		}
		return err
	}
	alerts := func(ctx context.Context, now time.Time) error {
		err := sweep(ctx, now)
		_, aerr := answers.Run(ctx, now)
		return errors.Join(err, aerr)
	}
	jobs := []notify.Job{
		{Name: "late", Schedule: ls, CatchUp: notify.Sweep, Run: alerts},
		{Name: "late-morning", Schedule: rs, CatchUp: notify.Sweep, Run: func(ctx context.Context, now time.Time) error {
			err := sweep(ctx, now)
			_, _, lerr := lateness.Run(ctx, now)
			return errors.Join(err, lerr)
		}},
	}
	if c.inbox == "" {
		return jobs, nil
	}
	is, err := notify.ParseSpec(c.inboxSpec, cfg.loc)
	if err != nil {
		return nil, fmt.Errorf("--inbox-spec: %w", err)
	}
	set, err := loadRulesFor(c.rulesFile, dbFile(db))
	if err != nil {
		return nil, err
	}
	in := &inbox{dir: c.inbox, rd: c.rd, log: cfg.log, loc: cfg.loc,
		pl: &pipeline{db: db, set: set, lang: cfg.lang, owner: owner, lease: cfg.lease,
			notifier: func() (notify.Notifier, error) { return n, nil }}}
	jobs = append(jobs, notify.Job{Name: "inbox", Schedule: is, CatchUp: notify.Sweep, Run: func(ctx context.Context, now time.Time) error {
		took, err := in.scan(ctx, now)
		if took == 0 && err == nil {
			return nil
		}
		return errors.Join(err, alerts(ctx, now))
	}})
	return jobs, nil
}
