package web

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/pqtrack/pqtrack/tracker"
	"github.com/pqtrack/pqtrack/tracker/store"
)

func (s *Server) overview(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	today := s.today()
	st, err := s.storeOf(ctx).Stats(ctx, today)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	// The week runs Monday to Sunday; what is already overdue is listed apart.
	sunday := today.AddDate(0, 0, (7-int(today.Weekday()))%7)
	week, err := s.storeOf(ctx).DueBetween(ctx, today, sunday, "", 50)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	overdue, err := s.storeOf(ctx).FollowUps(ctx, tracker.FollowUpFilter{Overdue: today, Limit: 20})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	flagged, err := s.storeOf(ctx).RecentDocuments(ctx, true, 10)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "overview", "overview", "overview.title", map[string]any{
		"Stats": st, "Week": week, "Overdue": overdue, "Flagged": flagged, "Statuses": tracker.Statuses,
	})
}

// statusN returns the count of status s in counts.
func statusN(counts []tracker.StatusCount, s tracker.Status) int {
	for _, c := range counts {
		if c.Status == s {
			return c.N
		}
	}
	return 0
}

// queueQuery is the queue's filter as the URL carries it.
type queueQuery struct {
	Tab      string // live, due, overdue, snoozed, done, all
	Minister string
	Asker    string
	Kind     string
	DueBy    string // YYYY-MM-DD
	// The page: the follow-ups after follow-up After, or before Before;
	// the first page when both are 0 (keyset paging, see store.QueuePage).
	After, Before int64
}

var queueTabs = []string{"live", "due", "overdue", "snoozed", "done", "all"}

var followUpKinds = tracker.FollowUpKinds

// queueFilter reads the queue's filter from r's query.
func (s *Server) queueFilter(r *http.Request) (tracker.FollowUpFilter, queueQuery, error) {
	v := r.URL.Query()
	q := queueQuery{Tab: v.Get("tab"), Minister: v.Get("minister"), Asker: v.Get("asker"),
		Kind: v.Get("kind"), DueBy: v.Get("dueby")}
	var f tracker.FollowUpFilter
	today := s.today()
	switch q.Tab {
	case "", "live":
		q.Tab = "live"
		f.States = []tracker.State{tracker.Open, tracker.Snoozed}
	case "due":
		f.DueBy = today
	case "overdue":
		f.Overdue = today
	case "snoozed":
		f.States = []tracker.State{tracker.Snoozed}
	case "done":
		f.States = []tracker.State{tracker.Done}
	case "all":
	default:
		return f, q, fmt.Errorf("tab %q: %w", q.Tab, tracker.ErrInvalid)
	}
	if q.Kind != "" {
		ok := false
		for _, k := range followUpKinds {
			ok = ok || string(k) == q.Kind
		}
		if !ok {
			return f, q, fmt.Errorf("kind %q: %w", q.Kind, tracker.ErrInvalid)
		}
		f.Kind = tracker.FollowUpKind(q.Kind)
	}
	f.Minister, f.Asker = q.Minister, q.Asker
	if q.DueBy != "" {
		d, err := tracker.ParseDay(q.DueBy)
		if err != nil {
			return f, q, fmt.Errorf("dueby %q: %w", q.DueBy, tracker.ErrInvalid)
		}
		if f.DueBy.IsZero() || d.Before(f.DueBy) {
			f.DueBy = d
		}
	}
	var err error
	if q.After, q.Before, err = cursor(r); err != nil {
		return f, q, err
	}
	f.Limit = s.cfg.PageSize
	return f, q, nil
}

// maxCount is how far the queue counts: past it the page says "more than".
const maxCount = 1000

// cursor reads the ?after= or ?before= of a keyset page: an id.
func cursor(r *http.Request) (after, before int64, err error) {
	for _, p := range []struct {
		name string
		v    *int64
	}{{"after", &after}, {"before", &before}} {
		if s := r.URL.Query().Get(p.name); s != "" {
			n, err := strconv.ParseInt(s, 10, 64)
			if err != nil || n < 1 {
				return 0, 0, fmt.Errorf("%s %q: %w", p.name, s, tracker.ErrInvalid)
			}
			*p.v = n
		}
	}
	if after > 0 && before > 0 {
		return 0, 0, fmt.Errorf("after and before: %w: one at a time", tracker.ErrInvalid)
	}
	return after, before, nil
}

