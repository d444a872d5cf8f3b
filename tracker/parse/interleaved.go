package parse

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/pqtrack/pqtrack/tracker"
)

// labelRE matches a "Vraag 1" / "Antwoord 1" label at the start of a
// paragraph, in its combined forms: "Vraag 2 en 3", "Vragen 2, 3 en 4",
// "Antwoord 2, 3", "Antwoord op vraag 4", "Antwoord op vragen 5 en 6",
// "Antwoord vraag 4-7:", "Antwoord vragen 1,2 en 3", "Antwoord 2 t/m 4",
// "Antwoord op vraag 2 en vraag 3", "Antwoord 2 + 3" (not "2/3": "Vraag
// 56/123" is a Belgian question's number),
// with an optional colon and text after it.
var labelRE = mustCut(`^(Vraag|Vragen|VRAAG|VRAGEN|Antwoord|Antwoorden|ANTWOORD|ANTWOORDEN)(?:\s+(?:(?:op|bij)\s+)?(?:de\s+)?(?:vraag|vragen|Vraag|Vragen|VRAAG|VRAGEN))?\s+(\d{1,4}(?:\s*(?:,|en|t/m|tot en met|t\.e\.m\.|tem|tot|–|-|&|\+)\s*(?:(?:vraag|Vraag|VRAAG)\s+)?\d{1,4})*)\s*([:.)–-])?(?:\s+|$)`)

// maxDigits is the most digits a question number has in a label: numbers
// up to 9999 are read; a longer one is reported (see bigLabel).
const maxDigits = 4

// label is a parsed question or answer label.
type label struct {
	answer bool
	nums   []int
	rest   string // text after the label on the same line
}

// parseLabel reads a label at the start of s. Text after the number must
// be set off by a colon or start with a capital, or it is a sentence that
// happens to begin with "Vraag 3 ...".
func parseLabel(s string) (label, bool) {
	// Most lines are no label: a prefix test spares the regexp.
	w := labelWord(s)
	if w == "" {
		return label{}, false
	}
	if l, ok, sure := simpleLabelAfter(s, w); sure {
		return l, ok
	}
	m := labelRE.FindStringSubmatchIndex(s)
	if m == nil {
		return label{}, false
	}
	word := strings.ToLower(s[m[2]:m[3]])
	rest := s[m[1]:]
	if rest != "" && m[6] < 0 && startsLower(rest) {
		return label{}, false
	}
	nums := numberList(s[m[4]:m[5]])
	if len(nums) == 0 {
		return label{}, false
	}
	return label{answer: strings.HasPrefix(word, "antwoord"), nums: nums, rest: rest}, true
}

// labelWords are the words labelRE starts with.
var labelWords = []string{"Vraag", "Vragen", "VRAAG", "VRAGEN", "Antwoord", "Antwoorden", "ANTWOORD", "ANTWOORDEN"}

// labelStart reports whether s starts with one of labelWords and white
// space, as every match of labelRE does.
func labelStart(s string) bool { return labelWord(s) != "" }

// labelWord is the word of labelWords that s starts with, followed by
// white space, or "". Only one can be: of two words one of which begins
// the other ("Antwoord", "Antwoorden"), a letter follows the shorter.
func labelWord(s string) string {
	if len(s) < 6 || s[0] != 'V' && s[0] != 'A' {
		return ""
	}
	for _, w := range labelWords {
		if len(s) > len(w) && s[:len(w)] == w && isREspace(s[len(w)]) {
			return w
		}
	}
	return ""
}

// isREspace reports whether c is white space as \s in a regexp.
func isREspace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}

// simpleLabel reads the common forms "Vraag 1", "Antwoord 2:" and
// "Antwoord 2: text" as labelRE and parseLabel do, without the regexp;
// sure is false for any other form.
func simpleLabel(s string) (l label, ok, sure bool) { return simpleLabelAfter(s, labelWord(s)) }

// simpleLabelAfter is simpleLabel of s, whose labelWord is w: the word
// is found once for parseLabel's prefix test and this.
func simpleLabelAfter(s, w string) (l label, ok, sure bool) {
	i := len(w) + 1
	if w == "" || i >= len(s) || s[len(w)] != ' ' {
		return label{}, false, false
	}
	k := i
	for k < len(s) && isDigit(s[k]) {
		k++
	}
	if k == i || k-i > maxDigits {
		return label{}, false, false
	}
	rest := s[k:]
	switch {
	case rest == "":
	case rest[0] == ':' && (len(rest) == 1 || isREspace(rest[1])):
		rest = strings.TrimLeft(rest[1:], " \t\n\f\r")
	case len(rest) > 1 && 'A' <= rest[0] && rest[0] <= 'Z' && isLowerASCII(rest[1]):
		// "Vraag 8Hoeveel ...": the line break after the label lost in
		// extraction.
	default:
		return label{}, false, false
	}
	n, _ := strconv.Atoi(s[i:k])
	if n == 0 {
		return label{}, false, true
	}
	return label{answer: w[0] == 'A', nums: oneNum(n), rest: rest}, true, true
}

