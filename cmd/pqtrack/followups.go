package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/pqtrack/pqtrack/notify"
	"github.com/pqtrack/pqtrack/tracker"
	"github.com/pqtrack/pqtrack/tracker/report"
)

func init() {
	register("followups", "list what answers still owe: promises, deferrals, evasions", runFollowUps)
}

func runFollowUps(e *env, args []string) error {
	fs := flag.NewFlagSet("followups", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	dbPath := dbFlag(e, fs)
	due := fs.Bool("due", false, "only those due today or earlier (not done)")
	overdue := fs.Bool("overdue", false, "only those due before today (not done)")
	open := fs.Bool("open", false, "only open ones (not snoozed, not done)")
	all := fs.Bool("all", false, "all, done ones included")
	asJSON := fs.Bool("json", false, "print a JSON array")
	nowFlag := fs.String("now", "", "today, for --due and --overdue (YYYY-MM-DD)")
	kind := fs.String("kind", "", "only this kind, as the table names it (belofte, doorverwijzing, ...) or promise, deferral, pending, partial, declined, unanswered")
	lang := langFlag(e, fs)
	minister := fs.String("minister", "", "only for this minister")
	asker := fs.String("asker", "", "only for this asker")
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, "usage: pqtrack followups [--due|--overdue|--open|--all] [--json] [--lang nl|en] [--now DATE] [--db FILE]")
		fs.PrintDefaults()
	}
	if _, err := parseArgs(fs, args); err != nil {
		return &exitError{code: 2}
	}
	n := 0
	for _, b := range []bool{*due, *overdue, *open, *all} {
		if b {
			n++
		}
	}
	if n > 1 {
		return usageError(fmt.Errorf("--due, --overdue, --open and --all exclude each other"))
	}
	now, err := parseNow(*nowFlag)
	if err != nil {
		return usageError(err)
	}
	l, err := notify.ParseLang(*lang)
	if err != nil {
		return usageError(err)
	}
	k, err := parseKind(*kind)
	if err != nil {
		return usageError(err)
	}
	f := tracker.FollowUpFilter{Kind: k, Minister: *minister, Asker: *asker}
	today := tracker.DayOf(now)
	switch {
	case *due:
		f.DueBy = today
	case *overdue:
		f.Overdue = today
	case *open:
		f.States = []tracker.State{tracker.Open}
	case *all:
	default:
		f.States = []tracker.State{tracker.Open, tracker.Snoozed}
	}
	db, err := dbPath.open()
	if err != nil {
		return err
	}
	defer db.Close()
	list, err := db.FollowUps(context.Background(), f)
	if err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(report.FromFollowUps(list))
	}
	if len(list) == 0 {
		fmt.Fprintln(e.stdout, say(l, followUpWords, "none"))
		return nil
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, say(l, followUpWords, "header"))
	for i := range list {
		x := &list[i]
		state := say(l, followUpWords, "state."+string(x.State))
		if x.State == tracker.Done {
			state += " (" + l.T("outcome."+string(x.Outcome)) + ")"
		} else if x.IsOverdue(today) {
			state += " !"
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%d\t%s\t%s\n", x.ID, fmtDay(x.EffectiveDue()), state, l.T("kind."+string(x.Kind)),
			x.QuestionNumber, shorten(x.Document, 40), shorten(x.Summary, 60))
		if r := x.Resolution; r != nil {
			fmt.Fprintf(tw, "\t\t\t\t\t→ %s\t%s\n", say(l, followUpWords, "verdict."+string(r.Verdict)), shorten(r.Target, 60))
		}
	}
	return tw.Flush()
}

// followUpKinds are the kinds --kind accepts.
var followUpKinds = tracker.FollowUpKinds

// parseKind reads --kind: a kind's name in either language, as the table
// shows it ("belofte", "gedeeltelijk antwoord"), or its code ("promise").
func parseKind(s string) (tracker.FollowUpKind, error) {
	s = strings.ToLower(strings.TrimSpace(s))
	if s == "" {
		return "", nil
	}
	var names []string
	for _, k := range followUpKinds {
		nl, en := notify.Dutch.T("kind."+string(k)), notify.English.T("kind."+string(k))
		if s == string(k) || s == strings.ToLower(nl) || s == strings.ToLower(en) {
			return k, nil
		}
		names = append(names, nl)
	}
	return "", fmt.Errorf("--kind %q: kies uit %s", s, strings.Join(names, ", "))
}

// followUpWords are the words of the followups table.
var followUpWords = words{
	"none":                       {"geen opvolgingen", "no follow-ups"},
	"header":                     {"ID\tVERVALT\tSTAAT\tSOORT\tV\tDOCUMENT\tSAMENVATTING", "ID\tDUE\tSTATE\tKIND\tQ\tDOCUMENT\tSUMMARY"},
	"state.open":                 {"open", "open"},
	"state.snoozed":              {"uitgesteld", "snoozed"},
	"state.done":                 {"afgehandeld", "done"},
	"verdict.addressed":          {"besproken", "addressed"},
	"verdict.silent":             {"niets over", "silent"},
	"verdict.target-missing":     {"nog niet binnen", "target-missing"},
	"verdict.loop":               {"kring", "loop"},
	"verdict.possibly-delivered": {"mogelijk geleverd", "possibly-delivered"},
}
