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
		one  int    // the question's number, where a numbered label answers several apart
	}
	var pairs []pair
	prev, from := 0, 0
	for i, b := range blocks {
		if l, ok := parseLabel(b.text); ok && l.answer {
			// "Antwoord op vraag 4 en 5:" answers the questions of those
			// numbers together.
			n := len(pairs)
			for _, num := range l.nums {
				if k, rest := numberedBlock(blocks[from:i], num); k >= 0 {
					pairs = append(pairs, pair{q: from + k, a: i, nums: l.nums, rest: rest, one: num})
				}
			}
			if len(pairs) > n {
				prev, from = l.nums[len(l.nums)-1], i+1
			}
			continue
		}
		if !answerLabel(b.text) {
			continue
		}
		if prev == 0 && len(pairs) == 0 && restartsAfter(blocks, i) {
			// "ANTWOORD" over answers numbered from 1 again, each under
			// its question repeated: the grouped layout.
			return nil
		}
		type cand struct {
			k    int
			nums []int
			rest string
		}
		var cands []cand
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
			cands = append(cands, cand{k, ns, t[m[1]:]})
		}
		if len(cands) == 0 {
			continue // a second label under one question: answer text
		}
		// Questions asked one after the other over one label share its
		// answer: "5/ Wanneer ...? 6/ Schrijft het college ...?
		// Antwoord". Each must ask, and their numbers follow each other.
		first := len(cands) - 1
		for first > 0 && len(cands[first-1].nums) == 1 && cands[first-1].nums[0] == cands[first].nums[0]-1 &&
			strings.HasSuffix(strings.TrimSpace(cands[first-1].rest), "?") {
			first--
		}
		last := cands[len(cands)-1]
		if first == len(cands)-1 {
			pairs = append(pairs, pair{q: last.k, a: i, nums: last.nums, rest: last.rest})
		} else {
			var shared []int
			for _, c := range cands[first:] {
				shared = append(shared, c.nums...)
			}
			for _, c := range cands[first:] {
				for _, n := range c.nums {
					pairs = append(pairs, pair{q: c.k, a: i, nums: shared, rest: c.rest, one: n})
				}
			}
		}
		prev, from = last.nums[len(last.nums)-1], i+1
	}
	// Two answer labels at least: one heading over all the answers is the
	// grouped layout, whatever questions stand above it.
	labels := 0
	for j, p := range pairs {
		if j == 0 || p.a != pairs[j-1].a {
			labels++
		}
	}
	if labels < 2 {
		return nil
	}
	r := &result{layout: tracker.Interleaved, header: pairs[0].q}
	for j, p := range pairs {
		// A question ends at its answer label, or at the next question
		// where several share one label.
		qend := p.a
		if j+1 < len(pairs) && pairs[j+1].q < qend {
			qend = pairs[j+1].q
		}
		qparts := []string{questionRest(p.rest)}
		for _, b := range blocks[p.q+1 : qend] {
			qparts = append(qparts, b.text)
		}
		end := len(blocks)
		for _, o := range pairs[j+1:] {
			if o.q > p.a {
				end = o.q
				break
			}
		}
		var aparts []string
		if rest := labelRest(blocks[p.a].text); rest != "" {
			aparts = append(aparts, rest)
		}
		for _, b := range blocks[p.a+1 : end] {
			aparts = append(aparts, b.text)
		}
		if end == len(blocks) {
			aparts = dropTrailer(aparts)
		}
		q, a := strings.Join(qparts, "\n\n"), strings.Join(aparts, "\n\n")
		nums := p.nums
		if p.one > 0 {
			nums = oneNum(p.one)
		}
		for _, n := range nums {
			r.items = append(r.items, tracker.Item{Number: n, Question: q, Answer: a, AnsweredWith: others(p.nums, n)})
		}
	}
	return r
}

// numberedBlock returns the last of bs numbered num ("4. Vraag: ...") and
// its text after the number, or -1.
func numberedBlock(bs []block, num int) (int, string) {
	at, rest := -1, ""
	for k, b := range bs {
		if b.text == "" || !isDigit(b.text[0]) {
			continue
		}
		m := itemRE.FindStringSubmatchIndex(b.text)
		if m == nil {
			continue
		}
		if ns := numberList(b.text[m[2]:m[3]]); len(ns) == 1 && ns[0] == num {
			at, rest = k, b.text[m[1]:]
		}
	}
	return at, rest
}

// questionRest is a question's text without the "Vraag:" label after its
// number ("1. Vraag: Hoeveel ...?").
func questionRest(s string) string {
	if m := unnumberedLabel.FindString(s); m != "" && (s[0] == 'V' || s[0] == 'v') {
		return strings.TrimSpace(s[len(m):])
	}
	return s
}

// answerLabel reports whether s starts with an unnumbered answer label:
// "Antwoord:" with or without text after it, or "Antwoord" alone.
func answerLabel(s string) bool {
	if len(s) < 8 || !(strings.HasPrefix(s, "Antwoord") || strings.HasPrefix(s, "ANTWOORD")) {
		return false
	}
	return unnumberedLabel.MatchString(s)
}

// labelRest is the answer text after a label on its line, numbered
// ("Antwoord op vraag 4 en 5: ...") or not ("Antwoord: ...").
func labelRest(s string) string {
	if l, ok := parseLabel(s); ok && l.answer {
		return l.rest
	}
	return answerRest(s)
}

// answerRest is the answer text after an unnumbered label on its line.
func answerRest(s string) string {
	return strings.TrimSpace(s[len(unnumberedLabel.FindString(s)):])
}

// restartsAfter reports whether the numbered paragraphs after block i
// count from 1 again after those before it went past 1.
func restartsAfter(blocks []block, i int) bool {
	before := 0
	for _, b := range blocks[:i] {
		if n := firstNumber(b.text); n > before {
			before = n
		}
	}
	if before < 2 {
		return false
	}
	for _, b := range blocks[i+1:] {
		if n := firstNumber(b.text); n > 0 {
			return n == 1
		}
	}
	return false
}

// firstNumber is the number a numbered paragraph ("3. ...") opens with,
// or 0.
func firstNumber(t string) int {
	if t == "" || !isDigit(t[0]) {
		return 0
	}
	m := itemRE.FindStringSubmatchIndex(t)
	if m == nil {
		return 0
	}
	if ns := numberList(t[m[2]:m[3]]); len(ns) > 0 {
		return ns[0]
	}
	return 0
}
