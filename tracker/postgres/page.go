package postgres

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/jackc/pgx/v5"

	"github.com/pqtrack/pqtrack/tracker"
	"github.com/pqtrack/pqtrack/tracker/store"
)

// Listings of the dashboard are read a page at a time by keyset, as in the
// SQLite store: a page starts after the last row of the page before it, by
// a row comparison on the index's columns. No OFFSET.

// QueuePage lists up to limit follow-ups f selects (its Limit and Offset
// ignored) in order of effective due date, then id: the first page when
// after and before are 0, else those after follow-up after, or those
// before follow-up before. A follow-up named that does not exist is an
// error wrapping tracker.ErrNotFound.
func (db *DB) QueuePage(ctx context.Context, f tracker.FollowUpFilter, after, before int64, limit int) (store.Page, error) {
	var p store.Page
	if limit <= 0 {
		limit = 50
	}
	back := before > 0
	keyID := after
	if back {
		keyID = before
	}
	var key string
	if keyID > 0 {
		err := db.pool.QueryRow(ctx, `SELECT effective_due FROM followups WHERE id = $1 AND office_id = $2`, keyID, db.office).Scan(&key)
		if errors.Is(err, pgx.ErrNoRows) {
			return p, fmt.Errorf("follow-up %d: %w", keyID, tracker.ErrNotFound)
		} else if err != nil {
			return p, fmt.Errorf("queue: %w", err)
		}
	}
	// page reads the rows past the key in the direction of op.
	page := func(op string, n int, cols string) (string, args) {
		var a args
		w := queueWhere(db.office, f, &a)
		if keyID > 0 {
			w += fmt.Sprintf(" AND (f.effective_due, f.id) %s (%s, %s)", op, a.add(key), a.add(keyID))
		}
		order := ""
		if op[0] == '<' {
			order = " DESC"
		}
		return `SELECT ` + cols + followUpFrom + w + ` ORDER BY f.effective_due` + order + `, f.id` + order +
			` LIMIT ` + a.add(n), a
	}
	// bwd looks the other way from the key, the key included: whether
	// rows come before a page read forward (or after one read back).
	fwd, bwd := ">", "<="
	if back {
		fwd, bwd = "<", ">="
	}
	q, a := page(fwd, limit+1, followUpColumns)
	rows, err := db.followUps(ctx, q, a...)
	if err != nil {
		return p, fmt.Errorf("queue: %w", err)
	}
	more := len(rows) > limit
	if more {
		rows = rows[:limit]
	}
	other := false
	if keyID > 0 {
		q, a := page(bwd, 1, "1")
		var one int
		err := db.pool.QueryRow(ctx, q, a...).Scan(&one)
		if err != nil && !errors.Is(err, pgx.ErrNoRows) {
			return p, fmt.Errorf("queue: %w", err)
		}
		other = err == nil
	}
	if back {
		slices.Reverse(rows)
		p.Prev, p.Next = more, other
	} else {
		p.Prev, p.Next = other, more
	}
	p.FollowUps = rows
	return p, nil
}

// QueueCount counts the follow-ups f selects, ignoring its limit and
// offset. With max > 0 it counts no further than max+1.
func (db *DB) QueueCount(ctx context.Context, f tracker.FollowUpFilter, max int) (int, error) {
	var a args
	q := `SELECT count(*) FROM followups f` + queueWhere(db.office, f, &a)
	if max > 0 {
		q = `SELECT count(*) FROM (SELECT 1 FROM followups f` + strings.TrimPrefix(q, `SELECT count(*) FROM followups f`) +
			` LIMIT ` + a.add(max+1) + `) x`
	}
	var n int
	if err := db.pool.QueryRow(ctx, q, a...).Scan(&n); err != nil {
		return 0, fmt.Errorf("count follow-ups: %w", err)
	}
	return n, nil
}

// queueWhere is the WHERE clause of a queue listing over followups f; it
// filters on documents without a join.
func queueWhere(office int64, f tracker.FollowUpFilter, a *args) string {
	conds := []string{"f.office_id = " + a.add(office)}
	if len(f.States) > 0 {
		states := make([]string, len(f.States))
		for i, s := range f.States {
			states[i] = string(s)
		}
		conds = append(conds, "f.state = ANY("+a.add(states)+")")
	}
	if !f.DueBy.IsZero() {
		conds = append(conds, "f.state <> 'done'", "f.effective_due <= "+a.add(day(tracker.DayOf(f.DueBy))))
	}
	if !f.Overdue.IsZero() {
		conds = append(conds, "f.state <> 'done'", "f.effective_due < "+a.add(day(tracker.DayOf(f.Overdue))))
	}
	if f.Kind != "" {
		conds = append(conds, "f.kind = "+a.add(string(f.Kind)))
	}
	if f.Document != 0 {
		conds = append(conds, "f.document_id = "+a.add(f.Document))
	}
	if f.Minister != "" || f.Asker != "" {
		var dc []string
		if f.Minister != "" {
			dc = append(dc, "minister = "+a.add(f.Minister))
		}
		if f.Asker != "" {
			dc = append(dc, "asker = "+a.add(f.Asker))
		}
		conds = append(conds, "f.document_id IN (SELECT id FROM documents WHERE "+strings.Join(dc, " AND ")+")")
	}
	return " WHERE " + strings.Join(conds, " AND ")
}

// DocumentPage lists up to limit documents, last ingested first, with
// their status counts: the first page when after and before are 0, else
// those after (older than) document after, or before (newer than)
// document before.
func (db *DB) DocumentPage(ctx context.Context, after, before int64, limit int) ([]store.DocumentSummary, bool, bool, error) {
	if limit <= 0 {
		limit = 50
	}
	keyID, back := after, before > 0
	if back {
		keyID = before
	}
	var a args
	cond := ""
	if keyID > 0 {
		var key string
		err := db.pool.QueryRow(ctx, `SELECT ingested FROM documents WHERE id = $1`, keyID).Scan(&key)
		if errors.Is(err, pgx.ErrNoRows) {
			return nil, false, false, fmt.Errorf("document %d: %w", keyID, tracker.ErrNotFound)
		} else if err != nil {
			return nil, false, false, fmt.Errorf("documents: %w", err)
		}
		op := "<"
		if back {
			op = ">"
		}
		cond = fmt.Sprintf(" WHERE (ingested, id) %s (%s, %s)", op, a.add(key), a.add(keyID))
	}
	order := " DESC"
	if back {
		order = ""
	}
	docs, err := db.summaries(ctx, cond+` ORDER BY ingested`+order+`, id`+order, a, limit+1)
	if err != nil {
		return nil, false, false, err
	}
	more := len(docs) > limit
	if more {
		docs = docs[:limit]
	}
	if back {
		slices.Reverse(docs)
		return docs, more, keyID > 0, nil
	}
	return docs, keyID > 0, more, nil
}
