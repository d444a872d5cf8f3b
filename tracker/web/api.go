package web

import (
	"encoding/csv"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/pqtrack/pqtrack/tracker"
	"github.com/pqtrack/pqtrack/tracker/report"
)

func day(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(tracker.DateLayout)
}

func (s *Server) apiStats(w http.ResponseWriter, r *http.Request) {
	st, err := s.storeOf(r.Context()).Stats(r.Context(), s.today())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	type count struct {
		Status string `json:"status"`
		N      int    `json:"n"`
	}
	counts := func(cs []tracker.StatusCount) []count {
		out := []count{}
		for _, c := range cs {
			out = append(out, count{string(c.Status), c.N})
		}
		return out
	}
	type minister struct {
		Minister  string  `json:"minister"`
		Documents int     `json:"documents"`
		Items     []count `json:"items"`
		Open      int     `json:"open"`
		Overdue   int     `json:"overdue"`
	}
	ms := []minister{}
	for _, m := range st.Ministers {
		ms = append(ms, minister{m.Minister, m.Documents, counts(m.Items), m.Open, m.Overdue})
	}
	writeJSON(w, http.StatusOK, map[string]any{
		"today": day(s.today()), "documents": st.Documents, "items": counts(st.Items),
		"followups": map[string]int{"open": st.Open, "snoozed": st.Snoozed, "done": st.Done, "overdue": st.Overdue},
		"ministers": ms,
	})
}

