package main

import (
	"errors"
	"strings"

	"github.com/pqtrack/pqtrack/notify"
	"github.com/pqtrack/pqtrack/tracker/parse"
)

// The reader's errors (parse.Error) are written in English, for logs and
// tests. Staff read them in Dutch: parseMessage says one the way the CLI
// speaks, after the file and line it names.

// parseWords are the reader's error messages, or how they open, each with
// its Dutch; the first that fits is used, and the rest of the message
// (a quotation, a tool's error, numbers) follows it.
var parseWords = []struct{ en, nl string }{
	{"empty file", "leeg bestand"},
	{"no text in the PDF (a scan?)", "geen tekst in de PDF (een scan?)"},
	{"no text", "geen tekst"},
	{"binary data, not text or PDF (not UTF-8, and mostly non-ASCII bytes)", "binaire gegevens, geen tekst of PDF (geen UTF-8, en vooral niet-ASCII-bytes)"},
	{"binary data, not text or PDF", "binaire gegevens, geen tekst of PDF"},
	{"cannot decode text: ", "tekst niet te lezen: "},
	{"cannot read the PDF: ", "de PDF is niet te lezen: "},
	{"no questions found: the document is a postponement notice (", "geen vragen gevonden: het document is een uitstelbericht ("},
	{"no questions found", "geen vragen gevonden (geen labels \"Vraag 1\"/\"Antwoord 1\", geen genummerde vragen, geen vraag die op '?' eindigt)"},
}

// parseMessage is the reader's error e in the language l, after the file
// (and line) it names.
func parseMessage(l notify.Lang, e *parse.Error) string {
	where := displayName(e.File)
	if e.Line > 0 {
		where += ": " + say(l, readWords, "line", e.Line)
	}
	if l == notify.English {
		return where + ": " + e.Msg
	}
	msg := e.Msg
	for _, w := range parseWords {
		if rest, ok := strings.CutPrefix(msg, w.en); ok {
			if strings.HasSuffix(w.en, " (") || strings.HasSuffix(w.en, ": ") {
				return where + ": " + w.nl + rest
			}
			return where + ": " + w.nl
		}
	}
	// "answers 4, 5 have no question", "answer 2 has no question".
	if nums, ok := strings.CutSuffix(msg, " have no question"); ok {
		return where + ": " + warning(l, nums) + " zonder vraag"
	}
	if nums, ok := strings.CutSuffix(msg, " has no question"); ok {
		return where + ": " + warning(l, nums) + " zonder vraag"
	}
	return where + ": " + msg
}

// asParseError reports err's parse.Error, if it has one.
func asParseError(err error) (*parse.Error, bool) {
	var pe *parse.Error
	return pe, errors.As(err, &pe)
}
