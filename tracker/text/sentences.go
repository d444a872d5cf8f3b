// Package text holds small, pure helpers for Dutch text: a rule-based
// sentence splitter tuned to parliamentary prose.
package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// abbreviations are lower-case tokens ending in '.' after which a sentence
// does not end. Generic splitters break on these; parliamentary Dutch is full
// of them.
var abbreviations = map[string]bool{
	"dhr.": true, "mevr.": true, "mr.": true, "dr.": true, "prof.": true, "ir.": true, "drs.": true, "ing.": true,
	"d.d.": true, "art.": true, "artt.": true, "nr.": true, "nrs.": true, "blz.": true, "p.": true, "pp.": true,
	"bijv.": true, "bv.": true, "o.a.": true, "m.b.t.": true, "i.v.m.": true, "e.d.": true,
	"jl.": true, "a.s.": true, "resp.": true, "ca.": true, "min.": true, "max.": true,
	"incl.": true, "excl.": true, "vs.": true, "t.a.v.": true, "m.n.": true, "z.g.": true,
	"zgn.": true, "cf.": true, "e.g.": true, "i.e.": true, "o.m.": true, "m.i.v.": true, "t.o.v.": true,
	"i.o.m.": true, "n.a.v.": true, "z.s.m.": true, "ivm.": true, "mbt.": true, "tav.": true, "vgl.": true,
	"jo.": true, "stb.": true, "stcrt.": true,
	// Parliamentary citations: "Parl. St. Vl. Parl. 2022-23, nr. 1500/1",
	// "Parl. Doc."; glued ("Parl.St. Vl.Parl.") their last part is looked
	// up. Not "hand.", which ends "Dat ligt voor de hand."
	"parl.": true, "st.": true, "vl.": true, "doc.": true,
}

// maxAbbreviation is the length of the longest key of abbreviations and
// finalAbbreviations (TestMaxAbbreviation).
const maxAbbreviation = 6

// isASCII reports whether s is ASCII.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// finalAbbreviations end a sentence only when the next word starts a new
// sentence ("..., enz. Om dit te ..."), unlike "enz. van" mid-sentence.
var finalAbbreviations = map[string]bool{"enz.": true, "etc.": true}

// Abbreviation reports whether word (ending in '.') is an abbreviation
// after which a sentence does not normally end: "art.", "nr.", "bijv.",
// a single initial "J.". Words like "enz." that may end a sentence are not.
func Abbreviation(word string) bool {
	low := strings.ToLower(strings.TrimLeft(word, "(\"'‘“«["))
	if abbreviations[low] {
		return true
	}
	core := strings.TrimSuffix(low, ".")
	return core != low && utf8.RuneCountInString(core) == 1 && unicode.IsLetter([]rune(core)[0])
}

// Sentences returns the byte spans [start, end) of the sentences of s, in
// order. A sentence ends at '.', '?' or '!' (with closing quotes or brackets
// and, after '?', a glued footnote number), except after a Dutch
// abbreviation, a single initial, a list number at the start of a line, or
// inside numbers and URLs. Blank lines and list bullets at the start of a
// line also break. Spans exclude surrounding white space.
func Sentences(s string) [][2]int { return AppendSentences(nil, s) }

// AppendSentences is Sentences appending the spans to spans, so that a
// caller can reuse a slice.
func AppendSentences(spans [][2]int, s string) [][2]int {
	stop := newStopFinder(s)
	start := 0
	emit := func(end int) {
		a, b := trimSpan(s, start, end)
		if a < b {
			spans = append(spans, [2]int{a, b})
		}
		start = end
	}
	for i := 0; i < len(s); {
		// Jump to the next byte that can end a sentence.
		if i = stop.from(i); i == len(s) {
			break
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == '\n':
			// A blank line, or a bullet starting the next line, breaks.
			j := i + 1
			for j < len(s) && (s[j] == ' ' || s[j] == '\t' || s[j] == '\r') {
				j++
			}
			if j < len(s) && s[j] == '\n' {
				emit(i)
				i = j + 1
				continue
			}
			if isBullet(s[j:]) {
				emit(j)
				i = j
				continue
			}
		case r == '.' || r == '?' || r == '!' || r == '…':
			end := i + size
			// Repeated marks ("?!", "...") belong together.
			for end < len(s) && strings.ContainsRune(".?!…", rune(s[end])) {
				end++
			}
			end = skipClosers(s, end)
			if r == '?' || r == '!' {
				// A footnote number glued to the mark: "besproken?1".
				k := end
				for k < len(s) && k-end < 2 && s[k] >= '0' && s[k] <= '9' {
					k++
				}
				if k > end && (k == len(s) || isSpaceByte(s[k])) {
					end = k
				}
			}
			if end < len(s) && !isSpaceByte(s[end]) {
				if r == '.' && gluedStop(s, i, end) {
					emit(end) // "getoetst.Voor meer": a space lost in extraction
					i = end
					continue
				}
				i = end // inside a number, URL or abbreviation like "o.a"
				continue
			}
			if (r == '.' || r == '…') && !periodEnds(s, i, end) {
				i = end
				continue
			}
			emit(end)
			i = end
			continue
		}
		i += size
	}
	emit(len(s))
	return spans
}

