package parse

import (
	"os"
	"strings"
	"testing"

	"github.com/pqtrack/pqtrack/tracker"
)

func TestReadReport(t *testing.T) {
	fixture, err := os.ReadFile("../resolve/testdata/commissie-2022-11-15.txt")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name                string
		text                string
		o                   ReportOptions
		kind                tracker.Kind
		title, body, number string
		date                string
		parliament          string
	}{
		{"committee report", string(fixture), ReportOptions{}, tracker.KindMeeting, "Integraal verslag",
			"Commissie voor Binnenlands Bestuur, Gelijke Kansen, Inburgering en Integratie", "", "2022-11-15", "Vlaams Parlement"},
		{"command line wins", string(fixture), ReportOptions{Date: tracker.Day(2022, 11, 16), Body: "plenaire vergadering", Title: "Handelingen"},
			tracker.KindMeeting, "Handelingen", "plenaire vergadering", "", "2022-11-16", "Vlaams Parlement"},
		{"letter", "Tweede Kamer der Staten-Generaal\n\nKamerstuk 36 600, nr. 13\n\nBrief van de minister, 11 november 2024\n\nHierbij informeer ik uw Kamer.",
			ReportOptions{Kind: tracker.KindLetter}, tracker.KindLetter, "Kamerstuk 36 600, nr. 13", "", "36600, nr. 13", "2024-11-11", "Tweede Kamer"},
		{"no header", "De vergadering wordt geopend.\n\nDe voorzitter: Welkom.", ReportOptions{}, tracker.KindMeeting,
			"De vergadering wordt geopend.", "", "", "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d, err := ReadReport("x.txt", []byte(tc.text), tc.o)
			if err != nil {
				t.Fatal(err)
			}
			date := ""
			if tracker.Dated(d.Date) {
				date = d.Date.Format(tracker.DateLayout)
			}
			if d.Kind != tc.kind || d.Title != tc.title || d.Body != tc.body || d.Number != tc.number || date != tc.date || d.Parliament != tc.parliament {
				t.Errorf("got kind %q title %q body %q number %q date %q parliament %q", d.Kind, d.Title, d.Body, d.Number, date, d.Parliament)
			}
			if len(d.Items) != 0 || d.Hash != "" || !strings.Contains(d.Text, "\n\n") {
				t.Errorf("items %d, hash %q, text paragraphs %v", len(d.Items), d.Hash, strings.Contains(d.Text, "\n\n"))
			}
			if date == "" && len(d.Warnings) == 0 {
				t.Error("no warning for a report without a date")
			}
		})
	}
	if _, err := ReadReport("x.txt", []byte("  \n"), ReportOptions{}); err == nil {
		t.Error("empty report: no error")
	}
}