// oneNums back the number lists of labels with one number below 256
// ("Vraag 3", "Antwoord 3"), most labels: a list is only ever read or
// replaced, never written, so they share these instead of one
// allocation each.
var oneNums = func() (a [256]int) {
	for i := range a {
		a[i] = i
	}
	return a
}()

// oneNum returns the list of the one number n, capacity 1: an append to
// it makes a new array.
func oneNum(n int) []int {
	if n >= 0 && n < len(oneNums) {
		return oneNums[n : n+1 : n+1]
	}
	return []int{n}
}

func isLabelLine(s string) bool {
	_, ok := parseLabel(s)
	return ok
}

// labelOnly reports whether s is a label with no text after it.
func labelOnly(s string) bool {
	if s == "" || s[0] != 'V' && s[0] != 'A' {
		return false // both kinds of label start so
	}
	if l, ok := parseLabel(s); ok && l.rest == "" {
		return true
	}
	if _, rest, ok := adLabel(s); ok && rest == "" {
		return true
	}
	if !aloneUnnumbered(s) {
		return false
	}
	m := unnumberedLabel.FindString(s)
	return m != "" && strings.TrimRight(m, " ") == strings.TrimRight(s, " ")
}

// segment is the text under one label.
type segment struct {
	label
	line  int
	raw   string // the label's paragraph, for when it turns out to be text
	parts []string
}

func (s *segment) text() string { return strings.Join(s.parts, "\n\n") }

// interleaved reads the Tweede Kamer layout: "Vraag 1", question,
// "Antwoord 1", answer. It returns nil when the document has no such labels.
func interleaved(blocks []block) (*result, *Error) {
	blocks = gatherParts(blocks)
	r, err := interleavedWith(blocks, false)
	if r == nil && err == nil {
		// "1. question" paragraphs with "Antwoord vraag 1:" labels.
		r, err = interleavedWith(blocks, true)
	}
	return r, err
}

// bareQuestions counts the lines "Vraag" (or "Vraag:") alone with a bare
// "Antwoord" within the three paragraphs after it: a question and answer
// layout whose numbers were lost. A "Vraag" heading over a list of
// numbered questions has no such answer near it.
func bareQuestions(blocks []block) int {
	n := 0
	for i, b := range blocks {
		if b.text == "" || b.text[0] != 'V' || !aloneUnnumbered(b.text) {
			continue
		}
		m := unnumberedLabel.FindString(b.text)
		if m == "" || strings.TrimRight(m, " ") != strings.TrimRight(b.text, " ") {
			continue
		}
		for _, next := range blocks[i+1 : min(i+4, len(blocks))] {
			if bareAnswerRE.MatchString(next.text) {
				n++
				break
			}
		}
	}
	return n
}

// bareAnswerRE matches an answer label without a number ("Antwoord",
// "Antwoord:"), which answers the question labelled just before it.
var bareAnswerRE = regexp.MustCompile(`^(?:Antwoord|ANTWOORD)\s*(?::\s*|$)`)

