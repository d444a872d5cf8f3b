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
	asked := make(map[int]int) // how many question labels give each number
	answered := make(map[int]int)
	for _, s := range segs {
		for _, n := range s.nums {
			if s.answer {
				answered[n]++
			} else {
				asked[n]++
			}
		}
	}
	var warnings []string
	lastQ, lastA := 0, 0 // the last question and answer numbers before segs[i]
	seenQ, seenA := make(map[int]bool), make(map[int]bool)
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
			if seen[n] && same[last+1] == 0 && other[last+1] > 0 {
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
				seenA[n] = true
			}
		} else {
			lastQ = s.nums[len(s.nums)-1]
			for _, n := range s.nums {
				seenQ[n] = true
			}
		}
	}
	// What is still given twice is text of the segment before it.
	out := segs[:0]
	firstQ, firstA := make(map[int]int), make(map[int]int)
	for _, s := range segs {
		seen := firstQ
		kind := "question"
		if s.answer {
			seen, kind = firstA, "answer"
		}
		dup := -1
		for _, n := range s.nums {
			if _, ok := seen[n]; ok {
				dup = n
				break
			}
		}
		if dup < 0 || len(out) == 0 {
			for _, n := range s.nums {
				seen[n] = s.line
			}
			out = append(out, s)
			continue
		}
		warnings = append(warnings, fmt.Sprintf("line %d: %s %d given twice (first at line %d); read as text",
			s.line, kind, dup, seen[dup]))
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
func noneIn(nums []int, m map[int]int) bool {
	for _, n := range nums {
		if m[n] > 0 {
			return false
		}
	}
	return true
}

// someOver reports whether some number of nums is counted more than k
// times in m.
func someOver(nums []int, m map[int]int, k int) bool {
	for _, n := range nums {
		if m[n] > k {
			return true
		}
	}
	return false
}

// move moves one count from the numbers from to the numbers to.
func move(m map[int]int, from, to []int) {
	for _, n := range from {
		m[n]--
	}
	for _, n := range to {
		m[n]++
	}
}
