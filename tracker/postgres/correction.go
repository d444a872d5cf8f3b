package postgres

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/pqtrack/pqtrack/tracker"
)

// errChanged says a document was replaced while a correction was read.
var errChanged = errors.New("document changed while it was corrected")

// Correct stores staff's correction of the judgement of question
// c.QuestionNumber of document c.DocumentID, and makes the question's
// follow-ups what pqtrack leaves for the corrected status, in one
// transaction (see sqlite.DB.Correct for the rules).
func (db *DB) Correct(ctx context.Context, c tracker.Correction) (tracker.CorrectionResult, error) {
	if err := c.Validate(); err != nil {
		return tracker.CorrectionResult{}, err
	}
	if c.At.IsZero() {
		return tracker.CorrectionResult{}, fmt.Errorf("correction: %w: no time", tracker.ErrInvalid)
	}
	for try := 0; ; try++ {
		res, err := db.correct(ctx, c)
		if errors.Is(err, errChanged) && try < 3 {
			continue // a new version came in between: read it again
		}
		if err != nil {
			return res, fmt.Errorf("correct document %d, question %d: %w", c.DocumentID, c.QuestionNumber, err)
		}
		return res, nil
	}
}

func (db *DB) correct(ctx context.Context, c tracker.Correction) (tracker.CorrectionResult, error) {
	var res tracker.CorrectionResult
	// The analysis is read before the transaction, which checks that the
	// document is still that version.
	doc, err := db.Document(ctx, c.DocumentID)
	if err != nil {
		return res, err
	}
	if err := c.Fill(doc); err != nil {
		return res, err
	}

	err = db.inTx(ctx, func(tx pgx.Tx) error {
		// The ingest lock: no new version comes in during the correction.
		if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1)`, int64(ingestLock)); err != nil {
			return err
		}
		var hash, current, analysed string
		if err := tx.QueryRow(ctx, `SELECT hash FROM documents WHERE id = $1`, doc.ID).Scan(&hash); err != nil {
			return err
		}
		if hash != doc.Hash {
			return errChanged
		}
		if err := tx.QueryRow(ctx, `SELECT status, analysed FROM items WHERE document_id = $1 AND number = $2
			ORDER BY ord LIMIT 1`, doc.ID, c.QuestionNumber).Scan(&current, &analysed); err != nil {
			return err
		}
		c.Was = tracker.Status(current)
		if analysed != "" {
			c.Was = tracker.Status(analysed)
		}
		if c.Status == tracker.Status(current) {
			return fmt.Errorf("%w: the question is %s already", tracker.ErrInvalid, c.Status)
		}
		err := tx.QueryRow(ctx, `INSERT INTO corrections (document_id, question_number, sub_question,
			sub_question_text, was, status, note, by, at, source, question, answer)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
			c.DocumentID, c.QuestionNumber, c.SubQuestion, c.SubQuestionText, string(c.Was), string(c.Status),
			c.Note, c.By, stamp(c.At), string(c.Source), c.Question, c.Answer).Scan(&c.ID)
		if err != nil {
			return fmt.Errorf("insert correction: %w", err)
		}
		if _, err := tx.Exec(ctx, `UPDATE items SET analysed = $1, status = $2 WHERE document_id = $3 AND number = $4`,
			string(c.Was), string(c.Status), c.DocumentID, c.QuestionNumber); err != nil {
			return fmt.Errorf("update question: %w", err)
		}
		res.Correction = c
		// The correction is about the document, shared by the offices:
		// it drives the follow-ups of each office that follows it. res
		// tells this office's changes alone.
		others, err := officesOf(ctx, tx, c.DocumentID, db.office)
		if err != nil {
			return err
		}
		for _, o := range others {
			var theirs tracker.CorrectionResult
			if err := correctFollowUps(ctx, tx, o, doc, c, db.PendingWait, &theirs); err != nil {
				return err
			}
		}
		return correctFollowUps(ctx, tx, db.office, doc, c, db.PendingWait, &res)
	})
	return res, err
}

// correctFollowUps brings the follow-ups of c's question in line with the
// corrected status and records in res what it changed.
func correctFollowUps(ctx context.Context, tx pgx.Tx, office int64, doc *tracker.Document, c tracker.Correction, wait time.Duration, res *tracker.CorrectionResult) error {
	rows, err := tx.Query(ctx, `SELECT `+followUpColumns+followUpFrom+`
		WHERE f.document_id = $1 AND f.question_number = $2 AND f.office_id = $3 ORDER BY f.id`, c.DocumentID, c.QuestionNumber, office)
	if err != nil {
		return fmt.Errorf("follow-ups: %w", err)
	}
	var have []tracker.FollowUp
	for rows.Next() {
		var f tracker.FollowUp
		if err := scanFollowUp(rows, &f); err != nil {
			rows.Close()
			return fmt.Errorf("follow-ups: %w", err)
		}
		have = append(have, f)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("follow-ups: %w", err)
	}

	why := c.Note
	ts := stamp(c.At)
	plan := tracker.PlanCorrection(doc, c, wait, have)
	for _, f := range plan.Create {
		id, err := insertFollowUp(ctx, tx, office, c.DocumentID, &f, c.At, why, c.By)
		if err != nil {
			return err
		}
		f.ID, f.Document = id, doc.Name()
		res.Created = append(res.Created, f)
	}
	for _, old := range plan.Reopen {
		if _, err := tx.Exec(ctx, `UPDATE followups SET state = 'open', outcome = '', reasked_as = '',
			snoozed_until = '', note = $1, by = $2, updated = $3 WHERE id = $4`, c.Note, c.By, ts, old.ID); err != nil {
			return fmt.Errorf("follow-up %d: %w", old.ID, err)
		}
		if err := addEvent(ctx, tx, old.ID, c.At, "reopened", time.Time{}, time.Time{}, why, c.By); err != nil {
			return err
		}
		old.State, old.Outcome = tracker.Open, ""
		res.Reopened = append(res.Reopened, old)
	}
	for _, f := range plan.Close {
		if _, err := tx.Exec(ctx, `UPDATE followups SET state = 'done', outcome = $1, note = $2, by = $3,
			updated = $4 WHERE id = $5`, string(tracker.Corrected), c.Note, c.By, ts, f.ID); err != nil {
			return fmt.Errorf("follow-up %d: %w", f.ID, err)
		}
		if err := addEvent(ctx, tx, f.ID, c.At, "done", f.Due, time.Time{}, why, c.By); err != nil {
			return err
		}
		f.State, f.Outcome = tracker.Done, tracker.Corrected
		res.Closed = append(res.Closed, f)
	}
	return nil
}