// url is the queue's address with q changed by fn.
func (q queueQuery) url(path string, fn func(*queueQuery)) string {
	c := q
	if fn != nil {
		fn(&c)
	}
	v := url.Values{}
	set := func(k, val string) {
		if val != "" {
			v.Set(k, val)
		}
	}
	if c.Tab != "live" {
		set("tab", c.Tab)
	}
	set("minister", c.Minister)
	set("asker", c.Asker)
	set("kind", c.Kind)
	set("dueby", c.DueBy)
	if c.After > 0 {
		v.Set("after", strconv.FormatInt(c.After, 10))
	}
	if c.Before > 0 {
		v.Set("before", strconv.FormatInt(c.Before, 10))
	}
	if len(v) == 0 {
		return path
	}
	return path + "?" + v.Encode()
}

func (s *Server) queue(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	f, q, err := s.queueFilter(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	page, err := s.storeOf(ctx).QueuePage(ctx, f, q.After, q.Before, s.cfg.PageSize)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	total, err := s.storeOf(ctx).QueueCount(ctx, f, maxCount)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	ministers, askers, err := s.storeOf(ctx).FilterValues(ctx)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	type tab struct {
		Name, URL string
		Active    bool
	}
	var tabs []tab
	for _, t := range queueTabs {
		t := t
		tabs = append(tabs, tab{t, q.url("/followups", func(c *queueQuery) { c.Tab, c.After, c.Before = t, 0, 0 }), q.Tab == t})
	}
	data := map[string]any{
		"Items": page.FollowUps, "Total": min(total, maxCount), "More": total > maxCount, "Query": q, "Tabs": tabs,
		"Ministers": ministers, "Askers": askers, "Kinds": followUpKinds,
		"CSV": q.url("/followups.csv", func(c *queueQuery) { c.After, c.Before = 0, 0 }),
	}
	if n := len(page.FollowUps); n > 0 {
		first, last := page.FollowUps[0].ID, page.FollowUps[n-1].ID
		if page.Prev {
			data["First"] = q.url("/followups", func(c *queueQuery) { c.After, c.Before = 0, 0 })
			data["Prev"] = q.url("/followups", func(c *queueQuery) { c.After, c.Before = 0, first })
		}
		if page.Next {
			data["Next"] = q.url("/followups", func(c *queueQuery) { c.After, c.Before = last, 0 })
		}
	}
	s.render(w, r, http.StatusOK, "queue", "queue", "queue.title", data)
}

func (s *Server) documents(w http.ResponseWriter, r *http.Request) {
	after, before, err := cursor(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	docs, prev, next, err := s.storeOf(r.Context()).DocumentPage(r.Context(), after, before, s.cfg.PageSize)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	data := map[string]any{"Docs": docs}
	if n := len(docs); n > 0 {
		if prev {
			data["First"] = "/documents"
			data["Prev"] = fmt.Sprintf("/documents?before=%d", docs[0].ID)
		}
		if next {
			data["Next"] = fmt.Sprintf("/documents?after=%d", docs[n-1].ID)
		}
	}
	s.render(w, r, http.StatusOK, "documents", "documents", "documents.title", data)
}

// itemView is an item as the document page shows it.
type itemView struct {
	*tracker.Item
	Segments  []Segment
	FollowUps []tracker.FollowUp
	With      string // the other question numbers the answer covers
	// Correction is staff's correction that counts, nil when none.
	Correction *tracker.Correction
}

func (s *Server) document(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	id, err := pathID(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	doc, err := s.storeOf(ctx).Document(ctx, id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	fus, err := s.storeOf(ctx).FollowUps(ctx, tracker.FollowUpFilter{Document: id})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	corrections, err := s.latestCorrections(ctx, id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	items := make([]itemView, len(doc.Items))
	for i := range doc.Items {
		it := &doc.Items[i]
		v := itemView{Item: it, Segments: markAnswer(it), Correction: corrections[it.Number]}
		for _, f := range fus {
			if f.QuestionNumber == it.Number {
				v.FollowUps = append(v.FollowUps, f)
			}
		}
		var with []string
		for _, n := range it.AnsweredWith {
			with = append(with, strconv.Itoa(n))
		}
		v.With = strings.Join(with, ", ")
		items[i] = v
	}
	s.render(w, r, http.StatusOK, "document", "documents", "document.title", map[string]any{"Doc": doc, "Items": items, "Statuses": tracker.Statuses})
}

func (s *Server) followUp(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	id, err := pathID(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	f, err := s.storeOf(ctx).FollowUp(ctx, id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	doc, err := s.storeOf(ctx).Document(ctx, f.DocumentID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	history, err := s.storeOf(ctx).History(ctx, id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	var item *itemView
	var it *tracker.Item
	for i := range doc.Items {
		if doc.Items[i].Number == f.QuestionNumber {
			it = &doc.Items[i]
			item = &itemView{Item: it, Segments: markAnswer(it)}
			break
		}
	}
	l := s.lang(nil, r)
	s.render(w, r, http.StatusOK, "followup", "queue", "", map[string]any{
		"F": f, "Doc": doc, "Item": item, "History": history, "By": s.user(r), "AskBy": !s.cfg.HasCredentials(),
		"Draft": tracker.Draft(doc, it, f, l.Code), "Saved": r.URL.Query().Get("saved") != "",
		"Tomorrow": s.today().AddDate(0, 0, 7),
	})
}

// maxQuery is the longest search query, in characters.
const maxQuery = store.MaxQuery

func (s *Server) search(w http.ResponseWriter, r *http.Request) {
	q := strings.TrimSpace(r.URL.Query().Get("q"))
	if utf8.RuneCountInString(q) > maxQuery {
		s.fail(w, r, errQuery)
		return
	}
	var hits []store.Hit
	if q != "" {
		var err error
		if hits, err = s.storeOf(r.Context()).Search(r.Context(), q, 50); err != nil {
			s.fail(w, r, err)
			return
		}
	}
	s.render(w, r, http.StatusOK, "search", "search", "search.title", map[string]any{"Q": q, "Hits": hits})
}

// calDay is one day of the calendar grid.
type calDay struct {
	Day     time.Time
	InMonth bool
	Today   bool
	Items   []tracker.FollowUp
}

func (s *Server) calendar(w http.ResponseWriter, r *http.Request) {
	today := s.today()
	first := tracker.Day(today.Year(), today.Month(), 1)
	if m := r.URL.Query().Get("month"); m != "" {
		t, err := time.Parse("2006-01", m)
		if err != nil {
			s.fail(w, r, fmt.Errorf("month %q: want YYYY-MM: %w", m, tracker.ErrInvalid))
			return
		}
		first = tracker.DayOf(t)
	}
	last := first.AddDate(0, 1, -1)
	start := first.AddDate(0, 0, -((int(first.Weekday()) + 6) % 7)) // Monday
	end := last.AddDate(0, 0, (7-int(last.Weekday()))%7)            // Sunday
	fus, err := s.storeOf(r.Context()).DueBetween(r.Context(), start, end, tracker.FollowPromise, 0)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	byDay := map[time.Time][]tracker.FollowUp{}
	for _, f := range fus {
		d := f.EffectiveDue()
		byDay[d] = append(byDay[d], f)
	}
	var weeks [][]calDay
	for d := start; !d.After(end); d = d.AddDate(0, 0, 7) {
		week := make([]calDay, 7)
		for i := range week {
			day := d.AddDate(0, 0, i)
			week[i] = calDay{Day: day, InMonth: day.Month() == first.Month(), Today: day.Equal(today), Items: byDay[day]}
		}
		weeks = append(weeks, week)
	}
	upcoming, err := s.storeOf(r.Context()).DueBetween(r.Context(), today, time.Time{}, tracker.FollowPromise, 10)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	l := s.lang(nil, r)
	var days []string
	for i := 0; i < 7; i++ {
		days = append(days, l.T(fmt.Sprint("weekday.", i)))
	}
	s.render(w, r, http.StatusOK, "calendar", "calendar", "calendar.title", map[string]any{
		"Month": first, "Weeks": weeks, "Count": len(fus), "Upcoming": upcoming, "Days": days,
		"Prev": first.AddDate(0, -1, 0).Format("2006-01"), "Next": first.AddDate(0, 1, 0).Format("2006-01"),
	})
}