// apiFollowUps takes the queue's filters (tab, minister, asker, kind,
// dueby, after or before) and answers a page with the total and the
// cursors of the pages next to it.
func (s *Server) apiFollowUps(w http.ResponseWriter, r *http.Request) {
	f, q, err := s.queueFilter(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if l := r.URL.Query().Get("limit"); l != "" {
		n, err := strconv.Atoi(l)
		if err != nil || n < 1 || n > 1000 {
			s.fail(w, r, fmt.Errorf("limit %q: want 1 to 1000: %w", l, tracker.ErrInvalid))
			return
		}
		f.Limit = n
	}
	page, err := s.storeOf(r.Context()).QueuePage(r.Context(), f, q.After, q.Before, f.Limit)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	total, err := s.storeOf(r.Context()).QueueCount(r.Context(), f, maxCount)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	out := map[string]any{"limit": f.Limit, "followups": report.FromFollowUps(page.FollowUps)}
	if total > maxCount {
		out["more_than"] = maxCount
	} else {
		out["total"] = total
	}
	if n := len(page.FollowUps); n > 0 {
		if page.Prev {
			out["before"] = page.FollowUps[0].ID
		}
		if page.Next {
			out["after"] = page.FollowUps[n-1].ID
		}
	}
	writeJSON(w, http.StatusOK, out)
}

func (s *Server) apiFollowUp(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	f, err := s.storeOf(r.Context()).FollowUp(r.Context(), id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	hist, err := s.storeOf(r.Context()).History(r.Context(), id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	type event struct {
		At     string `json:"at"`
		Action string `json:"action"`
		OldDue string `json:"old_due,omitempty"`
		NewDue string `json:"new_due,omitempty"`
		Note   string `json:"note,omitempty"`
		By     string `json:"by,omitempty"`
	}
	evs := []event{}
	for _, e := range hist {
		evs = append(evs, event{e.At.UTC().Format(time.RFC3339), e.Action, day(e.OldDue), day(e.NewDue), e.Note, e.By})
	}
	writeJSON(w, http.StatusOK, struct {
		report.FollowUp
		History []event `json:"history"`
	}{report.FromFollowUp(f), evs})
}

// apiDocuments answers a page of documents, last ingested first, with the
// cursors of the pages next to it (?after=, ?before=, ?limit= up to 1000).
func (s *Server) apiDocuments(w http.ResponseWriter, r *http.Request) {
	after, before, err := cursor(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	limit := 100
	if l := r.URL.Query().Get("limit"); l != "" {
		if limit, err = strconv.Atoi(l); err != nil || limit < 1 || limit > 1000 {
			s.fail(w, r, fmt.Errorf("limit %q: want 1 to 1000: %w", l, tracker.ErrInvalid))
			return
		}
	}
	docs, prev, next, err := s.storeOf(r.Context()).DocumentPage(r.Context(), after, before, limit)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	type doc struct {
		report.Document
		Statuses map[string]int `json:"statuses"`
		Owed     int            `json:"owed"`
	}
	out := []doc{}
	for i := range docs {
		d := report.FromDocument(&docs[i].Document)
		d.Items = nil
		st := map[string]int{}
		for _, c := range docs[i].Items {
			st[string(c.Status)] = c.N
		}
		out = append(out, doc{d, st, docs[i].Owed})
	}
	res := map[string]any{"documents": out}
	if n := len(docs); n > 0 {
		if prev {
			res["before"] = docs[0].ID
		}
		if next {
			res["after"] = docs[n-1].ID
		}
	}
	writeJSON(w, http.StatusOK, res)
}

// apiDocument answers in the shape of `pqtrack analyze --json`
// (tracker/report), with the document's follow-ups.
func (s *Server) apiDocument(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	doc, err := s.storeOf(r.Context()).Document(r.Context(), id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	fus, err := s.storeOf(r.Context()).FollowUps(r.Context(), tracker.FollowUpFilter{Document: id})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, struct {
		report.Document
		FollowUps []report.FollowUp `json:"followups"`
	}{report.FromDocument(doc), report.FromFollowUps(fus)})
}

func (s *Server) apiSearch(w http.ResponseWriter, r *http.Request) {
	q := strings.TrimSpace(r.URL.Query().Get("q"))
	if q == "" {
		s.fail(w, r, fmt.Errorf("search: %w: empty query (?q=)", tracker.ErrInvalid))
		return
	}
	if utf8.RuneCountInString(q) > maxQuery {
		s.fail(w, r, errQuery)
		return
	}
	hits, err := s.storeOf(r.Context()).Search(r.Context(), q, 50)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	type hit struct {
		DocumentID     int64   `json:"document_id"`
		Document       string  `json:"document"`
		QuestionNumber int     `json:"question_number"`
		Field          string  `json:"field"`
		Snippet        string  `json:"snippet"`
		Score          float64 `json:"score"`
	}
	out := []hit{}
	for _, h := range hits {
		out = append(out, hit{h.DocumentID, h.Document, h.QuestionNumber, h.Field, h.Snippet, h.Score})
	}
	writeJSON(w, http.StatusOK, map[string]any{"query": q, "hits": out})
}

// dateRange reads ?from= and ?to= (YYYY-MM-DD, both optional).
func dateRange(r *http.Request) (from, to time.Time, err error) {
	for _, p := range []struct {
		name string
		t    *time.Time
	}{{"from", &from}, {"to", &to}} {
		if v := r.URL.Query().Get(p.name); v != "" {
			if *p.t, err = tracker.ParseDay(v); err != nil {
				return from, to, fmt.Errorf("%s %q: want YYYY-MM-DD: %w", p.name, v, tracker.ErrInvalid)
			}
		}
	}
	return from, to, nil
}

func (s *Server) apiCalendar(w http.ResponseWriter, r *http.Request) {
	from, to, err := dateRange(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	fus, err := s.storeOf(r.Context()).DueBetween(r.Context(), from, to, tracker.FollowPromise, 0)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"promises": report.FromFollowUps(fus)})
}

// ics is the iCalendar feed of the promised dates not yet settled.
func (s *Server) ics(w http.ResponseWriter, r *http.Request) {
	from, to, err := dateRange(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	fus, err := s.storeOf(r.Context()).DueBetween(r.Context(), from, to, tracker.FollowPromise, 0)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	l := s.lang(nil, r)
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	w.Header().Set("Content-Type", "text/calendar; charset=utf-8")
	w.Header().Set("Content-Disposition", `inline; filename="pqtrack.ics"`)
	WriteCalendar(w, "pqtrack: "+l.T("calendar.title"), calendarEvents(l, fus, scheme+"://"+r.Host), s.cfg.Now())
}

// exportCSV writes the follow-ups the queue's filters select, all pages.
func (s *Server) exportCSV(w http.ResponseWriter, r *http.Request) {
	f, _, err := s.queueFilter(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	f.Limit = 0
	list, err := s.storeOf(r.Context()).FollowUps(r.Context(), f)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="pqtrack-followups.csv"`)
	cw := csv.NewWriter(w)
	cw.Write([]string{"id", "document_id", "document", "question_number", "kind", "due", "effective_due",
		"state", "outcome", "promised", "minister", "asker", "summary", "note"})
	for i := range list {
		x := &list[i]
		cw.Write([]string{strconv.FormatInt(x.ID, 10), strconv.FormatInt(x.DocumentID, 10), cell(x.Document),
			strconv.Itoa(x.QuestionNumber), string(x.Kind), day(x.Due), day(x.EffectiveDue()), string(x.State),
			string(x.Outcome), day(x.Promised), cell(x.Minister), cell(x.Asker), cell(x.Summary), cell(x.Note)})
	}
	cw.Flush()
}

// cell keeps a spreadsheet from reading document text as a formula.
func cell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
