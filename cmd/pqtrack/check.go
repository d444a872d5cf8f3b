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
	if n != 1 {
		return usageError(errors.New("want exactly one of --delivered, --reasked NUMBER, --drop, --not-delivered"))
	}
	db, err := openStore(*c.db)
	if err != nil {
		return err
	}
	defer db.Close()
	ctx := context.Background()
	f, err := c.load(ctx, db)
	if err != nil {
		return err
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
