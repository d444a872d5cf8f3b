package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/pqtrack/pqtrack/notify"
	"github.com/pqtrack/pqtrack/tracker/store"
)

// fetchJob is serve's scheduled fetch: on spec, when the watch list is not
// empty, it fetches as pqtrack fetch does, under the same lock, so two
// processes never fetch at once. A job that never ran, or missed a run,
// runs at start.
func fetchJob(e *env, cfg serveConfig, db store.Full, n notify.Notifier, spec string, limits func() (*reader, error)) (notify.Job, error) {
	s, err := notify.ParseSpec(spec, cfg.loc)
	if err != nil {
		return notify.Job{}, fmt.Errorf("--fetch-spec: %w", err)
	}
	fc, err := fetchSettings(e)
	if err != nil {
		return notify.Job{}, err
	}
	rd, err := limits()
	if err != nil {
		return notify.Job{}, err
	}
	set, err := loadRulesFor("", dbFile(db))
	if err != nil {
		return notify.Job{}, err
	}
	owner := notify.NewOwner()
	streams := fc.streams(rd, "")
	return notify.Job{Name: "fetch", Schedule: s, CatchUp: notify.Missed, Run: func(ctx context.Context, now time.Time) error {
		ws, err := db.Watches(ctx)
		if err != nil || len(ws) == 0 {
			return err // no watch list: nothing to fetch
		}
		pl := &pipeline{db: db, set: set, lang: cfg.lang, owner: owner, lease: cfg.lease,
			notifier: func() (notify.Notifier, error) { return n, nil }}
		var out bytes.Buffer
		f := &fetcher{db: db, pl: pl, rd: rd, lang: cfg.lang, out: &out, errs: &out, owner: owner, lease: cfg.lease}
		err = f.run(ctx, streams, time.Time{}, now)
		for _, l := range strings.Split(strings.TrimSpace(out.String()), "\n") {
			cfg.log.Info("fetch", "line", l)
		}
		if errors.Is(err, errFetchBusy) {
			cfg.log.Info("fetch: another process is fetching; skipped")
			return nil
		}
		return err
	}}, nil
}
