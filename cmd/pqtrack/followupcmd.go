package main

import (
	"context"
	"errors"
	"flag"
	"fmt"

	"github.com/pqtrack/pqtrack/notify"
	"github.com/pqtrack/pqtrack/tracker"
	"github.com/pqtrack/pqtrack/tracker/store"
)

// followUpCmd is the command line check, snooze, redate and draft share:
// one follow-up ID, --db and --lang. A command adds its own flags to fs,
// then calls parse.
type followUpCmd struct {
	fs   *flag.FlagSet
	db   *dbArg
	lang *string

	id int64       // set by parse
	l  notify.Lang // set by parse
}

// newFollowUpCmd starts the flag set of command name; usage is its
// arguments after the name, shown by -h.
func newFollowUpCmd(e *env, name, usage string) *followUpCmd {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	c := &followUpCmd{fs: fs, db: dbFlag(e, fs), lang: langFlag(e, fs)}
	fs.Usage = func() {
		fmt.Fprintf(e.stderr, "usage: pqtrack %s %s [--lang nl|en] [--db FILE]\n", name, usage)
		fs.PrintDefaults()
	}
	return c
}

// parse reads args, flags before or after the ID. Its errors are usage
// errors (exit 2).
func (c *followUpCmd) parse(args []string) error {
	pos, err := parseArgs(c.fs, args)
	if err != nil {
		return &exitError{code: 2} // flag has said why
	}
	if c.id, err = followUpID(pos); err != nil {
		return usageError(err)
	}
	if c.l, err = notify.ParseLang(*c.lang); err != nil {
		return usageError(err)
	}
	return nil
}

var followUpCmdWords = words{
	"missing":  {"opvolging %d bestaat niet", "follow-up %d does not exist"},
	"done":     {"opvolging %d is al afgesloten (%s): er verandert niets", "follow-up %d is already closed (%s): nothing changes"},
	"past":     {"opvolging %d: %s is niet na vandaag: kies een latere datum", "follow-up %d: %s is not after today: choose a later date"},
	"samedate": {"opvolging %d vervalt al op %s: er verandert niets", "follow-up %d is already due %s: nothing changes"},
}

// load reads the follow-up of the command line; a missing one is an error
// staff can read, in their language.
func (c *followUpCmd) load(ctx context.Context, db store.Full) (*tracker.FollowUp, error) {
	f, err := db.FollowUp(ctx, c.id)
	if errors.Is(err, tracker.ErrNotFound) {
		return nil, errors.New(say(c.l, followUpCmdWords, "missing", c.id))
	}
	return f, err
}

// refuseDone refuses a change to a closed follow-up: closing it twice
// would write history for nothing.
func (c *followUpCmd) refuseDone(f *tracker.FollowUp) error {
	if f.State == tracker.Done {
		return errors.New(say(c.l, followUpCmdWords, "done", f.ID, c.l.T("outcome."+string(f.Outcome))))
	}
	return nil
}