// latestCorrection selects, in a WHERE clause over corrections c, the
// latest correction of each question.
const latestCorrection = `c.id = (SELECT max(x.id) FROM corrections x
	WHERE x.document_id = c.document_id AND x.question_number = c.question_number)`

// Corrections lists the corrections f selects, oldest first, with the
// question and answer text as they were when corrected.
func (db *DB) Corrections(ctx context.Context, f tracker.CorrectionFilter) ([]tracker.Correction, error) {
	var a args
	conds := []string{"true"}
	if f.Document != 0 {
		conds = append(conds, "c.document_id = "+a.add(f.Document))
	}
	if f.Latest {
		conds = append(conds, latestCorrection)
	}
	rows, err := db.pool.Query(ctx, `SELECT c.id, c.document_id, CASE d.title WHEN '' THEN d.file ELSE d.title END,
		c.question_number, c.sub_question, c.sub_question_text, c.was, c.status, c.note, c.by, c.at, c.source,
		c.question, c.answer FROM corrections c JOIN documents d ON d.id = c.document_id
		WHERE `+strings.Join(conds, " AND ")+` ORDER BY c.id`, a...)
	if err != nil {
		return nil, fmt.Errorf("corrections: %w", err)
	}
	var out []tracker.Correction
	var c tracker.Correction
	var was, status, at, source string
	_, err = pgx.ForEachRow(rows, []any{&c.ID, &c.DocumentID, &c.Document, &c.QuestionNumber, &c.SubQuestion,
		&c.SubQuestionText, &was, &status, &c.Note, &c.By, &at, &source, &c.Question, &c.Answer}, func() error {
		x := c
		x.Was, x.Status, x.At, x.Source = tracker.Status(was), tracker.Status(status), parseStamp(at), tracker.Source(source)
		out = append(out, x)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("corrections: %w", err)
	}
	return out, nil
}

// Overrides counts how often staff overrode pqtrack (see
// sqlite.DB.Overrides).
func (db *DB) Overrides(ctx context.Context) (tracker.Overrides, error) {
	o := tracker.Overrides{Judged: map[tracker.Status]int{}}
	months := map[string]*tracker.MonthOverrides{}
	month := func(m string) *tracker.MonthOverrides {
		x, ok := months[m]
		if !ok {
			x = &tracker.MonthOverrides{Month: parseDay(m + "-01")}
			months[m] = x
		}
		return x
	}
	each := func(query string, dest []any, fn func() error) error {
		rows, err := db.pool.Query(ctx, query)
		if err != nil {
			return fmt.Errorf("overrides: %w", err)
		}
		if _, err := pgx.ForEachRow(rows, dest, fn); err != nil {
			return fmt.Errorf("overrides: %w", err)
		}
		return nil
	}
	var s, to, m string
	var n int
	err := each(`SELECT CASE i.analysed WHEN '' THEN i.status ELSE i.analysed END, substr(d.ingested, 1, 7), count(*)
		FROM items i JOIN documents d ON d.id = i.document_id WHERE i.status <> '' GROUP BY 1, 2`,
		[]any{&s, &m, &n}, func() error {
			o.Judged[tracker.Status(s)] += n
			month(m).Judged += n
			return nil
		})
	if err != nil {
		return o, err
	}
	err = each(`SELECT c.was, c.status, substr(d.ingested, 1, 7), count(*)
		FROM corrections c JOIN documents d ON d.id = c.document_id
		WHERE c.was <> c.status AND `+latestCorrection+` GROUP BY 1, 2, 3 ORDER BY c.was COLLATE "C", c.status COLLATE "C"`,
		[]any{&s, &to, &m, &n}, func() error {
			from, to := tracker.Status(s), tracker.Status(to)
			if k := len(o.Cells); k > 0 && o.Cells[k-1].From == from && o.Cells[k-1].To == to {
				o.Cells[k-1].N += n
			} else {
				o.Cells = append(o.Cells, tracker.OverrideCell{From: from, To: to, N: n})
			}
			month(m).Overridden += n
			return nil
		})
	if err != nil {
		return o, err
	}
	err = each(`SELECT substr(at, 1, 7), count(*) FROM corrections GROUP BY 1`, []any{&m, &n}, func() error {
		month(m).Corrections += n
		return nil
	})
	if err != nil {
		return o, err
	}
	for _, m := range months {
		o.Months = append(o.Months, *m)
	}
	sort.Slice(o.Months, func(i, j int) bool { return o.Months[i].Month.Before(o.Months[j].Month) })
	return o, nil
}
