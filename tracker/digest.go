package tracker

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"time"
)

// Digest is the weekly overview for staff, per minister: what falls due in
// an ISO week, what is already overdue, which new answers were flagged and
// what was closed during the week before.
type Digest struct {
	Year, Week int
	Start, End time.Time // Monday and Sunday of the week, as days
	// From and Until bound the reporting period for closures: the week
	// before, Monday 00:00 to Monday 00:00 in the digest's time zone.
	From, Until time.Time
	Now         time.Time
	Groups      []DigestGroup // by minister name; unknown minister last
	Total       DigestTotal
}

// DigestGroup is one minister's share of a digest.
type DigestGroup struct {
	Minister string // empty when the documents do not name one
	Due      []FollowUp
	Overdue  []FollowUp
	NewDocs  []DigestDocument // new answers with at least one owed item
	Closed   []ClosedFollowUp
	// Late counts the minister's answers past their deadline at the
	// digest's Now (open late-answer follow-ups, snoozed ones included).
	Late int
}

// DigestDocument is a new answer document as the digest lists it.
type DigestDocument struct {
	ID       int64
	Name     string
	Number   string
	Date     time.Time
	Statuses []StatusCount // non-zero counts, in Statuses order
}

// StatusCount is how many items have a status.
type StatusCount struct {
	Status Status
	N      int
}

// ClosedFollowUp is a follow-up closed during the reporting period.
type ClosedFollowUp struct {
	FollowUp FollowUp
	At       time.Time
	Note     string
	By       string
}

// DigestTotal sums a digest over all ministers.
type DigestTotal struct {
	Due, Overdue, Closed int
	Late                 int           // answers past their deadline
	NewDocs              int           // new answer documents
	Flagged              int           // of which with at least one owed item
	Statuses             []StatusCount // items of the new documents, in Statuses order
}

// Empty reports whether the digest has nothing to say.
func (d *Digest) Empty() bool {
	t := d.Total
	return t.Due == 0 && t.Overdue == 0 && t.Closed == 0 && t.NewDocs == 0
}

