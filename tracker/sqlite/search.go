package sqlite

import (
	"context"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/pqtrack/pqtrack/tracker"
	"github.com/pqtrack/pqtrack/tracker/store"
)

// Hit is one question or answer that matches a search.
type Hit = store.Hit

// Markers around matched terms in Hit.Snippet, and the ellipsis where a
// snippet cuts the text.
const (
	SnippetStart = store.SnippetStart
	SnippetEnd   = store.SnippetEnd
	Ellipsis     = store.Ellipsis
)

// MaxQuery is the longest query Search takes, in characters.
const MaxQuery = store.MaxQuery

// Search finds questions and answers that hold every word of query, accents
// ignored, ranked by bm25. Words also match inside longer words ("platform"
// finds "ideeënplatform") through a trigram index; such hits rank after the
// whole-word hits. A word ending in '*' is a prefix. limit <= 0 means 20.
// A query longer than MaxQuery is an error wrapping tracker.ErrInvalid.
func (db *DB) Search(ctx context.Context, query string, limit int) ([]Hit, error) {
	if n := utf8.RuneCountInString(query); n > MaxQuery {
		return nil, fmt.Errorf("search: %w: the query is %d characters, at most %d", tracker.ErrInvalid, n, MaxQuery)
	}
	if limit <= 0 {
		limit = 20
	}
	words, trigrams := ftsQuery(query)
	if words == "" {
		return nil, nil
	}
	type key struct {
		doc   int64
		num   int
		field string
	}
	seen := map[key]bool{}
	var out []Hit
	// tokens is the snippet length in tokens: trigram tokens are one
	// letter each, so they get the most FTS5 allows.
	search := func(table, match string, tokens int) error {
		// Each field is searched apart and weighted alone (bm25 weights
		// 1, 0 or 0, 1), so a hit's score is about the text it shows.
		for col, field := range []string{"question", "answer"} {
			rows, err := db.db.QueryContext(ctx, `SELECT i.document_id,
				CASE d.title WHEN '' THEN d.file ELSE d.title END, i.number,
				snippet(`+table+`, ?, ?, ?, ?, ?), bm25(`+table+`, ?, ?) AS rank
				FROM `+table+` JOIN items i ON i.id = `+table+`.rowid JOIN documents d ON d.id = i.document_id
				WHERE `+table+` MATCH ? ORDER BY rank LIMIT ?`,
				col, SnippetStart, SnippetEnd, Ellipsis, tokens, 1-col, col, field+" : ("+match+")", limit)
			if err != nil {
				return err
			}
			for rows.Next() {
				h := Hit{Field: field}
				if err := rows.Scan(&h.DocumentID, &h.Document, &h.QuestionNumber, &h.Snippet, &h.Score); err != nil {
					rows.Close()
					return err
				}
				h.Score = -h.Score
				k := key{h.DocumentID, h.QuestionNumber, field}
				if !seen[k] {
					seen[k] = true
					out = append(out, h)
				}
			}
			rows.Close()
			if err := rows.Err(); err != nil {
				return err
			}
		}
		return nil
	}
	if err := search("items_fts", words, 16); err != nil {
		return nil, fmt.Errorf("search %q: %w", query, err)
	}
	whole := len(out)
	if trigrams != "" && len(out) < limit {
		if err := search("items_trigram", trigrams, 64); err != nil {
			return nil, fmt.Errorf("search %q: %w", query, err)
		}
	}
	// Within each tier, questions and answers were found apart: merge them.
	sortHits(out[:whole])
	sortHits(out[whole:])
	if len(out) > limit {
		out = out[:limit]
	}
	return out, nil
}

func sortHits(h []Hit) {
	// insertion sort: tiers are short and the order within ties is kept
	for i := 1; i < len(h); i++ {
		for j := i; j > 0 && h[j].Score > h[j-1].Score; j-- {
			h[j], h[j-1] = h[j-1], h[j]
		}
	}
}

// ftsQuery turns what a person typed into FTS5 queries: every word quoted
// (so no FTS5 syntax gets through) and all required. trigrams is the query
// for the trigram index, without the words shorter than three letters,
// which a trigram index cannot find; it is empty when no word is left.
func ftsQuery(s string) (words, trigrams string) {
	var ws, ts []string
	for _, f := range strings.FieldsFunc(s, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '*'
	}) {
		prefix := strings.HasSuffix(f, "*")
		f = strings.ReplaceAll(f, "*", "")
		if f == "" {
			continue
		}
		q := `"` + f + `"`
		if prefix {
			ws = append(ws, q+"*")
		} else {
			ws = append(ws, q)
		}
		if utf8.RuneCountInString(f) >= 3 {
			ts = append(ts, q)
		}
	}
	if len(ts) < len(ws) {
		ts = nil // a short word would be dropped: the trigram query would find more than asked
	}
	return strings.Join(ws, " "), strings.Join(ts, " ")
}
