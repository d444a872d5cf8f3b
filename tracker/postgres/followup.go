package postgres

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/pqtrack/pqtrack/tracker"
)

// mergeFollowUps stores the follow-ups derived from a document's analysis
// (see Ingest) and returns how many it created.
func mergeFollowUps(ctx context.Context, tx pgx.Tx, office, docID int64, fus []tracker.FollowUp, replaced bool, now time.Time) (int, error) {
	existing := map[string]int64{} // key -> id
	if replaced {
		rows, err := tx.Query(ctx, `SELECT key, id FROM followups WHERE document_id = $1 AND office_id = $2`, docID, office)
		if err != nil {
			return 0, fmt.Errorf("follow-ups: %w", err)
		}
		var k string
		var id int64
		if _, err := pgx.ForEachRow(rows, []any{&k, &id}, func() error { existing[k] = id; return nil }); err != nil {
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
			if _, err := tx.Exec(ctx, `UPDATE followups SET summary = $1, promised = $2, precision = $3,
				updated = $4 WHERE id = $5`, f.Summary, day(f.Promised), string(f.Precision), ts, id); err != nil {
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
func insertFollowUp(ctx context.Context, tx pgx.Tx, office, docID int64, f *tracker.FollowUp, now time.Time, note, by string) (int64, error) {
	ts := stamp(now)
	var id int64
	err := tx.QueryRow(ctx, `INSERT INTO followups (document_id, key, question_number, kind, due,
		state, summary, promised, precision, created, updated, office_id) VALUES ($1, $2, $3, $4, $5, 'open', $6, $7, $8, $9, $9, $10)
		RETURNING id`,
		docID, f.Key, f.QuestionNumber, string(f.Kind), day(f.Due), f.Summary, day(f.Promised), string(f.Precision), ts, office).Scan(&id)
	if err != nil {
		return 0, fmt.Errorf("follow-up %s: %w", f.Key, err)
	}
	if err := addEvent(ctx, tx, id, now, "created", time.Time{}, f.Due, note, by); err != nil {
		return 0, err
	}
	return id, nil
}

func addEvent(ctx context.Context, q querier, id int64, at time.Time, action string, oldDue, newDue time.Time, note, by string) error {
	_, err := q.Exec(ctx, `INSERT INTO followup_events (followup_id, at, action, old_due, new_due, note, by)
		VALUES ($1, $2, $3, $4, $5, $6, $7)`, id, stamp(at), action, day(oldDue), day(newDue), note, by)
	if err != nil {
		return fmt.Errorf("follow-up %d: %s event: %w", id, action, err)
	}
	return nil
}

// followUpColumns selects a follow-up from followups f joined with its
// document d, as scanFollowUp reads it.
const followUpColumns = `f.id, f.document_id, CASE d.title WHEN '' THEN d.file ELSE d.title END,
	f.question_number, f.kind, f.key, f.due, f.state, f.snoozed_until, f.outcome, f.reasked_as,
	f.note, f.by, f.summary, f.promised, f.precision, f.created, f.updated, d.minister, d.asker`

const followUpFrom = ` FROM followups f JOIN documents d ON d.id = f.document_id`

func scanFollowUp(row pgx.Row, f *tracker.FollowUp) error {
	var kind, due, state, snoozed, outcome, promised, precision, created, updated string
	if err := row.Scan(&f.ID, &f.DocumentID, &f.Document, &f.QuestionNumber, &kind, &f.Key, &due, &state,
		&snoozed, &outcome, &f.ReaskedAs, &f.Note, &f.By, &f.Summary, &promised, &precision,
		&created, &updated, &f.Minister, &f.Asker); err != nil {
		return err
	}
	f.Kind, f.State, f.Outcome, f.Precision = tracker.FollowUpKind(kind), tracker.State(state), tracker.Outcome(outcome), tracker.Precision(precision)
	f.Due, f.SnoozedUntil, f.Promised = parseDay(due), parseDay(snoozed), parseDay(promised)
	f.Created, f.Updated = parseStamp(created), parseStamp(updated)
	return nil
}

// args collects a query's arguments and names their placeholders.
type args []any

func (a *args) add(v any) string {
	*a = append(*a, v)
	return fmt.Sprintf("$%d", len(*a))
}

// where builds the WHERE clause of a follow-up listing of the office (0:
// every office's, for re-resolution alone).
func where(office int64, f tracker.FollowUpFilter, a *args) string {
	var conds []string
	if office != 0 {
		conds = append(conds, "f.office_id = "+a.add(office))
	}
	if len(f.States) > 0 {
		states := make([]string, len(f.States))
		for i, s := range f.States {
			states[i] = string(s)
		}
		conds = append(conds, "f.state = ANY("+a.add(states)+")")
	}
	if !f.DueBy.IsZero() {
		conds = append(conds, "f.state <> 'done' AND f.effective_due <= "+a.add(day(tracker.DayOf(f.DueBy))))
	}
	if !f.Overdue.IsZero() {
		conds = append(conds, "f.state <> 'done' AND f.effective_due < "+a.add(day(tracker.DayOf(f.Overdue))))
	}
	if f.Kind != "" {
		conds = append(conds, "f.kind = "+a.add(string(f.Kind)))
	}
	if f.Minister != "" {
		conds = append(conds, "d.minister = "+a.add(f.Minister))
	}
	if f.Asker != "" {
		conds = append(conds, "d.asker = "+a.add(f.Asker))
	}
	if f.Document != 0 {
		conds = append(conds, "f.document_id = "+a.add(f.Document))
	}
	if len(conds) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(conds, " AND ")
}

// FollowUps lists the follow-ups f selects, by effective due date.
func (db *DB) FollowUps(ctx context.Context, f tracker.FollowUpFilter) ([]tracker.FollowUp, error) {
	var a args
	q := `SELECT ` + followUpColumns + followUpFrom + where(db.office, f, &a) + ` ORDER BY f.effective_due, f.id`
	if f.Limit > 0 {
		q += ` LIMIT ` + a.add(f.Limit)
	}
	if f.Offset > 0 {
		q += ` OFFSET ` + a.add(f.Offset)
	}
	return db.followUps(ctx, q, a...)
}

// CountFollowUps counts the follow-ups f selects, ignoring its limit and offset.
func (db *DB) CountFollowUps(ctx context.Context, f tracker.FollowUpFilter) (int, error) {
	var a args
	var n int
	if err := db.pool.QueryRow(ctx, `SELECT count(*)`+followUpFrom+where(db.office, f, &a), a...).Scan(&n); err != nil {
		return 0, fmt.Errorf("count follow-ups: %w", err)
	}
	return n, nil
}

// DueFollowUps lists the follow-ups not done whose effective due date is on
// or before the day of now, by due date.
func (db *DB) DueFollowUps(ctx context.Context, now time.Time) ([]tracker.FollowUp, error) {
	return db.followUps(ctx, `SELECT `+followUpColumns+followUpFrom+`
		WHERE f.office_id = $1 AND f.state <> 'done' AND f.effective_due <= $2 ORDER BY f.effective_due, f.id`, db.office, day(tracker.DayOf(now)))
}

// OpenFollowUps lists the follow-ups of kind that are not done, with their
// resolutions, for re-resolution: of every office, as what a document
// resolves is shared, and its work is queued once.
func (db *DB) OpenFollowUps(ctx context.Context, kind tracker.FollowUpKind) ([]tracker.FollowUp, error) {
	all := *db
	all.office = 0
	return all.FollowUps(ctx, tracker.FollowUpFilter{Kind: kind, States: []tracker.State{tracker.Open, tracker.Snoozed}})
}

func (db *DB) followUps(ctx context.Context, q string, args ...any) ([]tracker.FollowUp, error) {
	rows, err := db.pool.Query(ctx, q, args...)
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
	if err := db.attachResolutions(ctx, out); err != nil {
		return nil, fmt.Errorf("follow-ups: %w", err)
	}
	return out, nil
}

// FollowUp returns one follow-up. A missing one is an error wrapping
// tracker.ErrNotFound.
func (db *DB) FollowUp(ctx context.Context, id int64) (*tracker.FollowUp, error) {
	f, err := getFollowUp(ctx, db.pool, db.office, id, false)
	if err != nil {
		return nil, err
	}
	fs := []tracker.FollowUp{*f}
	if err := db.attachResolutions(ctx, fs); err != nil {
		return nil, fmt.Errorf("follow-up %d: %w", id, err)
	}
	return &fs[0], nil
}

// getFollowUp reads follow-up id of the office (another office's is not
// found); lock takes a row lock on it until the end of the transaction, so
// that a read-modify-write is not lost.
func getFollowUp(ctx context.Context, q querier, office, id int64, lock bool) (*tracker.FollowUp, error) {
	f := new(tracker.FollowUp)
	sql := `SELECT ` + followUpColumns + followUpFrom + ` WHERE f.id = $1 AND f.office_id = $2`
	if lock {
		sql += ` FOR UPDATE OF f`
	}
	if err := scanFollowUp(q.QueryRow(ctx, sql, id, office), f); err != nil {
		return nil, notFound(err, "follow-up", id)
	}
	return f, nil
}

// attachResolutions loads the resolution of each deferral follow-up of fs
// and the possible delivery of each promise follow-up, in two queries.
func (db *DB) attachResolutions(ctx context.Context, fs []tracker.FollowUp) error {
	var defs, proms []int64
	for i := range fs {
		switch fs[i].Kind {
		case tracker.FollowDeferral:
			defs = append(defs, fs[i].ID)
		case tracker.FollowPromise:
			proms = append(proms, fs[i].ID)
		}
	}
	if len(defs) == 0 && len(proms) == 0 {
		return nil
	}
	index := make(map[int64]int, len(defs)+len(proms))
	for i := range fs {
		index[fs[i].ID] = i
	}
	load := func(q string, ids []int64) error {
		if len(ids) == 0 {
			return nil
		}
		rows, err := db.pool.Query(ctx, q, ids)
		if err != nil {
			return err
		}
		var id int64
		var js string
		_, err = pgx.ForEachRow(rows, []any{&id, &js}, func() error {
			r := new(tracker.Resolution)
			if err := json.Unmarshal([]byte(js), r); err != nil {
				return fmt.Errorf("follow-up %d: resolution: %w", id, err)
			}
			if f := &fs[index[id]]; f.Resolution == nil {
				f.Resolution = r
			}
			return nil
		})
		return err
	}
	if err := load(`SELECT f.id, d.resolution FROM followups f
		JOIN items i ON i.document_id = f.document_id AND i.number = f.question_number
		JOIN deferrals d ON d.item_id = i.id
		WHERE f.id = ANY($1) AND d.resolution IS NOT NULL`, defs); err != nil {
		return fmt.Errorf("resolutions: %w", err)
	}
	if err := load(`SELECT followup_id, resolution FROM deliveries
		WHERE followup_id = ANY($1) AND state = 'possible' ORDER BY found DESC`, proms); err != nil {
		return fmt.Errorf("deliveries: %w", err)
	}
	return nil
}

// change runs fn on follow-up id inside a transaction, holding its row
// lock, then stores what fn set on it and the event fn returns.
func (db *DB) change(ctx context.Context, id int64, at time.Time, fn func(f *tracker.FollowUp) (tracker.FollowUpEvent, error)) error {
	return db.inTx(ctx, func(tx pgx.Tx) error {
		f, err := getFollowUp(ctx, tx, db.office, id, true)
		if err != nil {
			return err
		}
		ev, err := fn(f)
		if err != nil {
			return fmt.Errorf("follow-up %d: %w", id, err)
		}
		_, err = tx.Exec(ctx, `UPDATE followups SET due = $1, state = $2, snoozed_until = $3, outcome = $4,
			reasked_as = $5, note = $6, by = $7, updated = $8 WHERE id = $9`,
			day(f.Due), string(f.State), day(f.SnoozedUntil), string(f.Outcome), f.ReaskedAs, f.Note, f.By, stamp(at), id)
		if err != nil {
			return fmt.Errorf("follow-up %d: %w", id, err)
		}
		return addEvent(ctx, tx, id, at, ev.Action, ev.OldDue, ev.NewDue, ev.Note, ev.By)
	})
}

// Check closes a follow-up with an outcome (see sqlite.DB.Check).
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

// Redate moves a follow-up's due date. The reason is required.
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
	var exists bool
	if err := db.pool.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM followups WHERE id = $1 AND office_id = $2)`, id, db.office).Scan(&exists); err != nil {
		return nil, fmt.Errorf("history %d: %w", id, err)
	}
	if !exists {
		return nil, fmt.Errorf("follow-up %d: %w", id, tracker.ErrNotFound)
	}
	return db.events(ctx, `SELECT `+eventColumns+` FROM followup_events WHERE followup_id = $1 ORDER BY id`, id)
}

// Events returns the events of all follow-ups from since (inclusive) to
// until (exclusive), oldest first; a zero until means no end.
func (db *DB) Events(ctx context.Context, since, until time.Time) ([]tracker.FollowUpEvent, error) {
	u := "9999"
	if !until.IsZero() {
		u = stamp(until)
	}
	return db.events(ctx, `SELECT `+eventColumns+` FROM followup_events WHERE at >= $1 AND at < $2
		AND followup_id IN (SELECT id FROM followups WHERE office_id = $3)
		ORDER BY at, id`, stamp(since), u, db.office)
}

func (db *DB) events(ctx context.Context, q string, args ...any) ([]tracker.FollowUpEvent, error) {
	rows, err := db.pool.Query(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("events: %w", err)
	}
	var out []tracker.FollowUpEvent
	var e tracker.FollowUpEvent
	var at, oldDue, newDue string
	_, err = pgx.ForEachRow(rows, []any{&e.FollowUpID, &at, &e.Action, &oldDue, &newDue, &e.Note, &e.By}, func() error {
		ev := e
		ev.At, ev.OldDue, ev.NewDue = parseStamp(at), parseDay(oldDue), parseDay(newDue)
		out = append(out, ev)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("events: %w", err)
	}
	return out, nil
}
