package main

import (
	"context"
	"flag"
	"fmt"

	"github.com/pqtrack/pqtrack/tracker"
)

func init() {
	register("draft", "write a follow-up written question for a follow-up", runDraft)
}

func runDraft(e *env, args []string) error {
	fs := flag.NewFlagSet("draft", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	dbPath := dbFlag(e, fs)
	lang := langFlag(e, fs)
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, "usage: pqtrack draft ID [--lang nl|en] [--db FILE]")
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
	db, err := openStore(*dbPath)
	if err != nil {
		return err
	}
	defer db.Close()
	ctx := context.Background()
	f, err := db.FollowUp(ctx, id)
	if err != nil {
		return err
	}
	doc, err := db.Document(ctx, f.DocumentID)
	if err != nil {
		return err
	}
	var it *tracker.Item
	for i := range doc.Items {
		if doc.Items[i].Number == f.QuestionNumber {
			it = &doc.Items[i]
			break
		}
	}
	fmt.Fprint(e.stdout, tracker.Draft(doc, it, f, *lang))
	return nil
}
