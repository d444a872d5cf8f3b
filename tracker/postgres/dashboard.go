package postgres

import (
	"context"
	"fmt"
	"sort"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/pqtrack/pqtrack/tracker"
	"github.com/pqtrack/pqtrack/tracker/store"
)

// Stats counts items per status and follow-ups per state, overall and per
// minister. today decides what is overdue.
func (db *DB) Stats(ctx context.Context, today time.Time) (store.Stats, error) {
	var st store.Stats
	mins := map[string]*store.MinisterStats{}
	get := func(name string) *store.MinisterStats {
		m := mins[name]
		if m == nil {
			m = &store.MinisterStats{Minister: name}
			mins[name] = m
		}
		return m
	}
	each := func(what, q string, dest []any, fn func() error, args ...any) error {
		rows, err := db.pool.Query(ctx, q, args...)
		if err != nil {
			return fmt.Errorf("stats: %s: %w", what, err)
		}
		if _, err := pgx.ForEachRow(rows, dest, fn); err != nil {
			return fmt.Errorf("stats: %s: %w", what, err)
		}
		return nil
	}
	// The counts are kept by triggers (migration 0002_counts): these read
	// a row per minister and status, and per minister, state and due date.
	var name, status string
	var n, overdue int
	err := each("documents", `SELECT minister, n FROM stat_documents WHERE n > 0`,
		[]any{&name, &n}, func() error {
			get(name).Documents = n
			st.Documents += n
			return nil
		})
	if err != nil {
		return st, err
	}
	total := map[tracker.Status]int{}
	perMin := map[string]map[tracker.Status]int{}
	err = each("items", `SELECT minister, status, n FROM stat_items WHERE n > 0`,
		[]any{&name, &status, &n}, func() error {
			m := get(name)
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
		})
	if err != nil {
		return st, err
	}
	err = each("follow-ups", `SELECT minister, state, sum(n), coalesce(sum(n) FILTER (WHERE due < $1), 0)
		FROM stat_followups WHERE office_id = $2 GROUP BY minister, state HAVING sum(n) > 0`,
		[]any{&name, &status, &n, &overdue}, func() error {
			m := get(name)
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
		}, day(tracker.DayOf(today)), db.office)
	if err != nil {
		return st, err
	}
	st.Items = countsOf(total)
	for name, m := range mins {
		m.Items = countsOf(perMin[name])
		st.Ministers = append(st.Ministers, *m)
	}
	sort.Slice(st.Ministers, func(i, j int) bool {
		a, b := st.Ministers[i].Minister, st.Ministers[j].Minister
		if (a == "") != (b == "") {
			return b == ""
		}
		return a < b
	})
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
// than "" selects only that kind. limit <= 0 means no limit.
func (db *DB) DueBetween(ctx context.Context, from, to time.Time, kind tracker.FollowUpKind, limit int) ([]tracker.FollowUp, error) {
	lo, hi := "", "9999-12-31"
	if !from.IsZero() {
		lo = day(tracker.DayOf(from))
	}
	if !to.IsZero() {
		hi = day(tracker.DayOf(to))
	}
	var a args
	q := `SELECT ` + followUpColumns + followUpFrom + ` WHERE f.office_id = ` + a.add(db.office) + ` AND f.state <> 'done' AND f.effective_due >= ` + a.add(lo) +
		` AND f.effective_due <= ` + a.add(hi)
	if kind != "" {
		q += ` AND f.kind = ` + a.add(string(kind))
	}
	q += ` ORDER BY f.effective_due, f.id`
	if limit > 0 {
		q += ` LIMIT ` + a.add(limit)
	}
	return db.followUps(ctx, q, a...)
}

// RecentDocuments lists the documents last ingested first, with their
// status counts. flagged keeps only those with something owed. limit <= 0
// means 20.
func (db *DB) RecentDocuments(ctx context.Context, flagged bool, limit int) ([]store.DocumentSummary, error) {
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
// with a's arguments) selects, up to limit, with their status counts.
func (db *DB) summaries(ctx context.Context, tail string, a args, limit int) ([]store.DocumentSummary, error) {
	rows, err := db.pool.Query(ctx, `SELECT id, file, hash, kind, title, parliament, number, body, asker,
		minister, asked, date, layout, '', warnings, ingested FROM documents`+tail+` LIMIT `+a.add(limit), a...)
	if err != nil {
		return nil, fmt.Errorf("documents: %w", err)
	}
	var out []store.DocumentSummary
	index := map[int64]int{}
	var ids []int64
	for rows.Next() {
		var s store.DocumentSummary
		var ingested string
		if err := scanDocument(rows, &s.Document, &ingested); err != nil {
			rows.Close()
			return nil, fmt.Errorf("documents: %w", err)
		}
		s.Ingested = parseStamp(ingested)
		index[s.ID] = len(out)
		ids = append(ids, s.ID)
		out = append(out, s)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("documents: %w", err)
	}
	if len(out) == 0 {
		return out, nil
	}
	counts, err := db.pool.Query(ctx, `SELECT document_id, status, count(*) FROM items
		WHERE document_id = ANY($1) GROUP BY document_id, status`, ids)
	if err != nil {
		return nil, fmt.Errorf("documents: counts: %w", err)
	}
	per := map[int64]map[tracker.Status]int{}
	var id int64
	var status string
	var n int
	_, err = pgx.ForEachRow(counts, []any{&id, &status, &n}, func() error {
		if per[id] == nil {
			per[id] = map[tracker.Status]int{}
		}
		per[id][tracker.Status(status)] += n
		return nil
	})
	if err != nil {
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

// FilterValues lists the distinct ministers and askers of the stored
// documents, for the filters of a follow-up listing.
func (db *DB) FilterValues(ctx context.Context) (ministers, askers []string, err error) {
	for _, c := range []struct {
		col string
		out *[]string
	}{{"minister", &ministers}, {"asker", &askers}} {
		// COLLATE "C": the order SQLite gives, whatever the server's locale.
		rows, err := db.pool.Query(ctx, `SELECT DISTINCT `+c.col+` COLLATE "C" FROM documents WHERE `+c.col+` <> '' ORDER BY 1`)
		if err != nil {
			return nil, nil, fmt.Errorf("filter values: %w", err)
		}
		if *c.out, err = pgx.CollectRows(rows, pgx.RowTo[string]); err != nil {
			return nil, nil, fmt.Errorf("filter values: %w", err)
		}
	}
	return ministers, askers, nil
}
