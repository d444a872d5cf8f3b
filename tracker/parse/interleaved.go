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
// with an optional colon and text after it.
var labelRE = regexp.MustCompile(`^(Vraag|Vragen|VRAAG|VRAGEN|Antwoord|Antwoorden|ANTWOORD|ANTWOORDEN)(?:\s+(?:(?:op|bij)\s+)?(?:de\s+)?(?:vraag|vragen|Vraag|Vragen|VRAAG|VRAGEN))?\s+(\d{1,3}(?:\s*(?:,|en|t/m|tot en met|–|-|&)\s*\d{1,3})*)\s*([:.)–-])?(?:\s+|$)`)

var numRE = regexp.MustCompile(`\d+`)

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
	if len(s) < 3 || !(strings.EqualFold(s[:3], "vra") || strings.EqualFold(s[:3], "ant")) {
		return label{}, false
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

// numberList reads "2, 3 en 4" or "2 t/m 4" as question numbers.
func numberList(s string) []int {
	var nums []int
	locs := numRE.FindAllStringIndex(s, -1)
	for i, loc := range locs {
		n, _ := strconv.Atoi(s[loc[0]:loc[1]])
		if i > 0 && len(nums) > 0 {
			sep := strings.TrimSpace(s[locs[i-1][1]:loc[0]])
			if sep == "t/m" || sep == "tot en met" || sep == "-" || sep == "–" {
				from := nums[len(nums)-1]
				if n <= from || n-from > 50 {
					return nil
				}
				for k := from + 1; k < n; k++ {
					nums = append(nums, k)
				}
			}
		}
		if n == 0 {
			return nil
		}
		nums = append(nums, n)
	}
	return nums
}

func isLabelLine(s string) bool {
	_, ok := parseLabel(s)
	return ok
}

// labelOnly reports whether s is a label with no text after it.
func labelOnly(s string) bool {
	l, ok := parseLabel(s)
	return ok && l.rest == "" || unnumberedLabel.MatchString(s) && strings.TrimRight(unnumberedLabel.FindString(s), " ") == strings.TrimRight(s, " ")
}

// segment is the text under one label.
type segment struct {
	label
	line  int
	parts []string
}

func (s *segment) text() string { return strings.Join(s.parts, "\n\n") }

// interleaved reads the Tweede Kamer layout: "Vraag 1", question,
// "Antwoord 1", answer. It returns nil when the document has no such labels.
func interleaved(blocks []block) (*result, *Error) {
	r, err := interleavedWith(blocks, false)
	if r == nil && err == nil {
		// "1. question" paragraphs with "Antwoord vraag 1:" labels.
		r, err = interleavedWith(blocks, true)
	}
	return r, err
}

// bareAnswerRE matches an answer label without a number ("Antwoord",
// "Antwoord:"), which answers the question labelled just before it.
var bareAnswerRE = regexp.MustCompile(`^(?:Antwoord|ANTWOORD)\s*(?::\s*|$)`)

// interleavedWith reads the labels; with numberedQuestions, paragraphs
// numbered "1." count as question labels too.
func interleavedWith(blocks []block, numberedQuestions bool) (*result, *Error) {
	var segs []*segment
	header := -1
	nq, na := 0, 0
	lastQ := 0 // numbered questions go up; a lower number is a list in an answer
	for i, b := range blocks {
		l, ok := parseLabel(b.text)
		if !ok && !numberedQuestions && len(segs) > 0 && !segs[len(segs)-1].answer {
			if m := bareAnswerRE.FindStringIndex(b.text); m != nil {
				l, ok = label{answer: true, nums: segs[len(segs)-1].nums, rest: b.text[m[1]:]}, true
			}
		}
		if !ok && numberedQuestions {
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
			s := &segment{label: l, line: b.line}
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
		if len(segs) > 0 {
			segs[len(segs)-1].parts = append(segs[len(segs)-1].parts, b.text)
		}
	}
	if !(nq > 0 && na > 0 || nq >= 2 && !numberedQuestions) || numberedQuestions && na < 2 {
		return nil, nil
	}
	questions := make(map[int]string)
	answers := make(map[int]*segment)
	for _, s := range segs {
		for _, n := range s.nums {
			if s.answer {
				if prev, dup := answers[n]; dup {
					return nil, &Error{Line: s.line, Msg: fmt.Sprintf("answer %d given twice (first at line %d)", n, prev.line)}
				}
				answers[n] = s
				continue
			}
			if _, dup := questions[n]; dup {
				return nil, &Error{Line: s.line, Msg: fmt.Sprintf("question %d given twice", n)}
			}
			questions[n] = s.text()
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
	r := &result{layout: tracker.Interleaved, header: header, orphans: orphans}
	for _, n := range nums {
		it := tracker.Item{Number: n, Question: questions[n]}
		if a := answers[n]; a != nil {
			it.Answer = a.text()
			it.AnsweredWith = others(a.nums, n)
		}
		r.items = append(r.items, it)
	}
	return r, nil
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
