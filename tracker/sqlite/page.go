package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/pqtrack/pqtrack/tracker"
	"github.com/pqtrack/pqtrack/tracker/store"
)

// Listings of the dashboard are read a page at a time by keyset: a page
// starts after the last row of the page before it (or ends before the
// first row of the page after it) and reads its rows in index order, so
// page 220 costs what page 1 does. No OFFSET.

// Page is one page of follow-ups in the queue's order.
type Page = store.Page

// QueuePage lists up to limit follow-ups f selects (its Limit and Offset
// ignored) in order of effective due date, then id: the first page when
// after and before are 0, else those after follow-up after, or those
// before follow-up before. A follow-up named that does not exist is an
// error wrapping tracker.ErrNotFound.
func (db *DB) QueuePage(ctx context.Context, f tracker.FollowUpFilter, after, before int64, limit int) (Page, error) {
	var p Page
	if limit <= 0 {
		limit = 50
	}
	w, args := queueWhere(db.office, f)
	back := before > 0
	key, keyID := "", after
	if back {
		keyID = before
	}
	if keyID > 0 {
		err := db.db.QueryRowContext(ctx, `SELECT effective_due FROM followups WHERE id = ? AND office_id = ?`, keyID, db.office).Scan(&key)
		if errors.Is(err, sql.ErrNoRows) {
			return p, fmt.Errorf("follow-up %d: %w", keyID, tracker.ErrNotFound)
		} else if err != nil {
			return p, fmt.Errorf("queue: %w", err)
		}
	}
	// cmp is the WHERE clause of the rows past the key, in the direction
	// op reads, with its arguments. The key's terms come first: with two
	// bounds on the due date on one side (the key's and the filter's,
	// such as "due by today"), SQLite seeks by the first it finds, and the
	// key's is the one that starts the page (the filter's could leave
	// thousands of rows to step over).
	cmp := func(op string) (string, []any) {
		if keyID == 0 {
			return w, args
		}
		// The first term is a range on the index's column; the second
		// settles ties by id.
		return fmt.Sprintf(" WHERE f.effective_due %s= ? AND (f.effective_due %s ? OR f.id %s ?) AND ", op[:1], op[:1], op) +
				strings.TrimPrefix(w, " WHERE "),
			append([]any{key, key, keyID}, args...)
	}
	fwd, bwd, order, rorder := ">", "<=", "", " DESC"
	if back {
		fwd, bwd, order, rorder = "<", ">=", " DESC", ""
	}
	c, cargs := cmp(fwd)
	// The page's ids first, from the indexes alone; then their rows. When
	// the filter selects documents, SQLite sorts the candidates of each,
	// and would otherwise build the row of every candidate to sort it.
	q := `SELECT ` + followUpRow + ` FROM followups f JOIN documents d ON d.id = f.document_id
		WHERE f.id IN (SELECT f.id FROM followups f` + c +
		` ORDER BY f.effective_due` + order + `, f.id` + order + ` LIMIT ?)
		ORDER BY f.effective_due` + order + `, f.id` + order
	rows, err := db.followUps(ctx, q, append(cargs, limit+1)...)
	if err != nil {
		return p, fmt.Errorf("queue: %w", err)
	}
	more := len(rows) > limit
	if more {
		rows = rows[:limit]
	}
	other := false
	if keyID > 0 {
		c, cargs := cmp(bwd)
		var one int
		err := db.db.QueryRowContext(ctx, `SELECT 1 FROM followups f`+c+` ORDER BY f.effective_due`+rorder+
			`, f.id`+rorder+` LIMIT 1`, cargs...).Scan(&one)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return p, fmt.Errorf("queue: %w", err)
		}
		other = err == nil
	}
	if back {
		for i, j := 0, len(rows)-1; i < j; i, j = i+1, j-1 {
			rows[i], rows[j] = rows[j], rows[i]
		}
		p.Prev, p.Next = more, other
	} else {
		p.Prev, p.Next = other, more
	}
	p.FollowUps = rows
	return p, nil
}

// QueueCount counts the follow-ups f selects, ignoring its limit and
// offset, reading the queue's indexes. With max > 0 it counts no further
// than max+1: a page says "more than 1,000" without reading 40,000 rows.
func (db *DB) QueueCount(ctx context.Context, f tracker.FollowUpFilter, max int) (int, error) {
	q, args := queueCountQuery(db.office, f, max)
	var n int
	if err := db.db.QueryRowContext(ctx, q, args...).Scan(&n); err != nil {
		return 0, fmt.Errorf("count follow-ups: %w", err)
	}
	return n, nil
}