// periodEnds decides whether the '.' at s[dot] (the mark run ending at end)
// ends a sentence.
func periodEnds(s string, dot, end int) bool {
	if end == len(s) {
		return true
	}
	next := nextWord(s, end)
	nr, _ := utf8.DecodeRuneInString(next)
	if strings.HasPrefix(s[dot:], "...") || strings.HasPrefix(s[dot:], "…") {
		return !unicode.IsLower(nr)
	}
	if itemLabelNext(s, end) {
		// "... mee.\nc) Het project ...": a new item of a list.
		return true
	}
	tok, tokStart := tokenBefore(s, dot+1)
	if t := strings.TrimLeft(tok, "(\"'‘“«["); len(t) > maxAbbreviation && isASCII(t) && strings.IndexByte(t[:len(t)-1], '.') < 0 {
		// Most words before a '.': too long for an abbreviation, an
		// initial or a list number, so only the next word decides, with
		// no lower-case copy (ASCII, so as long as the word) and no
		// look-ups.
		return !unicode.IsLower(nr)
	}
	low := strings.ToLower(strings.TrimLeft(tok, "(\"'‘“«["))
	if finalAbbreviations[low] {
		return unicode.IsUpper(nr)
	}
	if abbreviations[low] {
		return false
	}
	if i := strings.LastIndexByte(low[:len(low)-1], '.'); i >= 0 && abbreviations[low[i+1:]] {
		return false // "Vl.Parl.", "Parl.St."
	}
	core := strings.TrimSuffix(low, ".")
	// A single initial: "J. Jansen".
	if utf8.RuneCountInString(core) == 1 {
		c, _ := utf8.DecodeRuneInString(strings.TrimLeft(tok, "(\"'‘“«["))
		if unicode.IsUpper(c) && unicode.IsUpper(nr) {
			return false
		}
	}
	// A list number at the start of a line: "1. Op 1 juli ...".
	if isDigits(core) && len(core) <= 3 && atLineStart(s, tokStart) {
		return false
	}
	// A URL or e-mail address ends at whitespace, the '.' after it may end.
	// A lower-case next word means the '.' was an abbreviation we do not know.
	if unicode.IsLower(nr) {
		return false
	}
	return true
}

// gluedStop reports whether the '.' at s[dot], with no space before the
// next word (at end), still ends a sentence: PDF extraction loses the
// space after a full stop at a line end ("getoetst.Voor meer"). It does
// when a lower-case word of two letters or more ends at the mark and a
// capitalised word (a capital, then lower case) starts after it, and the
// word before the mark is no abbreviation, URL or address: "o.a.De",
// "www.Rijksoverheid.nl" and "J.Jansen" do not end there.
func gluedStop(s string, dot, end int) bool {
	if end != dot+1 {
		return false // "?!" runs and closers are handled by the caller
	}
	tok, _ := tokenBefore(s, dot)
	if utf8.RuneCountInString(tok) < 2 || strings.ContainsAny(tok, "./@:_0123456789") {
		return false
	}
	for _, r := range tok {
		if !unicode.IsLower(r) && r != '-' {
			return false
		}
	}
	if abbreviations[strings.ToLower(tok)+"."] {
		return false
	}
	r1, n1 := utf8.DecodeRuneInString(s[end:])
	r2, _ := utf8.DecodeRuneInString(s[end+n1:])
	return unicode.IsUpper(r1) && unicode.IsLower(r2)
}

// itemLabelNext reports whether a line break follows i, then a lower-case
// item label: "b)", "(c)".
func itemLabelNext(s string, i int) bool {
	j := i
	for j < len(s) && (s[j] == ' ' || s[j] == '\t' || s[j] == '\r') {
		j++
	}
	if j >= len(s) || s[j] != '\n' {
		return false
	}
	rest := strings.TrimLeft(s[j:], " \t\r\n")
	rest = strings.TrimPrefix(rest, "(")
	return len(rest) >= 3 && 'a' <= rest[0] && rest[0] <= 'z' && rest[1] == ')' && rest[2] == ' '
}

func isBullet(s string) bool {
	for _, b := range []string{"- ", "• ", "· ", "– ", "* ", "▪ "} {
		if strings.HasPrefix(s, b) {
			return true
		}
	}
	return false
}

func skipClosers(s string, i int) int {
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !strings.ContainsRune(")]\"'’”»", r) {
			break
		}
		i += size
	}
	return i
}

// tokenBefore returns the run of non-space characters ending at end.
func tokenBefore(s string, end int) (string, int) {
	i := end
	for i > 0 && !isSpaceByte(s[i-1]) {
		i--
	}
	return s[i:end], i
}

func nextWord(s string, i int) string {
	for i < len(s) && isSpaceByte(s[i]) {
		i++
	}
	j := i
	for j < len(s) && !isSpaceByte(s[j]) {
		j++
	}
	return strings.TrimLeft(s[i:j], "(\"'‘“«[")
}

func atLineStart(s string, i int) bool {
	for i > 0 && (s[i-1] == ' ' || s[i-1] == '\t') {
		i--
	}
	return i == 0 || s[i-1] == '\n'
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// isSpaceByte reports whether b is ' ', '\n', '\t', '\r', '\f' or
// '\v': the last five are the bytes '\t' to '\r', so two comparisons
// tell it, where six did for every byte that is none.
func isSpaceByte(b byte) bool {
	return b == ' ' || b-'\t' <= '\r'-'\t'
}

func trimSpan(s string, a, b int) (int, int) {
	for a < b {
		r, size := utf8.DecodeRuneInString(s[a:b])
		if !unicode.IsSpace(r) {
			break
		}
		a += size
	}
	for b > a {
		r, size := utf8.DecodeLastRuneInString(s[a:b])
		if !unicode.IsSpace(r) {
			break
		}
		b -= size
	}
	return a, b
}
