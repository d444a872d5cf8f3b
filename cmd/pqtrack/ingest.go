package main

import (
	"context"
	"flag"
	"fmt"
	"os"

	"github.com/pqtrack/pqtrack/notify"
	"github.com/pqtrack/pqtrack/tracker"
	"github.com/pqtrack/pqtrack/tracker/resolve"
	"github.com/pqtrack/pqtrack/tracker/sqlite"
)

func init() {
	register("ingest", "analyse documents and store them with their follow-ups", runIngest)
}

func runIngest(e *env, args []string) error {
	fs := flag.NewFlagSet("ingest", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	dbPath := dbFlag(e, fs)
	var o loadOptions
	dateFlag(fs, &o.Date, "date", "document date for relative expressions, when the document does not say it (YYYY-MM-DD)")
	fs.StringVar(&o.RulesFile, "rules", "", "rule `file` that extends or replaces the default rules")
	nowFlag := fs.String("now", "", "today, for follow-ups of undated documents (YYYY-MM-DD)")
	kind := fs.String("kind", "answer", "what the files are: answer (written questions), meeting (report, Handelingen) or letter")
	fs.StringVar(&o.Body, "body", "", "for a meeting: the committee or plenary, when the header does not say it")
	fs.StringVar(&o.Title, "title", "", "for a meeting or letter: its title, when the header does not say it")
	quiet := fs.Bool("no-notify", false, "do not send what the new documents resolved to Slack")
	lang := langFlag(e, fs)
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, "usage: pqtrack ingest [--db FILE] [--date DATE] [--rules FILE] [--kind answer|meeting|letter] [--body TEXT] [FILE|DIR|-]...")
		fs.PrintDefaults()
	}
	paths, err := parseArgs(fs, args)
	if err != nil {
		return &exitError{code: 2}
	}
	now, err := parseNow(*nowFlag)
	if err != nil {
		return usageError(err)
	}
	switch k := tracker.Kind(*kind); k {
	case tracker.KindAnswer, tracker.KindMeeting, tracker.KindLetter:
		o.Kind = k
	default:
		return usageError(fmt.Errorf("--kind %q: want answer, meeting or letter", *kind))
	}
	l, err := notify.ParseLang(*lang)
	if err != nil {
		return usageError(err)
	}
	db, err := openStore(*dbPath)
	if err != nil {
		return err
	}
	defer db.Close()

	// Each file is read and stored on its own, so that one bad file is
	// reported and the others still go in. A directory is read whole when
	// it can be, file by file otherwise.
	var units [][]string
	failed, ingested := 0, 0
	if len(paths) == 0 {
		units = append(units, nil) // the embedded seed
	}
	for _, p := range paths {
		if fi, err := os.Stat(p); err == nil && fi.IsDir() {
			files, err := documentFiles(p)
			if err != nil {
				fmt.Fprintf(e.stderr, "pqtrack ingest: %v\n", err)
				failed++
				continue
			}
			for _, f := range files {
				units = append(units, []string{f})
			}
			continue
		}
		units = append(units, []string{p})
	}
	for _, u := range units {
		docs, err := loadDocuments(e, u, o)
		if err != nil {
			failed++
			fmt.Fprintf(e.stderr, "pqtrack ingest: %s: %v\n", unitName(u), err)
			continue
		}
		for _, d := range docs {
			res, err := db.Ingest(context.Background(), d, now)
			if err != nil {
				failed++
				fmt.Fprintf(e.stderr, "pqtrack ingest: %s: %v\n", d.File, err)
				continue
			}
			fmt.Fprintf(e.stdout, "%-9s %s: document %d, %d questions, %d follow-ups (%d new)\n",
				res.Action, d.File, res.DocumentID, res.Items, res.FollowUps, res.New)
			if res.Action != sqlite.Unchanged {
				if err := db.SetPassages(context.Background(), d.ID, resolve.Split(d)); err != nil {
					failed++
					fmt.Fprintf(e.stderr, "pqtrack ingest: %s: %v\n", d.File, err)
				}
				ingested++
			}
		}
	}
	// What came in may be what open deferrals point at, or what a promise
	// promised: resolve them again and say so.
	if ingested > 0 {
		if err := reresolve(e, db, now, l, !*quiet); err != nil {
			failed++
			fmt.Fprintf(e.stderr, "pqtrack ingest: resolve: %v\n", err)
		}
	}
	if failed > 0 {
		return &exitError{code: 1, err: fmt.Errorf("%d failed", failed)}
	}
	return nil
}

func unitName(u []string) string {
	if len(u) == 0 {
		return "seed"
	}
	return u[0]
}
