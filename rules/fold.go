package rules

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/pqtrack/pqtrack/rules/dates"
	"golang.org/x/text/unicode/norm"
)

// folded is a text prepared for matching: lower case, accents and
// ligatures folded (NFKD, marks dropped), soft hyphens dropped, every run
// of white space one space. pos maps each byte of s back to the byte of the
// original text it came from, so matches report spans of the original.
type folded struct {
	s    string
	pos  []int // len(s)+1 entries, but empty when ident
	orig string
	// ident: each byte of s is the byte of orig at the same place
	// (lower case ASCII, white space one for one), so pos is not kept.
	ident bool
	// plain: orig's runes past ASCII are all dates.PlainRune (white
	// space, quotes, dashes), which fold to no letter or digit, so s holds
	// orig's runs of ASCII letters and digits, lower case, and no others
	// (see mayHoldDate).
	plain bool
}

// fold prepares text for matching.
func fold(text string) folded { return foldInto(text, nil, true) }

// foldInto folds text, appending the position map to pos[:0] when withPos
// (nil: allocated here). ASCII, most of the text, takes a fast path; other
// runes their precomputed folding when they are Latin letters.
func foldInto(text string, pos []int, withPos bool) folded {
	var b strings.Builder
	b.Grow(len(text))
	return foldTo(&b, text, pos, withPos)
}

