package parse

import (
	"fmt"
	"slices"
)

// resolveLabels repairs question and answer labels that are out of
// sequence in the interleaved layout, so that one bad label costs at most
// the text it sits in, never the document:
//
//   - a label printed a second time ("Vraag 7" twice, then "Antwoord 7",
//     "Antwoord 8") takes the next number when only the other kind of
//     label has it;
//   - a question label printed twice ("Vraag 7" twice, then "Antwoord 8"),
//     or out of sequence and never answered, takes the number of the
//     answer that follows it when no question has that number;
//   - an answer label right after a question that is never answered, whose
//     own number is answered twice or never asked ("Vraag 3", "Antwoord
//     4", ..., "Vraag 4", "Antwoord 4"), answers that question;
//   - a label still given twice after that is text of the segment before
//     it.
//
// Each repair is reported as a warning with its line.
func resolveLabels(segs []*segment) ([]*segment, []string) {
	// The numbers as tables, not maps: the labels give small numbers,
	// and a repair moves one to at most one more than the largest.
	size := 0
	for _, s := range segs {
		for _, n := range s.nums {
			size = max(size, n+2)
		}
	}
	size = min(size, maxTabled)
	asked := newNumTable(size) // how many question labels give each number
	answered := newNumTable(size)
	for _, s := range segs {
		for _, n := range s.nums {
			if s.answer {
				answered.add(n, 1)
			} else {
				asked.add(n, 1)
			}
		}
	}
	var warnings []string
	lastQ, lastA := 0, 0 // the last question and answer numbers before segs[i]
	seenQ, seenA := newNumTable(size), newNumTable(size)
	for i, s := range segs {
		// A label given a second time where the next number has none of
		// its kind but one of the other kind: "Vraag 7" twice, "Antwoord
		// 7", "Antwoord 8".
		if len(s.nums) == 1 {
			n := s.nums[0]
			same, other, seen, last, kind := asked, answered, seenQ, lastQ, "question"
			if s.answer {
				same, other, seen, last, kind = answered, asked, seenA, lastA, "answer"
			}
			if _, ok := seen.get(n); ok && same.count(last+1) == 0 && other.count(last+1) > 0 {
				warnings = append(warnings, fmt.Sprintf("line %d: %s %d given twice; read as %s %d, which follows", s.line, kind, n, kind, last+1))
				move(same, s.nums, []int{last + 1})
				s.nums = []int{last + 1}
			}
		}
		if !s.answer && i+1 < len(segs) && segs[i+1].answer && !slices.Equal(s.nums, segs[i+1].nums) {
			// A question in sequence ("Vraag 2" after 1) keeps its number:
			// then the answer label is the wrong one.
			next := segs[i+1].nums
			if noneIn(next, asked) && (someOver(s.nums, asked, 1) || noneIn(s.nums, answered) && s.nums[0] != lastQ+1) {
				warnings = append(warnings, fmt.Sprintf("line %d: %s read as %s, whose answer follows it",
					s.line, plural(s.nums, "question", "questions"), plural(next, "question", "questions")))
				move(asked, s.nums, next)
				s.nums = slices.Clone(next)
			}
		}
		if s.answer && i > 0 && !segs[i-1].answer && !slices.Equal(s.nums, segs[i-1].nums) {
			prev := segs[i-1].nums
			if noneIn(prev, answered) && (someOver(s.nums, answered, 1) || noneIn(s.nums, asked)) {
				warnings = append(warnings, fmt.Sprintf("line %d: %s read as the answer to %s, which it follows",
					s.line, plural(s.nums, "answer", "answers"), plural(prev, "question", "questions")))
				move(answered, s.nums, prev)
				s.nums = slices.Clone(prev)
			}
		}
		if s.answer {
			lastA = s.nums[len(s.nums)-1]
			for _, n := range s.nums {
				seenA.set(n, 1)
			}
		} else {
			lastQ = s.nums[len(s.nums)-1]
			for _, n := range s.nums {
				seenQ.set(n, 1)
			}
		}
	}
	// What is still given twice is text of the segment before it.
	out := segs[:0]
	firstQ, firstA := newNumTable(size), newNumTable(size)
	for _, s := range segs {
		seen := firstQ
		kind := "question"
		if s.answer {
			seen, kind = firstA, "answer"
		}
		dup := -1
		for _, n := range s.nums {
			if _, ok := seen.get(n); ok {
				dup = n
				break
			}
		}
		if dup < 0 || len(out) == 0 {
			for _, n := range s.nums {
				seen.set(n, s.line)
			}
			out = append(out, s)
			continue
		}
		warnings = append(warnings, fmt.Sprintf("line %d: %s %d given twice (first at line %d); read as text",
			s.line, kind, dup, seen.count(dup)))
		// raw holds the label and the rest of its line, parts[0].
		body := s.parts
		if s.rest != "" {
			body = body[1:]
		}
		p := out[len(out)-1]
		p.parts = append(append(p.parts, s.raw), body...)
	}
	return out, warnings
}

// noneIn reports whether no number of nums is counted in m.
func noneIn(nums []int, m *numTable) bool {
	for _, n := range nums {
		if m.count(n) > 0 {
			return false
		}
	}
	return true
}

// someOver reports whether some number of nums is counted more than k
// times in m.
func someOver(nums []int, m *numTable, k int) bool {
	for _, n := range nums {
		if m.count(n) > k {
			return true
		}
	}
	return false
}

// move moves one count from the numbers from to the numbers to.
func move(m *numTable, from, to []int) {
	for _, n := range from {
		m.add(n, -1)
	}
	for _, n := range to {
		m.add(n, 1)
	}
}

// numTable maps label numbers to ints as a map[int]int would: a slice
// for the numbers below its size, a map for the others. resolveLabels
// made six maps for every document, and their inserts were a good part
// of reading its labels.
type numTable struct {
	vals []int
	has  []bool
	more map[int]int // the numbers outside vals
}

// maxTabled bounds the size of a numTable: larger numbers go to its map.
const maxTabled = 1024

// newNumTable returns an empty numTable whose slice holds 0 to size-1.
func newNumTable(size int) *numTable {
	return &numTable{vals: make([]int, size), has: make([]bool, size)}
}

// get is the value of n and whether it has one.
func (t *numTable) get(n int) (int, bool) {
	if uint(n) < uint(len(t.vals)) {
		return t.vals[n], t.has[n]
	}
	v, ok := t.more[n]
	return v, ok
}

// count is the value of n, 0 for none.
func (t *numTable) count(n int) int {
	v, _ := t.get(n)
	return v
}

// set gives n the value v.
func (t *numTable) set(n, v int) {
	if uint(n) < uint(len(t.vals)) {
		t.vals[n], t.has[n] = v, true
		return
	}
	if t.more == nil {
		t.more = make(map[int]int)
	}
	t.more[n] = v
}

// add adds d to the value of n.
func (t *numTable) add(n, d int) { t.set(n, t.count(n)+d) }
