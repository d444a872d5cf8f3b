package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/pqtrack/pqtrack/tracker"
)

// SetPassages replaces the passages of document docID, in one transaction.
// Each passage gives its Index (paragraph or question number), its whole
// text in Snippet and its folded, stemmed terms in Terms.
func (db *DB) SetPassages(ctx context.Context, docID int64, ps []tracker.Passage) error {
	tx, err := db.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("passages of document %d: %w", docID, err)
	}
	defer tx.Rollback()
	if err := writePassages(ctx, tx, docID, ps); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("passages of document %d: %w", docID, err)
	}
	return nil
}

// writePassages replaces the passages of docID inside tx. Written as a
// whole in one transaction, a document's passages hold a contiguous range
// of ids, which SearchPassages relies on.
func writePassages(ctx context.Context, tx *sql.Tx, docID int64, ps []tracker.Passage) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM passages WHERE document_id = ?`, docID); err != nil {
		return fmt.Errorf("passages of document %d: %w", docID, err)
	}
	if len(ps) == 0 {
		return nil
	}
	st, err := tx.PrepareContext(ctx, `INSERT INTO passages (document_id, ord, idx, text, terms) VALUES (?, ?, ?, ?, ?)`)
	if err != nil {
		return fmt.Errorf("passages of document %d: %w", docID, err)
	}
	defer st.Close()
	for i, p := range ps {
		if _, err := st.ExecContext(ctx, docID, i, p.Index, p.Snippet, strings.Join(p.Terms, " ")); err != nil {
			return fmt.Errorf("passages of document %d: passage %d: %w", docID, i, err)
		}
	}
	return nil
}

// CountPassages is how many passages document docID has stored.
func (db *DB) CountPassages(ctx context.Context, docID int64) (int, error) {
	var n int
	err := db.db.QueryRowContext(ctx, `SELECT count(*) FROM passages WHERE document_id = ?`, docID).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("passages of document %d: %w", docID, err)
	}
	return n, nil
}

// SearchPassages finds the passages of document docID that hold any of
// terms (folded, stemmed), ranked by bm25, best first, at most limit. With
// compounds, a term of five letters or more also finds the passages that
// hold it inside a compound, through the trigram index; those come after
// the others. The trigram search costs more: ask for it when the words
// alone found nothing good.
//
// bm25 reads the whole doclist of each term to count the passages that hold
// it, so callers should leave out the terms most passages hold.
//
// Each passage comes back whole: Snippet holds its full text, Terms all its
// terms and Score the negated bm25 (higher is better). Callers cut the
// snippet and keep the terms shared with what they asked.
func (db *DB) SearchPassages(ctx context.Context, docID int64, terms []string, limit int, compounds bool) ([]tracker.Passage, error) {
	if limit <= 0 {
		limit = 10
	}
	var lo, hi sql.NullInt64
	if err := db.db.QueryRowContext(ctx, `SELECT min(id), max(id) FROM passages WHERE document_id = ?`, docID).Scan(&lo, &hi); err != nil {
		return nil, fmt.Errorf("search passages of document %d: %w", docID, err)
	}
	if !lo.Valid {
		return nil, nil
	}
	var words, long []string
	for _, t := range terms {
		if t = strings.ReplaceAll(t, `"`, ""); t == "" {
			continue
		}
		words = append(words, `"`+t+`"`)
		if len([]rune(t)) >= 5 {
			long = append(long, `"`+t+`"`)
		}
	}
	if len(words) == 0 {
		return nil, nil
	}
	seen := map[int64]bool{}
	var out []tracker.Passage
	search := func(table string, match []string) error {
		// The trigram index is not ranked: bm25 reads the whole doclist
		// of every trigram, and common trigrams are in every passage.
		rank, order := `bm25(`+table+`)`, ` ORDER BY rank`
		if table == "passages_trigram" {
			rank, order = "0", ""
		}
		rows, err := db.db.QueryContext(ctx, `SELECT p.id, p.idx, p.text, p.terms, `+rank+` AS rank
			FROM `+table+` JOIN passages p ON p.id = `+table+`.rowid
			WHERE `+table+` MATCH ? AND `+table+`.rowid BETWEEN ? AND ?`+order+` LIMIT ?`,
			strings.Join(match, " OR "), lo.Int64, hi.Int64, limit)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var id int64
			var terms string
			p := tracker.Passage{DocumentID: docID}
			if err := rows.Scan(&id, &p.Index, &p.Snippet, &terms, &p.Score); err != nil {
				return err
			}
			if seen[id] {
				continue
			}
			seen[id] = true
			p.Score = -p.Score
			p.Terms = strings.Fields(terms)
			out = append(out, p)
		}
		return rows.Err()
	}
	if err := search("passages_fts", words); err != nil {
		return nil, fmt.Errorf("search passages of document %d: %w", docID, err)
	}
	if compounds && len(long) > 0 && len(out) < limit {
		before := len(out)
		if err := search("passages_trigram", long); err != nil {
			return nil, fmt.Errorf("search passages of document %d: %w", docID, err)
		}
		for i := before; i < len(out); i++ {
			out[i].Score = 0 // another index's bm25: not comparable
		}
	}
	if len(out) > limit {
		out = out[:limit]
	}
	return out, nil
}

// TermStats says in how many of all n stored passages each of terms occurs.
func (db *DB) TermStats(ctx context.Context, terms []string) (n int, df map[string]int, err error) {
	df = map[string]int{}
	if err := db.db.QueryRowContext(ctx, `SELECT count(*) FROM passages`).Scan(&n); err != nil {
		return 0, nil, fmt.Errorf("term stats: %w", err)
	}
	if len(terms) == 0 {
		return n, df, nil
	}
	args := make([]any, len(terms))
	for i, t := range terms {
		args[i] = t
	}
	rows, err := db.db.QueryContext(ctx, `SELECT term, doc FROM passages_vocab WHERE term IN (?`+
		strings.Repeat(", ?", len(terms)-1)+`)`, args...)
	if err != nil {
		return 0, nil, fmt.Errorf("term stats: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var t string
		var c int
		if err := rows.Scan(&t, &c); err != nil {
			return 0, nil, fmt.Errorf("term stats: %w", err)
		}
		df[t] = c
	}
	return n, df, rows.Err()
}
