package postgres

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/pqtrack/pqtrack/tracker"
	"github.com/pqtrack/pqtrack/tracker/store"
)

// SweepLate runs the lateness sweep at now with deadlines d, in one
// transaction that reads the filed questions too (see the SQLite store's
// SweepLate for the semantics). The transaction holds the ingest lock, as
// SQLite's one writer at a time: two sweeps at once (serve processes,
// `pqtrack late`) run one after the other, the second sees the first's
// question documents and follow-ups, and an ingest cannot slip between a
// sweep's reads and its writes.
func (db *DB) SweepLate(ctx context.Context, d tracker.Deadlines, now time.Time) (store.LateResult, error) {
	var res store.LateResult
	err := db.inTx(ctx, func(tx pgx.Tx) error {
		res = store.LateResult{}
		if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1)`, int64(ingestLock)); err != nil {
			return err
		}
		qs, err := filedQuestions(ctx, tx, store.FiledFilter{})
		if err != nil {
			return err
		}
		if qs, err = db.watchedOnly(ctx, tx, qs); err != nil {
			return err
		}
		return sweep(ctx, tx, db.office, d.Sweep(qs, now), now, &res)
	})
	if err != nil {
		return store.LateResult{}, fmt.Errorf("late sweep: %w", err)
	}
	return res, nil
}

// sweep writes what s says within tx and counts it in res.
func sweep(ctx context.Context, tx pgx.Tx, office int64, s tracker.LateSweep, now time.Time, res *store.LateResult) error {
	for _, l := range s.Late {
		q := l.Question
		docID, created, err := putQuestionDocument(ctx, tx, tracker.QuestionDocument(q), now)
		if err != nil {
			return fmt.Errorf("question %s %s: %w", q.Parliament, q.Ref, err)
		}
		if created {
			res.Documents++
		}
		f, err := lateFollowUp(ctx, tx, office, docID)
		switch {
		case errors.Is(err, pgx.ErrNoRows):
			fu := tracker.LateFollowUp(l)
			id, err := insertFollowUp(ctx, tx, office, docID, &fu, now, "", "")
			if err != nil {
				return fmt.Errorf("question %s %s: %w", q.Parliament, q.Ref, err)
			}
			if err := announcedElsewhere(ctx, tx, office, id, l.Deadline, now); err != nil {
				return err
			}
			res.Created++
		case err != nil:
			return fmt.Errorf("question %s %s: %w", q.Parliament, q.Ref, err)
		default:
			n, err := redateLate(ctx, tx, office, f, l.Deadline, now)
			if err != nil {
				return err
			}
			res.Redated += n
		}
	}
	for _, l := range s.OnTime {
		f, err := lateOf(ctx, tx, office, l.Question)
		if errors.Is(err, pgx.ErrNoRows) {
			continue
		}
		if err != nil {
			return fmt.Errorf("question %s %s: %w", l.Question.Parliament, l.Question.Ref, err)
		}
		n, err := redateLate(ctx, tx, office, f, l.Deadline, now)
		if err != nil {
			return err
		}
		res.Redated += n
	}
	for _, q := range s.Answered {
		f, err := lateOf(ctx, tx, office, q)
		if errors.Is(err, pgx.ErrNoRows) || err == nil && f.state == tracker.Done {
			continue // never late, or closed before
		}
		if err != nil {
			return fmt.Errorf("question %s %s: %w", q.Parliament, q.Ref, err)
		}
		// No note: like pqtrack's other own closures, the outcome says why
		// in the reader's language, and the answer is on the question.
		if _, err := tx.Exec(ctx, `UPDATE followups SET state = 'done', outcome = 'delivered', note = '',
			by = '', updated = $1 WHERE id = $2`, stamp(now), f.id); err != nil {
			return fmt.Errorf("follow-up %d: %w", f.id, err)
		}
		if err := addEvent(ctx, tx, f.id, now, "done", f.due, time.Time{}, "", ""); err != nil {
			return err
		}
		res.Closed++
	}
	return nil
}

// putQuestionDocument stores d under its hash, or updates the stored one
// when the question's details changed, and returns its id and whether it
// was created. An unchanged document is not written.
func putQuestionDocument(ctx context.Context, tx pgx.Tx, d tracker.Document, now time.Time) (int64, bool, error) {
	var id int64
	var title, number, asker, minister, asked, text string
	err := tx.QueryRow(ctx, `SELECT id, title, number, asker, minister, asked, text FROM documents WHERE hash = $1`,
		d.Hash).Scan(&id, &title, &number, &asker, &minister, &asked, &text)
	ts := stamp(now)
	switch {
	case errors.Is(err, pgx.ErrNoRows):
		err := tx.QueryRow(ctx, `INSERT INTO documents (file, hash, kind, title, parliament, number,
			body, asker, minister, asked, date, layout, text, warnings, ingested, updated)
			VALUES ('', $1, $2, $3, $4, $5, '', $6, $7, $8, '', '', $9, '[]', $10, $10) RETURNING id`,
			d.Hash, string(d.Kind), d.Title, d.Parliament, d.Number, d.Asker, d.Minister, day(d.Asked), d.Text, ts).Scan(&id)
		if err != nil {
			return 0, false, fmt.Errorf("insert question document: %w", err)
		}
		return id, true, nil
	case err != nil:
		return 0, false, err
	case title == d.Title && number == d.Number && asker == d.Asker && minister == d.Minister &&
		asked == day(d.Asked) && text == d.Text:
		return id, false, nil
	}
	_, err = tx.Exec(ctx, `UPDATE documents SET title = $1, number = $2, asker = $3, minister = $4, asked = $5,
		text = $6, updated = $7 WHERE id = $8`, d.Title, d.Number, d.Asker, d.Minister, day(d.Asked), d.Text, ts, id)
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
// or returns pgx.ErrNoRows.
func lateFollowUp(ctx context.Context, tx pgx.Tx, office, docID int64) (lateRow, error) {
	var r lateRow
	var due, state string
	err := tx.QueryRow(ctx, `SELECT id, due, state FROM followups WHERE document_id = $1 AND key = $2 AND office_id = $3`,
		docID, tracker.LateKey, office).Scan(&r.id, &due, &state)
	r.due, r.state = parseDay(due), tracker.State(state)
	return r, err
}

// lateOf reads the late-answer follow-up of filed question q, or returns
// pgx.ErrNoRows when q has none (it was never late).
func lateOf(ctx context.Context, tx pgx.Tx, office int64, q tracker.FiledQuestion) (lateRow, error) {
	var docID int64
	if err := tx.QueryRow(ctx, `SELECT id FROM documents WHERE hash = $1`, tracker.QuestionHash(q)).Scan(&docID); err != nil {
		return lateRow{}, err
	}
	return lateFollowUp(ctx, tx, office, docID)
}

// redateLate moves open late-answer follow-up f to deadline, with history,
// and returns 1 when it did.
func redateLate(ctx context.Context, tx pgx.Tx, office int64, f lateRow, deadline, now time.Time) (int, error) {
	if f.state == tracker.Done || f.due.Equal(deadline) {
		return 0, nil
	}
	if _, err := tx.Exec(ctx, `UPDATE followups SET due = $1, updated = $2 WHERE id = $3`,
		day(deadline), stamp(now), f.id); err != nil {
		return 0, fmt.Errorf("follow-up %d: %w", f.id, err)
	}
	if err := addEvent(ctx, tx, f.id, now, "redated", f.due, deadline, "", ""); err != nil {
		return 0, err
	}
	return 1, announcedElsewhere(ctx, tx, office, f.id, deadline, now)
}

// announcedElsewhere marks the reminder of late-answer follow-up id for
// its deadline as sent: the morning message about answers that became late
// (notify.Lateness) announces it, not a reminder of its own.
func announcedElsewhere(ctx context.Context, tx pgx.Tx, office, id int64, due, now time.Time) error {
	f := tracker.FollowUp{ID: id, Due: due, State: tracker.Open}
	if err := logSent(ctx, tx, tracker.OfficeKey(office, f.ReminderKey()), now); err != nil {
		return fmt.Errorf("follow-up %d: %w", id, err)
	}
	if _, err := tx.Exec(ctx, `UPDATE followups SET reminded = $1 WHERE id = $2`, day(due), id); err != nil {
		return fmt.Errorf("follow-up %d: %w", id, err)
	}
	return nil
}

// MarkSentAll logs every key as sent and drops their claims, in one
// transaction: a message about several things is recorded for each of
// them at once, or not at all.
func (db *DB) MarkSentAll(ctx context.Context, keys []string, at time.Time) error {
	err := db.inTx(ctx, func(tx pgx.Tx) error {
		for _, k := range keys {
			if err := logSent(ctx, tx, tracker.OfficeKey(db.office, k), at); err != nil {
				return fmt.Errorf("%s: %w", k, err)
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("mark sent: %w", err)
	}
	return nil
}

// Answered lists the filed questions whose answer document is stored, by
// filing date.
func (db *DB) Answered(ctx context.Context) ([]tracker.FiledQuestion, error) {
	qs, err := db.FiledQuestions(ctx, store.FiledFilter{})
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
