package postgres

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/pqtrack/pqtrack/tracker"
	"github.com/pqtrack/pqtrack/tracker/store"
)

// PutFiled stores q, or updates the stored question with the same
// parliament and ref, and returns its id. Fields q leaves empty keep what
// was stored; of two dates of receipt the earlier stays (see the SQLite
// store).
func (db *DB) PutFiled(ctx context.Context, q tracker.FiledQuestion, now time.Time) (int64, error) {
	if err := q.Validate(); err != nil {
		return 0, err
	}
	var docID *int64
	if q.AnswerDocumentID != 0 {
		docID = &q.AnswerDocumentID
	}
	var id int64
	err := db.pool.QueryRow(ctx, `INSERT INTO filed_questions AS f (parliament, ref, number, title, asker, asker_id,
		minister, committee, filed, sent, postponed, answered, answer_url, answer_document_id, updated)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
		ON CONFLICT (parliament, ref) DO UPDATE SET
		number = coalesce(nullif(excluded.number, ''), f.number),
		title = coalesce(nullif(excluded.title, ''), f.title),
		asker = coalesce(nullif(excluded.asker, ''), f.asker),
		asker_id = coalesce(nullif(excluded.asker_id, ''), f.asker_id),
		minister = coalesce(nullif(excluded.minister, ''), f.minister),
		committee = coalesce(nullif(excluded.committee, ''), f.committee),
		filed = coalesce(nullif(excluded.filed, ''), f.filed),
		sent = coalesce(nullif(excluded.sent, ''), f.sent),
		postponed = coalesce(nullif(excluded.postponed, ''), f.postponed),
		answered = CASE WHEN f.answered = '' THEN excluded.answered
			WHEN excluded.answered = '' THEN f.answered
			ELSE least(f.answered, excluded.answered) END,
		answer_url = coalesce(nullif(excluded.answer_url, ''), f.answer_url),
		answer_document_id = coalesce(excluded.answer_document_id, f.answer_document_id),
		updated = excluded.updated
		RETURNING id`,
		q.Parliament, q.Ref, q.Number, q.Title, q.Asker, q.AskerID, q.Minister, q.Committee,
		day(q.Filed), day(q.Sent), day(q.Postponed), day(q.Answered), q.AnswerURL, docID, stamp(now)).Scan(&id)
	if err != nil {
		return 0, fmt.Errorf("store filed question %s %s: %w", q.Parliament, q.Ref, err)
	}
	return id, nil
}

const filedColumns = `id, parliament, ref, number, title, asker, asker_id, minister, committee,
	filed, sent, postponed, answered, answer_url, coalesce(answer_document_id, 0), updated`

// FiledQuestions lists filed questions by filing date, then id.
func (db *DB) FiledQuestions(ctx context.Context, f store.FiledFilter) ([]tracker.FiledQuestion, error) {
	return filedQuestions(ctx, db.pool, f)
}

// filedQuestions is FiledQuestions on q, a pool or a transaction (the
// lateness sweep reads them inside its own).
func filedQuestions(ctx context.Context, db querier, f store.FiledFilter) ([]tracker.FiledQuestion, error) {
	var a args
	q := `SELECT ` + filedColumns + ` FROM filed_questions WHERE true`
	if f.Parliament != "" {
		q += ` AND parliament = ` + a.add(f.Parliament)
	}
	if f.Unanswered {
		q += ` AND answered = ''`
	}
	rows, err := db.Query(ctx, q+` ORDER BY filed COLLATE "C", id`, a...)
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
	fq, err := scanFiled(db.pool.QueryRow(ctx, `SELECT `+filedColumns+` FROM filed_questions
		WHERE parliament = $1 AND ref = $2`, p, ref))
	if err != nil {
		return fq, notFound(err, "filed question", p+" "+ref)
	}
	return fq, nil
}

func scanFiled(row pgx.Row) (tracker.FiledQuestion, error) {
	var q tracker.FiledQuestion
	var filed, sent, postponed, answered, updated string
	err := row.Scan(&q.ID, &q.Parliament, &q.Ref, &q.Number, &q.Title, &q.Asker, &q.AskerID, &q.Minister,
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
	err := db.pool.QueryRow(ctx, `INSERT INTO watches (parliament, kind, value, created, by, office_id)
		VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (office_id, parliament, kind, value) DO UPDATE SET value = excluded.value
		RETURNING id`, w.Parliament, string(w.Kind), strings.TrimSpace(w.Value), stamp(w.Created), w.By, db.office).Scan(&id)
	if err != nil {
		return 0, fmt.Errorf("add watch: %w", err)
	}
	return id, nil
}

// Watches lists the office's watch list by id.
func (db *DB) Watches(ctx context.Context) ([]tracker.Watch, error) {
	return watches(ctx, db.pool, db.office)
}

func watches(ctx context.Context, q querier, office int64) ([]tracker.Watch, error) {
	rows, err := q.Query(ctx, `SELECT id, parliament, kind, value, created, by FROM watches WHERE office_id = $1 ORDER BY id`, office)
	if err != nil {
		return nil, fmt.Errorf("watches: %w", err)
	}
	var out []tracker.Watch
	var w tracker.Watch
	var kind, created string
	_, err = pgx.ForEachRow(rows, []any{&w.ID, &w.Parliament, &kind, &w.Value, &created, &w.By}, func() error {
		x := w
		x.Kind, x.Created = tracker.WatchKind(kind), parseStamp(created)
		out = append(out, x)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("watches: %w", err)
	}
	return out, nil
}

// RemoveWatch deletes watch id, or returns an error wrapping
// tracker.ErrNotFound.
func (db *DB) RemoveWatch(ctx context.Context, id int64) error {
	tag, err := db.pool.Exec(ctx, `DELETE FROM watches WHERE id = $1 AND office_id = $2`, id, db.office)
	if err != nil {
		return fmt.Errorf("remove watch %d: %w", id, err)
	}
	if tag.RowsAffected() == 0 {
		return fmt.Errorf("watch %d: %w", id, tracker.ErrNotFound)
	}
	return nil
}
