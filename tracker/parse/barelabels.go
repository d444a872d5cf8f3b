package parse

import (
	"regexp"
	"strconv"
	"unicode"
	"unicode/utf8"
)

// bareLabelRE matches an answer's label alone on its line, without a
// stop: "1", a part "4.a", a range "8-9", a list "5, 6 en 7".
var bareLabelRE = regexp.MustCompile(`^(\d{1,2})(?:\.?([a-z])|\s*[-–]\s*(\d{1,2})|((?:\s*,\s*\d{1,2})*\s+en\s+(\d{1,2})))?$`)

// bareLabels reads the labels that answers carry alone on their line after
// the answer heading, without a stop ("1", "4.a", "8-9" over the answer's
// paragraph), which dropFootnoteMarks would otherwise drop as page numbers
// or footnote marks. A label is taken only as the next answer number or
// one of the two after it (a question may be answered with another, or
// not at all), so footnote marks, which count from 1 again, stay marks.
type bareLabels struct {
	next int // the next answer number expected; 0 before the heading
}

// see notes an answer heading ("ANTWOORD", "Antwoord van de minister").
func (b *bareLabels) see(t string) {
	if b.next == 0 && t != "" && t[0]|0x20 == 'a' && answerHeading(t) {
		b.next = 1
	}
}

// label returns what to set before the paragraph that follows t when t is
// an answer's label, and the next number expected after it.
func (b *bareLabels) label(t string) (string, int, bool) {
	if b.next == 0 || len(t) > 16 {
		return "", 0, false
	}
	m := bareLabelRE.FindStringSubmatch(t)
	if m == nil {
		return "", 0, false
	}
	n, _ := strconv.Atoi(m[1])
	inLine := n >= b.next && n < b.next+3
	switch {
	case m[5] != "":
		last, _ := strconv.Atoi(m[5])
		if !inLine || last <= n {
			return "", 0, false
		}
		return t + ". ", last + 1, true
	case m[3] != "":
		last, _ := strconv.Atoi(m[3])
		if !inLine || last <= n {
			return "", 0, false
		}
		return m[1] + "-" + m[3] + ". ", last + 1, true
	case m[2] != "" && n == b.next-1:
		return t + " ", b.next, true // "4.b" after "4.a": a part of the same answer
	case !inLine:
		return "", 0, false
	case m[2] != "":
		return m[1] + ". " + t + " ", n + 1, true // "4.a": answer 4 begins with its first part
	}
	return m[1] + ". ", n + 1, true
}

// take sets the label of lines[i], when it is one, before the paragraph
// that follows it, which must open with a capital, after a line that ends
// a sentence (prev, "" for none); it reports whether it did.
func (b *bareLabels) take(lines []line, i int, prev string) bool {
	lab, next, ok := b.label(lines[i].text)
	if !ok || prev != "" && !endsSentence(prev) {
		return false
	}
	j := i + 1
	for j < len(lines) && lines[j].text == "" {
		j++
	}
	if j == len(lines) {
		return false
	}
	if r, _ := utf8.DecodeRuneInString(lines[j].text); !unicode.IsUpper(r) {
		return false
	}
	lines[j].text = lab + lines[j].text
	lines[j].num = lines[i].num
	b.next = next
	return true
}

// noteLines is the number of lines of the footnote that the lone number
// lines[i] heads, set among the paragraphs rather than at the foot of a
// page, or 0 when it heads none: its number is that of a mark already
// taken from the text (below next), and its note, one to three lines,
// follows it without a blank line, up to a blank line or the next note's
// number.
func noteLines(lines []line, i, next int) int {
	if !isLoneNumber(lines[i].text) {
		return 0
	}
	n, _ := strconv.Atoi(lines[i].text)
	if n < 1 || n >= next {
		return 0
	}
	k := 0
	for j := i + 1; j < len(lines) && lines[j].text != "" && !isLoneNumber(lines[j].text); j++ {
		k++
	}
	if k > 3 {
		return 0
	}
	return k
}
