package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/pqtrack/pqtrack/tracker"
	"github.com/pqtrack/pqtrack/tracker/store"
)

// LateResult says what SweepLate changed.
type LateResult = store.LateResult

// SweepLate runs the lateness sweep at now with deadlines d, in one
// transaction that reads the filed questions too, so that two sweeps at
// once (serve's jobs, `pqtrack late`) each see the other's answers. Each
// question late at now gets its question document, found again by
// tracker.QuestionHash on every sweep, and one late-answer follow-up due on
// the deadline; an open one whose deadline moved is redated with history.
// The late-answer follow-up of an answered question is closed as
// delivered, with history. A second sweep writes nothing.
func (db *DB) SweepLate(ctx context.Context, d tracker.Deadlines, now time.Time) (LateResult, error) {
	var res LateResult
	tx, err := db.db.BeginTx(ctx, nil)
	if err != nil {
		return res, fmt.Errorf("late sweep: %w", err)
	}
	defer tx.Rollback()
	office := db.office
	qs, err := filedQuestions(ctx, tx, FiledFilter{})
	if err != nil {
		return res, fmt.Errorf("late sweep: %w", err)
	}
	if qs, err = db.watchedOnly(ctx, tx, qs); err != nil {
		return res, fmt.Errorf("late sweep: %w", err)
	}
	s := d.Sweep(qs, now)
	for _, l := range s.Late {
		q := l.Question
		docID, created, err := putQuestionDocument(ctx, tx, tracker.QuestionDocument(q), now)
		if err != nil {
			return res, fmt.Errorf("late sweep: question %s %s: %w", q.Parliament, q.Ref, err)
		}
		if created {
			res.Documents++
		}
		f, err := lateFollowUp(ctx, tx, db.office, docID)
		switch {
		case err == sql.ErrNoRows:
			fu := tracker.LateFollowUp(l)
			id, err := insertFollowUp(ctx, tx, db.office, docID, &fu, now, "", "")
			if err != nil {
				return res, fmt.Errorf("late sweep: question %s %s: %w", q.Parliament, q.Ref, err)
			}
			if err := announcedElsewhere(ctx, tx, office, id, l.Deadline, now); err != nil {
				return res, err
			}
			res.Created++
		case err != nil:
			return res, fmt.Errorf("late sweep: question %s %s: %w", q.Parliament, q.Ref, err)
		default:
			n, err := redateLate(ctx, tx, office, f, l.Deadline, now)
			if err != nil {
				return res, err
			}
			res.Redated += n
		}
	}
	for _, l := range s.OnTime {
		f, err := lateOf(ctx, tx, db.office, l.Question)
		if err == sql.ErrNoRows {
			continue
		}
		if err != nil {
			return res, fmt.Errorf("late sweep: question %s %s: %w", l.Question.Parliament, l.Question.Ref, err)
		}
		n, err := redateLate(ctx, tx, office, f, l.Deadline, now)
		if err != nil {
			return res, err
		}
		res.Redated += n
	}
	for _, q := range s.Answered {
		f, err := lateOf(ctx, tx, db.office, q)
		if err == sql.ErrNoRows || err == nil && f.state == tracker.Done {
			continue // never late, or closed before
		}
		if err != nil {
			return res, fmt.Errorf("late sweep: question %s %s: %w", q.Parliament, q.Ref, err)
		}
		// No note: like pqtrack's other own closures, the outcome says why
		// in the reader's language, and the answer is on the question.
		if _, err := tx.ExecContext(ctx, `UPDATE followups SET state = 'done', outcome = 'delivered', note = '',
			by = '', updated = ? WHERE id = ?`, stamp(now), f.id); err != nil {
			return res, fmt.Errorf("late sweep: follow-up %d: %w", f.id, err)
		}
		if err := addEvent(ctx, tx, f.id, now, "done", f.due, time.Time{}, "", ""); err != nil {
			return res, err
		}
		res.Closed++
	}
	if err := tx.Commit(); err != nil {
		return res, fmt.Errorf("late sweep: %w", err)
	}
	return res, nil
}