// queueCountQuery is QueueCount's query and its arguments.
func queueCountQuery(office int64, f tracker.FollowUpFilter, max int) (string, []any) {
	w, args := queueWhere(office, f)
	// Counting reads no order: "not done" as the two other states lets
	// SQLite count the range of followups_state past the done ones,
	// where on its own it would step over every done follow-up first.
	// With a kind or documents to select, the indexes that lead with
	// those (followups_kind_due, followups_document_due) serve better.
	if f.Kind == "" && f.Minister == "" && f.Asker == "" && f.Document == 0 {
		w = strings.Replace(w, "f.state <> 'done'", "f.state IN ('open', 'snoozed')", 1)
	}
	if max > 0 {
		return `SELECT count(*) FROM (SELECT 1 FROM followups f` + w + ` LIMIT ?)`, append(args, max+1)
	}
	return `SELECT count(*) FROM followups f` + w, args
}

// queueWhere is the WHERE clause of a queue listing, written so that
// SQLite reads the partial indexes of migrations 0001 and 0006 (their
// conditions appear literally) and filters on documents without a join.
func queueWhere(office int64, f tracker.FollowUpFilter) (string, []any) {
	conds := []string{"f.office_id = ?"}
	args := []any{office}
	set := map[tracker.State]bool{}
	var states []string
	for _, s := range f.States {
		switch s {
		case tracker.Open, tracker.Snoozed, tracker.Done:
			set[s] = true
		default:
			s = "" // matches nothing
		}
		states = append(states, "'"+string(s)+"'") // a known state or ''
	}
	// Open and snoozed together are all that is not done: the partial
	// index followups_due holds them, and the state needs no row read.
	open := len(states) > 0 && len(set) == 2 && set[tracker.Open] && set[tracker.Snoozed] && !slices.Contains(states, "''")
	switch {
	case open:
	case len(states) == 1:
		conds = append(conds, "f.state = "+states[0])
	case len(states) > 1:
		conds = append(conds, "f.state IN ("+strings.Join(states, ", ")+")")
	}
	if open || !f.DueBy.IsZero() || !f.Overdue.IsZero() {
		conds = append(conds, "f.state <> 'done'")
	}
	if !f.DueBy.IsZero() {
		conds = append(conds, "f.effective_due <= ?")
		args = append(args, day(tracker.DayOf(f.DueBy)))
	}
	if !f.Overdue.IsZero() {
		conds = append(conds, "f.effective_due < ?")
		args = append(args, day(tracker.DayOf(f.Overdue)))
	}
	if f.Kind != "" {
		conds = append(conds, "f.kind = ?")
		args = append(args, f.Kind)
	}
	if f.Document != 0 {
		conds = append(conds, "f.document_id = ?")
		args = append(args, f.Document)
	}
	if f.Minister != "" || f.Asker != "" {
		var dc []string
		if f.Minister != "" {
			dc = append(dc, "minister = ?")
			args = append(args, f.Minister)
		}
		if f.Asker != "" {
			dc = append(dc, "asker = ?")
			args = append(args, f.Asker)
		}
		conds = append(conds, "f.document_id IN (SELECT id FROM documents WHERE "+strings.Join(dc, " AND ")+")")
	}
	if f.Document != 0 || f.Minister != "" || f.Asker != "" {
		// The documents select: the indexes that lead with them serve,
		// with the office read from their last column, not the
		// office's own indexes (which would read all its follow-ups).
		conds[0] = "+f.office_id = ?"
	}
	return " WHERE " + strings.Join(conds, " AND "), args
}

// DocumentPage lists up to limit documents, last ingested first, with
// their status counts: the first page when after and before are 0, else
// those after (older than) document after, or before (newer than)
// document before.
func (db *DB) DocumentPage(ctx context.Context, after, before int64, limit int) ([]DocumentSummary, bool, bool, error) {
	if limit <= 0 {
		limit = 50
	}
	keyID, back := after, before > 0
	if back {
		keyID = before
	}
	cond, args := "", []any{}
	if keyID > 0 {
		var key string
		err := db.db.QueryRowContext(ctx, `SELECT ingested FROM documents WHERE id = ?`, keyID).Scan(&key)
		if errors.Is(err, sql.ErrNoRows) {
			return nil, false, false, fmt.Errorf("document %d: %w", keyID, tracker.ErrNotFound)
		} else if err != nil {
			return nil, false, false, fmt.Errorf("documents: %w", err)
		}
		op := "<"
		if back {
			op = ">"
		}
		cond = fmt.Sprintf(" WHERE ingested %s= ? AND (ingested %s ? OR id %s ?)", op, op, op)
		args = []any{key, key, keyID}
	}
	order := " DESC"
	if back {
		order = ""
	}
	docs, err := db.summaries(ctx, cond+` ORDER BY ingested`+order+`, id`+order, args, limit+1)
	if err != nil {
		return nil, false, false, err
	}
	more := len(docs) > limit
	if more {
		docs = docs[:limit]
	}
	if back {
		for i, j := 0, len(docs)-1; i < j; i, j = i+1, j-1 {
			docs[i], docs[j] = docs[j], docs[i]
		}
		return docs, more, keyID > 0, nil
	}
	return docs, keyID > 0, more, nil
}
