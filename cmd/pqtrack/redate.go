package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"strings"
	"time"
)

func init() {
	register("redate", "move a follow-up's due date (the old date and the reason are kept)", runRedate)
}

func runRedate(e *env, args []string) error {
	fs := flag.NewFlagSet("redate", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	dbPath := dbFlag(e, fs)
	var to time.Time
	dateFlag(fs, &to, "to", "the new due `DATE` (YYYY-MM-DD)")
	note := fs.String("note", "", "why the date moves (required)")
	by := byFlag(e, fs)
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, "usage: pqtrack redate ID --to DATE --note TEXT [--by NAME] [--db FILE]")
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
	if to.IsZero() {
		return usageError(errors.New("--to DATE is required"))
	}
	if strings.TrimSpace(*note) == "" {
		return usageError(errors.New("--note is required: say why the date moves"))
	}
	db, err := openStore(*dbPath)
	if err != nil {
		return err
	}
	defer db.Close()
	if err := db.Redate(context.Background(), id, to, *note, *by, time.Now()); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "follow-up %d: due %s\n", id, fmtDay(to))
	return nil
}
