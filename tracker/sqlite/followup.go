package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/pqtrack/pqtrack/tracker"
)

// mergeFollowUps stores the follow-ups derived from a document's analysis
// (see Ingest for the rules) and returns how many it created.
func mergeFollowUps(ctx context.Context, tx *sql.Tx, office, docID int64, fus []tracker.FollowUp, replaced bool, now time.Time) (int, error) {
	existing := map[string]int64{} // key -> id
	if replaced {
		rows, err := tx.QueryContext(ctx, `SELECT key, id FROM followups WHERE document_id = ? AND office_id = ?`, docID, office)
		if err != nil {
			return 0, fmt.Errorf("follow-ups: %w", err)
		}
		for rows.Next() {
			var k string
			var id int64
			if err := rows.Scan(&k, &id); err != nil {
				rows.Close()
				return 0, fmt.Errorf("follow-ups: %w", err)
			}
			existing[k] = id
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return 0, fmt.Errorf("follow-ups: %w", err)
		}
	}
	ts := stamp(now)
	created := 0
	seen := map[string]bool{}
	for _, f := range fus {
		if seen[f.Key] {
			continue // the analysis derived the same thing twice
		}
		seen[f.Key] = true
		if id, ok := existing[f.Key]; ok {
			if _, err := tx.ExecContext(ctx, `UPDATE followups SET summary = ?, promised = ?, precision = ?,
				updated = ? WHERE id = ?`, f.Summary, day(f.Promised), f.Precision, ts, id); err != nil {
				return 0, fmt.Errorf("follow-up %s: %w", f.Key, err)
			}
			if err := addEvent(ctx, tx, id, now, "reanalysed", time.Time{}, time.Time{}, "document corrected; still owed", ""); err != nil {
				return 0, err
			}
			continue
		}
		if _, err := insertFollowUp(ctx, tx, office, docID, &f, now, "", ""); err != nil {
			return 0, err
		}
		created++
	}
	for k, id := range existing {
		if !seen[k] {
			if err := addEvent(ctx, tx, id, now, "reanalysed", time.Time{}, time.Time{},
				"document corrected; no longer found by the analysis", ""); err != nil {
				return 0, err
			}
		}
	}
	return created, nil
}

// insertFollowUp stores a new open follow-up f of document docID for the
// office with its "created" event, and returns its id.
func insertFollowUp(ctx context.Context, tx *sql.Tx, office, docID int64, f *tracker.FollowUp, now time.Time, note, by string) (int64, error) {
	ts := stamp(now)
	r, err := tx.ExecContext(ctx, `INSERT INTO followups (office_id, document_id, key, question_number, kind, due,
		state, summary, promised, precision, created, updated) VALUES (?, ?, ?, ?, ?, ?, 'open', ?, ?, ?, ?, ?)`,
		office, docID, f.Key, f.QuestionNumber, f.Kind, day(f.Due), f.Summary, day(f.Promised), f.Precision, ts, ts)
	if err != nil {
		return 0, fmt.Errorf("follow-up %s: %w", f.Key, err)
	}
	id, err := r.LastInsertId()
	if err != nil {
		return 0, err
	}
	if err := addEvent(ctx, tx, id, now, "created", time.Time{}, f.Due, note, by); err != nil {
		return 0, err
	}
	return id, nil
}

type execer interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
}

func addEvent(ctx context.Context, q execer, id int64, at time.Time, action string, oldDue, newDue time.Time, note, by string) error {
	_, err := q.ExecContext(ctx, `INSERT INTO followup_events (followup_id, at, action, old_due, new_due, note, by)
		VALUES (?, ?, ?, ?, ?, ?, ?)`, id, stamp(at), action, day(oldDue), day(newDue), note, by)
	if err != nil {
		return fmt.Errorf("follow-up %d: %s event: %w", id, action, err)
	}
	return nil
}

