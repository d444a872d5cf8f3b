package main

import (
	"context"
	"flag"
	"fmt"
	"sort"
	"time"

	"github.com/pqtrack/pqtrack/notify"
	"github.com/pqtrack/pqtrack/tracker"
	"github.com/pqtrack/pqtrack/tracker/resolve"
	"github.com/pqtrack/pqtrack/tracker/sqlite"
)

func init() {
	register("resolve", "follow deferrals to what they point at; find documents that keep promises", runResolve)
}

func runResolve(e *env, args []string) error {
	fs := flag.NewFlagSet("resolve", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	dbPath := dbFlag(e, fs)
	nowFlag := fs.String("now", "", "today (YYYY-MM-DD)")
	send := fs.Bool("notify", false, "send what changed to Slack (or standard output)")
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
	db, err := openStore(*dbPath)
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
		fmt.Fprintf(e.stdout, "indexed the passages of %d documents\n", indexed)
	}
	return reresolve(e, db, now, l, *send)
}

// reresolve resolves every open deferral and promise again, prints what
// changed and, when send is set, tells staff per target document.
func reresolve(e *env, db *sqlite.DB, now time.Time, lang notify.Lang, send bool) error {
	ctx := context.Background()
	changes, err := resolve.Run(ctx, db, now)
	if err != nil {
		return err
	}
	if len(changes) == 0 {
		fmt.Fprintln(e.stdout, "resolutions unchanged")
	}
	byTarget := map[int64][]notify.ArrivalChange{}
	for _, c := range changes {
		f := c.FollowUp
		fmt.Fprintf(e.stdout, "resolved  #%d %s, question %d: %s %s\n", f.ID, shorten(f.Document, 40),
			f.QuestionNumber, c.New.Verdict, shorten(c.New.Target, 70))
		if c.New.TargetID != 0 && c.New.Verdict != tracker.TargetMissing && c.New.Verdict != tracker.Loop {
			byTarget[c.New.TargetID] = append(byTarget[c.New.TargetID], notify.ArrivalChange{FollowUp: f, Label: c.Label, New: c.New})
		}
	}
	if !send || len(byTarget) == 0 {
		return nil
	}
	n, _, err := newNotifier(e)
	if err != nil {
		return err
	}
	ids := make([]int64, 0, len(byTarget))
	for id := range byTarget {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	for _, id := range ids {
		tgt, err := db.Document(ctx, id)
		if err != nil {
			return err
		}
		tgt.Text, tgt.Items = "", nil
		m, err := notify.RenderArrival(lang, notify.Arrival{Target: *tgt, Changes: byTarget[id]})
		if err != nil {
			return err
		}
		if m.Text == "" {
			continue
		}
		if err := notify.Retry(ctx, n, m, notify.DefaultTries, notify.DefaultMaxWait, notify.DefaultSendTimeout); err != nil {
			return fmt.Errorf("tell staff about document %d: %w", id, err)
		}
	}
	return nil
}
