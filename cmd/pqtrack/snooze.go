package main

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/pqtrack/pqtrack/tracker"
)

func init() {
	register("snooze", "put a follow-up off until a date", runSnooze)
}

var snoozeWords = words{
	"snoozed": {"opvolging %d: uitgesteld tot %s", "follow-up %d: snoozed until %s"},
}

func runSnooze(e *env, args []string) error {
	c := newFollowUpCmd(e, "snooze", "ID --until DATE [--note TEXT] [--by NAME]")
	var until time.Time
	dateFlag(c.fs, &until, "until", "not due before this `DATE` (YYYY-MM-DD)")
	note := c.fs.String("note", "", "why, for the history")
	by := byFlag(e, c.fs)
	if err := c.parse(args); err != nil {
		return err
	}
	if until.IsZero() {
		return usageError(errors.New("--until DATE is required"))
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
	if err := c.refuseDone(f); err != nil {
		return err
	}
	if !until.After(tracker.DayOf(time.Now().In(brussels()))) {
		return errors.New(say(c.l, followUpCmdWords, "past", c.id, c.l.Date(until)))
	}
	if err := db.Snooze(ctx, c.id, until, *note, *by, time.Now()); err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, say(c.l, snoozeWords, "snoozed", c.id, c.l.Date(until)))
	return nil
}
