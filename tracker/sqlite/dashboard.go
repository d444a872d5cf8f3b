package sqlite

import (
	"context"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/pqtrack/pqtrack/tracker"
	"github.com/pqtrack/pqtrack/tracker/store"
)

// Stats is the overview the web dashboard opens with.
type Stats = store.Stats

// MinisterStats is one minister's share of Stats.
type MinisterStats = store.MinisterStats

// Stats counts items per status and follow-ups per state, overall and per
// minister. today decides what is overdue.
func (db *DB) Stats(ctx context.Context, today time.Time) (Stats, error) {
	var st Stats
	mins := map[string]*MinisterStats{}
	get := func(name string) *MinisterStats {
		m := mins[name]
		if m == nil {
			m = &MinisterStats{Minister: name}
			mins[name] = m
		}
		return m
	}
	each := func(what, q string, scan func(*MinisterStats, []any) error, dest func() []any, args ...any) error {
		rows, err := db.db.QueryContext(ctx, q, args...)
		if err != nil {
			return fmt.Errorf("stats: %s: %w", what, err)
		}
		defer rows.Close()
		for rows.Next() {
			var name string
			d := append([]any{&name}, dest()...)
			if err := rows.Scan(d...); err != nil {
				return fmt.Errorf("stats: %s: %w", what, err)
			}
			if err := scan(get(name), d[1:]); err != nil {
				return err
			}
		}
		return rows.Err()
	}

	// The counts are kept by triggers (migration 0006_counts): these read
	// a row per minister and status, and per minister, state and due date.
	total := map[tracker.Status]int{}
	perMin := map[string]map[tracker.Status]int{}
	var status string
	var n, overdue int
	err := each("documents", `SELECT minister, n FROM stat_documents WHERE n > 0`,
		func(m *MinisterStats, _ []any) error {
			m.Documents = n
			st.Documents += n
			return nil
		}, func() []any { return []any{&n} })
	if err != nil {
		return st, err
	}
	err = each("items", `SELECT minister, status, n FROM stat_items WHERE n > 0`,
		func(m *MinisterStats, _ []any) error {
			s := tracker.Status(status)
			if !s.Valid() {
				return nil
			}
			if perMin[m.Minister] == nil {
				perMin[m.Minister] = map[tracker.Status]int{}
			}
			perMin[m.Minister][s] += n
			total[s] += n
			return nil
		}, func() []any { return []any{&status, &n} })
	if err != nil {
		return st, err
	}
	err = each("follow-ups", `SELECT minister, state, sum(n), coalesce(sum(CASE WHEN due < ? THEN n END), 0)
		FROM stat_followups WHERE office_id = ? GROUP BY minister, state HAVING sum(n) > 0`,
		func(m *MinisterStats, _ []any) error {
			switch tracker.State(status) {
			case tracker.Open:
				st.Open += n
			case tracker.Snoozed:
				st.Snoozed += n
			case tracker.Done:
				st.Done += n
				return nil
			}
			m.Open += n
			m.Overdue += overdue
			st.Overdue += overdue
			return nil
		}, func() []any { return []any{&status, &n, &overdue} }, day(tracker.DayOf(today)), db.office)
	if err != nil {
		return st, err
	}

	st.Items = countsOf(total)
	for name, m := range mins {
		m.Items = countsOf(perMin[name])
		st.Ministers = append(st.Ministers, *m)
	}
	sortMinisters(&st)
	return st, nil
}

// countsOf lists the non-zero counts of m in tracker.Statuses order.
func countsOf(m map[tracker.Status]int) []tracker.StatusCount {
	var out []tracker.StatusCount
	for _, s := range tracker.Statuses {
		if m[s] > 0 {
			out = append(out, tracker.StatusCount{Status: s, N: m[s]})
		}
	}
	return out
}

// DueBetween lists the follow-ups not done whose effective due date lies
// from from to to, both days included; a zero bound is open. A kind other
// than "" selects only that kind (tracker.FollowPromise for a calendar of
// promised dates). limit <= 0 means no limit.
func (db *DB) DueBetween(ctx context.Context, from, to time.Time, kind tracker.FollowUpKind, limit int) ([]tracker.FollowUp, error) {
	lo, hi := "", "9999-12-31"
	if !from.IsZero() {
		lo = day(tracker.DayOf(from))
	}
	if !to.IsZero() {
		hi = day(tracker.DayOf(to))
	}
	if limit <= 0 {
		limit = -1
	}
	// The conditions match the partial indexes followups_due and, with a
	// kind, followups_kind_due.
	cond, args := "", []any{db.office, lo, hi}
	if kind != "" {
		cond, args = " AND f.kind = ?", append(args, kind)
	}
	return db.followUps(ctx, `SELECT `+followUpRow+` FROM followups f JOIN documents d ON d.id = f.document_id
		WHERE f.office_id = ? AND f.state <> 'done' AND f.effective_due >= ? AND f.effective_due <= ?`+cond+`
		ORDER BY f.effective_due, f.id LIMIT ?`, append(args, limit)...)
}

