package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/pqtrack/pqtrack/notify"
	"github.com/pqtrack/pqtrack/tracker"
)

func init() {
	register("office", "the offices sharing the database: office add SLUG|list", runOffice)
}

var officeWords = words{
	"added":   {"kantoor %s toegevoegd (#%d).", "office %s added (#%d)."},
	"secret":  {"Aanmeldcode voor het dashboard (wordt niet bewaard, alleen nu getoond):\n  %s", "Login secret for the dashboard (not stored, shown only now):\n  %s"},
	"api":     {"Voor de API: Authorization: Bearer <aanmeldcode>.", "For the API: Authorization: Bearer <secret>."},
	"header":  {"SLUG\tNAAM\tKANAAL\tOPEN OPVOLGINGEN", "SLUG\tNAME\tCHANNEL\tOPEN FOLLOW-UPS"},
	"default": {"(standaard)", "(default)"},
	"serve":   {"(kanaal van serve)", "(serve's channel)"},
	"none":    {"-", "-"},
}

func runOffice(e *env, args []string) error {
	if len(args) == 0 {
		return usageError(errors.New("want office add SLUG or office list"))
	}
	switch args[0] {
	case "add":
		return officeAdd(e, args[1:])
	case "list":
		return officeList(e, args[1:])
	}
	return usageError(fmt.Errorf("office %q: want add or list", args[0]))
}

func officeAdd(e *env, args []string) error {
	fs := flag.NewFlagSet("office add", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	dbPath := dbFlag(e, fs)
	name := fs.String("name", "", "the office's `NAME`, as the dashboard shows it")
	channel := fs.String("channel", "", "the office's Slack channel `ID` (C...)")
	officeLang := fs.String("office-lang", "", "the language of the office's messages: nl or en (default: serve's)")
	lang := langFlag(e, fs)
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, "usage: pqtrack office add SLUG --name NAME --channel C... [--office-lang nl|en]")
		fs.PrintDefaults()
	}
	pos, err := parseArgs(fs, args)
	if err != nil {
		return &exitError{code: 2}
	}
	if len(pos) != 1 {
		return usageError(errors.New("want one SLUG"))
	}
	l, err := notify.ParseLang(*lang)
	if err != nil {
		return usageError(err)
	}
	if *officeLang != "" {
		if _, err := notify.ParseLang(*officeLang); err != nil {
			return usageError(err)
		}
	}
	slug := strings.TrimSpace(pos[0])
	if err := tracker.CheckSlug(slug); err != nil {
		return usageError(fmt.Errorf("%q: gebruik kleine letters, cijfers en -", slug))
	}
	secret, hash, err := tracker.NewSecret()
	if err != nil {
		return err
	}
	dbPath.office = "" // offices are added from the whole database
	db, err := dbPath.open()
	if err != nil {
		return err
	}
	defer db.Close()
	o := tracker.Office{Slug: slug, Name: strings.TrimSpace(*name), Channel: strings.TrimSpace(*channel),
		Lang: *officeLang, SecretHash: hash}
	id, err := db.AddOffice(context.Background(), o, time.Now().UTC())
	if errors.Is(err, tracker.ErrInvalid) {
		return fmt.Errorf("kantoor %q bestaat al", slug)
	}
	if err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, say(l, officeWords, "added", slug, id))
	fmt.Fprintln(e.stdout, say(l, officeWords, "secret", secret))
	fmt.Fprintln(e.stdout, say(l, officeWords, "api"))
	return nil
}

func officeList(e *env, args []string) error {
	fs := flag.NewFlagSet("office list", flag.ContinueOnError)
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
	dbPath.office = ""
	db, err := dbPath.open()
	if err != nil {
		return err
	}
	defer db.Close()
	os, err := db.Offices(context.Background())
	if err != nil {
		return err
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, say(l, officeWords, "header"))
	for _, o := range os {
		name, channel := o.Name, o.Channel
		if o.ID == tracker.DefaultOffice && name == "" {
			name = say(l, officeWords, "default")
		}
		if channel == "" {
			channel = say(l, officeWords, "none")
			if o.ID == tracker.DefaultOffice {
				channel = say(l, officeWords, "serve")
			}
		}
		if name == "" {
			name = say(l, officeWords, "none")
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%d\n", o.Slug, name, channel, o.Open)
	}
	return tw.Flush()
}
