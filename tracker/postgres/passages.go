package postgres

import (
	"context"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"

	"github.com/pqtrack/pqtrack/tracker"
)

// SetPassages replaces the passages of document docID, in one transaction.
// Each passage gives its Index, its whole text in Snippet and its folded,
// stemmed terms in Terms.
func (db *DB) SetPassages(ctx context.Context, docID int64, ps []tracker.Passage) error {
	return db.inTx(ctx, func(tx pgx.Tx) error { return writePassages(ctx, tx, docID, ps) })
}

// CountPassages is how many passages document docID has stored.
func (db *DB) CountPassages(ctx context.Context, docID int64) (int, error) {
	var n int
	if err := db.pool.QueryRow(ctx, `SELECT count(*) FROM passages WHERE document_id = $1`, docID).Scan(&n); err != nil {
		return 0, fmt.Errorf("passages of document %d: %w", docID, err)
	}
	return n, nil
}

// SearchPassages finds the passages of document docID that hold any of
// terms (folded, stemmed), best first, at most limit. With compounds, a
// term of five letters or more also finds the passages that hold it inside
// a compound, through the trigram index; those come after the others, with
// score 0. Ranking is PostgreSQL's ts_rank, not SQLite's bm25: scores are
// comparable within one search only.
func (db *DB) SearchPassages(ctx context.Context, docID int64, terms []string, limit int, compounds bool) ([]tracker.Passage, error) {
	if limit <= 0 {
		limit = 10
	}
	var words, long []string
	for _, t := range terms {
		t = strings.Map(func(r rune) rune {
			if strings.ContainsRune(`'\&|!:()<>* `, r) {
				return -1
			}
			return r
		}, t)
		if t == "" {
			continue
		}
		words = append(words, "'"+t+"'")
		if len([]rune(t)) >= 5 {
			long = append(long, t)
		}
	}
	if len(words) == 0 {
		return nil, nil
	}
	seen := map[int64]bool{}
	var out []tracker.Passage
	search := func(q string, a ...any) error {
		rows, err := db.pool.Query(ctx, q, a...)
		if err != nil {
			return err
		}
		var id int64
		var terms string
		p := tracker.Passage{DocumentID: docID}
		_, err = pgx.ForEachRow(rows, []any{&id, &p.Index, &p.Snippet, &terms, &p.Score}, func() error {
			if !seen[id] {
				seen[id] = true
				x := p
				x.Terms = strings.Fields(terms)
				out = append(out, x)
			}
			return nil
		})
		return err
	}
	if err := search(`SELECT id, idx, text, terms, ts_rank(terms_tsv, q)::float8 AS rank
		FROM passages, to_tsquery('simple', $1) q
		WHERE document_id = $2 AND terms_tsv @@ q ORDER BY rank DESC, id LIMIT $3`,
		strings.Join(words, " | "), docID, limit); err != nil {
		return nil, fmt.Errorf("search passages of document %d: %w", docID, err)
	}
	if compounds && len(long) > 0 && len(out) < limit {
		likes := make([]string, len(long))
		for i, t := range long {
			likes[i] = "%" + strings.NewReplacer(`\`, `\\`, "%", `\%`, "_", `\_`).Replace(t) + "%"
		}
		if err := search(`SELECT id, idx, text, terms, 0::float8 FROM passages
			WHERE document_id = $1 AND terms LIKE ANY($2) ORDER BY id LIMIT $3`, docID, likes, limit); err != nil {
			return nil, fmt.Errorf("search passages of document %d: %w", docID, err)
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
	if err := db.pool.QueryRow(ctx, `SELECT count(*) FROM passages`).Scan(&n); err != nil {
		return 0, nil, fmt.Errorf("term stats: %w", err)
	}
	if len(terms) == 0 {
		return n, df, nil
	}
	rows, err := db.pool.Query(ctx, `SELECT t, (SELECT count(*) FROM passages
		WHERE terms_tsv @@ plainto_tsquery('simple', t)) FROM unnest($1::text[]) t`, terms)
	if err != nil {
		return 0, nil, fmt.Errorf("term stats: %w", err)
	}
	var t string
	var c int
	_, err = pgx.ForEachRow(rows, []any{&t, &c}, func() error {
		if c > 0 {
			df[t] = c
		}
		return nil
	})
	if err != nil {
		return 0, nil, fmt.Errorf("term stats: %w", err)
	}
	return n, df, nil
}
