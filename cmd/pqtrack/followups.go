package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"text/tabwriter"
	"time"

	"github.com/pqtrack/pqtrack/tracker"
	"github.com/pqtrack/pqtrack/tracker/report"
)

func init() {
	register("followups", "list what answers still owe: promises, deferrals, evasions", runFollowUps)
}

// followUpJSON is a follow-up as `followups --json` prints it.
type followUpJSON struct {
	ID             int64  `json:"id"`
	DocumentID     int64  `json:"document_id"`
	Document       string `json:"document"`
	QuestionNumber int    `json:"question_number"`
	Kind           string `json:"kind"`
	Key            string `json:"key"`
	Due            string `json:"due"`
	EffectiveDue   string `json:"effective_due"`
	State          string `json:"state"`
	SnoozedUntil   string `json:"snoozed_until,omitempty"`
	Outcome        string `json:"outcome"`
	ReaskedAs      string `json:"reasked_as,omitempty"`
	Note           string `json:"note,omitempty"`
	By             string `json:"by,omitempty"`
	Summary        string `json:"summary"`
	Promised       string `json:"promised,omitempty"`
	Precision      string `json:"precision,omitempty"`
	Minister       string `json:"minister,omitempty"`
	Asker          string `json:"asker,omitempty"`
	// Resolution is what following a deferral found, or a document that
	// may deliver a promise; the shape of analyze --json.
	Resolution *report.Resolution `json:"resolution,omitempty"`
}

// optDay writes a date as YYYY-MM-DD, or "" when unknown.
func optDay(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(tracker.DateLayout)
}

func toJSON(f *tracker.FollowUp) followUpJSON {
	var res *report.Resolution
	if r := f.Resolution; r != nil {
		res = &report.Resolution{Verdict: string(r.Verdict), Target: r.Target, TargetID: r.TargetID, Items: r.Items, Status: string(r.Status)}
		for _, p := range r.Passages {
			res.Passages = append(res.Passages, report.Passage(p))
		}
	}
	return followUpJSON{
		Resolution: res,
		ID:         f.ID, DocumentID: f.DocumentID, Document: f.Document, QuestionNumber: f.QuestionNumber,
		Kind: string(f.Kind), Key: f.Key, Due: fmtDay(f.Due), EffectiveDue: fmtDay(f.EffectiveDue()),
		State: string(f.State), SnoozedUntil: optDay(f.SnoozedUntil),
		Outcome: string(f.Outcome), ReaskedAs: f.ReaskedAs, Note: f.Note, By: f.By, Summary: f.Summary,
		Promised: optDay(f.Promised), Precision: string(f.Precision),
		Minister: f.Minister, Asker: f.Asker,
	}
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
	kind := fs.String("kind", "", "only this kind: promise, deferral, pending, partial, declined, unanswered")
	minister := fs.String("minister", "", "only for this minister")
	asker := fs.String("asker", "", "only for this asker")
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, "usage: pqtrack followups [--due|--overdue|--open|--all] [--json] [--now DATE] [--db FILE]")
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
	f := tracker.FollowUpFilter{Kind: tracker.FollowUpKind(*kind), Minister: *minister, Asker: *asker}
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
	db, err := openStore(*dbPath)
	if err != nil {
		return err
	}
	defer db.Close()
	list, err := db.FollowUps(context.Background(), f)
	if err != nil {
		return err
	}
	if *asJSON {
		out := make([]followUpJSON, 0, len(list))
		for i := range list {
			out = append(out, toJSON(&list[i]))
		}
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(out)
	}
	if len(list) == 0 {
		fmt.Fprintln(e.stdout, "no follow-ups")
		return nil
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tDUE\tSTATE\tKIND\tQ\tDOCUMENT\tSUMMARY")
	for i := range list {
		x := &list[i]
		state := string(x.State)
		if x.State == tracker.Done {
			state += " (" + string(x.Outcome) + ")"
		} else if x.IsOverdue(today) {
			state += " !"
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%d\t%s\t%s\n", x.ID, fmtDay(x.EffectiveDue()), state, x.Kind,
			x.QuestionNumber, shorten(x.Document, 40), shorten(x.Summary, 60))
		if r := x.Resolution; r != nil {
			fmt.Fprintf(tw, "\t\t\t\t\t→ %s\t%s\n", r.Verdict, shorten(r.Target, 60))
		}
	}
	return tw.Flush()
}
