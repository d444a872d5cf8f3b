package sqlite

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"time"

	"github.com/pqtrack/pqtrack/tracker"
	"github.com/pqtrack/pqtrack/tracker/store"
)

// What Ingest did with a document (see store.IngestResult).
const (
	Created   = store.Created
	Unchanged = store.Unchanged
	Replaced  = store.Replaced
)

// IngestResult says what Ingest did.
type IngestResult = store.IngestResult

// itemHook, when set by a test, runs before each item is stored, so that a
// test can slow an ingest down or cancel it half-way.
var itemHook func(ctx context.Context, i int)

// Ingest stores an analysed document and the follow-ups it leaves, in one
// transaction: a failure leaves the database as it was.
//
// Documents are identified by the hash of their text (doc.Hash, or the
// SHA-256 of doc.Text when empty): the same text twice stores nothing. A
// document with another hash but the same parliament and number and the
// same title, question date or answer date, or (without a number) the same
// title and date, is a corrected version: its analysis replaces the stored
// one, under the same document id (see previousVersion).
//
// Follow-ups are matched by tracker.FollowUp.Key. On a corrected version:
// follow-ups whose key is still derived keep their id, state, due date and
// history, and get the new summary; new keys are created; follow-ups whose
// key is no longer derived are kept as they are (closing them is for staff
// to decide). Each kept follow-up gets a "reanalysed" event saying which.
//
// Ingest sets doc.ID and, when empty, doc.Hash. now is the ingest time and
// the "today" of follow-ups for documents without a date.
//
// Ingest stores no passages, and drops those of a replaced version (they
// quote the old text); IngestWithPassages stores them in the same
// transaction.
func (db *DB) Ingest(ctx context.Context, doc *tracker.Document, now time.Time) (IngestResult, error) {
	return db.IngestWithPassages(ctx, doc, now, nil)
}

// IngestWithPassages is Ingest that also stores ps as the document's
// passages (see SetPassages and resolve.Split), in the same transaction as
// the document: a crash never leaves a stored document unindexed, and a
// corrected version replaces the old version's passages. The passages'
// DocumentID is ignored; an unchanged document keeps what it has.
func (db *DB) IngestWithPassages(ctx context.Context, doc *tracker.Document, now time.Time, ps []tracker.Passage) (IngestResult, error) {
	if doc.Hash == "" {
		sum := sha256.Sum256([]byte(doc.Text))
		doc.Hash = hex.EncodeToString(sum[:])
	}
	res, err := db.ingest(ctx, doc, now, ps)
	if err != nil {
		return res, fmt.Errorf("ingest %s: %w", doc.Name(), err)
	}
	return res, nil
}

