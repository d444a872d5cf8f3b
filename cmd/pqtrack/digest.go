package main

import (
	"context"
	"flag"
	"fmt"
	"strings"

	"github.com/pqtrack/pqtrack/notify"
	"github.com/pqtrack/pqtrack/tracker"
)

func init() {
	register("digest", "print the weekly digest, or post it with --format slack", runDigest)
}

var digestWords = words{
	"sent":    {"%s verstuurd (naar %s)", "%s sent (to %s)"},
	"already": {"%s was al verstuurd: niet opnieuw verstuurd", "%s was already sent: not sent again"},
	"preview": {"%s getoond, niet verstuurd (Slack is niet ingesteld)", "%s shown, not sent (Slack is not configured)"},
}

func runDigest(e *env, args []string) error {
	fs := flag.NewFlagSet("digest", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	weekFlag := fs.String("week", "", "ISO `WEEK`, e.g. 2023-W07 (default: the week of --now)")
	nowFlag := fs.String("now", "", "pretend today is `DATE` (YYYY-MM-DD)")
	format := fs.String("format", notify.FormatText, "output: "+strings.Join(notify.Formats, ", ")+"; slack posts through the configured notifier")
	lang := langFlag(e, fs)
	dbPath := dbFlag(e, fs)
	pos, err := parseArgs(fs, args)
	if err != nil {
		return &exitError{code: 2}
	}
	if len(pos) > 0 {
		return usageError(fmt.Errorf("unexpected argument %q", pos[0]))
	}
	now, err := parseNow(*nowFlag)
	if err != nil {
		return &exitError{2, err}
	}
	l, err := notify.ParseLang(*lang)
	if err != nil {
		return &exitError{2, err}
	}
	year, week := now.ISOWeek()
	if *weekFlag != "" {
		if year, week, err = tracker.ParseISOWeek(*weekFlag); err != nil {
			return &exitError{2, err}
		}
	}
	valid := false
	for _, f := range notify.Formats {
		valid = valid || f == *format
	}
	if !valid {
		return &exitError{2, fmt.Errorf("--format %q: want one of %s", *format, strings.Join(notify.Formats, ", "))}
	}
	db, err := dbPath.open()
	if err != nil {
		return err
	}
	defer db.Close()
	ctx := context.Background()

	if *format != notify.FormatSlack {
		d, err := notify.LoadDigest(ctx, db, year, week, brussels(), now)
		if err != nil {
			return err
		}
		out, err := notify.RenderDigest(d, *format, l)
		if err != nil {
			return err
		}
		_, err = fmt.Fprint(e.stdout, out)
		return err
	}

	n, where, err := officeNotifier(e, db)
	if err != nil {
		return err
	}
	lease, err := sendLease(e)
	if err != nil {
		return &exitError{2, err}
	}
	// No log: the line below says what happened.
	dj := &notify.Digests{Store: db, Log: db, Notifier: n, Lang: l, Loc: brussels(), Lease: lease}
	sent, err := dj.Send(ctx, year, week, now)
	title := l.T("digest.title", year, week) // "Weekoverzicht 2023-W07"
	switch {
	case err != nil:
		return &exitError{1, err}
	case isPreview(n):
		fmt.Fprintln(e.stdout, say(l, digestWords, "preview", title))
	case sent:
		fmt.Fprintln(e.stdout, say(l, digestWords, "sent", title, sayWhere(l, where)))
	default:
		fmt.Fprintln(e.stdout, say(l, digestWords, "already", title))
	}
	return nil
}
