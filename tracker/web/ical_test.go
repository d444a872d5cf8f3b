package web

import (
	"bytes"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/pqtrack/pqtrack/tracker"
)

func TestWriteCalendar(t *testing.T) {
	long := strings.Repeat("geëvalueerd, ", 20) // multi-byte letters across the fold
	events := []Event{
		{UID: "followup-7@pqtrack", Day: tracker.Day(2023, 2, 14), Summary: "belofte: Inburgering; vraag 5, MO",
			Description: "regel één\nregel twee, met \\ backslash", URL: "http://localhost:8080/followups/7"},
		{UID: "followup-8@pqtrack", Day: tracker.Day(2023, 12, 31), Summary: long},
	}
	var buf bytes.Buffer
	if err := WriteCalendar(&buf, "pqtrack", events, time.Date(2023, 2, 13, 8, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	if !strings.HasSuffix(out, "END:VCALENDAR\r\n") || strings.Count(out, "\n") != strings.Count(out, "\r\n") {
		t.Error("lines do not all end in CRLF")
	}
	for _, l := range strings.Split(strings.TrimSuffix(out, "\r\n"), "\r\n") {
		if len(l) > 75 {
			t.Errorf("line of %d octets: %q", len(l), l)
		}
		if !utf8.ValidString(l) {
			t.Errorf("fold cut a character: %q", l)
		}
	}
	for _, w := range []string{
		"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:",
		"UID:followup-7@pqtrack\r\n", "UID:followup-8@pqtrack\r\n",
		"DTSTART;VALUE=DATE:20230214\r\nDTEND;VALUE=DATE:20230215\r\n",
		"DTSTART;VALUE=DATE:20231231\r\nDTEND;VALUE=DATE:20240101\r\n",
		`SUMMARY:belofte: Inburgering\; vraag 5\, MO` + "\r\n",
		`DESCRIPTION:regel één\nregel twee\, met \\ backslash` + "\r\n",
		"DTSTAMP:20230213T080000Z\r\n",
	} {
		if !strings.Contains(out, w) {
			t.Errorf("calendar lacks %q:\n%s", w, out)
		}
	}
	if strings.Count(out, "BEGIN:VEVENT") != 2 || strings.Count(out, "END:VEVENT") != 2 {
		t.Errorf("want 2 events:\n%s", out)
	}
	// Unfolding gives back the long summary, escaped.
	unfolded := strings.ReplaceAll(out, "\r\n ", "")
	if !strings.Contains(unfolded, "SUMMARY:"+escapeText(long)+"\r\n") {
		t.Errorf("unfolded summary differs:\n%s", unfolded)
	}
}

func TestEscapeText(t *testing.T) {
	for in, want := range map[string]string{
		"a,b;c":      `a\,b\;c`,
		`back\slash`: `back\\slash`,
		"x\r\ny\rz":  `x\ny\nz`,
		"gewoon":     "gewoon",
	} {
		if got := escapeText(in); got != want {
			t.Errorf("escapeText(%q) = %q, want %q", in, got, want)
		}
	}
}