// followUpRow selects a follow-up as one text of fields separated by
// char(31), free text cleaned of that character. One column instead of
// twenty: go-sqlite3 makes a few cgo calls per column, which cost more than
// SQLite's own work when a sweep returns many rows.
var followUpRow = func() string {
	cols := []struct {
		expr string
		text bool // free text, may hold anything
	}{
		{"f.id", false}, {"f.document_id", false},
		{"CASE d.title WHEN '' THEN d.file ELSE d.title END", true},
		{"f.question_number", false}, {"f.kind", false}, {"f.key", true}, {"f.due", false},
		{"f.state", false}, {"f.snoozed_until", false}, {"f.outcome", false}, {"f.reasked_as", true},
		{"f.note", true}, {"f.by", true}, {"f.summary", true}, {"f.promised", false},
		{"f.precision", false}, {"f.created", false}, {"f.updated", false},
		{"d.minister", true}, {"d.asker", true},
	}
	parts := make([]string, len(cols))
	for i, c := range cols {
		parts[i] = c.expr
		if c.text {
			parts[i] = "replace(" + c.expr + ", char(31), ' ')"
		}
	}
	return "concat_ws(char(31), " + strings.Join(parts, ", ") + ")"
}()

const followUpFields = 20

func scanFollowUp(sc interface{ Scan(...any) error }, f *tracker.FollowUp) error {
	var row string
	if err := sc.Scan(&row); err != nil {
		return err
	}
	return parseFollowUp(row, f)
}

func parseFollowUp(row string, f *tracker.FollowUp) error {
	var v [followUpFields]string
	n := 0
	for n < followUpFields-1 {
		i := strings.IndexByte(row, 31)
		if i < 0 {
			break
		}
		v[n], row = row[:i], row[i+1:]
		n++
	}
	v[n] = row
	if n != followUpFields-1 {
		return fmt.Errorf("follow-up row has %d fields, want %d", n+1, followUpFields)
	}
	var err error
	if f.ID, err = strconv.ParseInt(v[0], 10, 64); err != nil {
		return fmt.Errorf("follow-up id: %w", err)
	}
	if f.DocumentID, err = strconv.ParseInt(v[1], 10, 64); err != nil {
		return fmt.Errorf("follow-up %d: document id: %w", f.ID, err)
	}
	if f.QuestionNumber, err = strconv.Atoi(v[3]); err != nil {
		return fmt.Errorf("follow-up %d: question number: %w", f.ID, err)
	}
	f.Document, f.Kind, f.Key = v[2], tracker.FollowUpKind(v[4]), v[5]
	f.Due, f.State, f.SnoozedUntil = parseDay(v[6]), tracker.State(v[7]), parseDay(v[8])
	f.Outcome, f.ReaskedAs, f.Note, f.By, f.Summary = tracker.Outcome(v[9]), v[10], v[11], v[12], v[13]
	f.Promised, f.Precision = parseDay(v[14]), tracker.Precision(v[15])
	f.Created, f.Updated = parseStamp(v[16]), parseStamp(v[17])
	f.Minister, f.Asker = v[18], v[19]
	return nil
}

// where builds the WHERE clause of a follow-up listing of the office.
func where(office int64, f tracker.FollowUpFilter) (string, []any) {
	conds := []string{"f.office_id = ?"}
	args := []any{office}
	if office == 0 { // every office's: re-resolution alone
		conds, args = nil, nil
	}
	if len(f.States) > 0 {
		conds = append(conds, "f.state IN (?"+strings.Repeat(", ?", len(f.States)-1)+")")
		for _, s := range f.States {
			args = append(args, s)
		}
	}
	if !f.DueBy.IsZero() {
		conds = append(conds, "f.state <> 'done' AND f.effective_due <= ?")
		args = append(args, day(tracker.DayOf(f.DueBy)))
	}
	if !f.Overdue.IsZero() {
		conds = append(conds, "f.state <> 'done' AND f.effective_due < ?")
		args = append(args, day(tracker.DayOf(f.Overdue)))
	}
	for _, c := range []struct {
		col string
		v   any
		set bool
	}{
		{"f.kind", f.Kind, f.Kind != ""},
		{"d.minister", f.Minister, f.Minister != ""},
		{"d.asker", f.Asker, f.Asker != ""},
		{"f.document_id", f.Document, f.Document != 0},
	} {
		if c.set {
			conds = append(conds, c.col+" = ?")
			args = append(args, c.v)
		}
	}
	if len(conds) == 0 {
		return "", nil
	}
	return " WHERE " + strings.Join(conds, " AND "), args
}

