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
	register("search", "search questions and answers (accents ignored, ranked)", runSearch)
}

var searchWords = words{
	"hit":      {"%d. %s, %s (%s) [document %d, score %.2f]", ""},
	"none":     {"geen resultaten voor %q", "no hits for %q"},
	"question": {"vraag", "question"},
	"answer":   {"antwoord", "answer"},
}

func runSearch(e *env, args []string) error {
	fs := flag.NewFlagSet("search", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	dbPath := dbFlag(e, fs)
	lang := langFlag(e, fs)
	limit := fs.Int("limit", 20, "at most this many hits")
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, "usage: pqtrack search [--limit N] [--lang nl|en] [--db FILE] WORDS...")
		fs.PrintDefaults()
	}
	pos, err := parseArgs(fs, args)
	if err != nil {
		return &exitError{code: 2}
	}
	l, err := notify.ParseLang(*lang)
	if err != nil {
		return usageError(err)
	}
	query := strings.Join(pos, " ")
	if strings.TrimSpace(query) == "" {
		return usageError(errors.New("nothing to search for"))
	}
	db, err := dbPath.open()
	if err != nil {
		return err
	}
	defer db.Close()
	hits, err := db.Search(context.Background(), query, *limit)
	if err != nil {
		return err
	}
	if len(hits) == 0 {
		fmt.Fprintln(e.stdout, say(l, searchWords, "none", query))
		return nil
	}
	for i, h := range hits {
		// h.Field is "question" or "answer": the key of its word.
		fmt.Fprintln(e.stdout, say(l, searchWords, "hit", i+1, h.Document, l.T("question.n", h.QuestionNumber),
			say(l, searchWords, h.Field), h.DocumentID, h.Score))
		fmt.Fprintf(e.stdout, "   %s\n", strings.Join(strings.Fields(h.Snippet), " "))
	}
	return nil
}
