package postgres

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/pqtrack/pqtrack/tracker"
	"github.com/pqtrack/pqtrack/tracker/store"
)

// Ingest stores an analysed document and the follow-ups it leaves, in one
// transaction: a failure leaves the database as it was. The rules are the
// SQLite store's (see sqlite.DB.Ingest): documents are identified by the
// hash of their text, a corrected version replaces the analysis under the
// same id, and follow-ups are merged by key.
func (db *DB) Ingest(ctx context.Context, doc *tracker.Document, now time.Time) (store.IngestResult, error) {
	return db.IngestWithPassages(ctx, doc, now, nil)
}

// IngestWithPassages is Ingest that also stores ps as the document's
// passages, in the same transaction.
func (db *DB) IngestWithPassages(ctx context.Context, doc *tracker.Document, now time.Time, ps []tracker.Passage) (store.IngestResult, error) {
	if doc.Hash == "" {
		sum := sha256.Sum256([]byte(doc.Text))
		doc.Hash = hex.EncodeToString(sum[:])
	}
	var res store.IngestResult
	err := db.inTx(ctx, func(tx pgx.Tx) error {
		var err error
		res, err = db.ingest(ctx, tx, doc, now, ps)
		return err
	})
	if err != nil {
		return res, fmt.Errorf("ingest %s: %w", doc.Name(), err)
	}
	doc.ID = res.DocumentID
	return res, nil
}

// ingestLock serialises ingests: two processes storing corrected versions
// of one document at once must not both take it for new. A transaction
// level advisory lock ends with the transaction.
const ingestLock = migrateLock + 1

