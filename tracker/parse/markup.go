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
	if hasLinkList(s) {
		s = unLinkList(s)
	}
	if strings.Contains(s, "\tAntwoord") {
		s = untable(s)
	}
	s = ungrid(s)
	s = joinMarginLabels(s)
	if strings.IndexByte(s, '&') >= 0 && entityRE.MatchString(s) {
		s = html.UnescapeString(s)
	}
	if quoted(s) {
		s = quotePrefix.ReplaceAllString(s, "")
	} else if i := quotedTail(s); i >= 0 {
		// A reply with the message it answers quoted below it: the
		// questions, often.
		s = s[:i] + quotePrefix.ReplaceAllString(s[i:], "")
	}
	if afterNewline(s, '*') {
		s = starLine.ReplaceAllString(s, "$1")
	}
	if strings.Contains(s, "[^") {
		// Markdown footnotes: the notes after the text, the marks in it.
		s = noteDefinition.ReplaceAllString(s, "")
		s = noteMark.ReplaceAllString(s, "")
	}
	if strings.Contains(s, "\\\n") {
		s = hardBreak.ReplaceAllString(s, "") // pandoc's "\" line break
	}
	if strings.Contains(s, "**") {
		s = strings.ReplaceAll(s, "**", "")
	}
	if strings.HasPrefix(s, "#") || afterNewline(s, '#') {
		s = headingMark.ReplaceAllString(s, "")
	}
	return s
}

var (
	entityRE       = regexp.MustCompile(`&(?:#[0-9]{2,6}|#x[0-9a-fA-F]{2,5}|[a-zA-Z]{2,8});`)
	quotePrefix    = regexp.MustCompile(`(?m)^> ?`)
	headingMark    = regexp.MustCompile(`(?m)^#{1,6} +`)
	noteDefinition = regexp.MustCompile(`(?m)^\[\^[0-9A-Za-z]+\]:[^\n]*(?:\n[ \t]+\S[^\n]*)*\n?`)
	noteMark       = regexp.MustCompile(`\[\^[0-9A-Za-z]+\]`)
	hardBreak      = regexp.MustCompile(`(?m)\\$`)
	// starLine matches a line set in bold by a mail program: "*Ad 1*".
	starLine = regexp.MustCompile(`(?m)^\*([^*\n]+)\*[ \t]*$`)
)

// quotedTail returns where the quoted message at the end of s begins: ten
// or more lines starting with ">" up to the end, blank lines among them;
// -1 when s ends otherwise.
func quotedTail(s string) int {
	end := len(s)
	n, start := 0, -1
	for end > 0 {
		i := strings.LastIndexByte(s[:end], '\n') + 1
		l := strings.TrimRight(s[i:end], " \r")
		switch {
		case l == "":
		case l[0] == '>':
			n++
			start = i
		default:
			if n >= 10 {
				return start
			}
			return -1
		}
		if i == 0 {
			break
		}
		end = i - 1
	}
	if n >= 10 {
		return start
	}
	return -1
}

// quoted reports whether s is a quoted message: a third or more of its
// lines that are not blank start with ">", ten at least.
func quoted(s string) bool {
	if !strings.HasPrefix(s, ">") && !afterNewline(s, '>') {
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

// afterNewline reports whether s holds c right after a line break:
// strings.Contains(s, "\n"+string(c)), found where c is, which is rare
// ('*', '#', '>'), not where the line breaks are, at each of which the
// search of the two bytes stopped.
func afterNewline(s string, c byte) bool {
	for i := 1; i < len(s); i++ {
		j := strings.IndexByte(s[i:], c)
		if j < 0 {
			return false
		}
		if i += j; s[i-1] == '\n' {
			return true
		}
	}
	return false
}
