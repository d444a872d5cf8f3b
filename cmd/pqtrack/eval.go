package main

import (
	"flag"
	"fmt"
	"time"

	"github.com/pqtrack/pqtrack/notify"
	"github.com/pqtrack/pqtrack/tracker"
	"github.com/pqtrack/pqtrack/tracker/eval"
	"github.com/pqtrack/pqtrack/tracker/parse"
)

func init() {
	register("eval", "measure the judgements against labelled records", runEval)
}

func runEval(e *env, args []string) error {
	fl := flag.NewFlagSet("eval", flag.ContinueOnError)
	fl.SetOutput(e.stderr)
	minF1 := fl.Float64("min-f1", 0, "exit 1 when macro-F1 is below this")
	rulesFile := fl.String("rules", "", "rule `file` that extends or replaces the default rules")
	dbPath := fl.String("db", "", "report how often staff corrected pqtrack in the database `FILE`, instead of measuring DIR")
	lang := langFlag(e, fl)
	fl.Usage = func() {
		fmt.Fprintln(e.stderr, "usage: pqtrack eval [--min-f1 X] [--rules FILE] DIR\n       pqtrack eval --db FILE [--lang nl|en]\n\n"+
			"DIR holds records.jsonl (the rubric's format) and docs/<document>.txt.")
		fl.PrintDefaults()
	}
	pos, err := parseArgs(fl, args)
	if err != nil {
		return &exitError{code: 2} // flag has said why
	}
	if *dbPath != "" {
		// The report on corrections is for the office: Dutch by default.
		l, err := notify.ParseLang(*lang)
		if err != nil {
			return usageError(err)
		}
		if len(pos) != 0 {
			return usageError(fmt.Errorf("--db reports on a database; it takes no DIR"))
		}
		return runEvalDB(e, *dbPath, l)
	}
	if len(pos) != 1 {
		fl.Usage()
		return &exitError{code: 2}
	}
	set, err := loadRules(*rulesFile)
	if err != nil {
		return err
	}
	res, err := eval.Run(pos[0], func(path string, date time.Time) (*tracker.Document, error) {
		d, err := parse.ReadFile(path)
		if d != nil {
			set.Analyze(d, date) // also when only part of it could be paired
		}
		return d, err
	})
	if err != nil {
		return err
	}
	// eval is a tool for developers of the rules, not for staff: its
	// report (headers, labels, figures) stays in English and it has no --lang.
	res.Print(e.stdout)
	if f := res.MacroF1(); f < *minF1 {
		return &exitError{code: 1, err: fmt.Errorf("macro-F1 %.3f is below %.3f", f, *minF1)}
	}
	return nil
}
