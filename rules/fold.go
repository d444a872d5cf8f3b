package rules

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// folded is a text prepared for matching: lower case, accents and
// ligatures folded (NFKD, marks dropped), soft hyphens dropped, every run
// of white space one space. pos maps each byte of s back to the byte of the
// original text it came from, so matches report spans of the original.
type folded struct {
	s    string
	pos  []int // len(s)+1 entries
	orig string
}

// fold prepares text for matching.
func fold(text string) folded {
	var b strings.Builder
	b.Grow(len(text))
	pos := make([]int, 0, len(text)+1)
	space := false
	var buf [utf8.UTFMax]byte
	for i, r := range text {
		switch {
		case r == '\u00ad' || r == '\u200b' || r == '\ufeff':
			continue // soft hyphen, zero-width space, BOM
		case unicode.IsSpace(r):
			if !space && b.Len() > 0 {
				b.WriteByte(' ')
				pos = append(pos, i)
			}
			space = true
			continue
		}
		space = false
		if r < utf8.RuneSelf {
			c := byte(r)
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b.WriteByte(c)
			pos = append(pos, i)
			continue
		}
		n := utf8.EncodeRune(buf[:], r)
		for _, d := range norm.NFKD.String(string(buf[:n])) {
			if unicode.Is(unicode.Mn, d) {
				continue
			}
			d = foldRune(unicode.ToLower(d))
			m := utf8.EncodeRune(buf[:], d)
			b.Write(buf[:m])
			for k := 0; k < m; k++ {
				pos = append(pos, i)
			}
		}
	}
	pos = append(pos, len(text))
	return folded{s: b.String(), pos: pos, orig: text}
}

// foldRune maps typographic variants to the plain character rule authors type.
func foldRune(r rune) rune {
	switch r {
	case '‘', '’', '‚', '′', '`':
		return '\''
	case '“', '”', '„', '«', '»':
		return '"'
	case '–', '—', '‐', '‑', '−':
		return '-'
	}
	return r
}

// span maps a span of the folded text back to the original text.
func (f folded) span(start, end int) (int, int) {
	if end <= start {
		return f.pos[start], f.pos[start]
	}
	// The end is just past the original rune that produced f.s[end-1].
	last := f.pos[end-1]
	_, n := utf8.DecodeRuneInString(f.orig[last:])
	return f.pos[start], last + n
}

// foldString folds s without keeping positions; for phrases and terms.
func foldString(s string) string { return fold(s).s }
