package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"strings"
)

func init() {
	register("search", "search questions and answers (accents ignored, ranked)", runSearch)
}

func runSearch(e *env, args []string) error {
	fs := flag.NewFlagSet("search", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	dbPath := dbFlag(e, fs)
	limit := fs.Int("limit", 20, "at most this many hits")
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, "usage: pqtrack search [--limit N] [--db FILE] WORDS...")
		fs.PrintDefaults()
	}
	pos, err := parseArgs(fs, args)
	if err != nil {
		return &exitError{code: 2}
	}
	query := strings.Join(pos, " ")
	if strings.TrimSpace(query) == "" {
		return usageError(errors.New("nothing to search for"))
	}
	db, err := openStore(*dbPath)
	if err != nil {
		return err
	}
	defer db.Close()
	hits, err := db.Search(context.Background(), query, *limit)
	if err != nil {
		return err
	}
	if len(hits) == 0 {
		fmt.Fprintf(e.stdout, "no hits for %q\n", query)
		return nil
	}
	for i, h := range hits {
		fmt.Fprintf(e.stdout, "%d. %s, vraag %d (%s) [document %d, score %.2f]\n   %s\n",
			i+1, h.Document, h.QuestionNumber, h.Field, h.DocumentID, h.Score, strings.Join(strings.Fields(h.Snippet), " "))
	}
	return nil
}
