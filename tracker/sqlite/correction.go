package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/pqtrack/pqtrack/tracker"
)

// errChanged says a document was replaced while a correction was read.
var errChanged = errors.New("document changed while it was corrected")

// Correct stores staff's correction of the judgement of question
// c.QuestionNumber of document c.DocumentID, and makes the question's
// follow-ups what pqtrack leaves for the corrected status, in one
// transaction:
//
//   - follow-ups the corrected status derives (tracker.FollowUps) and the
//     question lacks are created;
//   - follow-ups an earlier correction closed and the status derives again
//     are reopened;
//   - open or snoozed follow-ups it no longer derives are closed with the
//     outcome tracker.Corrected, their history kept. A question corrected
//     to answered derives none (see tracker.WithStatuses).
//
// c.Was, c.Document, c.SubQuestionText and the question and answer text
// are filled in from the store. A status the question already has is an
// error wrapping tracker.ErrInvalid; a missing document or question one
// wrapping tracker.ErrNotFound.
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
	// The analysis (findings, promises, deferral) is read before the
	// transaction, which checks that the document is still that version.
	doc, err := db.Document(ctx, c.DocumentID)
	if err != nil {
		return res, err
	}
	if err := c.Fill(doc); err != nil {
		return res, err
	}

	tx, err := db.db.BeginTx(ctx, nil)
	if err != nil {
		return res, err
	}
	defer tx.Rollback()
	var hash, current, analysed string
	if err := tx.QueryRowContext(ctx, `SELECT hash FROM documents WHERE id = ?`, doc.ID).Scan(&hash); err != nil {
		return res, err
	}
	if hash != doc.Hash {
		return res, errChanged
	}
	if err := tx.QueryRowContext(ctx, `SELECT status, analysed FROM items WHERE document_id = ? AND number = ?
		ORDER BY ord LIMIT 1`, doc.ID, c.QuestionNumber).Scan(&current, &analysed); err != nil {
		return res, err
	}
	c.Was = tracker.Status(current)
	if analysed != "" {
		c.Was = tracker.Status(analysed)
	}
	if c.Status == tracker.Status(current) {
		return res, fmt.Errorf("%w: the question is %s already", tracker.ErrInvalid, c.Status)
	}
	r, err := tx.ExecContext(ctx, `INSERT INTO corrections (document_id, question_number, sub_question,
		sub_question_text, was, status, note, by, at, source, question, answer)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		c.DocumentID, c.QuestionNumber, c.SubQuestion, c.SubQuestionText, c.Was, c.Status, c.Note, c.By,
		stamp(c.At), c.Source, c.Question, c.Answer)
	if err != nil {
		return res, fmt.Errorf("insert correction: %w", err)
	}
	if c.ID, err = r.LastInsertId(); err != nil {
		return res, err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE items SET analysed = ?, status = ? WHERE document_id = ? AND number = ?`,
		c.Was, c.Status, c.DocumentID, c.QuestionNumber); err != nil {
		return res, fmt.Errorf("update question: %w", err)
	}
	res.Correction = c
	// The correction is about the document, shared by the offices: it
	// drives the follow-ups of each office that follows it. res tells
	// this office's changes alone.
	others, err := officesOf(ctx, tx, c.DocumentID, db.office)
	if err != nil {
		return res, err
	}
	for _, o := range others {
		var theirs tracker.CorrectionResult
		if err := correctFollowUps(ctx, tx, o, doc, c, db.PendingWait, &theirs); err != nil {
			return res, err
		}
	}
	if err := correctFollowUps(ctx, tx, db.office, doc, c, db.PendingWait, &res); err != nil {
		return res, err
	}
	return res, tx.Commit()
}

