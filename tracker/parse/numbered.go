package parse

import (
	"strings"

	"github.com/pqtrack/pqtrack/tracker"
)

// numberedAnswers reads the Tweede Kamer layout of some Word exports:
// numbered questions ("1. Kunt u ...?", or a bare "1" line that clean turned
// into "1. "), each followed by an unnumbered "Antwoord:" (or "Antwoord")
// label and its answer:
//
//  1. Kunt u bevestigen dat ...?
//     Antwoord:
//     Ja.
//  2. Zijn ook ...?
//
// Each answer label is paired with the last numbered paragraph before it
// whose number follows the previous question's (a numbered list inside an
// answer restarts at 1, so it is passed over). It returns nil unless at
// least two answers are paired this way: a single "ANTWOORD" heading
// between all questions and all answers is the grouped layout.
func numberedAnswers(blocks []block) *result {
	type pair struct {
		q, a int // block of the question and of its answer label
		nums []int
		rest string // question text after the number
	}
	var pairs []pair
	prev, from := 0, 0
	for i, b := range blocks {
		if !answerLabel(b.text) {
			continue
		}
		q := -1
		var nums []int
		var rest string
		for k := from; k < i; k++ {
			t := blocks[k].text
			if t == "" || !isDigit(t[0]) {
				continue
			}
			m := itemRE.FindStringSubmatchIndex(t)
			if m == nil {
				continue
			}
			ns := numberList(t[m[2]:m[3]])
			if len(ns) == 0 || ns[0] <= prev || ns[0] > prev+3 {
				continue
			}
			q, nums, rest = k, ns, t[m[1]:]
		}
		if q < 0 {
			continue // a second label under one question: answer text
		}
		pairs = append(pairs, pair{q: q, a: i, nums: nums, rest: rest})
		prev, from = nums[len(nums)-1], i+1
	}
	if len(pairs) < 2 {
		return nil
	}
	r := &result{layout: tracker.Interleaved, header: pairs[0].q}
	for j, p := range pairs {
		qparts := []string{p.rest}
		for _, b := range blocks[p.q+1 : p.a] {
			qparts = append(qparts, b.text)
		}
		end := len(blocks)
		if j+1 < len(pairs) {
			end = pairs[j+1].q
		}
		var aparts []string
		if rest := answerRest(blocks[p.a].text); rest != "" {
			aparts = append(aparts, rest)
		}
		for _, b := range blocks[p.a+1 : end] {
			aparts = append(aparts, b.text)
		}
		q, a := strings.Join(qparts, "\n\n"), strings.Join(aparts, "\n\n")
		for _, n := range p.nums {
			r.items = append(r.items, tracker.Item{Number: n, Question: q, Answer: a, AnsweredWith: others(p.nums, n)})
		}
	}
	return r
}

// answerLabel reports whether s starts with an unnumbered answer label:
// "Antwoord:" with or without text after it, or "Antwoord" alone.
func answerLabel(s string) bool {
	if len(s) < 8 || !(strings.HasPrefix(s, "Antwoord") || strings.HasPrefix(s, "ANTWOORD")) {
		return false
	}
	return unnumberedLabel.MatchString(s)
}

// answerRest is the answer text after an unnumbered label on its line.
func answerRest(s string) string {
	return strings.TrimSpace(s[len(unnumberedLabel.FindString(s)):])
}