// FollowUps lists the follow-ups f selects, by effective due date.
func (db *DB) FollowUps(ctx context.Context, f tracker.FollowUpFilter) ([]tracker.FollowUp, error) {
	w, args := where(db.office, f)
	q := `SELECT ` + followUpRow + ` FROM followups f JOIN documents d ON d.id = f.document_id` + w +
		` ORDER BY f.effective_due, f.id`
	if f.Limit > 0 || f.Offset > 0 {
		limit := f.Limit
		if limit <= 0 {
			limit = -1
		}
		q += ` LIMIT ? OFFSET ?`
		args = append(args, limit, f.Offset)
	}
	return db.followUps(ctx, q, args...)
}

// CountFollowUps counts the follow-ups f selects, ignoring its limit and offset.
func (db *DB) CountFollowUps(ctx context.Context, f tracker.FollowUpFilter) (int, error) {
	w, args := where(db.office, f)
	var n int
	err := db.db.QueryRowContext(ctx, `SELECT count(*) FROM followups f JOIN documents d ON d.id = f.document_id`+w, args...).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("count follow-ups: %w", err)
	}
	return n, nil
}

// DueFollowUps lists the follow-ups not done whose effective due date is on
// or before the day of now, by due date. It reads the followups_due index.
func (db *DB) DueFollowUps(ctx context.Context, now time.Time) ([]tracker.FollowUp, error) {
	return db.followUps(ctx, dueQuery, db.office, day(tracker.DayOf(now)))
}

// dueQuery's conditions match the partial index followups_due.
var dueQuery = `SELECT ` + followUpRow + ` FROM followups f JOIN documents d ON d.id = f.document_id
	WHERE f.office_id = ? AND f.state <> 'done' AND f.effective_due <= ? ORDER BY f.effective_due, f.id`

func (db *DB) followUps(ctx context.Context, q string, args ...any) ([]tracker.FollowUp, error) {
	rows, err := db.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("follow-ups: %w", err)
	}
	defer rows.Close()
	var out []tracker.FollowUp
	for rows.Next() {
		var f tracker.FollowUp
		if err := scanFollowUp(rows, &f); err != nil {
			return nil, fmt.Errorf("follow-ups: %w", err)
		}
		out = append(out, f)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("follow-ups: %w", err)
	}
	rows.Close()
	if err := db.attachResolutions(ctx, out); err != nil {
		return nil, fmt.Errorf("follow-ups: %w", err)
	}
	return out, nil
}

// FollowUp returns one follow-up. A missing one is an error wrapping
// tracker.ErrNotFound.
func (db *DB) FollowUp(ctx context.Context, id int64) (*tracker.FollowUp, error) {
	f, err := getFollowUp(ctx, db.db, db.office, id)
	if err != nil {
		return nil, err
	}
	fs := []tracker.FollowUp{*f}
	if err := db.attachResolutions(ctx, fs); err != nil {
		return nil, fmt.Errorf("follow-up %d: %w", id, err)
	}
	return &fs[0], nil
}