// correctFollowUps brings the office's follow-ups of c's question in line
// with the corrected status (see Correct) and records in res what it
// changed.
func correctFollowUps(ctx context.Context, tx *sql.Tx, office int64, doc *tracker.Document, c tracker.Correction, wait time.Duration, res *tracker.CorrectionResult) error {
	rows, err := tx.QueryContext(ctx, `SELECT `+followUpRow+` FROM followups f JOIN documents d ON d.id = f.document_id
		WHERE f.document_id = ? AND f.question_number = ? AND f.office_id = ? ORDER BY f.id`, c.DocumentID, c.QuestionNumber, office)
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

	// The events carry staff's note alone: the outcome Corrected says
	// why, in the reader's language, and the correction says the rest.
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
		if _, err := tx.ExecContext(ctx, `UPDATE followups SET state = 'open', outcome = '', reasked_as = '',
			snoozed_until = '', note = ?, by = ?, updated = ? WHERE id = ?`, c.Note, c.By, ts, old.ID); err != nil {
			return fmt.Errorf("follow-up %d: %w", old.ID, err)
		}
		if err := addEvent(ctx, tx, old.ID, c.At, "reopened", time.Time{}, time.Time{}, why, c.By); err != nil {
			return err
		}
		old.State, old.Outcome = tracker.Open, ""
		res.Reopened = append(res.Reopened, old)
	}
	for _, f := range plan.Close {
		if _, err := tx.ExecContext(ctx, `UPDATE followups SET state = 'done', outcome = ?, note = ?, by = ?,
			updated = ? WHERE id = ?`, tracker.Corrected, c.Note, c.By, ts, f.ID); err != nil {
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

// applyCorrections gives the freshly stored items of document docID the
// statuses of their latest corrections, keeping the analysis's status in
// analysed, and returns the corrected statuses by question number.
func applyCorrections(ctx context.Context, tx *sql.Tx, docID int64) (map[int]tracker.Status, error) {
	rows, err := tx.QueryContext(ctx, `SELECT c.question_number, c.status FROM corrections c
		WHERE c.document_id = ? AND `+latestCorrection, docID)
	if err != nil {
		return nil, fmt.Errorf("corrections: %w", err)
	}
	out := map[int]tracker.Status{}
	for rows.Next() {
		var n int
		var s tracker.Status
		if err := rows.Scan(&n, &s); err != nil {
			rows.Close()
			return nil, fmt.Errorf("corrections: %w", err)
		}
		out[n] = s
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("corrections: %w", err)
	}
	for n, s := range out {
		if _, err := tx.ExecContext(ctx, `UPDATE items SET analysed = status, status = ?
			WHERE document_id = ? AND number = ?`, s, docID, n); err != nil {
			return nil, fmt.Errorf("question %d: correction: %w", n, err)
		}
	}
	return out, nil
}

// Corrections lists the corrections f selects, oldest first, with the
// question and answer text as they were when corrected: the labels the
// office adds for training (with Latest, the one that counts per question).
func (db *DB) Corrections(ctx context.Context, f tracker.CorrectionFilter) ([]tracker.Correction, error) {
	var conds []string
	var args []any
	if f.Document != 0 {
		conds = append(conds, "c.document_id = ?")
		args = append(args, f.Document)
	}
	if f.Latest {
		conds = append(conds, latestCorrection)
	}
	w := ""
	if len(conds) > 0 {
		w = " WHERE " + strings.Join(conds, " AND ")
	}
	rows, err := db.db.QueryContext(ctx, `SELECT c.id, c.document_id, CASE d.title WHEN '' THEN d.file ELSE d.title END,
		c.question_number, c.sub_question, c.sub_question_text, c.was, c.status, c.note, c.by, c.at, c.source,
		c.question, c.answer FROM corrections c JOIN documents d ON d.id = c.document_id`+w+` ORDER BY c.id`, args...)
	if err != nil {
		return nil, fmt.Errorf("corrections: %w", err)
	}
	defer rows.Close()
	var out []tracker.Correction
	for rows.Next() {
		var c tracker.Correction
		var at string
		if err := rows.Scan(&c.ID, &c.DocumentID, &c.Document, &c.QuestionNumber, &c.SubQuestion, &c.SubQuestionText,
			&c.Was, &c.Status, &c.Note, &c.By, &at, &c.Source, &c.Question, &c.Answer); err != nil {
			return nil, fmt.Errorf("corrections: %w", err)
		}
		c.At = parseStamp(at)
		out = append(out, c)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("corrections: %w", err)
	}
	return out, nil
}

// Overrides counts how often staff overrode pqtrack: the questions judged
// per status, the latest corrections that disagree with pqtrack per pair
// of statuses, and per month (UTC) the questions judged, how many of them
// staff overrode, and the corrections made.
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
	// each runs query and calls scan for each row.
	each := func(query string, scan func(rows *sql.Rows) error) error {
		rows, err := db.db.QueryContext(ctx, query)
		if err != nil {
			return fmt.Errorf("overrides: %w", err)
		}
		defer rows.Close()
		for rows.Next() {
			if err := scan(rows); err != nil {
				return fmt.Errorf("overrides: %w", err)
			}
		}
		return rows.Err()
	}
	err := each(`SELECT CASE i.analysed WHEN '' THEN i.status ELSE i.analysed END, substr(d.ingested, 1, 7), count(*)
		FROM items i JOIN documents d ON d.id = i.document_id WHERE i.status <> '' GROUP BY 1, 2`,
		func(rows *sql.Rows) error {
			var s tracker.Status
			var m string
			var n int
			if err := rows.Scan(&s, &m, &n); err != nil {
				return err
			}
			o.Judged[s] += n
			month(m).Judged += n
			return nil
		})
	if err != nil {
		return o, err
	}
	err = each(`SELECT c.was, c.status, substr(d.ingested, 1, 7), count(*)
		FROM corrections c JOIN documents d ON d.id = c.document_id
		WHERE c.was <> c.status AND `+latestCorrection+` GROUP BY 1, 2, 3 ORDER BY 1, 2`,
		func(rows *sql.Rows) error {
			var from, to tracker.Status
			var m string
			var n int
			if err := rows.Scan(&from, &to, &m, &n); err != nil {
				return err
			}
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
	err = each(`SELECT substr(at, 1, 7), count(*) FROM corrections GROUP BY 1`, func(rows *sql.Rows) error {
		var m string
		var n int
		if err := rows.Scan(&m, &n); err != nil {
			return err
		}
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
