package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/pqtrack/pqtrack/tracker"
	"github.com/pqtrack/pqtrack/tracker/postgres"
	"github.com/pqtrack/pqtrack/tracker/sqlite"
	"github.com/pqtrack/pqtrack/tracker/store"
)

// The database comes from --db (dbFlag in notifier.go), which defaults to
// $PQTRACK_DB, then pqtrack.db in the working directory: a SQLite file, or
// a postgres:// URL for a group's shared PostgreSQL database.

// isURL reports whether --db names a PostgreSQL database.
func isURL(db string) bool {
	return strings.HasPrefix(db, "postgres://") || strings.HasPrefix(db, "postgresql://")
}

// openStore opens the existing database at path for a command. A missing
// file is refused: a mistyped --db must not quietly start an empty
// database. Only ingest and watch add create one (createStore).
func openStore(path string) (store.Full, error) {
	if isURL(path) {
		return createStore(path)
	}
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("database %s bestaat niet: kijk --db na, of begin er een met pqtrack ingest --db %s BESTAND", path, path)
	}
	return createStore(path)
}

// createStore opens the database at path, creating it if it is missing. A
// PostgreSQL database must exist on its server; its tables are created.
func createStore(path string) (store.Full, error) {
	if isURL(path) {
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		return postgres.Open(ctx, path)
	}
	db, err := sqlite.Open(path)
	if err != nil {
		return nil, err
	}
	return db, nil
}

// dbFile is the file of a SQLite store, "" for a database on a server.
func dbFile(db store.Full) string {
	if d, ok := db.(*sqlite.DB); ok {
		return d.Path()
	}
	return ""
}

// parseArgs parses fs from args, allowing flags after the positional
// arguments ("pqtrack check 12 --delivered"), and returns the positional ones.
func parseArgs(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

// followUpID reads the one positional argument of a follow-up command.
func followUpID(pos []string) (int64, error) {
	if len(pos) != 1 {
		return 0, errors.New("want one follow-up ID")
	}
	id, err := strconv.ParseInt(strings.TrimPrefix(pos[0], "#"), 10, 64)
	if err != nil || id <= 0 {
		return 0, fmt.Errorf("follow-up ID %q: want a number", pos[0])
	}
	return id, nil
}

// byFlag adds --by, defaulting to $USER: who made a change.
func byFlag(e *env, fs *flag.FlagSet) *string {
	return fs.String("by", e.getenv("USER"), "who made the change (default $USER)")
}

// fmtDay writes a date as YYYY-MM-DD, or "-" when unknown.
func fmtDay(t time.Time) string {
	if t.IsZero() {
		return "-"
	}
	return t.Format(tracker.DateLayout)
}

// usageError is a bad command line: exit code 2 with the message.
func usageError(err error) error { return &exitError{code: 2, err: err} }

// dbArg is --db and --office.
type dbArg struct {
	path   string
	office string // a slug; "" for the default office
}

// open opens the existing database for a command, scoped to --office.
func (a *dbArg) open() (store.Full, error) {
	db, err := openStore(a.path)
	if err != nil {
		return nil, err
	}
	return scope(db, a.office)
}

// create opens the database, creating it if it is missing, scoped to
// --office.
func (a *dbArg) create() (store.Full, error) {
	db, err := createStore(a.path)
	if err != nil {
		return nil, err
	}
	return scope(db, a.office)
}

// scope returns db as office slug sees it; "" is the default office. An
// unknown slug closes db and says which offices there are.
func scope(db store.Full, slug string) (store.Full, error) {
	if slug == "" || slug == tracker.DefaultOfficeSlug {
		return db, nil
	}
	o, err := db.OfficeBySlug(context.Background(), slug)
	if errors.Is(err, tracker.ErrNotFound) {
		db.Close()
		return nil, fmt.Errorf("kantoor %q bestaat niet in %s; pqtrack office list toont de kantoren", slug, db.Name())
	}
	if err != nil {
		db.Close()
		return nil, err
	}
	return db.ForOffice(o.ID), nil
}