func (db *DB) ingest(ctx context.Context, tx pgx.Tx, doc *tracker.Document, now time.Time, ps []tracker.Passage) (store.IngestResult, error) {
	var res store.IngestResult
	if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1)`, int64(ingestLock)); err != nil {
		return res, err
	}
	err := tx.QueryRow(ctx, `SELECT id FROM documents WHERE hash = $1`, doc.Hash).Scan(&res.DocumentID)
	switch {
	case err == nil:
		res.Action = store.Unchanged
		err = tx.QueryRow(ctx, `SELECT
			(SELECT count(*) FROM items WHERE document_id = $1),
			(SELECT count(*) FROM followups WHERE document_id = $1 AND office_id = $2)`, res.DocumentID, db.office).Scan(&res.Items, &res.FollowUps)
		if err != nil || res.FollowUps > 0 || len(doc.Items) == 0 {
			return res, err
		}
		// Another office stored it: the text is shared, the follow-ups
		// are this office's own.
		corrected, err := applyCorrections(ctx, tx, res.DocumentID)
		if err != nil {
			return res, err
		}
		old := doc.ID
		doc.ID = res.DocumentID
		fus := tracker.FollowUps(tracker.WithStatuses(doc, corrected), now, db.PendingWait)
		doc.ID = old
		res.New, err = mergeFollowUps(ctx, tx, db.office, res.DocumentID, fus, false, now)
		res.FollowUps = res.New
		return res, err
	case !errors.Is(err, pgx.ErrNoRows):
		return res, err
	}

	id, err := previousVersion(ctx, tx, doc)
	if err != nil {
		return res, err
	}
	warnings, _ := json.Marshal(nonNil(doc.Warnings))
	ts := stamp(now)
	if id == 0 {
		res.Action = store.Created
		err := tx.QueryRow(ctx, `INSERT INTO documents (file, hash, kind, title, parliament, number,
			body, asker, minister, asked, date, layout, text, warnings, ingested, updated)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $15) RETURNING id`,
			doc.File, doc.Hash, string(doc.Kind), doc.Title, doc.Parliament, doc.Number, doc.Body, doc.Asker,
			doc.Minister, day(doc.Asked), day(doc.Date), doc.Layout, doc.Text, string(warnings), ts).Scan(&id)
		if err != nil {
			return res, fmt.Errorf("insert document: %w", err)
		}
	} else {
		res.Action = store.Replaced
		_, err := tx.Exec(ctx, `UPDATE documents SET file = $1, hash = $2, kind = $3, title = $4,
			parliament = $5, number = $6, body = $7, asker = $8, minister = $9, asked = $10, date = $11,
			layout = $12, text = $13, warnings = $14, updated = $15 WHERE id = $16`,
			doc.File, doc.Hash, string(doc.Kind), doc.Title, doc.Parliament, doc.Number, doc.Body, doc.Asker,
			doc.Minister, day(doc.Asked), day(doc.Date), doc.Layout, doc.Text, string(warnings), ts, id)
		if err != nil {
			return res, fmt.Errorf("update document %d: %w", id, err)
		}
		// The children cascade.
		if _, err := tx.Exec(ctx, `DELETE FROM items WHERE document_id = $1`, id); err != nil {
			return res, fmt.Errorf("replace document %d: %w", id, err)
		}
	}
	res.DocumentID = id
	if _, err := tx.Exec(ctx, `INSERT INTO document_versions (document_id, hash, file, ingested)
		VALUES ($1, $2, $3, $4)`, id, doc.Hash, doc.File, ts); err != nil {
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
	if res.New, err = mergeFollowUps(ctx, tx, db.office, id, fus, res.Action == store.Replaced, now); err != nil {
		return res, err
	}
	if err := tx.QueryRow(ctx, `SELECT count(*) FROM followups WHERE document_id = $1 AND office_id = $2`, id, db.office).Scan(&res.FollowUps); err != nil {
		return res, err
	}
	// Re-resolution of open deferrals and promises is queued with the
	// document, as in the SQLite store.
	if _, err := tx.Exec(ctx, `INSERT INTO work (kind, document_id, queued) VALUES ('resolve', $1, $2)`, id, ts); err != nil {
		return res, fmt.Errorf("queue resolve work for document %d: %w", id, err)
	}
	return res, nil
}

// previousVersion finds the stored document that doc corrects (see the
// SQLite store's previousVersion for why a number alone is not enough). It
// returns 0 when there is none.
func previousVersion(ctx context.Context, q querier, doc *tracker.Document) (int64, error) {
	var id int64
	var err error
	switch {
	case doc.Number != "":
		// A question document (a filed question's, see late.go) shares the
		// answer's number and title, but is never an earlier version of it.
		err = q.QueryRow(ctx, `SELECT id FROM documents WHERE number = $1 AND parliament = $2 AND kind <> 'question'
			AND ((title <> '' AND title = $3) OR (asked <> '' AND asked = $4) OR (date <> '' AND date = $5))
			ORDER BY id LIMIT 1`, doc.Number, doc.Parliament, doc.Title, day(doc.Asked), day(doc.Date)).Scan(&id)
	case doc.Title != "" && tracker.Dated(doc.Date):
		err = q.QueryRow(ctx, `SELECT id FROM documents WHERE title = $1 AND date = $2 AND number = '' AND kind <> 'question'
			ORDER BY id LIMIT 1`, doc.Title, day(doc.Date)).Scan(&id)
	default:
		return 0, nil
	}
	if errors.Is(err, pgx.ErrNoRows) {
		return 0, nil
	}
	return id, err
}

func insertItems(ctx context.Context, tx pgx.Tx, docID int64, items []tracker.Item) error {
	if len(items) == 0 {
		return nil
	}
	// Two round trips a document: the items, then all their children.
	var b pgx.Batch
	for i := range items {
		it := &items[i]
		with, _ := json.Marshal(nonNil(it.AnsweredWith))
		b.Queue(`INSERT INTO items (document_id, ord, number, question, answer, answered_with, status)
			VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
			docID, i, it.Number, it.Question, it.Answer, string(with), string(it.Status))
	}
	ids := make([]int64, len(items))
	res := tx.SendBatch(ctx, &b)
	for i := range items {
		if err := res.QueryRow().Scan(&ids[i]); err != nil {
			res.Close()
			return fmt.Errorf("question %d: %w", items[i].Number, err)
		}
	}
	if err := res.Close(); err != nil {
		return err
	}
	b = pgx.Batch{}
	for i := range items {
		it, itemID := &items[i], ids[i]
		for j, s := range it.SubQuestions {
			b.Queue(`INSERT INTO sub_questions (item_id, ord, text, start, "end", status)
				VALUES ($1, $2, $3, $4, $5, $6)`, itemID, j, s.Text, s.Start, s.End, string(s.Status))
		}
		for j, f := range it.Findings {
			e := f.Evidence
			b.Queue(`INSERT INTO findings (item_id, ord, kind, rule, start, "end", text, sub_question)
				VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`, itemID, j, string(f.Kind), e.Rule, e.Start, e.End, e.Text, f.SubQuestion)
		}
		for j, p := range it.Promises {
			e := p.Evidence
			b.Queue(`INSERT INTO promises (item_id, ord, date, precision, what, rule, start, "end", text)
				VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
				itemID, j, day(p.Date), string(p.Precision), p.What, e.Rule, e.Start, e.End, e.Text)
		}
		if d := it.Deferral; d != nil {
			nums, _ := json.Marshal(nonNil(d.Numbers))
			var resolution *string // NULL until followed
			if d.Resolution != nil {
				js, err := json.Marshal(d.Resolution)
				if err != nil {
					return fmt.Errorf("question %d: resolution: %w", it.Number, err)
				}
				s := string(js)
				resolution = &s
			}
			e := d.Evidence
			b.Queue(`INSERT INTO deferrals (item_id, kind, date, ref, body, numbers, number, url, rule,
				start, "end", text, resolution) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
				itemID, string(d.Kind), day(d.Date), d.Ref, d.Body, string(nums), d.Number, d.URL,
				e.Rule, e.Start, e.End, e.Text, resolution)
		}
	}
	if b.Len() == 0 {
		return nil
	}
	if err := tx.SendBatch(ctx, &b).Close(); err != nil {
		return fmt.Errorf("analysis: %w", err)
	}
	return nil
}

