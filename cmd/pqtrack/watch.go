package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/pqtrack/pqtrack/notify"
	"github.com/pqtrack/pqtrack/tracker"
)

func init() {
	register("watch", "the watch list: watch add|list|remove (members, ministers, committees, keywords)", runWatch)
}

var watchWords = words{
	"added":     {"toegevoegd: #%d %s %s %q", "added: #%d %s %s %q"},
	"removed":   {"verwijderd: #%d", "removed: #%d"},
	"nosuch":    {"#%d staat niet op de volglijst (zie pqtrack watch list)", "#%d is not on the watch list (see pqtrack watch list)"},
	"empty":     {"De volglijst is leeg. Voeg iets toe met pqtrack watch add --parliament vp|tk --member NAAM.", "The watch list is empty. Add to it with pqtrack watch add --parliament vp|tk --member NAME."},
	"header":    {"ID\tPARLEMENT\tSOORT\tWAARDE\tSINDS\tDOOR", "ID\tPARLIAMENT\tKIND\tVALUE\tSINCE\tBY"},
	"member":    {"lid", "member"},
	"minister":  {"minister", "minister"},
	"committee": {"commissie", "committee"},
	"keyword":   {"trefwoord", "keyword"},
}

func runWatch(e *env, args []string) error {
	if len(args) == 0 {
		return usageError(errors.New("want watch add, watch list or watch remove ID"))
	}
	switch args[0] {
	case "add":
		return watchAdd(e, args[1:])
	case "list":
		return watchList(e, args[1:])
	case "remove", "rm":
		return watchRemove(e, args[1:])
	}
	return usageError(fmt.Errorf("watch %q: want add, list or remove", args[0]))
}

func watchAdd(e *env, args []string) error {
	fs := flag.NewFlagSet("watch add", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	dbPath := dbFlag(e, fs)
	parl := fs.String("parliament", "", "vp (Vlaams Parlement) or tk (Tweede Kamer)")
	member := fs.String("member", "", "a member who asks questions: `NAME` or the parliament's person id")
	minister := fs.String("minister", "", "a minister questions are put to: `NAME`")
	committee := fs.String("committee", "", "a committee or policy area: `NAME`")
	keyword := fs.String("keyword", "", "a `WORD` in the question's title")
	by := byFlag(e, fs)
	lang := langFlag(e, fs)
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, "usage: pqtrack watch add --parliament vp|tk --member NAME|--minister NAME|--committee NAME|--keyword WORD")
		fs.PrintDefaults()
	}
	pos, err := parseArgs(fs, args)
	if err != nil {
		return &exitError{code: 2}
	}
	if len(pos) > 0 {
		return usageError(fmt.Errorf("unexpected argument %q", pos[0]))
	}
	l, err := notify.ParseLang(*lang)
	if err != nil {
		return usageError(err)
	}
	if *parl != tracker.VP && *parl != tracker.TK {
		return usageError(fmt.Errorf("--parliament %q: want vp or tk", *parl))
	}
	var w tracker.Watch
	n := 0
	for _, k := range []struct {
		kind tracker.WatchKind
		v    string
	}{{tracker.WatchMember, *member}, {tracker.WatchMinister, *minister}, {tracker.WatchCommittee, *committee}, {tracker.WatchKeyword, *keyword}} {
		if strings.TrimSpace(k.v) != "" {
			w.Kind, w.Value = k.kind, strings.TrimSpace(k.v)
			n++
		}
	}
	if n != 1 {
		return usageError(errors.New("want exactly one of --member, --minister, --committee or --keyword"))
	}
	w.Parliament, w.Created, w.By = *parl, time.Now().UTC(), *by
	// A watch list is how a fetch-only office starts: this command may
	// create the database, as ingest does.
	db, err := dbPath.create()
	if err != nil {
		return err
	}
	defer db.Close()
	id, err := db.AddWatch(context.Background(), w)
	if err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, say(l, watchWords, "added", id, w.Parliament, say(l, watchWords, string(w.Kind)), w.Value))
	return nil
}

func watchList(e *env, args []string) error {
	fs := flag.NewFlagSet("watch list", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	dbPath := dbFlag(e, fs)
	lang := langFlag(e, fs)
	pos, err := parseArgs(fs, args)
	if err != nil {
		return &exitError{code: 2}
	}
	if len(pos) > 0 {
		return usageError(fmt.Errorf("unexpected argument %q", pos[0]))
	}
	l, err := notify.ParseLang(*lang)
	if err != nil {
		return usageError(err)
	}
	db, err := dbPath.open()
	if err != nil {
		return err
	}
	defer db.Close()
	ws, err := db.Watches(context.Background())
	if err != nil {
		return err
	}
	if len(ws) == 0 {
		fmt.Fprintln(e.stdout, say(l, watchWords, "empty"))
		return nil
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, say(l, watchWords, "header"))
	for _, w := range ws {
		by := w.By
		if by == "" {
			by = "-"
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\n", w.ID, w.Parliament, say(l, watchWords, string(w.Kind)), w.Value, fmtDay(w.Created), by)
	}
	return tw.Flush()
}

func watchRemove(e *env, args []string) error {
	fs := flag.NewFlagSet("watch remove", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	dbPath := dbFlag(e, fs)
	lang := langFlag(e, fs)
	pos, err := parseArgs(fs, args)
	if err != nil {
		return &exitError{code: 2}
	}
	l, err := notify.ParseLang(*lang)
	if err != nil {
		return usageError(err)
	}
	if len(pos) != 1 {
		return usageError(errors.New("want one watch ID (see pqtrack watch list)"))
	}
	id, err := strconv.ParseInt(strings.TrimPrefix(pos[0], "#"), 10, 64)
	if err != nil || id <= 0 {
		return usageError(fmt.Errorf("watch ID %q: want a number", pos[0]))
	}
	db, err := dbPath.open()
	if err != nil {
		return err
	}
	defer db.Close()
	if err := db.RemoveWatch(context.Background(), id); errors.Is(err, tracker.ErrNotFound) {
		return &exitError{code: 1, err: errors.New(say(l, watchWords, "nosuch", id))}
	} else if err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, say(l, watchWords, "removed", id))
	return nil
}