// DocumentSummary is a stored document as listings show it.
type DocumentSummary = store.DocumentSummary

// RecentDocuments lists the documents last ingested first, with their
// status counts. flagged keeps only those with something owed. limit <= 0
// means 20.
func (db *DB) RecentDocuments(ctx context.Context, flagged bool, limit int) ([]DocumentSummary, error) {
	if limit <= 0 {
		limit = 20
	}
	cond := ""
	if flagged {
		cond = ` WHERE EXISTS (SELECT 1 FROM items i WHERE i.document_id = documents.id
			AND i.status NOT IN ('', 'answered'))`
	}
	return db.summaries(ctx, cond+` ORDER BY ingested DESC, id DESC`, nil, limit)
}

// summaries lists the documents that tail (a WHERE and ORDER BY clause
// with args) selects, up to limit, with their status counts.
func (db *DB) summaries(ctx context.Context, tail string, args []any, limit int) ([]DocumentSummary, error) {
	rows, err := db.db.QueryContext(ctx, `SELECT id, file, hash, kind, title, parliament, number, body, asker,
		minister, asked, date, layout, '', warnings, ingested FROM documents`+tail+` LIMIT ?`, append(args, limit)...)
	if err != nil {
		return nil, fmt.Errorf("documents: %w", err)
	}
	var out []DocumentSummary
	index := map[int64]int{}
	var ids []string
	for rows.Next() {
		var s DocumentSummary
		var ingested string
		if err := scanDocument(scanTail{rows, &ingested}, &s.Document); err != nil {
			rows.Close()
			return nil, fmt.Errorf("documents: %w", err)
		}
		s.Ingested = parseStamp(ingested)
		index[s.ID] = len(out)
		ids = append(ids, strconv.FormatInt(s.ID, 10))
		out = append(out, s)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("documents: %w", err)
	}
	if len(out) == 0 {
		return out, nil
	}
	// The ids are integers read from the table: safe to write in.
	counts, err := db.db.QueryContext(ctx, `SELECT document_id, status, count(*) FROM items
		WHERE document_id IN (`+strings.Join(ids, ",")+`) GROUP BY document_id, status`)
	if err != nil {
		return nil, fmt.Errorf("documents: counts: %w", err)
	}
	defer counts.Close()
	per := map[int64]map[tracker.Status]int{}
	for counts.Next() {
		var id int64
		var s tracker.Status
		var n int
		if err := counts.Scan(&id, &s, &n); err != nil {
			return nil, fmt.Errorf("documents: counts: %w", err)
		}
		if per[id] == nil {
			per[id] = map[tracker.Status]int{}
		}
		per[id][s] += n
	}
	if err := counts.Err(); err != nil {
		return nil, fmt.Errorf("documents: counts: %w", err)
	}
	for id, m := range per {
		s := &out[index[id]]
		s.Items = countsOf(m)
		for st, n := range m {
			if st.Valid() && st.Owed() {
				s.Owed += n
			}
		}
	}
	return out, nil
}

// scanTail scans a row whose last column goes to tail, and the others as
// scanDocument asks.
type scanTail struct {
	sc   interface{ Scan(...any) error }
	tail *string
}

func (s scanTail) Scan(dest ...any) error { return s.sc.Scan(append(dest, s.tail)...) }

// FilterValues lists the distinct ministers and askers of the stored
// documents, for the filters of a follow-up listing.
func (db *DB) FilterValues(ctx context.Context) (ministers, askers []string, err error) {
	for _, c := range []struct {
		col string
		out *[]string
	}{{"minister", &ministers}, {"asker", &askers}} {
		rows, err := db.db.QueryContext(ctx, `SELECT DISTINCT `+c.col+` FROM documents WHERE `+c.col+` <> '' ORDER BY 1`)
		if err != nil {
			return nil, nil, fmt.Errorf("filter values: %w", err)
		}
		for rows.Next() {
			var s string
			if err := rows.Scan(&s); err != nil {
				rows.Close()
				return nil, nil, fmt.Errorf("filter values: %w", err)
			}
			*c.out = append(*c.out, s)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, nil, fmt.Errorf("filter values: %w", err)
		}
	}
	return ministers, askers, nil
}

// sortMinisters orders the per-minister counts by name, the unknown
// minister last.
func sortMinisters(st *Stats) {
	sort.Slice(st.Ministers, func(i, j int) bool {
		a, b := st.Ministers[i].Minister, st.Ministers[j].Minister
		if (a == "") != (b == "") {
			return b == ""
		}
		return a < b
	})
}