type queryer interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// getFollowUp reads follow-up id of the office: another office's is not
// found, as if it did not exist.
func getFollowUp(ctx context.Context, q queryer, office, id int64) (*tracker.FollowUp, error) {
	f := new(tracker.FollowUp)
	err := scanFollowUp(q.QueryRowContext(ctx, `SELECT `+followUpRow+`
		FROM followups f JOIN documents d ON d.id = f.document_id WHERE f.id = ? AND f.office_id = ?`, id, office), f)
	if err != nil {
		return nil, notFound(err, "follow-up", id)
	}
	return f, nil
}

// change runs fn on follow-up id inside a transaction, then stores what fn
// set on it (state, due, snooze, outcome, note, by) and the event fn returns.
func (db *DB) change(ctx context.Context, id int64, at time.Time, fn func(f *tracker.FollowUp) (tracker.FollowUpEvent, error)) error {
	tx, err := db.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	f, err := getFollowUp(ctx, tx, db.office, id)
	if err != nil {
		return err
	}
	ev, err := fn(f)
	if err != nil {
		return fmt.Errorf("follow-up %d: %w", id, err)
	}
	_, err = tx.ExecContext(ctx, `UPDATE followups SET due = ?, state = ?, snoozed_until = ?, outcome = ?,
		reasked_as = ?, note = ?, by = ?, updated = ? WHERE id = ?`,
		day(f.Due), f.State, day(f.SnoozedUntil), f.Outcome, f.ReaskedAs, f.Note, f.By, stamp(at), id)
	if err != nil {
		return fmt.Errorf("follow-up %d: %w", id, err)
	}
	if err := addEvent(ctx, tx, id, at, ev.Action, ev.OldDue, ev.NewDue, ev.Note, ev.By); err != nil {
		return err
	}
	return tx.Commit()
}

// Check closes a follow-up with an outcome. Reasked needs the number of the
// new question in reaskedAs. Checking a done follow-up again changes its
// outcome; the history keeps both.
func (db *DB) Check(ctx context.Context, id int64, outcome tracker.Outcome, reaskedAs, note, by string, at time.Time) error {
	switch outcome {
	case tracker.Delivered, tracker.Dropped:
		if reaskedAs != "" {
			return fmt.Errorf("follow-up %d: %w: a question number only goes with %s", id, tracker.ErrInvalid, tracker.Reasked)
		}
	case tracker.Reasked:
		if strings.TrimSpace(reaskedAs) == "" {
			return fmt.Errorf("follow-up %d: %w: %s needs the new question's number", id, tracker.ErrInvalid, outcome)
		}
	default:
		return fmt.Errorf("follow-up %d: %w: outcome %q", id, tracker.ErrInvalid, outcome)
	}
	return db.change(ctx, id, at, func(f *tracker.FollowUp) (tracker.FollowUpEvent, error) {
		f.State, f.Outcome, f.ReaskedAs, f.Note, f.By = tracker.Done, outcome, strings.TrimSpace(reaskedAs), note, by
		n := string(outcome)
		if reaskedAs != "" {
			n += " as " + f.ReaskedAs
		}
		if note != "" {
			n += ": " + note
		}
		return tracker.FollowUpEvent{Action: "done", OldDue: f.Due, Note: n, By: by}, nil
	})
}

// Reopen opens a done or snoozed follow-up again, keeping its due date.
func (db *DB) Reopen(ctx context.Context, id int64, note, by string, at time.Time) error {
	return db.change(ctx, id, at, func(f *tracker.FollowUp) (tracker.FollowUpEvent, error) {
		if f.State == tracker.Open {
			return tracker.FollowUpEvent{}, fmt.Errorf("%w: already open", tracker.ErrInvalid)
		}
		f.State, f.Outcome, f.ReaskedAs, f.SnoozedUntil, f.Note, f.By = tracker.Open, "", "", time.Time{}, note, by
		return tracker.FollowUpEvent{Action: "reopened", Note: note, By: by}, nil
	})
}

