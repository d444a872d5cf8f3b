package parse

import (
	"regexp"
	"strings"
)

// Text laid out by pdftotext -layout keeps the labels of an Aanhangsel in
// a margin column beside the first line of text: "Vraag 3      Hoeveel
// ...". A combined label too wide for the column wraps in it, its numbers
// on the next line:
//
//	Antwoord      Of het doel over 2025 wordt gehaald, ...
//	4 en 5        Een voorspelling op basis van ...
//
// joinMarginLabels sets the numbers back beside the label word, so that
// the label reads "Antwoord 4 en 5".
func joinMarginLabels(s string) string {
	if !strings.Contains(s, "Antwoord  ") && !strings.Contains(s, "Vraag  ") {
		return s
	}
	return marginLabelRE.ReplaceAllString(s, "$1$2 $5$3$4\n$1$6$7")
}

// marginLabelRE matches a label word alone in the margin column, a gap,
// its text, and the next line with the label's numbers in the column,
// a gap and more text.
var marginLabelRE = regexp.MustCompile(`(?m)^([ \t]*)(Antwoord|Vraag|Vragen)( {2,}|\t+)(\S[^\n]*)\n[ \t]*(\d{1,3}(?:\s*(?:,|en|&|t/m)\s*\d{1,3})+)( {2,}|\t+)(\S[^\n]*)$`)
