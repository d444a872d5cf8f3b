package main

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/pqtrack/pqtrack/tracker"
)

func init() {
	register("redate", "move a follow-up's due date (the old date and the reason are kept)", runRedate)
}

var redateWords = words{
	"redated": {"opvolging %d: nieuwe vervaldag %s", "follow-up %d: now due %s"},
}

func runRedate(e *env, args []string) error {
	c := newFollowUpCmd(e, "redate", "ID --to DATE --note TEXT [--by NAME]")
	var to time.Time
	dateFlag(c.fs, &to, "to", "the new due `DATE` (YYYY-MM-DD)")
	note := c.fs.String("note", "", "why the date moves (required)")
	by := byFlag(e, c.fs)
	if err := c.parse(args); err != nil {
		return err
	}
	if to.IsZero() {
		return usageError(errors.New("--to DATE is required"))
	}
	if strings.TrimSpace(*note) == "" {
		return usageError(errors.New("--note is required: say why the date moves"))
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
	if tracker.DayOf(to).Equal(tracker.DayOf(f.Due)) {
		return errors.New(say(c.l, followUpCmdWords, "samedate", c.id, c.l.Date(to)))
	}
	if err := db.Redate(ctx, c.id, to, *note, *by, time.Now()); err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, say(c.l, redateWords, "redated", c.id, c.l.Date(to)))
	return nil
}