// interleavedWith reads the labels; with numberedQuestions, paragraphs
// numbered "1." count as question labels too.
func interleavedWith(blocks []block, numberedQuestions bool) (*result, *Error) {
	var segs []*segment
	var noted []string // labels read as something else: a number too large, none at all
	header := -1
	nq, na := 0, 0
	lastQ := 0               // numbered questions go up; a lower number is a list in an answer
	answersAsked := false    // after an "Antwoord" heading, "Vraag 1" again heads answer 1
	var labelled map[int]int // the labels of each number, once needed (labelNumbers)
	// Where numbering was lost with Word's automatic numbering, every
	// "Vraag" may stand alone, the first one too.
	bare := !numberedQuestions && bareQuestions(blocks) >= 2
	for i, b := range blocks {
		l, ok := parseLabel(b.text)
		if ok && answersAsked && !l.answer {
			l.answer = true
		}
		if !ok && !numberedQuestions && len(segs) > 0 && !segs[len(segs)-1].answer && strings.HasPrefix(b.text, "A") {
			if m := bareAnswerRE.FindStringIndex(b.text); m != nil {
				if m[1] == len(b.text) && i+1 < len(blocks) {
					// A bare "Antwoord" heading the answers: over numbered
					// answers ("Antwoord 1: ...") it is no label and no
					// question text; over the questions' labels again
					// ("Vraag 1") those head the answers.
					if next, ok := parseLabel(blocks[i+1].text); ok && (next.answer || len(next.nums) > 0 && next.nums[0] == 1) {
						answersAsked = !next.answer
						continue
					}
				}
				l, ok = label{answer: true, nums: segs[len(segs)-1].nums, rest: b.text[m[1]:]}, true
			}
		}
		if !ok && !numberedQuestions && (len(segs) > 0 || bare) && strings.HasPrefix(b.text, "V") {
			if m := unnumberedLabel.FindString(b.text); m != "" {
				// "Vraag" without its number among numbered labels: the
				// question after the last one.
				l, ok = label{nums: oneNum(lastQ + 1), rest: b.text[len(m):]}, true
				noted = append(noted, fmt.Sprintf("line %d: question without its number; read as question %d", b.line, lastQ+1))
			}
		}
		if !ok && !numberedQuestions && lastQ > 0 && segs[len(segs)-1].answer && b.text != "" && isDigit(b.text[0]) {
			// "7." alone on its line, or before a question, among "Vraag
			// 6" / "Antwoord 6" and "Antwoord 7": the next question, its
			// label's word lost. An item of a list in an answer says
			// something else, and a table's row is no question.
			if m := itemRE.FindStringSubmatchIndex(b.text); m != nil {
				if labelled == nil {
					labelled = labelNumbers(blocks)
				}
				rest := b.text[m[1]:]
				if nums := numberList(b.text[m[2]:m[3]]); len(nums) == 1 && nums[0] == lastQ+1 &&
					labelled[nums[0]] == answerOnly && (rest == "" || strings.HasSuffix(rest, "?")) {
					l, ok = label{nums: nums, rest: rest}, true
				}
			}
		}
		if !ok && numberedQuestions && b.text != "" && isDigit(b.text[0]) {
			if m := itemRE.FindStringSubmatchIndex(b.text); m != nil {
				if nums := numberList(b.text[m[2]:m[3]]); len(nums) > 0 && nums[0] > lastQ {
					l, ok = label{nums: nums, rest: b.text[m[1]:]}, true
				}
			}
		}
		if ok {
			if !l.answer {
				lastQ = max(lastQ, l.nums[len(l.nums)-1])
			}
			if header < 0 {
				header = i
			}
			s := &segment{label: l, line: b.line, raw: b.text}
			if l.rest != "" {
				s.parts = append(s.parts, l.rest)
			}
			segs = append(segs, s)
			if l.answer {
				na++
			} else {
				nq++
			}
			continue
		}
		if n, ok := bigLabel(b.text); ok {
			noted = append(noted, fmt.Sprintf("line %d: the number %s in %q is too large for a question number; read as text", b.line, n, excerpt(b.text, 30)))
		}
		if len(segs) > 0 {
			segs[len(segs)-1].parts = append(segs[len(segs)-1].parts, b.text)
		}
	}
	if !(nq > 0 && na > 0 || nq >= 2 && !numberedQuestions) || numberedQuestions && na < 2 {
		return nil, nil
	}
	segs, warnings := resolveLabels(segs)
	warnings = append(noted, warnings...)
	if last := segs[len(segs)-1]; last.answer {
		last.parts = dropTrailer(last.parts)
	}
	questions := make(map[int]string)
	answers := make(map[int]*segment)
	for _, s := range segs {
		if s.answer {
			for _, n := range s.nums {
				answers[n] = s
			}
			continue
		}
		for k, q := range splitCombined(s.text(), len(s.nums)) {
			questions[s.nums[k]] = q
		}
	}
	var nums, orphans []int
	for n := range questions {
		nums = append(nums, n)
	}
	for n := range answers {
		if _, ok := questions[n]; !ok {
			orphans = append(orphans, n)
		}
	}
	slices.Sort(nums)
	slices.Sort(orphans)
	r := &result{layout: tracker.Interleaved, header: header, orphans: orphans, warnings: warnings}
	r.items = make([]tracker.Item, 0, len(nums))
	for _, n := range nums {
		it := tracker.Item{Number: n, Question: questions[n]}
		if a := answers[n]; a != nil {
			it.Answer = a.text()
			it.AnsweredWith = others(a.nums, n)
		}
		r.items = append(r.items, it)
	}
	shareNamedAnswers(r.items)
	return r, nil
}

// bigLabel reports whether s starts as a label does ("Vraag 12345") with
// a number of more than maxDigits digits, and returns the number.
func bigLabel(s string) (string, bool) {
	if !labelStart(s) {
		return "", false
	}
	i := strings.IndexByte(s, ' ')
	for i < len(s) && s[i] == ' ' {
		i++
	}
	k := i
	for k < len(s) && isDigit(s[k]) {
		k++
	}
	return s[i:k], k-i > maxDigits
}

// others lists the numbers in nums other than n, or nil.
func others(nums []int, n int) []int {
	var out []int
	for _, m := range nums {
		if m != n {
			out = append(out, m)
		}
	}
	return out
}

func isLowerASCII(c byte) bool { return 'a' <= c && c <= 'z' }

// labelNumbers gives, for each number that labels a question or an
// answer in blocks, which: answerOnly, questionToo.
func labelNumbers(blocks []block) map[int]int {
	out := make(map[int]int)
	for _, b := range blocks {
		if l, ok := parseLabel(b.text); ok {
			for _, n := range l.nums {
				switch {
				case !l.answer:
					out[n] = questionToo
				case out[n] == 0:
					out[n] = answerOnly
				}
			}
		}
	}
	return out
}

// What labels a number (labelNumbers).
const (
	answerOnly = 1 + iota
	questionToo
)
