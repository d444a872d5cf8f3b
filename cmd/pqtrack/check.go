package main

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/pqtrack/pqtrack/tracker"
)

func init() {
	register("check", "close a follow-up (delivered, reasked, dropped) or reject a suggested delivery", runCheck)
}

var checkWords = words{
	"closed":   {"opvolging %d: afgesloten (%s)", "follow-up %d: closed (%s)"},
	"rejected": {"opvolging %d: voorgestelde levering afgewezen; ze blijft open", "follow-up %d: suggested delivery rejected; it stays open"},
	"head":     {"Opvolging #%d: %s, vraag %d van %s", "Follow-up #%d: %s, question %d of %s"},
	"due":      {"Vervaldag: %s · %s", "Due: %s · %s"},
	"what":     {"Wat is er gebeurd?", "What happened?"},
	"opt.del":  {"de informatie is er", "the information came"},
	"opt.re":   {"er is een nieuwe vraag ingediend (met haar nummer)", "a new question was filed (with its number)"},
	"opt.drop": {"niet meer opvolgen", "no longer follow it"},
	"opt.snz":  {"later opnieuw bekijken", "look again later"},
	"number":   {"NUMMER", "NUMBER"},
	"date":     {"DATUM", "DATE"},
	"open":     {"open", "open"},
	"snoozed":  {"uitgesteld tot %s", "snoozed until %s"},
	"closed.s": {"afgesloten (%s)", "closed (%s)"},
}

func runCheck(e *env, args []string) error {
	c := newFollowUpCmd(e, "check", "ID --delivered|--reasked NUMBER|--drop|--not-delivered [--note TEXT] [--by NAME]")
	delivered := c.fs.Bool("delivered", false, "the information came")
	reasked := c.fs.String("reasked", "", "a new question was filed: its `NUMBER`")
	drop := c.fs.Bool("drop", false, "no longer followed")
	notDelivered := c.fs.Bool("not-delivered", false, "reject a suggested delivery of a promise: it stays open and is not suggested again")
	note := c.fs.String("note", "", "why, for the history")
	by := byFlag(e, c.fs)
	if err := c.parse(args); err != nil {
		return err
	}
	var outcome tracker.Outcome
	n := 0
	if *delivered {
		outcome, n = tracker.Delivered, n+1
	}
	if *reasked != "" {
		outcome, n = tracker.Reasked, n+1
	}
	if *drop {
		outcome, n = tracker.Dropped, n+1
	}
	if *notDelivered {
		n++
	}
	if n > 1 {
		return usageError(errors.New("want one of --delivered, --reasked NUMBER, --drop, --not-delivered"))
	}
	db, err := c.db.open()
	if err != nil {
		return err
	}
	defer db.Close()
	ctx := context.Background()
	f, err := c.load(ctx, db)
	if err != nil {
		return err
	}
	if n == 0 {
		// "pqtrack check 6", as a reminder says: show it, and the choices.
		showCheck(e, c, f)
		return nil
	}
	if err := c.refuseDone(f); err != nil {
		return err
	}
	if *notDelivered {
		if err := db.RejectDelivery(ctx, c.id, *note, *by, time.Now()); err != nil {
			return err
		}
		fmt.Fprintln(e.stdout, say(c.l, checkWords, "rejected", c.id))
		return nil
	}
	if err := db.Check(ctx, c.id, outcome, *reasked, *note, *by, time.Now()); err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, say(c.l, checkWords, "closed", c.id, c.l.T("outcome."+string(outcome))))
	return nil
}

// showCheck prints follow-up f and the commands that close or put it off.
func showCheck(e *env, c *followUpCmd, f *tracker.FollowUp) {
	l := c.l
	fmt.Fprintln(e.stdout, say(l, checkWords, "head", f.ID, l.T("kind."+string(f.Kind)), f.QuestionNumber, f.Document))
	state := say(l, checkWords, "open")
	switch f.State {
	case tracker.Snoozed:
		state = say(l, checkWords, "snoozed", l.Date(f.SnoozedUntil))
	case tracker.Done:
		state = say(l, checkWords, "closed.s", l.T("outcome."+string(f.Outcome)))
	}
	fmt.Fprintln(e.stdout, say(l, checkWords, "due", l.Date(f.EffectiveDue()), state))
	if f.Summary != "" {
		fmt.Fprintf(e.stdout, "\"%s\"\n", f.Summary)
	}
	if f.State == tracker.Done {
		return
	}
	fmt.Fprintln(e.stdout, "\n"+say(l, checkWords, "what"))
	id := fmt.Sprint(f.ID)
	for _, o := range [][2]string{
		{"pqtrack check " + id + " --delivered", "opt.del"},
		{"pqtrack check " + id + " --reasked " + say(l, checkWords, "number"), "opt.re"},
		{"pqtrack check " + id + " --drop", "opt.drop"},
		{"pqtrack snooze " + id + " --until " + say(l, checkWords, "date"), "opt.snz"},
	} {
		fmt.Fprintf(e.stdout, "  %-44s %s\n", o[0], say(l, checkWords, o[1]))
	}
}
