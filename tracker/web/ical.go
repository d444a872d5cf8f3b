package web

import (
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/pqtrack/pqtrack/tracker"
)

// Event is one all-day event of an iCalendar feed.
type Event struct {
	UID         string
	Day         time.Time
	Summary     string
	Description string
	URL         string
	Updated     time.Time
}

// WriteCalendar writes events as an iCalendar (RFC 5545) feed: CRLF line
// ends, lines folded at 75 octets, text escaped, each event all-day
// (DTSTART;VALUE=DATE) with its own UID so subscribers update it in place.
func WriteCalendar(w io.Writer, name string, events []Event, now time.Time) error {
	cw := &calWriter{w: w}
	cw.line("BEGIN:VCALENDAR")
	cw.line("VERSION:2.0")
	cw.line("PRODID:-//pqtrack//pqtrack//NL")
	cw.line("CALSCALE:GREGORIAN")
	cw.line("METHOD:PUBLISH")
	cw.line("X-WR-CALNAME:" + escapeText(name))
	cw.line("REFRESH-INTERVAL;VALUE=DURATION:PT1H")
	cw.line("X-PUBLISHED-TTL:PT1H")
	stampNow := now.UTC().Format("20060102T150405Z")
	for _, e := range events {
		cw.line("BEGIN:VEVENT")
		cw.line("UID:" + escapeText(e.UID))
		st := stampNow
		if !e.Updated.IsZero() {
			st = e.Updated.UTC().Format("20060102T150405Z")
		}
		cw.line("DTSTAMP:" + st)
		cw.line("DTSTART;VALUE=DATE:" + e.Day.Format("20060102"))
		cw.line("DTEND;VALUE=DATE:" + e.Day.AddDate(0, 0, 1).Format("20060102"))
		cw.line("SUMMARY:" + escapeText(e.Summary))
		if e.Description != "" {
			cw.line("DESCRIPTION:" + escapeText(e.Description))
		}
		if e.URL != "" {
			cw.line("URL:" + e.URL)
		}
		cw.line("TRANSP:TRANSPARENT")
		cw.line("END:VEVENT")
	}
	cw.line("END:VCALENDAR")
	return cw.err
}

type calWriter struct {
	w   io.Writer
	err error
}

// line writes one content line, folded: no physical line longer than 75
// octets, continuation lines starting with a space, never cutting a UTF-8
// character.
func (c *calWriter) line(s string) {
	if c.err != nil {
		return
	}
	var b strings.Builder
	limit := 75
	for len(s) > limit {
		i := limit
		for i > 0 && !utf8.RuneStart(s[i]) {
			i--
		}
		b.WriteString(s[:i])
		b.WriteString("\r\n ")
		s = s[i:]
		limit = 74 // the leading space counts
	}
	b.WriteString(s)
	b.WriteString("\r\n")
	_, c.err = io.WriteString(c.w, b.String())
}

// escapeText escapes a TEXT value: backslash, semicolon, comma and line
// breaks.
func escapeText(s string) string {
	s = strings.NewReplacer("\r\n", "\n", "\r", "\n").Replace(s)
	return strings.NewReplacer(`\`, `\\`, ";", `\;`, ",", `\,`, "\n", `\n`).Replace(s)
}

// calendarEvents turns promise follow-ups into events; base is the
// dashboard's URL for links (may be empty).
func calendarEvents(l *Lang, fs []tracker.FollowUp, base string) []Event {
	out := make([]Event, 0, len(fs))
	for _, f := range fs {
		e := Event{
			UID:     fmt.Sprintf("followup-%d@pqtrack", f.ID),
			Day:     f.Due,
			Summary: fmt.Sprintf("%s: %s, %s", l.Kind(f.Kind), f.Document, strings.ToLower(l.T("document.question", f.QuestionNumber))),
			Updated: f.Updated,
		}
		var d []string
		if f.Minister != "" {
			d = append(d, l.T("col.minister")+": "+f.Minister)
		}
		if tracker.Dated(f.Promised) && !f.Promised.Equal(f.Due) {
			d = append(d, l.T("followup.promised", l.Date(f.Promised)))
		}
		if f.Summary != "" {
			d = append(d, "«"+f.Summary+"»")
		}
		e.Description = strings.Join(d, "\n")
		if base != "" {
			e.URL = fmt.Sprintf("%s/followups/%d", base, f.ID)
		}
		out = append(out, e)
	}
	return out
}