// applyCorrections gives the freshly stored items of document docID the
// statuses of their latest corrections, keeping the analysis's status in
// analysed, and returns the corrected statuses by question number.
func applyCorrections(ctx context.Context, tx pgx.Tx, docID int64) (map[int]tracker.Status, error) {
	rows, err := tx.Query(ctx, `SELECT DISTINCT ON (question_number) question_number, status
		FROM corrections WHERE document_id = $1 ORDER BY question_number, id DESC`, docID)
	if err != nil {
		return nil, fmt.Errorf("corrections: %w", err)
	}
	out := map[int]tracker.Status{}
	var n int
	var s string
	_, err = pgx.ForEachRow(rows, []any{&n, &s}, func() error {
		out[n] = tracker.Status(s)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("corrections: %w", err)
	}
	for n, s := range out {
		if _, err := tx.Exec(ctx, `UPDATE items SET analysed = status, status = $1
			WHERE document_id = $2 AND number = $3`, string(s), docID, n); err != nil {
			return nil, fmt.Errorf("question %d: correction: %w", n, err)
		}
	}
	return out, nil
}

// writePassages replaces the passages of docID inside tx.
func writePassages(ctx context.Context, tx pgx.Tx, docID int64, ps []tracker.Passage) error {
	if _, err := tx.Exec(ctx, `DELETE FROM passages WHERE document_id = $1`, docID); err != nil {
		return fmt.Errorf("passages of document %d: %w", docID, err)
	}
	var b pgx.Batch
	for i, p := range ps {
		b.Queue(`INSERT INTO passages (document_id, ord, idx, text, terms) VALUES ($1, $2, $3, $4, $5)`,
			docID, i, p.Index, p.Snippet, strings.Join(p.Terms, " "))
	}
	if b.Len() == 0 {
		return nil
	}
	if err := tx.SendBatch(ctx, &b).Close(); err != nil {
		return fmt.Errorf("passages of document %d: %w", docID, err)
	}
	return nil
}

const documentColumns = `id, file, hash, kind, title, parliament, number, body, asker, minister,
	asked, date, layout, text, warnings`

// scanDocument scans documentColumns, then extra.
func scanDocument(row pgx.Row, d *tracker.Document, extra ...any) error {
	var kind, asked, date, warnings string
	dest := append([]any{&d.ID, &d.File, &d.Hash, &kind, &d.Title, &d.Parliament, &d.Number, &d.Body,
		&d.Asker, &d.Minister, &asked, &date, &d.Layout, &d.Text, &warnings}, extra...)
	if err := row.Scan(dest...); err != nil {
		return err
	}
	d.Kind = tracker.Kind(kind)
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
	err := scanDocument(db.pool.QueryRow(ctx, `SELECT `+documentColumns+` FROM documents WHERE id = $1`, id), d)
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
		asked, date, layout, '', warnings FROM documents ORDER BY date COLLATE "C" DESC, id DESC`)
}

// DocumentsIngested returns the documents first ingested in [since, until),
// oldest first, with their items and analysis (for the weekly digest).
func (db *DB) DocumentsIngested(ctx context.Context, since, until time.Time) ([]tracker.Document, error) {
	docs, err := db.documents(ctx, `SELECT `+documentColumns+` FROM documents WHERE ingested >= $1 AND ingested < $2
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
	rows, err := db.pool.Query(ctx, query, args...)
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
	rows, err := db.pool.Query(ctx, `SELECT id, number, question, answer, answered_with, status
		FROM items WHERE document_id = $1 ORDER BY ord`, d.ID)
	if err != nil {
		return err
	}
	index := map[int64]int{} // item id -> index in d.Items
	d.Items = nil
	var id int64
	var with, status string
	var it tracker.Item
	_, err = pgx.ForEachRow(rows, []any{&id, &it.Number, &it.Question, &it.Answer, &with, &status}, func() error {
		item := it
		item.Status = tracker.Status(status)
		if err := json.Unmarshal([]byte(with), &item.AnsweredWith); err != nil {
			return fmt.Errorf("question %d: answered with: %w", item.Number, err)
		}
		if len(item.AnsweredWith) == 0 {
			item.AnsweredWith = nil
		}
		index[id] = len(d.Items)
		d.Items = append(d.Items, item)
		return nil
	})
	if err != nil || len(d.Items) == 0 {
		return err
	}
	return db.loadChildren(ctx, d, index)
}

// loadChildren fills in the sub-questions, findings, promises and deferrals
// of d's items; index maps item ids to positions in d.Items.
func (db *DB) loadChildren(ctx context.Context, d *tracker.Document, index map[int64]int) error {
	each := func(what, query string, dest []any, fn func(it *tracker.Item) error) error {
		rows, err := db.pool.Query(ctx, query, d.ID)
		if err != nil {
			return fmt.Errorf("%s: %w", what, err)
		}
		// The item id is always the first column.
		_, err = pgx.ForEachRow(rows, dest, func() error {
			return fn(&d.Items[index[*dest[0].(*int64)]])
		})
		if err != nil {
			return fmt.Errorf("%s: %w", what, err)
		}
		return nil
	}
	var id int64
	var status, kind, date, precision, nums string

	var s tracker.SubQuestion
	err := each("sub-questions", `SELECT s.item_id, s.text, s.start, s."end", s.status FROM sub_questions s
		JOIN items i ON i.id = s.item_id WHERE i.document_id = $1 ORDER BY s.item_id, s.ord`,
		[]any{&id, &s.Text, &s.Start, &s.End, &status}, func(it *tracker.Item) error {
			s.Status = tracker.Status(status)
			it.SubQuestions = append(it.SubQuestions, s)
			return nil
		})
	if err != nil {
		return err
	}
	var f tracker.Finding
	err = each("findings", `SELECT f.item_id, f.kind, f.rule, f.start, f."end", f.text, f.sub_question
		FROM findings f JOIN items i ON i.id = f.item_id WHERE i.document_id = $1 ORDER BY f.item_id, f.ord`,
		[]any{&id, &kind, &f.Evidence.Rule, &f.Evidence.Start, &f.Evidence.End, &f.Evidence.Text, &f.SubQuestion},
		func(it *tracker.Item) error {
			f.Kind = tracker.FindingKind(kind)
			it.Findings = append(it.Findings, f)
			return nil
		})
	if err != nil {
		return err
	}
	var p tracker.Promise
	err = each("promises", `SELECT p.item_id, p.date, p.precision, p.what, p.rule, p.start, p."end", p.text
		FROM promises p JOIN items i ON i.id = p.item_id WHERE i.document_id = $1 ORDER BY p.item_id, p.ord`,
		[]any{&id, &date, &precision, &p.What, &p.Evidence.Rule, &p.Evidence.Start, &p.Evidence.End, &p.Evidence.Text},
		func(it *tracker.Item) error {
			p.Date, p.Precision = parseDay(date), tracker.Precision(precision)
			it.Promises = append(it.Promises, p)
			return nil
		})
	if err != nil {
		return err
	}
	var df tracker.Deferral
	var resolution *string
	return each("deferrals", `SELECT d.item_id, d.kind, d.date, d.ref, d.body, d.numbers, d.number, d.url,
		d.rule, d.start, d."end", d.text, d.resolution
		FROM deferrals d JOIN items i ON i.id = d.item_id WHERE i.document_id = $1`,
		[]any{&id, &kind, &date, &df.Ref, &df.Body, &nums, &df.Number, &df.URL,
			&df.Evidence.Rule, &df.Evidence.Start, &df.Evidence.End, &df.Evidence.Text, &resolution},
		func(it *tracker.Item) error {
			d := df
			d.Kind, d.Date, d.Numbers, d.Resolution = tracker.TargetKind(kind), parseDay(date), nil, nil
			if err := json.Unmarshal([]byte(nums), &d.Numbers); err != nil {
				return fmt.Errorf("numbers: %w", err)
			}
			if len(d.Numbers) == 0 {
				d.Numbers = nil
			}
			if resolution != nil {
				d.Resolution = new(tracker.Resolution)
				if err := json.Unmarshal([]byte(*resolution), d.Resolution); err != nil {
					return fmt.Errorf("resolution: %w", err)
				}
			}
			it.Deferral = &d
			return nil
		})
}
