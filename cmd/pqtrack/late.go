package main

import (
	"context"
	"flag"
	"fmt"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/pqtrack/pqtrack/notify"
	"github.com/pqtrack/pqtrack/tracker"
)

func init() {
	register("late", "list the answers that are late, per minister (runs the lateness sweep first)", runLate)
}

// lateWords are the lines `pqtrack late` prints.
var lateWords = words{
	"swept":    {"nagekeken: %d nieuw te laat, %d termijn(en) verschoven, %d beantwoord", "checked: %d newly late, %d deadline(s) moved, %d answered"},
	"none":     {"geen late antwoorden", "no late answers"},
	"minister": {"%s: %d te laat", "%s: %d late"},
	"header":   {"  ID\tNUMMER\tVRAAG\tVRAAGSTELLER\tTERMIJN\tTE LAAT", "  ID\tNUMBER\tQUESTION\tASKED BY\tDEADLINE\tLATE BY"},
	"days":     {"%d dag(en)", "%d day(s)"},
}

func runLate(e *env, args []string) error {
	fs := flag.NewFlagSet("late", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	dbPath := dbFlag(e, fs)
	lang := langFlag(e, fs)
	nowFlag := fs.String("now", "", "today (YYYY-MM-DD)")
	deadlines := deadlineFlags(e, fs)
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, "usage: pqtrack late [--db FILE] [--lang nl|en] [--now DATE] [--tk-weeks N] [--tk-postpone-weeks N] [--vp-workdays N] [--vp-recess PERIODS]")
		fs.PrintDefaults()
	}
	pos, err := parseArgs(fs, args)
	if err != nil {
		return &exitError{code: 2}
	}
	if len(pos) > 0 {
		return usageError(fmt.Errorf("unexpected argument %q", pos[0]))
	}
	l, err := notify.ParseLang(*lang)
	if err != nil {
		return usageError(err)
	}
	now, err := parseNow(*nowFlag)
	if err != nil {
		return usageError(err)
	}
	d, err := deadlines()
	if err != nil {
		return usageError(err)
	}
	db, err := dbPath.open()
	if err != nil {
		return err
	}
	defer db.Close()
	ctx := context.Background()
	res, err := db.SweepLate(ctx, d, now)
	if err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, say(l, lateWords, "swept", res.Created, res.Redated, res.Closed))
	late, err := db.FollowUps(ctx, tracker.FollowUpFilter{Kind: tracker.FollowLate, Overdue: tracker.DayOf(now)})
	if err != nil {
		return err
	}
	if len(late) == 0 {
		fmt.Fprintln(e.stdout, say(l, lateWords, "none"))
		return nil
	}
	today := tracker.DayOf(now)
	for _, g := range notify.ByMinister(late) {
		name := g.Minister
		if name == "" {
			name = l.T("digest.nominister")
		}
		fmt.Fprintln(e.stdout)
		fmt.Fprintln(e.stdout, say(l, lateWords, "minister", name, len(g.Late)))
		tw := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, say(l, lateWords, "header"))
		for _, f := range g.Late {
			number := ""
			if doc, err := db.Document(ctx, f.DocumentID); err == nil {
				number = doc.Number
			}
			days := int(today.Sub(f.Due).Hours() / 24)
			fmt.Fprintf(tw, "  %d\t%s\t%s\t%s\t%s\t%s\n", f.ID, number, shorten(f.Document, 50), f.Asker,
				l.Date(f.Due), say(l, lateWords, "days", days))
		}
		if err := tw.Flush(); err != nil {
			return err
		}
	}
	return nil
}

// deadlineFlags adds the answer terms as flags, each with its environment
// variable, defaulting to the parliaments' rules (tracker.DefaultDeadlines).
func deadlineFlags(e *env, fs *flag.FlagSet) func() (tracker.Deadlines, error) {
	def := tracker.DefaultDeadlines()
	tk := fs.String("tk-weeks", envOr(e, "PQTRACK_TK_WEEKS", strconv.Itoa(def.TKWeeks)),
		"`WEEKS` the Tweede Kamer allows for an answer (default $PQTRACK_TK_WEEKS, else 3)")
	post := fs.String("tk-postpone-weeks", envOr(e, "PQTRACK_TK_POSTPONE_WEEKS", strconv.Itoa(def.TKPostponeWeeks)),
		"`WEEKS` from a Tweede Kamer postponement notice (default $PQTRACK_TK_POSTPONE_WEEKS, else 3)")
	vp := fs.String("vp-workdays", envOr(e, "PQTRACK_VP_WORKDAYS", strconv.Itoa(def.VPWorkdays)),
		"working `DAYS` the Flemish Parliament allows, without weekends and Belgian holidays (default $PQTRACK_VP_WORKDAYS, else 20)")
	recess := fs.String("vp-recess", e.getenv("PQTRACK_VP_RECESS"),
		"`PERIODS` the Flemish term does not count either, e.g. 2026-07-11..2026-08-31,2026-12-24..2027-01-03 (default $PQTRACK_VP_RECESS, else none)")
	return func() (tracker.Deadlines, error) {
		d := def
		for _, f := range []struct {
			name, v string
			to      *int
		}{{"--tk-weeks", *tk, &d.TKWeeks}, {"--tk-postpone-weeks", *post, &d.TKPostponeWeeks}, {"--vp-workdays", *vp, &d.VPWorkdays}} {
			n, err := strconv.Atoi(strings.TrimSpace(f.v))
			if err != nil || n < 1 {
				return d, fmt.Errorf("%s %q: want a whole number, at least 1", f.name, f.v)
			}
			*f.to = n
		}
		var err error
		if d.VPRecess, err = tracker.ParsePeriods(*recess); err != nil {
			return d, fmt.Errorf("--vp-recess: %w", err)
		}
		return d, nil
	}
}
