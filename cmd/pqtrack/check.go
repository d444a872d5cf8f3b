package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"time"

	"github.com/pqtrack/pqtrack/tracker"
)

func init() {
	register("check", "close a follow-up (delivered, reasked, dropped) or reject a suggested delivery", runCheck)
}

func runCheck(e *env, args []string) error {
	fs := flag.NewFlagSet("check", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	dbPath := dbFlag(e, fs)
	delivered := fs.Bool("delivered", false, "the information came")
	reasked := fs.String("reasked", "", "a new question was filed: its `NUMBER`")
	drop := fs.Bool("drop", false, "no longer followed")
	notDelivered := fs.Bool("not-delivered", false, "reject a suggested delivery of a promise: it stays open and is not suggested again")
	note := fs.String("note", "", "why, for the history")
	by := byFlag(e, fs)
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, "usage: pqtrack check ID --delivered|--reasked NUMBER|--drop|--not-delivered [--note TEXT] [--by NAME] [--db FILE]")
		fs.PrintDefaults()
	}
	pos, err := parseArgs(fs, args)
	if err != nil {
		return &exitError{code: 2}
	}
	id, err := followUpID(pos)
	if err != nil {
		return usageError(err)
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
	db, err := openStore(*dbPath)
	if err != nil {
		return err
	}
	defer db.Close()
	if *notDelivered {
		if err := db.RejectDelivery(context.Background(), id, *note, *by, time.Now()); err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "follow-up %d: suggested delivery rejected; it stays open\n", id)
		return nil
	}
	if err := db.Check(context.Background(), id, outcome, *reasked, *note, *by, time.Now()); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "follow-up %d: done (%s)\n", id, outcome)
	return nil
}
