package parse

import (
	"regexp"
	"strings"
)

// noticeRE matches what a postponement notice says: the questions cannot
// be answered within the usual term, the answers follow as soon as
// possible. PDF text glues words ("termijnworden", "doentoekomen"), so
// only word starts are matched.
var noticeRE = regexp.MustCompile(`(?i)niet binnen de (?:gebruikelijke|gestelde) ?termijn|reden van (?:het )?uitstel|uitstel van (?:de )?beantwoording|zo spoedig mogelijk (?:de )?antwoorden`)

// noticeHeading matches the "Mededeling" heading of a notice, alone or with
// the notice text after it on the line.
var noticeHeading = regexp.MustCompile(`^(?:Mededeling|MEDEDELING)(?:\s*:?\s*$|\s*:?\s+\p{Lu})`)

// isNoticeHeading is noticeHeading.MatchString(t), which needs one of
// its words at the start: most blocks are turned away without the
// regexp, whose cost grows with the block's length.
func isNoticeHeading(t string) bool {
	return (strings.HasPrefix(t, "Mededeling") || strings.HasPrefix(t, "MEDEDELING")) && noticeHeading.MatchString(t)
}

// postponement finds a postponement notice ("Mededeling", "Uitstel
// beantwoording") at the end of the document: the minister's message that
// the questions above cannot be answered in time. It returns the index of
// its first block, or -1. Only the blocks after the last question or
// answer label are looked at, and the document must present itself as a
// notice (a "Mededeling" heading or a "Mededeling van" header), so an
// answer that mentions a delay is left alone.
func postponement(blocks []block) int {
	start, heading := -1, false
	for i := len(blocks) - 1; i >= 0; i-- {
		t := blocks[i].text
		if isNoticeHeading(t) {
			start, heading = i, true
			break
		}
		if startsBlock(t) {
			break
		}
		if mayBeNotice(t) && noticeMayMatch(t) && noticeRE.MatchString(t) {
			start = i
		}
	}
	if start < 0 || heading {
		return start
	}
	for _, b := range blocks[:start] {
		if strings.Contains(b.text, "Mededeling van ") || strings.Contains(strings.ToLower(b.text), "uitstel beantwoording") {
			return start
		}
	}
	return -1
}

// noticeText is the notice without its heading.
func noticeText(bs []block) string {
	var parts []string
	for _, b := range bs {
		t := b.text
		if m := noticeHeading.FindStringIndex(t); m != nil {
			t = strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(t[len("Mededeling"):]), ":"))
		}
		if t != "" {
			parts = append(parts, t)
		}
	}
	return strings.Join(parts, "\n\n")
}

// mayBeNotice is a cheap test before noticeRE: every match holds one of
// these words.
func mayBeNotice(t string) bool {
	return strings.Contains(t, "termijn") || strings.Contains(t, "itstel") || strings.Contains(t, "spoedig") ||
		strings.Contains(t, "TERMIJN") || strings.Contains(t, "ITSTEL") || strings.Contains(t, "SPOEDIG")
}

// noticeMayMatch is false only where noticeRE cannot match: every match
// starts with one of noticeStarts in some case. noticeRE has no literal
// to start from, so it is tried at every byte of what may be a long
// paragraph. Lower case finds the starts in any case (ToLower makes the
// Kelvin sign 'k', as (?i) folds it) but one: (?i) also folds 'ſ' to 's',
// so a text holding it goes to the regexp.
func noticeMayMatch(t string) bool {
	if strings.Contains(t, "ſ") {
		return true
	}
	low := strings.ToLower(t)
	for _, s := range noticeStarts {
		if strings.Contains(low, s) {
			return true
		}
	}
	return false
}

// noticeStarts are how the alternatives of noticeRE start, in lower case.
var noticeStarts = []string{"niet binnen de ", "reden van ", "uitstel van ", "zo spoedig mogelijk "}
