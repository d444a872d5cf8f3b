package main

import (
	"flag"
	"fmt"

	"github.com/pqtrack/pqtrack/notify"
)

// followUpCmd is the command line check, snooze, redate and draft share:
// one follow-up ID, --db and --lang. A command adds its own flags to fs,
// then calls parse.
type followUpCmd struct {
	fs   *flag.FlagSet
	db   *string
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
