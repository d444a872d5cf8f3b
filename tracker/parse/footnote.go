package parse

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// footnoteStart reads the number of a footnote text at the start of t and
// whether it is glued to the note. It is, by hand, the first of these
// regexps that matches (TestFootnoteStartAsRegexps holds it to them):
//
//	^(\d{1,2})\)? +(?:\p{Lu}|https?:|www\.)        the note after a space
//	^(\d{1,2})(?:\p{Lu}[\p{L},.]|https?:|www\.)    glued to it
//
// PDF text often glues the note to its number: "1NOS, 29 oktober",
// "2Kamerstuk 25 242". A capital and a letter or comma keep "3D-" and
// "5G" out. It runs on every line with a digit at the foot of a page,
// where the regexps cost more than the rest of the line's reading.
func footnoteStart(t string) (n int, glued, ok bool) {
	// One or two digits, and no third: after \d{1,2} both patterns go
	// on with no digit.
	k := 0
	for k < len(t) && k < 3 && isDigit(t[k]) {
		k++
	}
	if k == 0 || k == 3 {
		return 0, false, false
	}
	n = int(t[0] - '0')
	if k == 2 {
		n = n*10 + int(t[1]-'0')
	}
	rest := t[k:]
	after := strings.TrimPrefix(rest, ")")
	if note := strings.TrimLeft(after, " "); len(note) < len(after) && (startsUpper(note) || startsAddress(note)) {
		return n, false, true
	}
	if startsAddress(rest) {
		return n, true, true
	}
	if r, size := utf8.DecodeRuneInString(rest); unicode.IsUpper(r) {
		r2, _ := utf8.DecodeRuneInString(rest[size:])
		if unicode.IsLetter(r2) || r2 == ',' || r2 == '.' {
			return n, true, true
		}
	}
	return 0, false, false
}

// startsUpper reports whether s starts with a capital (\p{Lu}).
func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// startsAddress reports whether s starts with "http:", "https:" or "www.".
func startsAddress(s string) bool {
	return strings.HasPrefix(s, "http:") || strings.HasPrefix(s, "https:") || strings.HasPrefix(s, "www.")
}

// footnoteAt is footnoteStart of line i when it stands at the foot of its
// page (tail[i] lines of text left on it), where notes are: most lines
// with a digit are not, and need no reading.
func footnoteAt(lines []line, tail []int, i int) (n int, glued, ok bool) {
	if tail[i] > footLines {
		return 0, false, false
	}
	return footnoteStart(lines[i].text)
}