// putQuestionDocument stores d under its hash, or updates the stored one
// when the question's details changed, and returns its id and whether it
// was created. An unchanged document is not written.
func putQuestionDocument(ctx context.Context, tx *sql.Tx, d tracker.Document, now time.Time) (int64, bool, error) {
	var id int64
	var title, number, asker, minister, asked, text string
	err := tx.QueryRowContext(ctx, `SELECT id, title, number, asker, minister, asked, text FROM documents WHERE hash = ?`,
		d.Hash).Scan(&id, &title, &number, &asker, &minister, &asked, &text)
	ts := stamp(now)
	switch {
	case err == sql.ErrNoRows:
		r, err := tx.ExecContext(ctx, `INSERT INTO documents (file, hash, kind, title, parliament, number,
			body, asker, minister, asked, date, layout, text, warnings, ingested, updated)
			VALUES ('', ?, ?, ?, ?, ?, '', ?, ?, ?, '', '', ?, '[]', ?, ?)`,
			d.Hash, d.Kind, d.Title, d.Parliament, d.Number, d.Asker, d.Minister, day(d.Asked), d.Text, ts, ts)
		if err != nil {
			return 0, false, fmt.Errorf("insert question document: %w", err)
		}
		id, err = r.LastInsertId()
		return id, true, err
	case err != nil:
		return 0, false, err
	case title == d.Title && number == d.Number && asker == d.Asker && minister == d.Minister &&
		asked == day(d.Asked) && text == d.Text:
		return id, false, nil
	}
	_, err = tx.ExecContext(ctx, `UPDATE documents SET title = ?, number = ?, asker = ?, minister = ?, asked = ?,
		text = ?, updated = ? WHERE id = ?`, d.Title, d.Number, d.Asker, d.Minister, day(d.Asked), d.Text, ts, id)
	if err != nil {
		return 0, false, fmt.Errorf("update question document %d: %w", id, err)
	}
	return id, false, nil
}

type lateRow struct {
	id    int64
	due   time.Time
	state tracker.State
}

// lateFollowUp reads the late-answer follow-up of question document docID,
// or returns sql.ErrNoRows.
func lateFollowUp(ctx context.Context, tx *sql.Tx, office, docID int64) (lateRow, error) {
	var r lateRow
	var due string
	err := tx.QueryRowContext(ctx, `SELECT id, due, state FROM followups WHERE document_id = ? AND key = ? AND office_id = ?`,
		docID, tracker.LateKey, office).Scan(&r.id, &due, &r.state)
	r.due = parseDay(due)
	return r, err
}

// lateOf reads the late-answer follow-up of filed question q, or returns
// sql.ErrNoRows when q has none (it was never late).
func lateOf(ctx context.Context, tx *sql.Tx, office int64, q tracker.FiledQuestion) (lateRow, error) {
	var docID int64
	if err := tx.QueryRowContext(ctx, `SELECT id FROM documents WHERE hash = ?`, tracker.QuestionHash(q)).Scan(&docID); err != nil {
		return lateRow{}, err
	}
	return lateFollowUp(ctx, tx, office, docID)
}

// redateLate moves open late-answer follow-up f to deadline, with history,
// and returns 1 when it did.
func redateLate(ctx context.Context, tx *sql.Tx, office int64, f lateRow, deadline, now time.Time) (int, error) {
	if f.state == tracker.Done || f.due.Equal(deadline) {
		return 0, nil
	}
	if _, err := tx.ExecContext(ctx, `UPDATE followups SET due = ?, updated = ? WHERE id = ?`,
		day(deadline), stamp(now), f.id); err != nil {
		return 0, fmt.Errorf("late sweep: follow-up %d: %w", f.id, err)
	}
	if err := addEvent(ctx, tx, f.id, now, "redated", f.due, deadline, "", ""); err != nil {
		return 0, err
	}
	return 1, announcedElsewhere(ctx, tx, office, f.id, deadline, now)
}

// announcedElsewhere marks the reminder of late-answer follow-up id for
// its deadline as sent: the morning message about answers that became late
// (notify.Lateness) announces it, not a reminder of its own. A snooze or a
// redate by staff gives it a reminder on the new date as usual.
func announcedElsewhere(ctx context.Context, tx *sql.Tx, office, id int64, due, now time.Time) error {
	f := tracker.FollowUp{ID: id, Due: due, State: tracker.Open}
	if err := logSent(ctx, tx, tracker.OfficeKey(office, f.ReminderKey()), now); err != nil {
		return fmt.Errorf("late sweep: follow-up %d: %w", id, err)
	}
	if _, err := tx.ExecContext(ctx, `UPDATE followups SET reminded = ? WHERE id = ?`, day(due), id); err != nil {
		return fmt.Errorf("late sweep: follow-up %d: %w", id, err)
	}
	return nil
}

// MarkSentAll logs every key as sent and drops their claims, in one
// transaction: a message about several things is recorded for each of
// them at once, or not at all.
func (db *DB) MarkSentAll(ctx context.Context, keys []string, at time.Time) error {
	tx, err := db.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("mark sent: %w", err)
	}
	defer tx.Rollback()
	for _, k := range keys {
		if err := logSent(ctx, tx, tracker.OfficeKey(db.office, k), at); err != nil {
			return fmt.Errorf("mark sent %s: %w", k, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("mark sent: %w", err)
	}
	return nil
}

// Answered lists the filed questions whose answer document is stored, by
// filing date.
func (db *DB) Answered(ctx context.Context) ([]tracker.FiledQuestion, error) {
	qs, err := db.FiledQuestions(ctx, FiledFilter{})
	if err != nil {
		return nil, err
	}
	out := qs[:0]
	for _, q := range qs {
		if q.AnswerDocumentID != 0 {
			out = append(out, q)
		}
	}
	return out, nil
}