// Snooze puts a follow-up off until a day: it is not due before then.
func (db *DB) Snooze(ctx context.Context, id int64, until time.Time, note, by string, at time.Time) error {
	if until.IsZero() {
		return fmt.Errorf("follow-up %d: %w: snooze needs a date", id, tracker.ErrInvalid)
	}
	return db.change(ctx, id, at, func(f *tracker.FollowUp) (tracker.FollowUpEvent, error) {
		if f.State == tracker.Done {
			return tracker.FollowUpEvent{}, fmt.Errorf("%w: done follow-ups cannot be snoozed (reopen it first)", tracker.ErrInvalid)
		}
		old := f.EffectiveDue()
		f.State, f.SnoozedUntil, f.Note, f.By = tracker.Snoozed, tracker.DayOf(until), note, by
		return tracker.FollowUpEvent{Action: "snoozed", OldDue: old, NewDue: f.EffectiveDue(), Note: note, By: by}, nil
	})
}

// Redate moves a follow-up's due date. The reason is required; the old date
// and the reason stay in the history.
func (db *DB) Redate(ctx context.Context, id int64, to time.Time, note, by string, at time.Time) error {
	if to.IsZero() {
		return fmt.Errorf("follow-up %d: %w: redate needs a date", id, tracker.ErrInvalid)
	}
	if strings.TrimSpace(note) == "" {
		return fmt.Errorf("follow-up %d: %w: redate needs a reason", id, tracker.ErrInvalid)
	}
	return db.change(ctx, id, at, func(f *tracker.FollowUp) (tracker.FollowUpEvent, error) {
		if f.State == tracker.Done {
			return tracker.FollowUpEvent{}, fmt.Errorf("%w: done follow-ups cannot be redated (reopen it first)", tracker.ErrInvalid)
		}
		old := f.Due
		f.Due, f.Note, f.By = tracker.DayOf(to), note, by
		return tracker.FollowUpEvent{Action: "redated", OldDue: old, NewDue: f.Due, Note: note, By: by}, nil
	})
}

const eventColumns = `followup_id, at, action, old_due, new_due, note, by`

// History returns the events of follow-up id, oldest first.
func (db *DB) History(ctx context.Context, id int64) ([]tracker.FollowUpEvent, error) {
	var n int
	if err := db.db.QueryRowContext(ctx, `SELECT count(*) FROM followups WHERE id = ? AND office_id = ?`, id, db.office).Scan(&n); err != nil {
		return nil, fmt.Errorf("history %d: %w", id, err)
	}
	if n == 0 {
		return nil, fmt.Errorf("follow-up %d: %w", id, tracker.ErrNotFound)
	}
	return db.events(ctx, `SELECT `+eventColumns+` FROM followup_events WHERE followup_id = ? ORDER BY id`, id)
}

// Events returns the events of all follow-ups from since (inclusive) to
// until (exclusive), oldest first; a zero until means no end.
func (db *DB) Events(ctx context.Context, since, until time.Time) ([]tracker.FollowUpEvent, error) {
	u := "9999"
	if !until.IsZero() {
		u = stamp(until)
	}
	return db.events(ctx, `SELECT `+eventColumns+` FROM followup_events WHERE at >= ? AND at < ?
		AND followup_id IN (SELECT id FROM followups WHERE office_id = ?)
		ORDER BY at, id`, stamp(since), u, db.office)
}

func (db *DB) events(ctx context.Context, q string, args ...any) ([]tracker.FollowUpEvent, error) {
	rows, err := db.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("events: %w", err)
	}
	defer rows.Close()
	var out []tracker.FollowUpEvent
	for rows.Next() {
		var e tracker.FollowUpEvent
		var at, oldDue, newDue string
		if err := rows.Scan(&e.FollowUpID, &at, &e.Action, &oldDue, &newDue, &e.Note, &e.By); err != nil {
			return nil, fmt.Errorf("events: %w", err)
		}
		e.At, e.OldDue, e.NewDue = parseStamp(at), parseDay(oldDue), parseDay(newDue)
		out = append(out, e)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("events: %w", err)
	}
	return out, nil
}
