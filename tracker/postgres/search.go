package postgres

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/pqtrack/pqtrack/tracker"
	"github.com/pqtrack/pqtrack/tracker/store"
)

// Search finds questions and answers that hold every word of query, accents
// ignored, ranked, as the SQLite store's Search does: whole words through
// the text search configuration pqtrack_dutch (Dutch stems, unaccent);
// words inside longer words ("platform" finds "ideeënplatform") through the
// pg_trgm indexes, ranked after the whole-word hits. A word ending in '*'
// is a prefix of a word. limit <= 0 means 20. A query longer than MaxQuery
// is an error wrapping tracker.ErrInvalid.
func (db *DB) Search(ctx context.Context, query string, limit int) ([]store.Hit, error) {
	if n := utf8.RuneCountInString(query); n > store.MaxQuery {
		return nil, fmt.Errorf("search: %w: the query is %d characters, at most %d", tracker.ErrInvalid, n, store.MaxQuery)
	}
	if limit <= 0 {
		limit = 20
	}
	words := queryWords(query)
	if len(words) == 0 {
		return nil, nil
	}
	type key struct {
		doc   int64
		num   int
		field string
	}
	seen := map[key]bool{}
	var out []store.Hit
	add := func(h store.Hit) {
		k := key{h.DocumentID, h.QuestionNumber, h.Field}
		if !seen[k] {
			seen[k] = true
			out = append(out, h)
		}
	}
	// Whole words: stemmed words through the tsvector columns, prefixes as
	// a word start in the folded text (a stemmed prefix would find more
	// than typed).
	var terms []string
	var starts []string
	for _, w := range words {
		if w.prefix {
			starts = append(starts, w.text)
		} else {
			terms = append(terms, "'"+w.text+"'")
		}
	}
	for _, field := range []string{"question", "answer"} {
		var a args
		conds := []string{"true"}
		rank, snip := "0::real", "i."+field
		if len(terms) > 0 {
			q := "to_tsquery('pqtrack_dutch', " + a.add(strings.Join(terms, " & ")) + ")"
			conds = append(conds, "i."+field+"_tsv @@ "+q)
			rank = "ts_rank(i." + field + "_tsv, " + q + ", 1)"
			snip = "ts_headline('pqtrack_dutch', i." + field + ", " + q +
				", 'StartSel=" + store.SnippetStart + ", StopSel=" + store.SnippetEnd + ", MinWords=8, MaxWords=16, ShortWord=0')"
		}
		for _, s := range starts {
			conds = append(conds, "pqtrack_fold(i."+field+") ~ ('\\m' || pqtrack_fold("+a.add(regexpQuote(s))+"))")
		}
		hits, err := db.search(ctx, `SELECT i.document_id, CASE d.title WHEN '' THEN d.file ELSE d.title END, i.number,
			`+snip+`, `+rank+` AS rank, i.`+field+`
			FROM items i JOIN documents d ON d.id = i.document_id
			WHERE `+strings.Join(conds, " AND ")+` ORDER BY rank DESC, i.id LIMIT `+a.add(limit), a, field)
		if err != nil {
			return nil, fmt.Errorf("search %q: %w", query, err)
		}
		for _, h := range hits {
			if len(terms) == 0 {
				h.Snippet = markSnippet(h.text, starts)
			} else {
				h.Snippet = ellipsis(h.Snippet, h.text)
			}
			add(h.Hit)
		}
	}
	whole := len(out)
	var inside []string
	for _, w := range words {
		if utf8.RuneCountInString(w.text) >= 3 {
			inside = append(inside, w.text)
		}
	}
	if len(inside) == len(words) && len(out) < limit {
		for _, field := range []string{"question", "answer"} {
			var a args
			var conds, sims []string
			for _, w := range inside {
				p := a.add(w)
				conds = append(conds, "pqtrack_fold(i."+field+") LIKE ('%' || pqtrack_fold("+p+") || '%')")
				sims = append(sims, "word_similarity(pqtrack_fold("+p+"), pqtrack_fold(i."+field+"))")
			}
			hits, err := db.search(ctx, `SELECT i.document_id, CASE d.title WHEN '' THEN d.file ELSE d.title END, i.number,
				i.`+field+`, (`+strings.Join(sims, " + ")+`)::real AS rank, i.`+field+`
				FROM items i JOIN documents d ON d.id = i.document_id
				WHERE `+strings.Join(conds, " AND ")+` ORDER BY rank DESC, i.id LIMIT `+a.add(limit), a, field)
			if err != nil {
				return nil, fmt.Errorf("search %q: %w", query, err)
			}
			for _, h := range hits {
				h.Snippet = markSnippet(h.text, inside)
				add(h.Hit)
			}
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

// hit is a Hit with the whole text of its field.
type hit struct {
	store.Hit
	text string
}

func (db *DB) search(ctx context.Context, q string, a args, field string) ([]hit, error) {
	rows, err := db.pool.Query(ctx, q, a...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []hit
	for rows.Next() {
		h := hit{Hit: store.Hit{Field: field}}
		var rank float32
		if err := rows.Scan(&h.DocumentID, &h.Document, &h.QuestionNumber, &h.Snippet, &rank, &h.text); err != nil {
			return nil, err
		}
		h.Score = float64(rank)
		out = append(out, h)
	}
	return out, rows.Err()
}

// ellipsis marks where ts_headline's fragment s cuts text, as the SQLite
// store's snippets do.
func ellipsis(s, text string) string {
	plain := strings.NewReplacer(store.SnippetStart, "", store.SnippetEnd, "").Replace(s)
	i := strings.Index(text, plain)
	if i < 0 {
		return s
	}
	if i > 0 {
		s = store.Ellipsis + s
	}
	if i+len(plain) < len(strings.TrimRight(text, " \n")) {
		s += store.Ellipsis
	}
	return s
}

func sortHits(h []store.Hit) {
	// insertion sort: tiers are short and the order within ties is kept
	for i := 1; i < len(h); i++ {
		for j := i; j > 0 && h[j].Score > h[j-1].Score; j-- {
			h[j], h[j-1] = h[j-1], h[j]
		}
	}
}

type word struct {
	text   string
	prefix bool
}

// queryWords splits what a person typed into words of letters and digits
// (so no query syntax gets through); a '*' at the end makes a prefix.
func queryWords(s string) []word {
	var out []word
	for _, f := range strings.FieldsFunc(s, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '*'
	}) {
		prefix := strings.HasSuffix(f, "*")
		f = strings.ReplaceAll(f, "*", "")
		if f != "" {
			out = append(out, word{f, prefix})
		}
	}
	return out
}

// regexpQuote escapes s for a PostgreSQL regular expression. Query words
// hold only letters and digits; this is a second guard.
func regexpQuote(s string) string {
	var b strings.Builder
	for _, r := range s {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// snippetRunes is how much text a marked snippet shows around its first
// match, in runes.
const snippetRunes = 64

// markSnippet marks the first place of each word in text, compared
// folded (lower case, no accents), and cuts text around the first mark.
func markSnippet(text string, words []string) string {
	// folded text with, per folded byte, the offset of its rune in text
	var folded strings.Builder
	var at []int
	for i, r := range text {
		f := fold(string(r))
		folded.WriteString(f)
		for range len(f) {
			at = append(at, i)
		}
	}
	fs := folded.String()
	var spans []span
	for _, w := range words {
		fw := fold(w)
		j := strings.Index(fs, fw)
		if fw == "" || j < 0 {
			continue
		}
		end := len(text)
		if j+len(fw) < len(at) {
			end = at[j+len(fw)]
		}
		spans = append(spans, span{at[j], end})
	}
	if len(spans) == 0 {
		return cut(text, 0, len(text))
	}
	var b strings.Builder
	first := len(text)
	pos := 0
	slices.SortFunc(spans, func(a, b span) int { return a.start - b.start })
	for _, s := range spans {
		if s.start < pos {
			continue // overlaps the one before
		}
		b.WriteString(text[pos:s.start])
		b.WriteString(store.SnippetStart + text[s.start:s.end] + store.SnippetEnd)
		pos = s.end
		first = min(first, s.start)
	}
	b.WriteString(text[pos:])
	marked := b.String()
	// the first mark starts at the same offset in marked as in text
	return cut(marked, first, first)
}

// span is a match in a text, by byte offsets.
type span struct{ start, end int }

// cut keeps about snippetRunes runes of s around [from, to), with an
// ellipsis where it cuts.
func cut(s string, from, to int) string {
	if utf8.RuneCountInString(s) <= snippetRunes {
		return s
	}
	start := from
	for n := 0; start > 0 && n < snippetRunes/4; n++ {
		_, size := utf8.DecodeLastRuneInString(s[:start])
		start -= size
	}
	end := max(to, start)
	for n := utf8.RuneCountInString(s[start:end]); end < len(s) && n < snippetRunes; n++ {
		_, size := utf8.DecodeRuneInString(s[end:])
		end += size
	}
	out := s[start:end]
	if start > 0 {
		out = store.Ellipsis + out
	}
	if end < len(s) {
		out += store.Ellipsis
	}
	return out
}

// fold lowers s and drops its accents (NFKD, marks removed), as
// pqtrack_fold does in the database.
func fold(s string) string {
	var b strings.Builder
	for _, r := range norm.NFKD.String(s) {
		if !unicode.Is(unicode.Mn, r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}
