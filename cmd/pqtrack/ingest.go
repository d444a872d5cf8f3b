package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"strconv"
	"time"

	"github.com/pqtrack/pqtrack/notify"
	"github.com/pqtrack/pqtrack/seeds"
	"github.com/pqtrack/pqtrack/tracker"
	"github.com/pqtrack/pqtrack/tracker/store"
)

func init() {
	register("ingest", "analyse documents and store them with their follow-ups", runIngest)
}

// ingestWords are the lines ingest prints.
var ingestWords = words{
	store.Created:   {"nieuw", "created"},
	store.Unchanged: {"ongewijzigd", "unchanged"},
	store.Replaced:  {"vervangen", "replaced"},
	"line":          {"%-11s %s: document %d, %d vragen, %d opvolgingen (%d nieuw)", "%-9s %s: document %d, %d questions, %d follow-ups (%d new)"},
	"failed":        {"%d mislukt", "%d failed"},
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
	wait := pendingWaitFlag(e, fs)
	lang := langFlag(e, fs)
	limits := readerFlags(e, fs)
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, "usage: pqtrack ingest [--db FILE] [--date DATE] [--rules FILE] [--kind answer|meeting|letter] [--body TEXT] [--pending-wait DAYS] [--max-size SIZE] [--pdf-timeout TIME] [FILE|DIR|-]...")
		fs.PrintDefaults()
	}
	paths, err := parseArgs(fs, args)
	if err != nil {
		return &exitError{code: 2}
	}
	rd, err := limits()
	if err != nil {
		return err
	}
	now, err := parseNow(*nowFlag)
	if err != nil {
		return usageError(err)
	}
	for _, k := range []tracker.Kind{tracker.KindAnswer, tracker.KindMeeting, tracker.KindLetter} {
		if *kind == string(k) || *kind == k.Noun() { // the Dutch word, as pqtrack's hints write it
			o.Kind = k
		}
	}
	if o.Kind == "" {
		return usageError(fmt.Errorf("--kind %q: want answer, meeting or letter (antwoord, vergadering, brief)", *kind))
	}
	l, err := notify.ParseLang(*lang)
	if err != nil {
		return usageError(err)
	}
	days, err := strconv.Atoi(*wait)
	if err != nil || days < 1 {
		return usageError(fmt.Errorf("--pending-wait %q: want a number of days, at least 1", *wait))
	}
	set, err := loadRulesFor(o.RulesFile, dbPath.path)
	if err != nil {
		return err
	}
	db, err := dbPath.create()
	if err != nil {
		return err
	}
	defer db.Close()
	db.SetPendingWait(time.Duration(days) * 24 * time.Hour)

	// Each file is read and stored on its own, so that one bad file is
	// reported and the others still go in.
	failed := 0
	var srcs []source
	if len(paths) == 0 {
		srcs = append(srcs, source{"seeds/" + seeds.Name, func() ([]byte, error) { return seeds.Default, nil }})
	}
	for _, p := range paths {
		if p == "-" {
			srcs = append(srcs, source{"-", func() ([]byte, error) { return rd.stream(context.Background(), e.stdin) }})
			continue
		}
		files, err := documentFiles(p)
		if err != nil {
			fmt.Fprintf(e.stderr, "pqtrack ingest: %v\n", err)
			failed++
			continue
		}
		for _, f := range files {
			srcs = append(srcs, source{displayName(f), func() ([]byte, error) { return rd.file(context.Background(), f) }})
		}
	}
	lease, err := sendLease(e)
	if err != nil {
		return usageError(err)
	}
	pl := &pipeline{db: db, set: set, lang: l, out: e.stdout, lease: lease}
	pl.stored = func(r stored) {
		if r.err != nil {
			failed++
			var re *readError
			if _, ok := asParseError(r.err); ok || errors.As(r.err, &re) {
				fmt.Fprintf(e.stderr, "pqtrack ingest: %s\n", message(l, r.err)) // names the file
			} else {
				fmt.Fprintf(e.stderr, "pqtrack ingest: %s: %v\n", r.name, r.err)
			}
		}
		if r.doc == nil {
			return
		}
		x := r.res
		fmt.Fprintln(e.stdout, say(l, ingestWords, "line", say(l, ingestWords, x.Action), r.doc.File, x.DocumentID, x.Items, x.FollowUps, x.New))
	}
	if !*quiet {
		pl.notifier = func() (notify.Notifier, error) { n, _, err := officeNotifier(e, db); return n, err }
	}
	// What comes in may be what open deferrals point at, or what a promise
	// promised: the pipeline resolves them again and says so.
	if _, err := pl.run(context.Background(), srcs, o, now); err != nil {
		failed++
		fmt.Fprintf(e.stderr, "pqtrack ingest: %v\n", err)
	}
	if failed > 0 {
		return &exitError{code: 1, err: errors.New(say(l, ingestWords, "failed", failed))}
	}
	return nil
}

// pendingWaitFlag adds --pending-wait: how long after the answer a pending
// answer without a date is due, in days.
func pendingWaitFlag(e *env, fs *flag.FlagSet) *string {
	def := e.getenv("PQTRACK_PENDING_WAIT")
	if def == "" {
		def = strconv.Itoa(int(tracker.DefaultPendingWait / (24 * time.Hour)))
	}
	return fs.String("pending-wait", def, "`DAYS` after the answer that a pending answer without a promised date is due (default $PQTRACK_PENDING_WAIT, else 90)")
}
