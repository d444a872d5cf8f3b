package parse

import (
	"regexp"
	"strings"
	"time"

	"github.com/pqtrack/pqtrack/tracker"
)

// ReportOptions say what the command line knows of a report; they win
// over what its header says.
type ReportOptions struct {
	Kind  tracker.Kind // tracker.KindMeeting when empty
	Date  time.Time    // meeting or letter date
	Body  string       // committee or plenary
	Title string
}

var (
	// "Commissie voor Binnenlands Bestuur, Gelijke Kansen en Inburgering",
	// "commissie Financiën", "Plenaire vergadering".
	bodyRE = regexp.MustCompile(`(?i)\b(commissie\s+(?:voor\s+|van\s+)?[\pL][^\n.;:()]{2,100}|plenaire\s+vergadering|plenaire)`)
	// "Kamerstuk 36600, nr. 13", "Stuk 1512 (2022-2023) – Nr. 3".
	stukRE = regexp.MustCompile(`(?i)\b(?:kamerstuk(?:ken)?|stuk)\s+(\d[\d ]*\d|\d)(?:\s*\(\d{4}-\d{4}\))?\s*[,–-]?\s*nr\.\s*(\d+)`)
	// A line that only names the parliament is not a title.
	parliamentRE = regexp.MustCompile(`(?i)^\s*(vlaams parlement|(tweede|eerste) kamer( der staten-generaal)?|kamer van volksvertegenwoordigers|belgische kamer van volksvertegenwoordigers)\s*$`)
	// reportHeaderEnd is how many paragraphs the header may take.
	reportHeaderEnd = 6
)

// ReadReport reads a document that holds no numbered questions: a meeting
// report or transcript (committee report, Handelingen) or a letter. Its
// title, date, body and number come from its first paragraphs unless o
// gives them. The text is repaired like any document's; passages are cut
// from it later (speaker turns, paragraphs).
func ReadReport(name string, data []byte, o ReportOptions) (*tracker.Document, error) {
	s, warnings, err := input(name, data)
	if err != nil {
		return nil, err
	}
	blocks, w := clean(s)
	warnings = append(warnings, w...)
	if len(blocks) == 0 {
		return nil, &Error{File: name, Msg: "no text"}
	}
	doc := &tracker.Document{File: name, Kind: o.Kind, Text: joinBlocks(blocks), Warnings: warnings}
	if doc.Kind == "" {
		doc.Kind = tracker.KindMeeting
	}

	head := blocks[:min(len(blocks), reportHeaderEnd)]
	var hs []string
	for _, b := range head {
		hs = append(hs, b.text)
	}
	h := strings.Join(hs, "\n")
	for _, b := range head {
		if l := firstLine(b.text); !parliamentRE.MatchString(l) {
			doc.Title = l
			break
		}
	}
	if len(doc.Title) > 200 {
		doc.Title = strings.TrimSpace(doc.Title[:200])
	}
	if t, ok := parseDate(h); ok {
		doc.Date = t
	}
	if m := bodyRE.FindString(h); m != "" {
		doc.Body = strings.TrimSpace(strings.Join(strings.Fields(m), " "))
	}
	if m := stukRE.FindStringSubmatch(h); m != nil {
		doc.Number = strings.ReplaceAll(m[1], " ", "") + ", nr. " + m[2]
	} else {
		doc.Number = number(h)
	}
	switch {
	case vlaamsRE.MatchString(h):
		doc.Parliament = "Vlaams Parlement"
	case eersteRE.MatchString(h):
		doc.Parliament = "Eerste Kamer"
	case tweedeRE.MatchString(h):
		doc.Parliament = "Tweede Kamer"
	}
	if !o.Date.IsZero() {
		doc.Date = o.Date
	}
	if o.Body != "" {
		doc.Body = o.Body
	}
	if o.Title != "" {
		doc.Title = o.Title
	}
	if !tracker.Dated(doc.Date) {
		doc.Warnings = append(doc.Warnings, "no date found in the header; give it with --date")
	}
	return doc, nil
}
