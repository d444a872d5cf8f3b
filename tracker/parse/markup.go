package parse

import (
	"html"
	"regexp"
	"strings"
)

// Text pasted from an e-mail or a web page carries the markup of where it
// came from: HTML entities that were never decoded ("financi&euml;le",
// "&nbsp;"), the "> " of a quoted message on every line, and the marks
// of Markdown ("**Vraag 1**", "## Antwoord 3"). unwrapMarkup takes them
// off, so that labels and words read as the document wrote them. It
// changes nothing in text that holds none of them.
func unwrapMarkup(s string) string {
	if strings.Contains(s, "\tAntwoord") {
		s = untable(s)
	}
	s = ungrid(s)
	if strings.IndexByte(s, '&') >= 0 && entityRE.MatchString(s) {
		s = html.UnescapeString(s)
	}
	if quoted(s) {
		s = quotePrefix.ReplaceAllString(s, "")
	}
	if strings.Contains(s, "**") {
		s = strings.ReplaceAll(s, "**", "")
	}
	if strings.HasPrefix(s, "#") || strings.Contains(s, "\n#") {
		s = headingMark.ReplaceAllString(s, "")
	}
	return s
}

var (
	entityRE    = regexp.MustCompile(`&(?:#[0-9]{2,6}|#x[0-9a-fA-F]{2,5}|[a-zA-Z]{2,8});`)
	quotePrefix = regexp.MustCompile(`(?m)^> ?`)
	headingMark = regexp.MustCompile(`(?m)^#{1,6} +`)
)

// quoted reports whether s is a quoted message: a third or more of its
// lines that are not blank start with ">", ten at least.
func quoted(s string) bool {
	if !strings.HasPrefix(s, ">") && !strings.Contains(s, "\n>") {
		return false
	}
	n, q := 0, 0
	for s != "" {
		l, rest, _ := strings.Cut(s, "\n")
		s = rest
		if l = strings.TrimRight(l, " \r"); l == "" {
			continue
		}
		n++
		if l[0] == '>' {
			q++
		}
	}
	return q >= 10 && 3*q >= n
}