// BuildDigest assembles the digest of ISO week year-week. followUps should
// hold every follow-up (done ones too, so closures can name their outcome);
// newDocs the documents stored since the previous digest; events the history
// of the reporting period. loc is where the week starts and ends (Europe/Brussels
// for pqtrack); due dates are days and compare as such.
func BuildDigest(year, week int, loc *time.Location, followUps []FollowUp, newDocs []Document, events []FollowUpEvent, now time.Time) Digest {
	start := ISOWeekStart(year, week)
	d := Digest{
		Year: year, Week: week,
		Start: start, End: start.AddDate(0, 0, 6),
		Until: time.Date(start.Year(), start.Month(), start.Day(), 0, 0, 0, 0, loc),
		Now:   now,
	}
	d.From = d.Until.AddDate(0, 0, -7)

	groups := map[string]*DigestGroup{}
	group := func(minister string) *DigestGroup {
		g := groups[minister]
		if g == nil {
			g = &DigestGroup{Minister: minister}
			groups[minister] = g
		}
		return g
	}
	// Follow-ups stored before the Minister field existed take it from
	// their document when the digest has it.
	docMinister := map[int64]string{}
	for i := range newDocs {
		docMinister[newDocs[i].ID] = newDocs[i].Minister
	}
	minister := func(f *FollowUp) string {
		if f.Minister != "" {
			return f.Minister
		}
		return docMinister[f.DocumentID]
	}

	byID := map[int64]*FollowUp{}
	for i := range followUps {
		f := &followUps[i]
		byID[f.ID] = f
		if f.State == Done {
			continue
		}
		if f.Kind == FollowLate && f.Due.Before(DayOf(now)) {
			group(minister(f)).Late++
			d.Total.Late++
		}
		due := f.EffectiveDue()
		switch {
		case due.Before(d.Start):
			g := group(minister(f))
			g.Overdue = append(g.Overdue, *f)
			d.Total.Overdue++
		case !due.After(d.End):
			g := group(minister(f))
			g.Due = append(g.Due, *f)
			d.Total.Due++
		}
	}

	total := map[Status]int{}
	for i := range newDocs {
		doc := &newDocs[i]
		if doc.Kind != "" && doc.Kind != KindAnswer {
			continue
		}
		d.Total.NewDocs++
		counts := map[Status]int{}
		owed := false
		for _, it := range doc.Items {
			if !it.Status.Valid() {
				continue
			}
			counts[it.Status]++
			total[it.Status]++
			owed = owed || it.Status.Owed()
		}
		if !owed {
			continue
		}
		d.Total.Flagged++
		g := group(doc.Minister)
		g.NewDocs = append(g.NewDocs, DigestDocument{
			ID: doc.ID, Name: doc.Name(), Number: doc.Number, Date: doc.Date,
			Statuses: statusCounts(counts),
		})
	}
	d.Total.Statuses = statusCounts(total)

	for _, e := range events {
		if e.Action != "done" || e.At.Before(d.From) || !e.At.Before(d.Until) {
			continue
		}
		f := FollowUp{ID: e.FollowUpID}
		if p := byID[e.FollowUpID]; p != nil {
			f = *p
		}
		g := group(minister(&f))
		g.Closed = append(g.Closed, ClosedFollowUp{FollowUp: f, At: e.At, Note: e.Note, By: e.By})
		d.Total.Closed++
	}

	for _, g := range groups {
		sortFollowUps(g.Due)
		sortFollowUps(g.Overdue)
		sort.SliceStable(g.NewDocs, func(i, j int) bool {
			a, b := g.NewDocs[i], g.NewDocs[j]
			if !a.Date.Equal(b.Date) {
				return a.Date.Before(b.Date)
			}
			return a.ID < b.ID
		})
		sort.SliceStable(g.Closed, func(i, j int) bool { return g.Closed[i].At.Before(g.Closed[j].At) })
		d.Groups = append(d.Groups, *g)
	}
	sort.Slice(d.Groups, func(i, j int) bool {
		a, b := d.Groups[i].Minister, d.Groups[j].Minister
		if (a == "") != (b == "") {
			return b == ""
		}
		return a < b
	})
	return d
}

func sortFollowUps(fs []FollowUp) {
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := fs[i].EffectiveDue(), fs[j].EffectiveDue()
		if !a.Equal(b) {
			return a.Before(b)
		}
		return fs[i].ID < fs[j].ID
	})
}

func statusCounts(m map[Status]int) []StatusCount {
	var out []StatusCount
	for _, s := range Statuses {
		if m[s] > 0 {
			out = append(out, StatusCount{s, m[s]})
		}
	}
	return out
}

// ISOWeekStart returns the Monday of ISO week year-week as a day. Week 1 is
// the week holding 4 January.
func ISOWeekStart(year, week int) time.Time {
	jan4 := Day(year, time.January, 4)
	monday := jan4.AddDate(0, 0, -((int(jan4.Weekday()) + 6) % 7))
	return monday.AddDate(0, 0, 7*(week-1))
}

// ISOWeeks returns the number of ISO weeks in year: 52 or 53.
func ISOWeeks(year int) int {
	if _, w := ISOWeekStart(year, 53).ISOWeek(); w == 53 {
		return 53
	}
	return 52
}

var weekRE = regexp.MustCompile(`^(\d{4})-?[Ww](\d{1,2})$`)

// ParseISOWeek reads an ISO week written as 2023-W07 (also 2023W07, 2023-W7).
func ParseISOWeek(s string) (year, week int, err error) {
	m := weekRE.FindStringSubmatch(s)
	if m == nil {
		return 0, 0, fmt.Errorf("week %q: want YYYY-Www, e.g. 2023-W07: %w", s, ErrInvalid)
	}
	year, _ = strconv.Atoi(m[1])
	week, _ = strconv.Atoi(m[2])
	if week < 1 || week > ISOWeeks(year) {
		return 0, 0, fmt.Errorf("week %q: %d has weeks 1 to %d: %w", s, year, ISOWeeks(year), ErrInvalid)
	}
	return year, week, nil
}
