package parse

import (
	"regexp"
	"strings"
)

// tkFurnitureRE matches the page furniture of the Tweede Kamer's
// Aanhangsel PDFs and their markdown conversions, which can occur only once
// (so dropPageFurniture, which looks for repeats, misses them):
//
//	Tweede Kamer, vergaderjaar 2024–2025, Aanhangsel 3   (page footer)
//	Aanhangsel Handelingen II 2024/25, nr. 594 ...      (citation footer)
//	ah-tk-20242025-594                                  (colophon)
//	ah-tk-20252026-83 Tweede Kamer, vergaderjaar 2025–2026 Aanhangsel van de Handelingen 2
//	                                                    (both on one line)
//	ISSN 0921 - 7398’s-Gravenhage 2024Tweede Kamer, ...  (colophon)
//	-----                                               (markdown page break)
//	h tk 20232024 387                                   (markdown page footer)
var tkFurnitureRE = regexp.MustCompile(`^(?:` +
	`(?:ah-tk-\d{8}-\d+ )?Tweede Kamer, vergaderjaar \d{4}\s*[–-]\s*\d{4},? Aanhangsel(?: van de Handelingen)?(?: \d{1,4})?` +
	`|Aanhangsel Handelingen II \d{4}/\d{2,4}, nr\. \d+.*` +
	`|ah-tk-\d{8}-\d+` +
	`|ISSN \d{4} ?- ?\d{3}[\dX].*` +
	`|-{3,}|\*{3,}|_{3,}` +
	`|h tk \d{8} \d+` +
	`)$`)

// dropTKFurniture removes the lines tkFurnitureRE matches. Each of them
// sits at the foot or top of a page, so a page break is counted there:
// dropFootnoteMarks then finds the footnotes at the foot of the page.
// It filters lines in place: they are the caller's to give up.
func dropTKFurniture(lines []line) []line {
	out := lines[:0]
	shift, brk := 0, false
	for _, l := range lines {
		if isFurniture(l.text) {
			if !brk {
				shift++
				brk = true
			}
			continue
		}
		if l.text != "" {
			brk = false
		}
		l.page += shift
		out = append(out, l)
	}
	return out
}

// isFurniture is a cheap test on the first byte before the regexp: most
// lines are text.
func isFurniture(s string) bool {
	if s == "" {
		return false
	}
	switch s[0] {
	case 'T':
		if !strings.HasPrefix(s, "Tweede Kamer, vergaderjaar ") {
			return false
		}
	case 'A':
		if !strings.HasPrefix(s, "Aanhangsel Handelingen II ") {
			return false
		}
	case 'a':
		if !strings.HasPrefix(s, "ah-tk-") {
			return false
		}
	case 'I':
		if !strings.HasPrefix(s, "ISSN ") {
			return false
		}
	case 'h':
		if !strings.HasPrefix(s, "h tk ") {
			return false
		}
	case '-', '*', '_':
		// A rule of three or more: most such lines are list items.
		if len(s) < 3 || s[1] != s[0] || s[2] != s[0] {
			return false
		}
	default:
		return false
	}
	return tkFurnitureRE.MatchString(s)
}

// dropContactLines removes a parliament's contact strip, the footer PDF
// text keeps on every page: "Vlaams Parlement — Leuvenseweg 86 — 1000
// Brussel — 02 552 11 11 — www.vlaamsparlement.be". Without page breaks
// dropPageFurniture cannot see it repeat. A line goes when it holds a web or
// mail address and either recurs or strings three parts or more together
// with dashes, bars or bullets; a link in an answer does neither.
func dropContactLines(lines []line) []line {
	var cand []int
	for i, l := range lines {
		if hasAddress(l.text) {
			cand = append(cand, i)
		}
	}
	if len(cand) == 0 {
		return lines
	}
	count := make(map[string]int, len(cand))
	for _, i := range cand {
		count[strings.TrimSpace(lines[i].text)]++
	}
	drop := make(map[int]bool, len(cand))
	for _, i := range cand {
		if t := strings.TrimSpace(lines[i].text); count[t] >= 2 || separators(t) >= 2 {
			drop[i] = true
		}
	}
	out := lines[:0]
	for i, l := range lines {
		if !drop[i] {
			out = append(out, l)
		}
	}
	return out
}

// hasAddress reports whether s holds a web or mail address: "www.",
// "http://", "https://", or an '@' after the first byte with a '.' after
// it. It runs on every line of a document, so it looks for the rare byte
// of each literal ('.', ':') and reads around it, instead of searching
// for "www." from every 'w' as strings.Contains would.
func hasAddress(s string) bool {
	for i := 0; ; i++ {
		k := strings.IndexByte(s[i:], '.')
		if k < 0 {
			break
		}
		i += k
		if i >= 3 && s[i-3:i] == "www" {
			return true
		}
	}
	for i := 0; ; i++ {
		k := strings.IndexByte(s[i:], ':')
		if k < 0 {
			break
		}
		i += k
		if strings.HasPrefix(s[i:], "://") && (strings.HasSuffix(s[:i], "http") || strings.HasSuffix(s[:i], "https")) {
			return true
		}
	}
	at := strings.IndexByte(s, '@')
	return at > 0 && strings.IndexByte(s[at:], '.') > 0
}

// separators counts the dashes, bars and bullets between spaces that
// string the parts of a footer together.
func separators(s string) int {
	n := 0
	for _, sep := range []string{" — ", " – ", " - ", " | ", " • ", " · "} {
		n += strings.Count(s, sep)
	}
	return n
}