func (db *DB) ingest(ctx context.Context, doc *tracker.Document, now time.Time, ps []tracker.Passage) (IngestResult, error) {
	var res IngestResult
	tx, err := db.db.BeginTx(ctx, nil)
	if err != nil {
		return res, err
	}
	defer tx.Rollback()

	err = tx.QueryRowContext(ctx, `SELECT id FROM documents WHERE hash = ?`, doc.Hash).Scan(&res.DocumentID)
	switch {
	case err == nil:
		res.Action = Unchanged
		err = tx.QueryRowContext(ctx, `SELECT
			(SELECT count(*) FROM items WHERE document_id = ?1),
			(SELECT count(*) FROM followups WHERE document_id = ?1 AND office_id = ?2)`, res.DocumentID, db.office).Scan(&res.Items, &res.FollowUps)
		if err != nil {
			return res, err
		}
		if res.FollowUps == 0 && len(doc.Items) > 0 {
			// Another office stored it: the text is shared, the
			// follow-ups are this office's own.
			corrected, err := applyCorrections(ctx, tx, res.DocumentID)
			if err != nil {
				return res, err
			}
			old := doc.ID
			doc.ID = res.DocumentID
			fus := tracker.FollowUps(tracker.WithStatuses(doc, corrected), now, db.PendingWait)
			doc.ID = old
			if res.New, err = mergeFollowUps(ctx, tx, db.office, res.DocumentID, fus, false, now); err != nil {
				return res, err
			}
			res.FollowUps = res.New
		}
		doc.ID = res.DocumentID
		return res, tx.Commit()
	case err != sql.ErrNoRows:
		return res, err
	}

	id, err := previousVersion(ctx, tx, doc)
	if err != nil {
		return res, err
	}
	warnings, _ := json.Marshal(nonNil(doc.Warnings))
	ts := stamp(now)
	if id == 0 {
		res.Action = Created
		r, err := tx.ExecContext(ctx, `INSERT INTO documents (file, hash, kind, title, parliament, number,
			body, asker, minister, asked, date, layout, text, warnings, ingested, updated)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			doc.File, doc.Hash, doc.Kind, doc.Title, doc.Parliament, doc.Number, doc.Body, doc.Asker,
			doc.Minister, day(doc.Asked), day(doc.Date), doc.Layout, doc.Text, string(warnings), ts, ts)
		if err != nil {
			return res, fmt.Errorf("insert document: %w", err)
		}
		if id, err = r.LastInsertId(); err != nil {
			return res, err
		}
	} else {
		res.Action = Replaced
		_, err := tx.ExecContext(ctx, `UPDATE documents SET file = ?, hash = ?, kind = ?, title = ?,
			parliament = ?, number = ?, body = ?, asker = ?, minister = ?, asked = ?, date = ?,
			layout = ?, text = ?, warnings = ?, updated = ? WHERE id = ?`,
			doc.File, doc.Hash, doc.Kind, doc.Title, doc.Parliament, doc.Number, doc.Body, doc.Asker,
			doc.Minister, day(doc.Asked), day(doc.Date), doc.Layout, doc.Text, string(warnings), ts, id)
		if err != nil {
			return res, fmt.Errorf("update document %d: %w", id, err)
		}
		// The children and the full-text rows cascade and trigger away.
		if _, err := tx.ExecContext(ctx, `DELETE FROM items WHERE document_id = ?`, id); err != nil {
			return res, fmt.Errorf("replace document %d: %w", id, err)
		}
	}
	res.DocumentID = id
	if _, err := tx.ExecContext(ctx, `INSERT INTO document_versions (document_id, hash, file, ingested)
		VALUES (?, ?, ?, ?)`, id, doc.Hash, doc.File, ts); err != nil {
		return res, fmt.Errorf("insert version: %w", err)
	}
	if err := insertItems(ctx, tx, id, doc.Items); err != nil {
		return res, err
	}
	res.Items = len(doc.Items)
	// Staff's corrections win over the analysis of a new version.
	corrected, err := applyCorrections(ctx, tx, id)
	if err != nil {
		return res, err
	}
	if err := writePassages(ctx, tx, id, ps); err != nil {
		return res, err
	}

	old := doc.ID
	doc.ID = id
	fus := tracker.FollowUps(tracker.WithStatuses(doc, corrected), now, db.PendingWait)
	doc.ID = old
	// A corrected version changes the follow-ups of every office that
	// follows the document; the counts are this office's.
	others, err := officesOf(ctx, tx, id, db.office)
	if err != nil {
		return res, err
	}
	for _, o := range others {
		if _, err := mergeFollowUps(ctx, tx, o, id, fus, true, now); err != nil {
			return res, err
		}
	}
	if res.New, err = mergeFollowUps(ctx, tx, db.office, id, fus, res.Action == Replaced, now); err != nil {
		return res, err
	}
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM followups WHERE document_id = ? AND office_id = ?`, id, db.office).Scan(&res.FollowUps); err != nil {
		return res, err
	}
	// What came in may be what open deferrals point at or what a promise
	// promised: re-resolution is queued with the document (see work.go).
	if err := queueWork(ctx, tx, workResolve, id, now); err != nil {
		return res, err
	}
	if err := tx.Commit(); err != nil {
		return res, err
	}
	doc.ID = id
	return res, nil
}

// previousVersion finds the stored document that doc corrects. A number
// alone is not enough: parsers keep "nr. 559" without its session year, so
// every session has a 559. A correction has the same parliament and number
// and also the same title, question date or answer date. Documents without
// a number need the same title and date. It returns 0 when there is none.
func previousVersion(ctx context.Context, q *sql.Tx, doc *tracker.Document) (int64, error) {
	var id int64
	var err error
	switch {
	case doc.Number != "":
		// A question document (a filed question's, see late.go) shares the
		// answer's number and title, but is never an earlier version of it.
		err = q.QueryRowContext(ctx, `SELECT id FROM documents WHERE number = ?1 AND parliament = ?2 AND kind <> 'question'
			AND ((title <> '' AND title = ?3) OR (asked <> '' AND asked = ?4) OR (date <> '' AND date = ?5))
			ORDER BY id LIMIT 1`, doc.Number, doc.Parliament, doc.Title, day(doc.Asked), day(doc.Date)).Scan(&id)
	case doc.Title != "" && tracker.Dated(doc.Date):
		err = q.QueryRowContext(ctx, `SELECT id FROM documents WHERE title = ? AND date = ? AND number = '' AND kind <> 'question'
			ORDER BY id LIMIT 1`, doc.Title, day(doc.Date)).Scan(&id)
	default:
		return 0, nil
	}
	if err == sql.ErrNoRows {
		return 0, nil
	}
	return id, err
}

func insertItems(ctx context.Context, tx *sql.Tx, docID int64, items []tracker.Item) error {
	if len(items) == 0 {
		return nil
	}
	item, err := tx.PrepareContext(ctx, `INSERT INTO items (document_id, ord, number, question, answer,
		answered_with, status) VALUES (?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return err
	}
	defer item.Close()
	sub, err := tx.PrepareContext(ctx, `INSERT INTO sub_questions (item_id, ord, text, start, end, status)
		VALUES (?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return err
	}
	defer sub.Close()
	find, err := tx.PrepareContext(ctx, `INSERT INTO findings (item_id, ord, kind, rule, start, end, text,
		sub_question) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return err
	}
	defer find.Close()
	prom, err := tx.PrepareContext(ctx, `INSERT INTO promises (item_id, ord, date, precision, what, rule,
		start, end, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return err
	}
	defer prom.Close()

	for i := range items {
		it := &items[i]
		if itemHook != nil {
			itemHook(ctx, i)
		}
		with, _ := json.Marshal(nonNil(it.AnsweredWith))
		r, err := item.ExecContext(ctx, docID, i, it.Number, it.Question, it.Answer, string(with), it.Status)
		if err != nil {
			return fmt.Errorf("question %d: %w", it.Number, err)
		}
		itemID, err := r.LastInsertId()
		if err != nil {
			return err
		}
		for j, s := range it.SubQuestions {
			if _, err := sub.ExecContext(ctx, itemID, j, s.Text, s.Start, s.End, s.Status); err != nil {
				return fmt.Errorf("question %d: sub-question %d: %w", it.Number, j, err)
			}
		}
		for j, f := range it.Findings {
			e := f.Evidence
			if _, err := find.ExecContext(ctx, itemID, j, f.Kind, e.Rule, e.Start, e.End, e.Text, f.SubQuestion); err != nil {
				return fmt.Errorf("question %d: finding %d: %w", it.Number, j, err)
			}
		}
		for j, p := range it.Promises {
			e := p.Evidence
			if _, err := prom.ExecContext(ctx, itemID, j, day(p.Date), p.Precision, p.What, e.Rule, e.Start, e.End, e.Text); err != nil {
				return fmt.Errorf("question %d: promise %d: %w", it.Number, j, err)
			}
		}
		if d := it.Deferral; d != nil {
			nums, _ := json.Marshal(nonNil(d.Numbers))
			var resolution any // NULL until followed
			if d.Resolution != nil {
				b, err := json.Marshal(d.Resolution)
				if err != nil {
					return fmt.Errorf("question %d: resolution: %w", it.Number, err)
				}
				resolution = string(b)
			}
			e := d.Evidence
			if _, err := tx.ExecContext(ctx, `INSERT INTO deferrals (item_id, kind, date, ref, body, numbers,
				number, url, rule, start, end, text, resolution) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
				itemID, d.Kind, day(d.Date), d.Ref, d.Body, string(nums), d.Number, d.URL,
				e.Rule, e.Start, e.End, e.Text, resolution); err != nil {
				return fmt.Errorf("question %d: deferral: %w", it.Number, err)
			}
		}
	}
	return nil
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

const documentColumns = `id, file, hash, kind, title, parliament, number, body, asker, minister,
	asked, date, layout, text, warnings`

func scanDocument(sc interface{ Scan(...any) error }, d *tracker.Document) error {
	var asked, date, warnings string
	if err := sc.Scan(&d.ID, &d.File, &d.Hash, &d.Kind, &d.Title, &d.Parliament, &d.Number, &d.Body,
		&d.Asker, &d.Minister, &asked, &date, &d.Layout, &d.Text, &warnings); err != nil {
		return err
	}
	d.Asked, d.Date = parseDay(asked), parseDay(date)
	if err := json.Unmarshal([]byte(warnings), &d.Warnings); err != nil {
		return fmt.Errorf("warnings: %w", err)
	}
	if len(d.Warnings) == 0 {
		d.Warnings = nil
	}
	return nil
}

// Document returns the stored document id with its items and their
// analysis. A missing document is an error wrapping tracker.ErrNotFound.
func (db *DB) Document(ctx context.Context, id int64) (*tracker.Document, error) {
	d := new(tracker.Document)
	err := scanDocument(db.db.QueryRowContext(ctx, `SELECT `+documentColumns+` FROM documents WHERE id = ?`, id), d)
	if err != nil {
		return nil, notFound(err, "document", id)
	}
	if err := db.loadItems(ctx, d); err != nil {
		return nil, fmt.Errorf("document %d: %w", id, err)
	}
	return d, nil
}

// Documents returns the stored documents without text and items, newest
// first (by answer date, then by ingest).
func (db *DB) Documents(ctx context.Context) ([]tracker.Document, error) {
	return db.documents(ctx, `SELECT id, file, hash, kind, title, parliament, number, body, asker, minister,
		asked, date, layout, '', warnings FROM documents ORDER BY date DESC, id DESC`)
}

// DocumentsIngested returns the documents first ingested in [since, until),
// oldest first, with their items and analysis (for the weekly digest). A
// corrected version of an older document does not count as new.
func (db *DB) DocumentsIngested(ctx context.Context, since, until time.Time) ([]tracker.Document, error) {
	docs, err := db.documents(ctx, `SELECT `+documentColumns+` FROM documents WHERE ingested >= ? AND ingested < ?
		ORDER BY ingested, id`, stamp(since), stamp(until))
	if err != nil {
		return nil, err
	}
	for i := range docs {
		if err := db.loadItems(ctx, &docs[i]); err != nil {
			return nil, fmt.Errorf("document %d: %w", docs[i].ID, err)
		}
	}
	return docs, nil
}

func (db *DB) documents(ctx context.Context, query string, args ...any) ([]tracker.Document, error) {
	rows, err := db.db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("documents: %w", err)
	}
	defer rows.Close()
	var out []tracker.Document
	for rows.Next() {
		var d tracker.Document
		if err := scanDocument(rows, &d); err != nil {
			return nil, fmt.Errorf("documents: %w", err)
		}
		out = append(out, d)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("documents: %w", err)
	}
	return out, nil
}

// loadItems reads d's items and their analysis, one query per table.
func (db *DB) loadItems(ctx context.Context, d *tracker.Document) error {
	rows, err := db.db.QueryContext(ctx, `SELECT id, number, question, answer, answered_with, status
		FROM items WHERE document_id = ? ORDER BY ord`, d.ID)
	if err != nil {
		return err
	}
	index := map[int64]int{} // item id -> index in d.Items
	d.Items = nil
	for rows.Next() {
		var id int64
		var it tracker.Item
		var with string
		if err := rows.Scan(&id, &it.Number, &it.Question, &it.Answer, &with, &it.Status); err != nil {
			rows.Close()
			return err
		}
		if err := json.Unmarshal([]byte(with), &it.AnsweredWith); err != nil {
			rows.Close()
			return fmt.Errorf("question %d: answered with: %w", it.Number, err)
		}
		if len(it.AnsweredWith) == 0 {
			it.AnsweredWith = nil
		}
		index[id] = len(d.Items)
		d.Items = append(d.Items, it)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	if len(d.Items) == 0 {
		return nil
	}
	return db.loadChildren(ctx, d, index)
}

// loadChildren fills in the sub-questions, findings, promises and deferrals
// of d's items; index maps item ids to positions in d.Items.
func (db *DB) loadChildren(ctx context.Context, d *tracker.Document, index map[int64]int) error {
	// each runs query (with d.ID as its parameter) and calls scan for every
	// row; scan reads the row's item id first.
	each := func(what, query string, scan func(rows *sql.Rows) error) error {
		rows, err := db.db.QueryContext(ctx, query, d.ID)
		if err != nil {
			return fmt.Errorf("%s: %w", what, err)
		}
		defer rows.Close()
		for rows.Next() {
			if err := scan(rows); err != nil {
				return fmt.Errorf("%s: %w", what, err)
			}
		}
		return rows.Err()
	}
	item := func(id int64) *tracker.Item { return &d.Items[index[id]] }

	err := each("sub-questions", `SELECT s.item_id, s.text, s.start, s.end, s.status FROM sub_questions s
		JOIN items i ON i.id = s.item_id WHERE i.document_id = ? ORDER BY s.item_id, s.ord`,
		func(rows *sql.Rows) error {
			var id int64
			var s tracker.SubQuestion
			if err := rows.Scan(&id, &s.Text, &s.Start, &s.End, &s.Status); err != nil {
				return err
			}
			it := item(id)
			it.SubQuestions = append(it.SubQuestions, s)
			return nil
		})
	if err != nil {
		return err
	}
	err = each("findings", `SELECT f.item_id, f.kind, f.rule, f.start, f.end, f.text, f.sub_question
		FROM findings f JOIN items i ON i.id = f.item_id WHERE i.document_id = ? ORDER BY f.item_id, f.ord`,
		func(rows *sql.Rows) error {
			var id int64
			var f tracker.Finding
			e := &f.Evidence
			if err := rows.Scan(&id, &f.Kind, &e.Rule, &e.Start, &e.End, &e.Text, &f.SubQuestion); err != nil {
				return err
			}
			it := item(id)
			it.Findings = append(it.Findings, f)
			return nil
		})
	if err != nil {
		return err
	}
	err = each("promises", `SELECT p.item_id, p.date, p.precision, p.what, p.rule, p.start, p.end, p.text
		FROM promises p JOIN items i ON i.id = p.item_id WHERE i.document_id = ? ORDER BY p.item_id, p.ord`,
		func(rows *sql.Rows) error {
			var id int64
			var date string
			var p tracker.Promise
			e := &p.Evidence
			if err := rows.Scan(&id, &date, &p.Precision, &p.What, &e.Rule, &e.Start, &e.End, &e.Text); err != nil {
				return err
			}
			p.Date = parseDay(date)
			it := item(id)
			it.Promises = append(it.Promises, p)
			return nil
		})
	if err != nil {
		return err
	}
	return each("deferrals", `SELECT d.item_id, d.kind, d.date, d.ref, d.body, d.numbers, d.number, d.url,
		d.rule, d.start, d.end, d.text, d.resolution
		FROM deferrals d JOIN items i ON i.id = d.item_id WHERE i.document_id = ?`,
		func(rows *sql.Rows) error {
			var id int64
			var date, nums string
			var resolution sql.NullString
			var df tracker.Deferral
			e := &df.Evidence
			if err := rows.Scan(&id, &df.Kind, &date, &df.Ref, &df.Body, &nums, &df.Number, &df.URL,
				&e.Rule, &e.Start, &e.End, &e.Text, &resolution); err != nil {
				return err
			}
			df.Date = parseDay(date)
			if err := json.Unmarshal([]byte(nums), &df.Numbers); err != nil {
				return fmt.Errorf("numbers: %w", err)
			}
			if len(df.Numbers) == 0 {
				df.Numbers = nil
			}
			if resolution.Valid {
				df.Resolution = new(tracker.Resolution)
				if err := json.Unmarshal([]byte(resolution.String), df.Resolution); err != nil {
					return fmt.Errorf("resolution: %w", err)
				}
			}
			item(id).Deferral = &df
			return nil
		})
}

// officesOf lists the offices other than but that have follow-ups on
// document docID.
func officesOf(ctx context.Context, tx *sql.Tx, docID, but int64) ([]int64, error) {
	rows, err := tx.QueryContext(ctx, `SELECT DISTINCT office_id FROM followups WHERE document_id = ? AND office_id <> ?`, docID, but)
	if err != nil {
		return nil, fmt.Errorf("offices of document %d: %w", docID, err)
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var o int64
		if err := rows.Scan(&o); err != nil {
			return nil, err
		}
		out = append(out, o)
	}
	return out, rows.Err()
}
