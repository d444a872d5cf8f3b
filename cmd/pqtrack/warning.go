package main

import (
	"regexp"
	"strings"

	"github.com/pqtrack/pqtrack/notify"
	"github.com/pqtrack/pqtrack/tracker"
)

// The reader's warnings (tracker/parse) are written in English, as they
// are stored with the document. Staff read them in Dutch: warning says
// each the way the CLI speaks.

// warningWords are the fixed parts of the reader's warnings, in the order
// they are replaced, each with its Dutch.
var warningWords = []struct{ en, nl string }{
	{"no answers found", "geen antwoorden gevonden"},
	{"page numbers, running headers or footers", "paginanummers, kop- of voetregels"},
	{"removed ", "verwijderd: "},
	{"paragraphs in French", "alinea's in het Frans"},
	{"paragraph in French", "alinea in het Frans"},
	{"left out ", "overgeslagen: "},
	{"is too large for a question number", "is te groot voor een vraagnummer"},
	{"the number ", "het getal "},
	{"answers without their questions", "antwoorden zonder hun vragen"},
	{"questions lettered a), b), ...: read as 1, 2, ...", "vragen met letters a), b), ...: gelezen als 1, 2, ..."},
	{"answers numbered without a stop", "antwoorden genummerd zonder punt"},
	{"questions bulleted without numbers", "vragen als opsomming zonder nummers"},
	{"answers numbered in Roman numerals", "antwoorden genummerd in Romeinse cijfers"},
	{"questions numbered anew in each section I., II., ...: read as 1, 2, ...", "vragen per deel I., II., ... opnieuw genummerd: gelezen als 1, 2, ..."},
	{"invalid UTF-8 read as Windows-1252 on", "ongeldige UTF-8 gelezen als Windows-1252 op"},
	{"repaired text decoded twice (UTF-8 read as Windows-1252)", "tekst hersteld die twee keer gedecodeerd was (UTF-8 gelezen als Windows-1252)"},
	{"decoded as", "gelezen als"},
	{"no answer to", "geen antwoord op"},
	{"given twice (first at line", "twee keer gegeven (eerst op regel"},
	{"given twice;", "twee keer gegeven;"},
	{"read as the answer to", "gelezen als het antwoord op"},
	{"whose answer follows it", "waarvan het antwoord volgt"},
	{"which it follows", "waarop het volgt"},
	{"which follows", "die volgt"},
	{"read as text", "gelezen als tekst"},
	{"without its number", "zonder nummer"},
	{"read as", "gelezen als"},
	{"more lines", "regels meer"},
}

// warningNouns are the English nouns of the warnings, as whole words.
var warningNouns = regexp.MustCompile(`\b(questions|question|answers|answer|lines|line|and)\b`)

var warningNounsNL = map[string]string{
	"question": "vraag", "questions": "vragen", "answer": "antwoord", "answers": "antwoorden",
	"line": "regel", "lines": "regels", "and": "en",
}

// warning is the reader's warning w in the language l.
func warning(l notify.Lang, w string) string {
	if l == notify.English {
		return w
	}
	if notice, ok := strings.CutPrefix(w, tracker.PostponementNotice); ok {
		return "uitstelbericht: " + notice
	}
	for _, r := range warningWords {
		w = strings.ReplaceAll(w, r.en, r.nl)
	}
	return warningNouns.ReplaceAllStringFunc(w, func(s string) string { return warningNounsNL[s] })
}
