package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"github.com/pqtrack/pqtrack/tracker"
	"github.com/pqtrack/pqtrack/tracker/store"
)

// PutFiled stores q, or updates the stored question with the same
// parliament and ref, and returns its id. Fields q leaves empty keep what
// was stored: a later fetch that lacks the asker does not erase it. Of two
// dates of receipt the earlier stays: the office's own answer, dropped in
// the inbox, arrives before the parliament publishes it.
func (db *DB) PutFiled(ctx context.Context, q tracker.FiledQuestion, now time.Time) (int64, error) {
	if err := q.Validate(); err != nil {
		return 0, err
	}
	var docID any
	if q.AnswerDocumentID != 0 {
		docID = q.AnswerDocumentID
	}
	var id int64
	err := db.db.QueryRowContext(ctx, `INSERT INTO filed_questions (parliament, ref, number, title, asker, asker_id,
		minister, committee, filed, sent, postponed, answered, answer_url, answer_document_id, updated)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (parliament, ref) DO UPDATE SET
		number = coalesce(nullif(excluded.number, ''), number),
		title = coalesce(nullif(excluded.title, ''), title),
		asker = coalesce(nullif(excluded.asker, ''), asker),
		asker_id = coalesce(nullif(excluded.asker_id, ''), asker_id),
		minister = coalesce(nullif(excluded.minister, ''), minister),
		committee = coalesce(nullif(excluded.committee, ''), committee),
		filed = coalesce(nullif(excluded.filed, ''), filed),
		sent = coalesce(nullif(excluded.sent, ''), sent),
		postponed = coalesce(nullif(excluded.postponed, ''), postponed),
		answered = CASE WHEN answered = '' THEN excluded.answered
			WHEN excluded.answered = '' THEN answered
			ELSE min(answered, excluded.answered) END,
		answer_url = coalesce(nullif(excluded.answer_url, ''), answer_url),
		answer_document_id = coalesce(excluded.answer_document_id, answer_document_id),
		updated = excluded.updated
		RETURNING id`,
		q.Parliament, q.Ref, q.Number, q.Title, q.Asker, q.AskerID, q.Minister, q.Committee,
		day(q.Filed), day(q.Sent), day(q.Postponed), day(q.Answered), q.AnswerURL, docID, stamp(now)).Scan(&id)
	if err != nil {
		return 0, fmt.Errorf("store filed question %s %s: %w", q.Parliament, q.Ref, err)
	}
	return id, nil
}

// FiledFilter selects filed questions. The zero value selects all.
type FiledFilter = store.FiledFilter

// FiledQuestions lists filed questions by filing date, then id.
func (db *DB) FiledQuestions(ctx context.Context, f FiledFilter) ([]tracker.FiledQuestion, error) {
	return filedQuestions(ctx, db.db, f)
}

func filedQuestions(ctx context.Context, db interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}, f FiledFilter) ([]tracker.FiledQuestion, error) {
	q := `SELECT id, parliament, ref, number, title, asker, asker_id, minister, committee,
		filed, sent, postponed, answered, answer_url, coalesce(answer_document_id, 0), updated
		FROM filed_questions WHERE 1 = 1`
	var args []any
	if f.Parliament != "" {
		q += ` AND parliament = ?`
		args = append(args, f.Parliament)
	}
	if f.Unanswered {
		q += ` AND answered = ''`
	}
	rows, err := db.QueryContext(ctx, q+` ORDER BY filed, id`, args...)
	if err != nil {
		return nil, fmt.Errorf("filed questions: %w", err)
	}
	defer rows.Close()
	var out []tracker.FiledQuestion
	for rows.Next() {
		fq, err := scanFiled(rows)
		if err != nil {
			return nil, fmt.Errorf("filed questions: %w", err)
		}
		out = append(out, fq)
	}
	return out, rows.Err()
}

// Filed returns the filed question of parliament p with the parliament's
// own id ref, or an error wrapping tracker.ErrNotFound.
func (db *DB) Filed(ctx context.Context, p, ref string) (tracker.FiledQuestion, error) {
	row := db.db.QueryRowContext(ctx, `SELECT id, parliament, ref, number, title, asker, asker_id, minister, committee,
		filed, sent, postponed, answered, answer_url, coalesce(answer_document_id, 0), updated
		FROM filed_questions WHERE parliament = ? AND ref = ?`, p, ref)
	fq, err := scanFiled(row)
	if err != nil {
		return fq, notFound(err, "filed question", p+" "+ref)
	}
	return fq, nil
}

func scanFiled(s interface{ Scan(...any) error }) (tracker.FiledQuestion, error) {
	var q tracker.FiledQuestion
	var filed, sent, postponed, answered, updated string
	err := s.Scan(&q.ID, &q.Parliament, &q.Ref, &q.Number, &q.Title, &q.Asker, &q.AskerID, &q.Minister,
		&q.Committee, &filed, &sent, &postponed, &answered, &q.AnswerURL, &q.AnswerDocumentID, &updated)
	q.Filed, q.Sent, q.Postponed, q.Answered = parseDay(filed), parseDay(sent), parseDay(postponed), parseDay(answered)
	q.Updated = parseStamp(updated)
	return q, err
}

// AddWatch adds w to the watch list and returns its id. Adding an entry
// that is already there returns the existing id.
func (db *DB) AddWatch(ctx context.Context, w tracker.Watch) (int64, error) {
	if err := w.Validate(); err != nil {
		return 0, err
	}
	var id int64
	err := db.db.QueryRowContext(ctx, `INSERT INTO watches (office_id, parliament, kind, value, created, by)
		VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (office_id, parliament, kind, value) DO UPDATE SET value = excluded.value
		RETURNING id`, db.office, w.Parliament, w.Kind, strings.TrimSpace(w.Value), stamp(w.Created), w.By).Scan(&id)
	if err != nil {
		return 0, fmt.Errorf("add watch: %w", err)
	}
	return id, nil
}

// Watches lists the office's watch list by id.
func (db *DB) Watches(ctx context.Context) ([]tracker.Watch, error) {
	return watches(ctx, db.db, db.office)
}

func watches(ctx context.Context, q interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}, office int64) ([]tracker.Watch, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, parliament, kind, value, created, by FROM watches WHERE office_id = ? ORDER BY id`, office)
	if err != nil {
		return nil, fmt.Errorf("watches: %w", err)
	}
	defer rows.Close()
	var out []tracker.Watch
	for rows.Next() {
		var w tracker.Watch
		var created string
		if err := rows.Scan(&w.ID, &w.Parliament, &w.Kind, &w.Value, &created, &w.By); err != nil {
			return nil, fmt.Errorf("watches: %w", err)
		}
		w.Created = parseStamp(created)
		out = append(out, w)
	}
	return out, rows.Err()
}

// RemoveWatch deletes watch id, or returns an error wrapping
// tracker.ErrNotFound.
func (db *DB) RemoveWatch(ctx context.Context, id int64) error {
	res, err := db.db.ExecContext(ctx, `DELETE FROM watches WHERE id = ? AND office_id = ?`, id, db.office)
	if err != nil {
		return fmt.Errorf("remove watch %d: %w", id, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return notFound(sql.ErrNoRows, "watch", id)
	}
	return nil
}
