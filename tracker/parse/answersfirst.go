package parse

import (
	"regexp"
	"strings"
)

// A reply by e-mail may give the answers first, labelled ("Ad 1 t/m 3",
// "Ad 4"), and the questions only in the member's message quoted under it,
// after the signature and the "Op ... schreef ...:" line. answersFirst
// sets the quoted message, with its numbered questions, before the answers,
// under an answer heading, so that the grouped layout reads them; what
// follows the last question (the member's greeting) is left out. It reads
// only such a reply: two answer labels or more, then a mail boundary, then
// two numbered questions or more.
func answersFirst(blocks []block) ([]block, bool) {
	first, last := -1, -1
	for i, b := range blocks {
		if _, _, ok := adLabel(b.text); ok {
			if first < 0 {
				first = i
			}
			last = i
		} else if l, ok := parseLabel(b.text); ok && l.answer {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	if first < 0 || last == first {
		return nil, false
	}
	end := -1 // the mail boundary after the last answer
	for i := last + 1; i < len(blocks); i++ {
		if mailBoundary(blocks[i].text) {
			end = i
			break
		}
	}
	if end < 0 {
		return nil, false
	}
	qFirst, qLast := -1, -1
	for i := end; i < len(blocks); i++ {
		if _, _, _, ok := itemLabel(blocks[i].text); ok && strings.Contains(blocks[i].text, "?") {
			if qFirst < 0 {
				qFirst = i
			}
			qLast = i
		}
	}
	if qFirst < 0 || qLast == qFirst {
		return nil, false
	}
	out := make([]block, 0, len(blocks)+1)
	out = append(out, blocks[:first]...)
	out = append(out, blocks[end:qLast+1]...)
	out = append(out, block{text: "Antwoord", line: blocks[first].line})
	out = append(out, blocks[first:end]...)
	return out, true
}

// mailBoundaryRE matches where a reply ends and what it quotes begins: the
// signature separator "-- " and the "Op 15-10-2025 om 16:42 schreef ...:"
// line, or its English "On ... wrote:".
var mailBoundaryRE = regexp.MustCompile(`^(?:--\s|Op\s.{4,80}\sschreef\b|On\s.{4,80}\swrote\b|-----\s*(?:Oorspronkelijk|Original))`)

func mailBoundary(s string) bool { return mailBoundaryRE.MatchString(s) }
