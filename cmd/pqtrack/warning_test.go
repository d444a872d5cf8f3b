package main

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/pqtrack/pqtrack/notify"
	"github.com/pqtrack/pqtrack/tracker/parse"
)

// Every warning the reader gives on the layout fixtures reads in Dutch
// with no English word left, and in English as the reader wrote it.
func TestWarningsInDutch(t *testing.T) {
	var files []string
	for _, dir := range []string{"tracker/parse/testdata/layout", "tracker/parse/testdata/real", "tracker/parse/testdata", "rules/testdata/probes", "rules/testdata/eval/tune/docs", "rules/testdata/eval/check/docs"} {
		fs, _ := filepath.Glob(filepath.Join("..", "..", filepath.FromSlash(dir), "*.txt"))
		files = append(files, fs...)
	}
	english := regexp.MustCompile(`(?i)\b(question|questions|answer|answers|line|lines|read|given|twice|found|which|follows|decoded|without|their|lettered|invalid|more|whose|notice|text|removed|page|numbers|running|headers|footers|or|number|large|the|too|for|roman|numerals|numbered|left|out|paragraph|paragraphs|french)\b`)
	seen := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		docs, _ := parse.ReadAll(f, data)
		for _, d := range docs {
			for _, w := range d.Warnings {
				seen++
				nl := warning(notify.Dutch, w)
				if m := english.FindString(nl); m != "" {
					t.Errorf("%s: %q reads %q in Dutch, with %q", filepath.Base(f), w, nl, m)
				}
				if en := warning(notify.English, w); en != w {
					t.Errorf("%q in English: %q", w, en)
				}
			}
		}
	}
	if seen < 5 {
		t.Fatalf("only %d warnings on the fixtures: the test reads too little", seen)
	}
	for _, w := range []string{
		"no answers found", "no answer to questions 4, 7", "decoded as UTF-16",
		"invalid UTF-8 read as Windows-1252 on lines 3, 5 and 2 more lines",
		"line 9: answer 3 given twice (first at line 4); read as text",
		"line 7: questions 2, 3 read as questions 4, 5, whose answer follows it",
		"removed 3 page numbers, running headers or footers",
		"line 11: question without its number; read as question 2",
		`line 4: the number 12345 in "Vraag 12345 Hoeveel" is too large for a question number; read as text`,
	} {
		if nl := warning(notify.Dutch, w); english.MatchString(nl) {
			t.Errorf("%q reads %q in Dutch", w, nl)
		}
	}
}
