package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"strings"

	"github.com/pqtrack/pqtrack/notify"
)

func init() {
	register("remind", "send reminders for follow-ups that fell due (once)", runRemind)
}

func runRemind(e *env, args []string) error {
	fs := flag.NewFlagSet("remind", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	nowFlag := fs.String("now", "", "pretend today is `DATE` (YYYY-MM-DD)")
	dry := fs.Bool("dry-run", false, "print what would be sent; send and record nothing")
	lang := langFlag(e, fs)
	dbPath := dbFlag(e, fs)
	if err := fs.Parse(args); err != nil {
		return &exitError{code: 2}
	}
	now, err := parseNow(*nowFlag)
	if err != nil {
		return &exitError{2, err}
	}
	l, err := notify.ParseLang(*lang)
	if err != nil {
		return &exitError{2, err}
	}
	n, where, err := newNotifier(e)
	if err != nil {
		return err
	}
	db, err := openStore(*dbPath)
	if err != nil {
		return err
	}
	defer db.Close()

	r := &notify.Reminders{Store: db, Notifier: n, Lang: l, DryRun: *dry,
		Log: slog.New(slog.NewTextHandler(e.stderr, nil))}
	if *dry {
		// Nothing is sent, so nothing goes to the log either.
		r.Log = nil
	}
	sent, runErr := r.Run(context.Background(), now)
	var nSent, nAlready, nFailed int
	for _, s := range sent {
		f := s.FollowUp
		what := fmt.Sprintf("#%d %s, question %d (%s, due %s)", f.ID, f.Document, f.QuestionNumber, f.Kind, f.EffectiveDue().Format("2006-01-02"))
		switch {
		case s.Already:
			nAlready++
			fmt.Fprintf(e.stdout, "already sent  %s\n", what)
		case *dry:
			fmt.Fprintf(e.stdout, "would send    %s\n\n%s\n", what, indent(s.Message.Text))
		case s.Err != nil:
			nFailed++
			fmt.Fprintf(e.stdout, "FAILED        %s: %v\n", what, s.Err)
		default:
			nSent++
			fmt.Fprintf(e.stdout, "sent          %s\n", what)
		}
	}
	if *dry {
		fmt.Fprintf(e.stdout, "dry run: %d to send, %d already sent (to %s)\n", len(sent)-nAlready, nAlready, where)
	} else {
		fmt.Fprintf(e.stdout, "%d sent, %d already sent, %d failed (to %s)\n", nSent, nAlready, nFailed, where)
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
