package main

import (
	"context"
	"flag"
	"fmt"

	"github.com/pqtrack/pqtrack/notify"
	"github.com/pqtrack/pqtrack/tracker/resolve"
)

func init() {
	register("resolve", "follow deferrals to what they point at; find documents that keep promises", runResolve)
}

func runResolve(e *env, args []string) error {
	fs := flag.NewFlagSet("resolve", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	dbPath := dbFlag(e, fs)
	nowFlag := fs.String("now", "", "today (YYYY-MM-DD)")
	send := fs.Bool("notify", false, "send what changed to Slack (or standard output), and messages a failed send left")
	lang := langFlag(e, fs)
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, "usage: pqtrack resolve [--db FILE] [--notify] [--now DATE]\n\nA suggested delivery is confirmed with pqtrack check ID --delivered, rejected with pqtrack check ID --not-delivered.")
		fs.PrintDefaults()
	}
	if _, err := parseArgs(fs, args); err != nil {
		return &exitError{code: 2}
	}
	now, err := parseNow(*nowFlag)
	if err != nil {
		return usageError(err)
	}
	l, err := notify.ParseLang(*lang)
	if err != nil {
		return usageError(err)
	}
	db, err := dbPath.open()
	if err != nil {
		return err
	}
	defer db.Close()
	ctx := context.Background()
	// Documents stored before passages were indexed get them now.
	docs, err := db.Documents(ctx)
	if err != nil {
		return err
	}
	indexed := 0
	for _, d := range docs {
		n, err := db.CountPassages(ctx, d.ID)
		if err != nil {
			return err
		}
		if n > 0 {
			continue
		}
		full, err := db.Document(ctx, d.ID)
		if err != nil {
			return err
		}
		if err := db.SetPassages(ctx, d.ID, resolve.Split(full)); err != nil {
			return err
		}
		indexed++
	}
	if indexed > 0 {
		fmt.Fprintln(e.stdout, say(l, resolveWords, "indexed", indexed))
	}
	lease, err := sendLease(e)
	if err != nil {
		return usageError(err)
	}
	pl := &pipeline{db: db, lang: l, out: e.stdout, lease: lease}
	if *send {
		pl.notifier = func() (notify.Notifier, error) { n, _, err := officeNotifier(e, db); return n, err }
	}
	// Messages a failed send left queued go out now too.
	return pl.after(ctx, now, true)
}

// resolveWords are the lines resolve prints besides the pipeline's.
var resolveWords = words{
	"indexed": {"passages van %d documenten geïndexeerd", "indexed the passages of %d documents"},
}
