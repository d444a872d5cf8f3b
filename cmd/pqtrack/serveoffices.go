package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/pqtrack/pqtrack/notify"
	"github.com/pqtrack/pqtrack/tracker"
	"github.com/pqtrack/pqtrack/tracker/store"
)

// officeJobs makes serve's jobs for every office: the default office's
// as they always were, with n (serve's own channel), and each other
// office's with the store scoped to it, a notifier for its channel and its
// language, named JOB@SLUG. All run on the one leader; each office's
// messages are logged under keys of its own (tracker.OfficeKey), so each
// is sent once. runs keeps each job's last run in its office's log.
func officeJobs(e *env, cfg serveConfig, db store.Full, n notify.Notifier,
	build func(serveConfig, store.Full, notify.Notifier) ([]notify.Job, error)) ([]notify.Job, notify.RunLog, error) {
	jobs, err := build(cfg, db, n)
	if err != nil {
		return nil, nil, err
	}
	offices, err := db.Offices(context.Background())
	if err != nil {
		return nil, nil, err
	}
	runs := officeRuns{def: db, by: map[string]store.Full{}}
	for _, o := range offices {
		if o.ID == tracker.DefaultOffice {
			continue
		}
		ocfg := cfg
		if o.Lang != "" {
			if ocfg.lang, err = notify.ParseLang(o.Lang); err != nil {
				return nil, nil, fmt.Errorf("office %s: %w", o.Slug, err)
			}
		}
		on := n
		if o.Channel != "" {
			if on, _, err = newNotifierFor(e, o.Channel); err != nil {
				return nil, nil, fmt.Errorf("office %s: %w", o.Slug, err)
			}
		}
		ocfg.log = cfg.log.With("office", o.Slug)
		ocfg.late.inbox = officeInbox(cfg.late.inbox, o.Slug)
		odb := db.ForOffice(o.ID)
		js, err := build(ocfg, odb, on)
		if err != nil {
			return nil, nil, fmt.Errorf("office %s: %w", o.Slug, err)
		}
		for _, j := range js {
			j.Name += "@" + o.Slug
			jobs = append(jobs, j)
		}
		runs.by[o.Slug] = odb
	}
	return jobs, runs, nil
}

// officeInbox is the inbox folder of an office other than the default:
// the subfolder of serve's inbox named by its slug, when there is one
// ("" otherwise). The default office reads the files in the inbox itself;
// two scans of one folder would take each other's files.
func officeInbox(inbox, slug string) string {
	if inbox == "" || slug == inboxDone || slug == inboxFailed {
		return ""
	}
	dir := filepath.Join(inbox, slug)
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		return ""
	}
	return dir
}

// officeRuns is the log of runs of officeJobs' jobs: JOB@SLUG in office
// SLUG's log as JOB, the others in the default office's.
type officeRuns struct {
	def store.Full
	by  map[string]store.Full
}

func (r officeRuns) of(job string) (notify.RunLog, string) {
	if name, slug, ok := strings.Cut(job, "@"); ok && r.by[slug] != nil {
		return r.by[slug], name
	}
	return r.def, job
}

func (r officeRuns) LastRun(ctx context.Context, job string) (time.Time, error) {
	l, name := r.of(job)
	return l.LastRun(ctx, name)
}

func (r officeRuns) SetLastRun(ctx context.Context, job string, at time.Time) error {
	l, name := r.of(job)
	return l.SetLastRun(ctx, name, at)
}

// officeNotifier is newNotifier for the office db is scoped to: a bot
// posts to that office's channel when it has one.
func officeNotifier(e *env, db store.Full) (notify.Notifier, string, error) {
	ch := ""
	if db.Office() != tracker.DefaultOffice {
		os, err := db.Offices(context.Background())
		if err != nil {
			return nil, "", err
		}
		for _, o := range os {
			if o.ID == db.Office() {
				ch = o.Channel
			}
		}
	}
	return newNotifierFor(e, ch)
}