// foldTo is foldInto writing the folded text to b after what it holds, so
// that the sentences of an answer share one string.
func foldTo(b *strings.Builder, text string, pos []int, withPos bool) folded {
	start := b.Len()
	if withPos {
		if cap(pos) < len(text)+1 {
			pos = make([]int, 0, len(text)+1)
		}
		pos = pos[:0]
	}
	space, plainText := false, true
	// While each byte written is the one at the same place of text
	// (lazy), pos is not written: most sentences fold so, and writing
	// a position for every byte cost more than the fold itself. The
	// first byte dropped or changed in length writes the positions so
	// far (identity).
	lazy := withPos
	identity := func() {
		n := b.Len() - start
		pos = slices.Grow(pos, n)[:n]
		for k := range pos {
			pos[k] = k
		}
		lazy = false
	}
	for i := 0; i < len(text); {
		// A run of lower-case ASCII goes as it is, with the single
		// spaces between its words: it starts and ends with a byte that
		// is not space, so no space in it is doubled, leads or trails.
		j := i
		if plain[text[j]] {
		run:
			for {
				for j+8 <= len(text) {
					n := plainBytes(le64(text[j:]))
					if n == 0 {
						break
					}
					j += n
				}
				// Eight bytes or so one at a time before the next
				// test of eight: the one that failed holds the byte
				// that ends the run, or one in its way.
				for end := j + 8; j < end; {
					if j < len(text) && plain[text[j]] {
						j++
					} else if j+1 < len(text) && text[j] == ' ' && plain[text[j+1]] {
						j += 2
					} else {
						break run
					}
				}
			}
		}
		if j > i {
			b.WriteString(text[i:j])
			if withPos && !lazy {
				n := len(pos)
				pos = slices.Grow(pos, j-i)[:n+j-i]
				for k := range pos[n:] {
					pos[n+k] = i + k
				}
			}
			space = false
			i = j
			continue
		}
		c := text[i]
		if c < utf8.RuneSelf {
			switch {
			case c == ' ' || '\t' <= c && c <= '\r':
				if !space && b.Len() > start {
					b.WriteByte(' ')
					if withPos && !lazy {
						pos = append(pos, i)
					}
				} else if lazy {
					identity()
				}
				space = true
			default:
				space = false
				if 'A' <= c && c <= 'Z' {
					c += 'a' - 'A'
				}
				b.WriteByte(c)
				if withPos && !lazy {
					pos = append(pos, i)
				}
			}
			i++
			continue
		}
		if lazy {
			identity()
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if plainText && !dates.PlainRune(r) {
			plainText = false
		}
		switch {
		case r == '\u00ad' || r == '\u200b' || r == '\ufeff':
			// soft hyphen, zero-width space, BOM
		case unicode.IsSpace(r):
			if !space && b.Len() > start {
				b.WriteByte(' ')
				if withPos {
					pos = append(pos, i)
				}
			}
			space = true
		default:
			space = false
			var d string
			switch {
			case r < rune(len(latinFold)):
				d = latinFold[r]
			case r >= 0x2000 && r < 0x2000+rune(len(punctFold)):
				d = punctFold[r-0x2000]
			default:
				d = foldSlow(r)
			}
			b.WriteString(d)
			if withPos {
				for k := 0; k < len(d); k++ {
					pos = append(pos, i)
				}
			}
		}
		i += size
	}
	if withPos && !lazy {
		pos = append(pos, len(text))
	}
	return folded{s: b.String()[start:], pos: pos, orig: text, plain: plainText, ident: lazy}
}

// plain tells the bytes fold keeps as they are: ASCII but for upper case,
// white space and control characters.
var plain = func() (t [256]bool) {
	for c := '!'; c < utf8.RuneSelf; c++ {
		t[c] = c < 'A' || c > 'Z'
	}
	return t
}()

// plain8 reports whether the eight bytes of x may go into a run as they
// are, eight at a time: all plain (none above ASCII, a control character
// or an upper-case letter) or single spaces, the last not a space. With no
// byte above 0x7f, adding 0x80-c to every byte sets its top bit exactly
// when the byte is c or more, and no sum carries into the next byte.
func plain8(x uint64) bool { return plainBytes(x) == 8 }

// plainBytes returns how many of the eight bytes of x may go into a run
// as they are: 8 when plain8 holds, 7 when it fails only for the last
// byte, a space (the seventh then is no space, and the run goes on at
// the space when a plain byte follows it), and 0 otherwise. One word in
// seven or so ends at the last byte of eight: foldTo took the eight one
// at a time then.
func plainBytes(x uint64) int {
	const ones, tops, lows = 0x0101010101010101, 0x8080808080808080, 0x7f7f7f7f7f7f7f7f
	if x&tops != 0 {
		return 0
	}
	low := ^(x + ones*(0x80-' ')) & tops                             // below ' '
	upper := (x + ones*(0x80-'A')) &^ (x + ones*(0x80-'Z'-1)) & tops // 'A' to 'Z'
	z := x ^ ones*' '
	space := ^((z + lows) | z) & tops // the spaces
	switch {
	case low|upper != 0 || space&(space<<8) != 0:
		return 0
	case space>>63 != 0:
		return 7
	}
	return 8
}

// le64 is the first eight bytes of s, little-endian; s holds eight or
// more. The compiler makes it one load.
func le64(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// latinFold holds foldSlow of the runes up to Latin Extended-B, which
// cover the accented letters of Dutch, French and German text.
var latinFold = func() (t [0x250]string) {
	for r := utf8.RuneSelf; r < len(t); r++ {
		t[r] = foldSlow(rune(r))
	}
	return t
}()

// punctFold holds foldSlow of General Punctuation (U+2000 to U+206F):
// typographic quotes, dashes and spaces.
var punctFold = func() (t [0x70]string) {
	for i := range t {
		t[i] = foldSlow(rune(0x2000 + i))
	}
	return t
}()

// foldSlow folds one non-ASCII rune that is not a space: NFKD, marks
// dropped, lower case, typographic variants made plain.
func foldSlow(r rune) string {
	var buf [utf8.UTFMax]byte
	n := utf8.EncodeRune(buf[:], r)
	var out []byte
	for _, d := range norm.NFKD.String(string(buf[:n])) {
		if unicode.Is(unicode.Mn, d) {
			continue
		}
		out = utf8.AppendRune(out, foldRune(unicode.ToLower(d)))
	}
	return string(out)
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
	if f.ident {
		return start, max(start, end)
	}
	if end <= start {
		return f.pos[start], f.pos[start]
	}
	// The end is just past the original rune that produced f.s[end-1].
	last := f.pos[end-1]
	_, n := utf8.DecodeRuneInString(f.orig[last:])
	return f.pos[start], last + n
}

// foldString folds s without keeping positions; for phrases and terms.
func foldString(s string) string { return foldInto(s, nil, false).s }

// folded is fold(st.text): from the fold sentencesIn kept when it needs
// no map of positions (ident, and then ASCII), else folded again.
func (st *sentence) folded() folded {
	if st.ident && st.fold != "" {
		return folded{s: st.fold, orig: st.text, ident: true, plain: true}
	}
	return fold(st.text)
}
