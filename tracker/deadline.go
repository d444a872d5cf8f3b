package tracker

import (
	"fmt"
	"strings"
	"time"
)

// Period is a run of days, From to To, both included.
type Period struct {
	From, To time.Time
}

// Holds reports whether the day of t lies in p.
func (p Period) Holds(t time.Time) bool {
	d := DayOf(t)
	return !d.Before(DayOf(p.From)) && !d.After(DayOf(p.To))
}

// ParsePeriods reads periods written "2026-07-11..2026-09-20", separated by
// commas; a single day stands for itself. An empty string gives none.
func ParsePeriods(s string) ([]Period, error) {
	var out []Period
	for _, part := range strings.Split(s, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		from, to, found := strings.Cut(part, "..")
		if !found {
			to = from
		}
		f, err := ParseDay(strings.TrimSpace(from))
		if err != nil {
			return nil, fmt.Errorf("period %q: %w: want YYYY-MM-DD..YYYY-MM-DD", part, ErrInvalid)
		}
		t, err := ParseDay(strings.TrimSpace(to))
		if err != nil {
			return nil, fmt.Errorf("period %q: %w: want YYYY-MM-DD..YYYY-MM-DD", part, ErrInvalid)
		}
		if t.Before(f) {
			return nil, fmt.Errorf("period %q: %w: ends before it starts", part, ErrInvalid)
		}
		out = append(out, Period{f, t})
	}
	return out, nil
}

// Deadlines says by when a minister must answer a written question.
// DefaultDeadlines holds the parliaments' own rules.
type Deadlines struct {
	// TKWeeks: the Tweede Kamer's term, from the day the question was
	// received (Filed).
	TKWeeks int
	// TKPostponeWeeks: after a postponement notice ("Mededeling") the
	// answer is due this many weeks from the notice (Postponed).
	TKPostponeWeeks int
	// VPWorkdays: the Flemish Parliament's term in working days (Monday to
	// Friday, Belgian public holidays not counted) after the question was
	// sent to the minister (Sent, else Filed).
	VPWorkdays int
	// VPRecess lists days the Flemish term does not count beyond weekends
	// and holidays. None by default: the Parliament says questions may be
	// put and are answered during recess, within the same 20 working days.
	VPRecess []Period
}

// DefaultDeadlines returns the parliaments' rules: three weeks in the
// Tweede Kamer (three more from a postponement notice), 20 working days in
// the Flemish Parliament.
func DefaultDeadlines() Deadlines {
	return Deadlines{TKWeeks: 3, TKPostponeWeeks: 3, VPWorkdays: 20}
}

// Due returns the last day on which q's answer is on time, and false when
// q has no date to count from or its parliament is unknown.
func (d Deadlines) Due(q FiledQuestion) (time.Time, bool) {
	switch q.Parliament {
	case TK:
		if Dated(q.Postponed) {
			return DayOf(q.Postponed).AddDate(0, 0, 7*d.TKPostponeWeeks), true
		}
		if Dated(q.Filed) {
			return DayOf(q.Filed).AddDate(0, 0, 7*d.TKWeeks), true
		}
	case VP:
		from := q.Sent
		if !Dated(from) {
			from = q.Filed
		}
		if Dated(from) {
			return AddWorkdays(from, d.VPWorkdays, d.vpClosed), true
		}
	}
	return time.Time{}, false
}

// vpClosed reports whether the Flemish term does not count day t.
func (d Deadlines) vpClosed(t time.Time) bool {
	if IsBelgianHoliday(t) {
		return true
	}
	for _, p := range d.VPRecess {
		if p.Holds(t) {
			return true
		}
	}
	return false
}

// AddWorkdays returns the n-th working day after the day of from: Monday
// to Friday, skipping the days closed reports. The day itself does not
// count, so a question sent on a Friday has Monday as its first day.
func AddWorkdays(from time.Time, n int, closed func(time.Time) bool) time.Time {
	t := DayOf(from)
	for n > 0 {
		t = t.AddDate(0, 0, 1)
		if wd := t.Weekday(); wd == time.Saturday || wd == time.Sunday || closed != nil && closed(t) {
			continue
		}
		n--
	}
	return t
}

// IsLate reports whether q's answer is overdue on day now: unanswered and
// its deadline before now. It returns the deadline too.
func (d Deadlines) IsLate(q FiledQuestion, now time.Time) (time.Time, bool) {
	due, ok := d.Due(q)
	if !ok || q.HasAnswer() {
		return due, false
	}
	return due, due.Before(DayOf(now))
}

// HasAnswer reports whether q's answer came in: it has an answer date or
// an ingested answer document.
func (q *FiledQuestion) HasAnswer() bool {
	return Dated(q.Answered) || q.AnswerDocumentID != 0
}
