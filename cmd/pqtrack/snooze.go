package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"time"
)

func init() {
	register("snooze", "put a follow-up off until a date", runSnooze)
}

func runSnooze(e *env, args []string) error {
	fs := flag.NewFlagSet("snooze", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	dbPath := dbFlag(e, fs)
	var until time.Time
	dateFlag(fs, &until, "until", "not due before this `DATE` (YYYY-MM-DD)")
	note := fs.String("note", "", "why, for the history")
	by := byFlag(e, fs)
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, "usage: pqtrack snooze ID --until DATE [--note TEXT] [--by NAME] [--db FILE]")
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
	if until.IsZero() {
		return usageError(errors.New("--until DATE is required"))
	}
	db, err := openStore(*dbPath)
	if err != nil {
		return err
	}
	defer db.Close()
	if err := db.Snooze(context.Background(), id, until, *note, *by, time.Now()); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "follow-up %d: snoozed until %s\n", id, fmtDay(until))
	return nil
}
