package main

import (
	"testing"

	"github.com/pqtrack/pqtrack/notify"
	"github.com/pqtrack/pqtrack/tracker/parse"
)

// The reader's errors read in Dutch after the file and line they name, and
// in English as the reader wrote them.
func TestParseMessage(t *testing.T) {
	tests := []struct {
		in     parse.Error
		nl, en string
	}{
		{parse.Error{File: "a.txt", Msg: "empty file"}, "a.txt: leeg bestand", "a.txt: empty file"},
		{parse.Error{File: "b.txt", Line: 3, Msg: "binary data, not text or PDF"}, "b.txt: regel 3: binaire gegevens, geen tekst of PDF", "b.txt: line 3: binary data, not text or PDF"},
		{parse.Error{File: "c.pdf", Msg: "cannot read the PDF: exit status 1"}, "c.pdf: de PDF is niet te lezen: exit status 1", "c.pdf: cannot read the PDF: exit status 1"},
		{parse.Error{File: "d.txt", Msg: "answers 4, 5 have no question"}, "d.txt: antwoorden 4, 5 zonder vraag", "d.txt: answers 4, 5 have no question"},
		{parse.Error{File: "e.txt", Msg: "no questions found: the document is a postponement notice (Mededeling ...)"},
			"e.txt: geen vragen gevonden: het document is een uitstelbericht (Mededeling ...)", "e.txt: no questions found: the document is a postponement notice (Mededeling ...)"},
	}
	for _, tt := range tests {
		if got := parseMessage(notify.Dutch, &tt.in); got != tt.nl {
			t.Errorf("Dutch: %q, want %q", got, tt.nl)
		}
		if got := parseMessage(notify.English, &tt.in); got != tt.en {
			t.Errorf("English: %q, want %q", got, tt.en)
		}
	}
}
