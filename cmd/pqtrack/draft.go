package main

import (
	"context"
	"fmt"

	"github.com/pqtrack/pqtrack/tracker"
)

func init() {
	register("draft", "write a follow-up written question for a follow-up", runDraft)
}

func runDraft(e *env, args []string) error {
	c := newFollowUpCmd(e, "draft", "ID")
	if err := c.parse(args); err != nil {
		return err
	}
	db, err := c.db.open()
	if err != nil {
		return err
	}
	defer db.Close()
	ctx := context.Background()
	f, err := c.load(ctx, db)
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
	fmt.Fprint(e.stdout, tracker.Draft(doc, it, f, string(c.l)))
	return nil
}
