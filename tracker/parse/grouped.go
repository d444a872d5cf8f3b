package parse

import (
	"regexp"
	"slices"
	"strings"

	"github.com/pqtrack/pqtrack/tracker"
)

// itemRE matches a numbered paragraph: "1. ", "3 en 4. ", "2) ".
var itemRE = regexp.MustCompile(`^(\d{1,3}(?:\s*(?:en|,|t/m|-|–)\s*\d{1,3})*)[.)]\s+`)

// answerHeadingRE matches the heading between the questions and the
// answers: "ANTWOORD", "Antwoord:", "Antwoord van de minister".
var answerHeadingRE = regexp.MustCompile(`(?i)^\s*antwoord(?:en)?(?:\s|:|$)`)

type numbered struct {
	block int
	nums  []int
	rest  string
}

// grouped reads the Flemish layout: all questions numbered 1..n, then all
// answers numbered again from 1. The restart is found by trying each
// paragraph numbered 1 and keeping the split that pairs the most numbers,
// so numbered lists inside a question or an answer do not fool it.
func grouped(blocks []block) (*result, *Error) {
	var labels []numbered
	for i, b := range blocks {
		if b.text == "" || !isDigit(b.text[0]) {
			continue // itemRE needs a digit first
		}
		m := itemRE.FindStringSubmatchIndex(b.text)
		if m == nil {
			continue
		}
		nums := numberList(b.text[m[2]:m[3]])
		if len(nums) == 0 {
			continue
		}
		labels = append(labels, numbered{block: i, nums: nums, rest: b.text[m[1]:]})
	}
	if len(labels) == 0 || labels[0].nums[0] != 1 {
		return nil, nil
	}
	best, bestScore := -1, 0
	var bestQ, bestA []int
	for j := 1; j < len(labels); j++ {
		if labels[j].nums[0] != 1 {
			continue
		}
		q := chain(labels[:j])
		a := chain(labels[j:])
		qs := make(map[int]bool)
		for _, k := range q {
			for _, n := range labels[k].nums {
				qs[n] = true
			}
		}
		score := 0
		for _, k := range a {
			for _, n := range labels[j+k].nums {
				if qs[n] {
					score++
				}
			}
		}
		if score > bestScore {
			best, bestScore = j, score
			bestQ, bestA = q, a
			for i := range bestA {
				bestA[i] += j
			}
		}
	}
	var r *result
	if best < 0 {
		// Numbered questions and no answers: keep them when they ask.
		q := chain(labels)
		if len(q) < 2 {
			return nil, nil
		}
		r = &result{layout: tracker.Grouped}
		bestQ = q
		best = len(labels)
	} else {
		r = &result{layout: tracker.Grouped}
	}
	r.header = labels[bestQ[0]].block
	end := len(blocks)
	if best < len(labels) {
		end = labels[best].block
	}
	// An "ANTWOORD" heading ends the last question, whatever follows it
	// before answer 1 ("op vraag nr. 412 van 14 februari 2023").
	for i := labels[bestQ[len(bestQ)-1]].block + 1; i < end; i++ {
		if answerHeadingRE.MatchString(blocks[i].text) {
			end = i
			break
		}
	}
	questions := texts(blocks, labels, bestQ, end)
	answers := texts(blocks, labels, bestA, len(blocks))
	with := make(map[int][]int)
	for _, k := range bestA {
		for _, n := range labels[k].nums {
			with[n] = others(labels[k].nums, n)
		}
	}
	seen := make(map[int]bool)
	add := func(n int) {
		if seen[n] {
			return
		}
		seen[n] = true
		r.items = append(r.items, tracker.Item{Number: n, Question: questions[n], Answer: answers[n], AnsweredWith: with[n]})
	}
	for _, k := range bestQ {
		for _, n := range labels[k].nums {
			add(n)
		}
	}
	for _, k := range bestA {
		for _, n := range labels[k].nums {
			if !seen[n] {
				seen[n] = true
				r.orphans = append(r.orphans, n)
			}
		}
	}
	slices.Sort(r.orphans)
	return r, nil
}

// chain picks, from labels in order, the run of increasing numbers that
// starts at 1, allowing small gaps; other numbered paragraphs are list
// items inside the text. A number that does not go up starts such a list,
// and its next numbers continue it. It returns indexes into labels.
func chain(labels []numbered) []int {
	var out []int
	prev, list := 0, -1
	for i, l := range labels {
		n := l.nums[0]
		switch {
		case list >= 0 && n == list+1:
			list = n
		case n > prev && n <= prev+3 && (prev > 0 || n == 1):
			out = append(out, i)
			prev = l.nums[len(l.nums)-1]
			list = -1
		case n <= prev:
			list = n
		}
	}
	return out
}

// texts gathers the text under each chosen label, up to the next chosen
// label or end.
func texts(blocks []block, labels []numbered, chosen []int, end int) map[int]string {
	out := make(map[int]string)
	for c, k := range chosen {
		stop := end
		if c+1 < len(chosen) {
			stop = labels[chosen[c+1]].block
		}
		from := labels[k].block
		var parts []string
		if rest := labels[k].rest; rest != "" {
			parts = append(parts, rest)
		}
		for _, b := range blocks[from+1 : max(stop, from+1)] {
			parts = append(parts, b.text)
		}
		t := strings.Join(parts, "\n\n")
		for _, n := range labels[k].nums {
			if _, dup := out[n]; !dup {
				out[n] = t
			}
		}
	}
	return out
}
