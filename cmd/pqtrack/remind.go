package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"strings"

	"github.com/pqtrack/pqtrack/notify"
)

func init() {
	register("remind", "send reminders for follow-ups that fell due (once)", runRemind)
}

// remindWords are the status lines of a run; the first column is padded so
// the follow-ups line up in both languages.
var remindWords = words{
	"what":    {"#%d %s, %s (%s, vervaldag %s)", "#%d %s, %s (%s, due %s)"},
	"already": {"al verstuurd   %s", "already sent   %s"},
	"would":   {"zou versturen  %s", "would send     %s"},
	"failed":  {"MISLUKT        %s: %v", "FAILED         %s: %v"},
	"sent":    {"verstuurd      %s", "sent           %s"},
	"busy":    {"al onderweg    %s", "in progress    %s"},
	"busies":  {"%d worden tegelijk door een ander proces verstuurd", "%d are being sent by another process at the same time"},
	"dry":     {"proefdraai: %d te versturen, %d al verstuurd (naar %s)", "dry run: %d to send, %d already sent (to %s)"},
	"summary": {"%d verstuurd, %d al verstuurd, %d mislukt (naar %s)", "%d sent, %d already sent, %d failed (to %s)"},
	"shown":   {"getoond        %s", "shown          %s"},
	"retry":   {"%d herinnering(en) niet verstuurd; de volgende run probeert opnieuw", "%d reminder(s) not sent; the next run tries again"},
	"preview": {"voorbeeld: %d getoond, niets verstuurd (Slack is niet ingesteld)", "preview: %d shown, nothing sent (Slack is not configured)"},
}

func runRemind(e *env, args []string) error {
	fs := flag.NewFlagSet("remind", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	nowFlag := fs.String("now", "", "pretend today is `DATE` (YYYY-MM-DD)")
	dry := fs.Bool("dry-run", false, "print what would be sent; send and record nothing")
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
	lease, err := sendLease(e)
	if err != nil {
		return &exitError{2, err}
	}
	db, err := dbPath.open()
	if err != nil {
		return err
	}
	defer db.Close()
	n, where, err := officeNotifier(e, db)
	if err != nil {
		return err
	}
	ctx := context.Background()
	owner := notify.NewOwner()

	var workErr error
	if !*dry {
		// Work an earlier run left (re-resolution, arrival messages) first.
		pl := &pipeline{db: db, lang: l, out: e.stdout, owner: owner, lease: lease,
			notifier: func() (notify.Notifier, error) { return n, nil }}
		workErr = pl.after(ctx, now, false)
	}
	// No log: the lines below say what happened, and log lines would mix
	// with them on a terminal.
	r := &notify.Reminders{Store: db, Notifier: n, Lang: l, DryRun: *dry, Owner: owner, Lease: lease}
	sent, runErr := r.Run(ctx, now)
	runErr = errors.Join(workErr, runErr)
	var nSent, nAlready, nFailed, nBusy, nShown int
	for _, s := range sent {
		f := s.FollowUp
		what := say(l, remindWords, "what", f.ID, f.Document, l.T("question.n", f.QuestionNumber),
			l.T("kind."+string(f.Kind)), l.Date(f.EffectiveDue()))
		switch {
		case s.Already:
			nAlready++
			fmt.Fprintln(e.stdout, say(l, remindWords, "already", what))
		case s.Busy:
			nBusy++
			fmt.Fprintln(e.stdout, say(l, remindWords, "busy", what))
		case s.Shown:
			nShown++
			fmt.Fprintln(e.stdout, say(l, remindWords, "shown", what))
		case *dry:
			fmt.Fprintf(e.stdout, "%s\n\n%s\n", say(l, remindWords, "would", what), indent(s.Message.Text))
		case s.Err != nil:
			nFailed++
			fmt.Fprintln(e.stdout, say(l, remindWords, "failed", what, s.Err))
		default:
			nSent++
			fmt.Fprintln(e.stdout, say(l, remindWords, "sent", what))
		}
	}
	if isPreview(n) && !*dry {
		fmt.Fprintln(e.stdout, say(l, remindWords, "preview", nShown))
	} else if *dry {
		fmt.Fprintln(e.stdout, say(l, remindWords, "dry", len(sent)-nAlready, nAlready, sayWhere(l, where)))
	} else {
		fmt.Fprintln(e.stdout, say(l, remindWords, "summary", nSent, nAlready, nFailed, sayWhere(l, where)))
		if nBusy > 0 {
			fmt.Fprintln(e.stdout, say(l, remindWords, "busies", nBusy))
		}
	}
	if runErr != nil && workErr == nil && nFailed > 0 {
		// The MISLUKT lines above say why; the exit line says it in the
		// staff's language, not the transport's.
		runErr = errors.New(say(l, remindWords, "retry", nFailed))
	}
	if runErr != nil {
		return &exitError{1, runErr}
	}
	return nil
}

// indent sets a rendered message off from the status lines around it.
func indent(s string) string {
	var b strings.Builder
	for _, line := range strings.Split(strings.TrimRight(s, "\n"), "\n") {
		if line != "" {
			b.WriteString("    ")
		}
		b.WriteString(line + "\n")
	}
	return b.String()
}
