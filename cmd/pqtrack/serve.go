package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/pqtrack/pqtrack/notify"
	"github.com/pqtrack/pqtrack/tracker/store"
)

func init() {
	register("serve", "run reminders and the weekly digest on schedule, and the dashboard", runServe)
}

// serveConfig is what the jobs of serve are built from.
type serveConfig struct {
	remindSpec, digestSpec, retrySpec string
	lang                              notify.Lang
	loc                               *time.Location
	log                               *slog.Logger
	lease                             time.Duration
	late                              lateConfig
}

// serveSignals returns the context serve runs until; tests replace it.
var serveSignals = func() (context.Context, context.CancelFunc) {
	return signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
}

func runServe(e *env, args []string) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	remind := fs.String("remind-spec", envOr(e, "PQTRACK_REMIND_SPEC", notify.DefaultRemindSpec), "cron `SPEC` of the reminder run, Europe/Brussels")
	digest := fs.String("digest-spec", envOr(e, "PQTRACK_DIGEST_SPEC", notify.DefaultDigestSpec), "cron `SPEC` of the weekly digest, Europe/Brussels")
	fetchSpec := fs.String("fetch-spec", envOr(e, "PQTRACK_FETCH_SPEC", defaultFetchSpec), "cron `SPEC` of fetching from the parliaments' open data, when there is a watch list, Europe/Brussels")
	retry := fs.String("retry-spec", envOr(e, "PQTRACK_RETRY_SPEC", notify.DefaultRetrySpec), "cron `SPEC` of the retry run (a failed digest of this week, work a stopped run left), Europe/Brussels")
	lang := langFlag(e, fs)
	dbPath := dbFlag(e, fs)
	wo := webFlags(e, fs)
	slackHTTP := slackAppFlags(e, fs)
	late := lateFlags(e, fs)
	pos, err := parseArgs(fs, args)
	if err != nil {
		return &exitError{code: 2}
	}
	if len(pos) > 0 {
		return usageError(fmt.Errorf("unexpected argument %q", pos[0]))
	}
	l, err := notify.ParseLang(*lang)
	if err != nil {
		return &exitError{2, err}
	}
	// serve writes only structured logs, for whoever runs it, in English;
	// what staff read (reminders, digests) is in l.
	cfg := serveConfig{remindSpec: *remind, digestSpec: *digest, retrySpec: *retry, lang: l, loc: brussels(),
		log: slog.New(slog.NewTextHandler(e.stderr, nil))}
	n, where, err := newNotifier(e)
	if err != nil {
		return err
	}
	if cfg.lease, err = sendLease(e); err != nil {
		return &exitError{2, err}
	}
	if cfg.late, err = late(wo); err != nil {
		return usageError(err)
	}
	db, err := dbPath.open()
	if err != nil {
		return err
	}
	defer db.Close()
	jobs, runs, err := officeJobs(e, cfg, db, n, func(cfg serveConfig, db store.Full, n notify.Notifier) ([]notify.Job, error) {
		jobs, err := serveJobs(cfg, db, n)
		if err != nil {
			return nil, err
		}
		fj, err := fetchJob(e, cfg, db, n, *fetchSpec, wo.reader)
		return append(jobs, fj), err
	})
	if err != nil {
		return &exitError{2, err}
	}

	// The dashboard binds before the jobs start, so a bad address or
	// missing credentials stop serve before anything is sent.
	addr, serveWeb, err := startWeb(e, wo, db, cfg.log)
	if err != nil {
		return err
	}
	stopSlack, err := startSlackApp(e, *slackHTTP, db, n, cfg.lang, cfg.log)
	if err != nil {
		return err
	}
	defer stopSlack()

	ctx, stop := serveSignals()
	defer stop()
	newService := func() *notify.Service {
		return &notify.Service{Jobs: jobs, Runs: runs, Loc: cfg.loc, Log: cfg.log}
	}
	cfg.log.Info("serving", "db", db.Name(), "notify", where, "remind", cfg.remindSpec, "digest", cfg.digestSpec, "retry", cfg.retrySpec,
		"lang", string(l), "dashboard", "http://"+addr+"/")
	webDone := make(chan error, 1)
	go func() { webDone <- serveWeb(ctx) }()
	stopJobs, err := startJobs(ctx, db, newService, cfg.log)
	if err != nil {
		stop()
		<-webDone
		return err
	}
	var webErr error
	select {
	case <-ctx.Done():
		webErr = <-webDone
	case webErr = <-webDone: // the dashboard failed: stop the jobs too
		stop()
	}
	cfg.log.Info("stopping: finishing the message in flight and the requests in progress")
	stopJobs()
	if webErr != nil {
		return webErr
	}
	cfg.log.Info("stopped")
	return nil
}

// serveJobs returns serve's scheduled jobs, specs validated. The web
// dashboard runs beside them. All of serve's sends share one claim owner.
func serveJobs(cfg serveConfig, db store.Full, n notify.Notifier) ([]notify.Job, error) {
	rs, err := notify.ParseSpec(cfg.remindSpec, cfg.loc)
	if err != nil {
		return nil, fmt.Errorf("--remind-spec: %w", err)
	}
	ds, err := notify.ParseSpec(cfg.digestSpec, cfg.loc)
	if err != nil {
		return nil, fmt.Errorf("--digest-spec: %w", err)
	}
	ts, err := notify.ParseSpec(cfg.retrySpec, cfg.loc)
	if err != nil {
		return nil, fmt.Errorf("--retry-spec: %w", err)
	}
	owner := notify.NewOwner()
	rem := &notify.Reminders{Store: db, Summary: db, Notifier: n, Lang: cfg.lang, Log: cfg.log, Owner: owner, Lease: cfg.lease}
	dig := &notify.Digests{Store: db, Log: db, Notifier: n, Lang: cfg.lang, Loc: cfg.loc, Logger: cfg.log, Owner: owner, Lease: cfg.lease}
	pl := &pipeline{db: db, lang: cfg.lang, owner: owner, lease: cfg.lease,
		notifier: func() (notify.Notifier, error) { return n, nil }}
	lj, err := lateJobs(cfg, db, n, owner)
	if err != nil {
		return nil, err
	}
	return append([]notify.Job{
		{Name: "remind", Schedule: rs, CatchUp: notify.Sweep, Run: func(ctx context.Context, now time.Time) error {
			// The first run on a new database (the job never ran) announces
			// what was overdue before it in one message, not one per item.
			last, err := db.LastRun(ctx, "remind")
			if err != nil {
				return err
			}
			rem.Summarize = last.IsZero()
			_, err = rem.Run(ctx, now)
			return err
		}},
		{Name: "digest", Schedule: ds, CatchUp: notify.Missed, Run: dig.Run},
		// Runs at start too: finishes what a run that died left (queued
		// re-resolution, arrival messages) and sends this week's digest if
		// its Monday attempt failed.
		{Name: "retry", Schedule: ts, CatchUp: notify.Sweep, Run: func(ctx context.Context, now time.Time) error {
			return errors.Join(pl.after(ctx, now, false), dig.Retry(ctx, now, ds))
		}},
	}, lj...), nil
}

func envOr(e *env, name, def string) string {
	if v := e.getenv(name); v != "" {
		return v
	}
	return def
}
