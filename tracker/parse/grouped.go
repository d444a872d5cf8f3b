package parse

import (
	"regexp"
	"slices"
	"strings"
	"unicode"

	"github.com/pqtrack/pqtrack/tracker"
)

// answerHeadingRE matches the heading between the questions and the
// answers: "ANTWOORD", "Antwoord:", "Antwoord van de minister".
var answerHeadingRE = regexp.MustCompile(`(?i)^\s*antwoord(?:en)?(?:\s|:|$)`)

type numbered struct {
	block int
	nums  []int
	rest  string
	// sub is set for "d) en 2.": the label also ends the previous
	// question's answer, whose last sub-question it answers.
	sub bool
	// answer is set for a worded label, "Antwoord op vraag 4 en 5",
	// "Ad 3", "Vraag 2": it labels an answer, never a question.
	answer bool
	// listed is set for an item of a list: the paragraph before it ends
	// with a colon or a semicolon, or its own text with a semicolon
	// ("De volgende parkings krijgen laadpalen: / 1. Brecht: 12; / 2.
	// Lummen: 8;"). Such a label counts for less in chain, so that a
	// list inside an answer does not take the place of the answers.
	listed bool
}

// groupedLabels are the numbered paragraphs of blocks: "1. ", "3. en 5. ",
// "1 t.e.m. 3", "d) en 2. ", and the worded answer labels "Antwoord op
// vraag 4, 5, 7 en 8" that some Flemish answers use among them.
func groupedLabels(blocks []block) []numbered {
	var labels []numbered
	prev := "" // the text of the paragraph before
	for i, b := range blocks {
		t := b.text
		if t == "" {
			continue
		}
		before := prev
		prev = t
		if c := t[0]; c == 'A' || c == 'V' {
			// "Vraag 2:" too: some answers head each reply with the question
			// it answers.
			if l, ok := parseLabel(t); ok {
				labels = append(labels, numbered{block: i, nums: l.nums, rest: l.rest, answer: true})
			} else if nums, rest, ok := adLabel(t); ok {
				labels = append(labels, numbered{block: i, nums: nums, rest: rest, answer: true})
			}
			continue
		} else if !isDigit(c) && (c < 'a' || c > 'z') {
			continue // every item label starts so
		}
		if nums, rest, sub, ok := itemLabel(t); ok {
			if rest == t && len(labels) > 0 && labels[len(labels)-1].nums[0] == nums[0] {
				// "2.1", "2.2" under "2) Behandelingstermijn:": parts of
				// the item before, no labels of their own.
				continue
			}
			listed := endsWithAny(before, ":;") || endsWithAny(t, ";")
			labels = append(labels, numbered{block: i, nums: nums, rest: rest, sub: sub, listed: listed})
		}
	}
	return labels
}

// endsWithAny reports whether s, without trailing white space, ends with
// one of the bytes of chars.
func endsWithAny(s, chars string) bool {
	s = strings.TrimRight(s, " \t\n\r")
	return s != "" && strings.IndexByte(chars, s[len(s)-1]) >= 0
}

// adLabel reads the answer label "Ad 1.", "Ad 3 en 4:", "Ad vraag 2".
func adLabel(s string) ([]int, string, bool) {
	rest, ok := strings.CutPrefix(s, "Ad ")
	if !ok {
		return nil, "", false
	}
	rest = strings.TrimPrefix(strings.TrimPrefix(rest, "vragen "), "vraag ")
	// "Ad 1:" and "Ad 1" alone are labels too.
	if i := strings.IndexByte(rest, ':'); i > 0 && i < 20 {
		rest = rest[:i] + "." + rest[i+1:]
	}
	if allDigits(rest) && rest != "" {
		rest += "."
	}
	nums, text, _, ok := itemLabel(rest)
	if !ok {
		nums, text, _, ok = itemLabel(rest + " ") // "Ad 1." alone
	}
	return nums, text, ok
}

// grouped reads the Flemish layout: all questions numbered 1..n, then all
// answers numbered again from 1. The restart is found by trying each
// paragraph numbered 1 and keeping the split that pairs the most numbers,
// so numbered lists inside a question or an answer do not fool it.
func grouped(blocks []block) (*result, *Error) {
	labels := groupedLabels(blocks)
	if len(labels) == 0 || labels[0].nums[0] != 1 || labels[0].answer || labels[0].sub {
		return nil, nil
	}
	best, bestScore := -1, 0
	var bestQ, bestA []int
	tried := 0
	for j := 1; j < len(labels) && tried < maxRestarts; j++ {
		if labels[j].nums[0] != 1 || labels[j].sub {
			continue
		}
		tried++
		q := chain(labels[:j], nil)
		qs := make(map[int]bool)
		for _, k := range q {
			for _, n := range labels[k].nums {
				qs[n] = true
			}
		}
		a := chain(labels[j:], qs)
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
	if best < 0 {
		if r := bulletQuestions(blocks, labels); r != nil {
			return r, nil
		}
		if r := answersOnly(blocks, labels); r != nil {
			return r, nil
		}
		// No answer numbered 1 ("1.1", "1.a)" or a lost label): the
		// answer heading still parts the questions from the answers, so
		// that the answers' labels are not taken for questions.
		if j := firstAfterHeading(blocks, labels); j > 1 {
			q := chain(labels[:j], nil)
			qs := make(map[int]bool)
			for _, k := range q {
				for _, n := range labels[k].nums {
					qs[n] = true
				}
			}
			if a := chainFrom(labels[j:], qs, false); len(q) >= 2 && len(a) > 0 {
				best, bestQ, bestA = j, q, a
				for i := range bestA {
					bestA[i] += j
				}
			}
		}
	}
	r := &result{layout: tracker.Grouped}
	if best < 0 {
		// Numbered questions and no numbered answers: keep them when they
		// ask; one unnumbered answer after an answer heading answers all.
		q := chain(labels, nil)
		if len(q) < 2 {
			return nil, nil
		}
		bestQ = q
		best = len(labels)
	}
	r.header = labels[bestQ[0]].block
	end := len(blocks)
	if best < len(labels) {
		end = labels[best].block
	}
	// An "ANTWOORD" heading ends the last question, whatever follows it
	// before answer 1 ("op vraag nr. 412 van 14 februari 2023").
	heading := -1
	for i := labels[bestQ[len(bestQ)-1]].block + 1; i < end; i++ {
		if answerHeadingRE.MatchString(blocks[i].text) {
			heading = i
			break
		}
	}
	qend := end
	if heading >= 0 {
		qend = heading
		// The minister's name and office in capitals sign off the
		// questions above the heading ("HILDE CREVITS / VLAAMS MINISTER
		// VAN ..."): they are no part of the last question.
		last := labels[bestQ[len(bestQ)-1]].block
		for qend-1 > last && isCapitals(blocks[qend-1].text) {
			qend--
		}
	}
	questions := texts(blocks, labels, bestQ, qend)
	answers := texts(blocks, labels, bestA, len(blocks))
	var all string // the one unnumbered answer to every question
	if len(bestA) == 0 && heading >= 0 {
		all = commonAnswer(blocks[heading:])
		if ps := strings.Split(all, "\n\n"); len(ps) == len(bestQ) && len(ps) >= 3 {
			// As many paragraphs as questions, each numbered once: the
			// answers in the questions' order.
			for c, k := range bestQ {
				if len(labels[k].nums) != 1 || labels[k].nums[0] != c+1 {
					ps = nil
					break
				}
			}
			for c, p := range ps {
				answers[c+1] = p
			}
			if ps != nil {
				all = ""
			}
		}
	}
	if first := labels[min(len(labels)-1, best)]; len(bestA) > 0 && heading >= 0 && first.nums[0] == 2 && answers[1] == "" && first.block > heading+1 {
		// The answers start at 2: the text between the heading and it
		// answers 1, whose label was lost.
		answers[1] = commonAnswer(blocks[heading:first.block])
	}
	with := make(map[int][]int)
	for c, k := range bestA {
		for _, n := range labels[k].nums {
			with[n] = others(labels[k].nums, n)
		}
		// "d) en 2." answers question 1 (its d) and 2 together.
		if labels[k].sub && c > 0 {
			p := labels[bestA[c-1]].nums
			for _, n := range labels[k].nums {
				with[n] = append(with[n], p...)
			}
			for _, n := range p {
				with[n] = append(with[n], labels[k].nums...)
			}
		}
	}
	var asked []int
	for _, k := range bestQ {
		asked = append(asked, labels[k].nums...)
	}
	seen := make(map[int]bool)
	add := func(n int) {
		if seen[n] {
			return
		}
		seen[n] = true
		it := tracker.Item{Number: n, Question: questions[n], Answer: answers[n], AnsweredWith: with[n]}
		if all != "" {
			it.Answer, it.AnsweredWith = all, others(asked, n)
		}
		r.items = append(r.items, it)
	}
	for _, n := range asked {
		add(n)
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

// commonAnswer is the text after an answer heading when no answer is
// numbered: one answer to all questions. The heading's own lines that
// repeat the question's reference ("op vraag nr. 412 van 14 februari
// 2023", "van ELKE VAN DEN BRANDT") are left out.
func commonAnswer(bs []block) string {
	var parts []string
	if rest := strings.TrimSpace(bs[0].text[len(answerHeadingRE.FindString(bs[0].text)):]); rest != "" && !strings.HasPrefix(rest, "op vraag") && !vpMetaRE.MatchString(rest) {
		parts = append(parts, strings.TrimLeft(rest, ": "))
	}
	for i, b := range bs[1:] {
		if i < 3 && len(parts) == 0 && (strings.HasPrefix(b.text, "op vraag") || vpMetaRE.MatchString(b.text)) {
			continue
		}
		parts = append(parts, b.text)
	}
	return strings.Join(parts, "\n\n")
}

// Scores of chain: each number a label adds counts for, each number it
// skips against, and a number that has no question (for answers) counts
// for less, so that the run prefers the answers that have questions but
// still takes an answer past the last question, to be reported.
//
// chainWindow is how many labels back a run's previous label may be, and
// maxRestarts how many paragraphs numbered 1 are tried as the start of
// the answers: bounds on the work for a document of thousands of
// numbered lines.
const (
	chainWindow  = 200
	maxRestarts  = 50
	chainGain    = 2
	chainGap     = 1
	chainUnknown = 1
	chainMaxGap  = 3
)

// chain picks from labels, in order, the most plausible run of question
// numbers: it starts at 1, goes up, and skips at most chainMaxGap numbers
// at a time. It is a dynamic programme over the labels: each label number
// gains, each skipped number costs, and a label whose numbers are not in
// known (when known is given) costs more than it gains. So a stray label
// (a footnote "4.", a page number "3.", a list inside an answer) costs at
// most the text it sits in: the run goes round it. Of equal runs the one
// with the later labels wins, since a stray label usually comes before
// the real one (a footnote at the foot of the page before the answer). It
// returns indexes into labels.
func chain(labels []numbered, known map[int]bool) []int { return chainFrom(labels, known, true) }

// chainFrom is chain; a run starts at 1 only when from1 is set, else at
// any number of known.
func chainFrom(labels []numbered, known map[int]bool, from1 bool) []int {
	const none = -1 << 30
	n := len(labels)
	score := make([]int, n)
	pos := make([]int, n) // sum of the run's label indexes, for ties
	start := make([]int, n)
	prev := make([]int, n)
	tops := make([]int, n)                 // the highest number of the run
	better := func(s, st, p, j int) bool { // than the run ending at j
		return s > score[j] || s == score[j] && (st < start[j] || st == start[j] && p > pos[j])
	}
	gain := func(l numbered) int {
		g := 0
		for _, x := range l.nums {
			if (known == nil || known[x]) && !l.listed {
				g += chainGain
			} else {
				g += chainUnknown
			}
		}
		return g
	}
	best := -1
	for j, l := range labels {
		score[j], prev[j], pos[j], start[j], tops[j] = none, -1, j, j, l.nums[len(l.nums)-1]
		if l.answer && known == nil {
			continue // a run of questions (known is nil) takes no answer label
		}
		first := l.nums[0]
		g := gain(l)
		if (first == 1 || !from1 && known[first]) && !l.sub {
			score[j] = g
		}
		last := l.nums[len(l.nums)-1]
		for i := max(0, j-chainWindow); i < j; i++ {
			if score[i] == none {
				continue
			}
			gap, top := first-tops[i]-1, max(tops[i], last)
			if gap < 0 && fills(labels[i].nums, l.nums) {
				gap, top = 0, tops[i]
			}
			if gap < 0 || gap > chainMaxGap {
				continue
			}
			s := score[i] + g - chainGap*gap
			if better(s, start[i], pos[i]+j, j) {
				score[j], prev[j], pos[j], start[j], tops[j] = s, i, pos[i]+j, start[i], top
			}
		}
		if score[j] != none && (best < 0 || better(score[j], start[j], pos[j], best)) {
			best = j
		}
	}
	if best < 0 || score[best] <= 0 {
		return nil
	}
	var out []int
	for k := best; k >= 0; k = prev[k] {
		out = append(out, k)
	}
	slices.Reverse(out)
	return out
}

// fills reports whether the numbers of next fill a hole that the combined
// label prev left: "4." after "3. en 5.".
func fills(prev, next []int) bool {
	if len(prev) < 2 || next[0] < prev[0] || next[len(next)-1] > prev[len(prev)-1] {
		return false
	}
	for _, n := range next {
		if slices.Contains(prev, n) {
			return false
		}
	}
	return true
}

// texts gathers the text under each chosen label, up to the next chosen
// label or end. The text of a "d) en 2." label belongs to the answer
// before it too.
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
		if labels[k].sub && c > 0 {
			for _, n := range labels[chosen[c-1]].nums {
				out[n] += "\n\n" + t
			}
		}
		for _, n := range labels[k].nums {
			if _, dup := out[n]; !dup {
				out[n] = t
			}
		}
	}
	return out
}

// isCapitals reports whether s is written in capitals: eight letters or
// more, none of them lower case.
func isCapitals(s string) bool {
	n := 0
	for _, r := range s {
		switch {
		case unicode.IsLower(r):
			return false
		case unicode.IsUpper(r):
			n++
		}
	}
	return n >= 8
}

// bulletQuestions reads questions set as a bulleted list ("- Hoeveel
// ...?"), or as question sentences in a paragraph, then an answer heading
// over answers numbered 1..n: the n-th bullet or question sentence is
// question n. Without it the numbered answers would be taken for the
// questions. It returns nil unless the questions before the heading are
// as many as the run of numbered answers after it.
func bulletQuestions(blocks []block, labels []numbered) *result {
	heading := headingBefore(blocks, labels[0].block)
	if heading < 0 {
		return nil
	}
	var asks []string // the bullets that ask
	first := -1       // the block of the first
	for i := range blocks[:heading] {
		t := blocks[i].text
		if rest, ok := cutBullet(t); ok && strings.Contains(t, "?") {
			asks = append(asks, strings.TrimSpace(rest))
			if first < 0 {
				first = i
			}
		}
	}
	run := chain(labels, nil)
	if len(asks) == 0 {
		// No bullets: the question sentences of the paragraphs before
		// the heading, in order ("Hoeveel ...? Hoeveel kostte ...?").
		for i := range blocks[:heading] {
			if !strings.Contains(blocks[i].text, "?") {
				continue
			}
			for _, sq := range SubQuestions(blocks[i].text) {
				if strings.HasSuffix(strings.TrimSpace(sq.Text), "?") {
					asks = append(asks, strings.TrimSpace(sq.Text))
					if first < 0 {
						first = i
					}
				}
			}
		}
	}
	plain := len(run) == len(asks)
	for c, k := range run {
		if l := labels[k]; len(l.nums) != 1 || l.nums[0] != c+1 {
			plain = false // combined labels or gaps: no plain one-to-one list
		}
	}
	if !plain {
		// One question a paragraph, each asking once or more, over
		// answers that may join them ("3. en 4.", "5. en 8.").
		asks, first = askingParagraphs(blocks[:heading])
		run = run[:0]
		for k, l := range labels {
			if l.block > heading {
				run = append(run, k)
			}
		}
		if !coversAll(labels, run, len(asks)) {
			return nil
		}
	}
	if len(asks) < 2 {
		return nil
	}
	answers := texts(blocks, labels, run, len(blocks))
	with := make(map[int][]int)
	for _, k := range run {
		for _, n := range labels[k].nums {
			with[n] = others(labels[k].nums, n)
		}
	}
	r := &result{layout: tracker.Grouped, header: first}
	for c, q := range asks {
		r.items = append(r.items, tracker.Item{Number: c + 1, Question: q, Answer: answers[c+1], AnsweredWith: with[c+1]})
	}
	return r
}

// firstAfterHeading is the index of the first of labels after an answer
// heading ("ANTWOORD") that follows the first label, or -1.
func firstAfterHeading(blocks []block, labels []numbered) int {
	for i := labels[0].block + 1; i < len(blocks); i++ {
		if !answerHeading(blocks[i].text) {
			continue
		}
		for j, l := range labels {
			if l.block > i {
				return j
			}
		}
		return -1
	}
	return -1
}

// answersOnly reads a document that holds only the answers: an answer
// heading ("ANTWOORD / op vraag nr. 301 van 3 februari 2025") over answers
// numbered 1..n, with no question before it, as the Flemish Parliament
// prints an answer apart from its question. Each answer is an item whose
// question is not known; nil when the labels do not fit.
func answersOnly(blocks []block, labels []numbered) *result {
	heading := headingBefore(blocks, labels[0].block)
	if heading < 0 {
		return nil
	}
	for i := range blocks[:heading] {
		if strings.Contains(blocks[i].text, "?") {
			return nil // something asks before the heading: not answers alone
		}
	}
	run := chain(labels, nil)
	if len(run) == 0 {
		return nil
	}
	answers := texts(blocks, labels, run, len(blocks))
	r := &result{layout: tracker.Grouped, header: labels[run[0]].block}
	with := make(map[int][]int)
	for _, k := range run {
		for _, n := range labels[k].nums {
			with[n] = others(labels[k].nums, n)
		}
	}
	for _, k := range run {
		for _, n := range labels[k].nums {
			r.items = append(r.items, tracker.Item{Number: n, Answer: answers[n], AnsweredWith: with[n]})
		}
	}
	r.warnings = append(r.warnings, "answers without their questions")
	return r
}

// headingBefore is the last answer heading ("ANTWOORD", "Antwoord van de
// minister ...:") among blocks[:end], or -1.
func headingBefore(blocks []block, end int) int {
	for i := end - 1; i >= 0; i-- {
		if answerHeading(blocks[i].text) {
			return i
		}
	}
	return -1
}

// firstHeading is the index of the first answer heading of blocks, or -1.
func firstHeading(blocks []block) int {
	return slices.IndexFunc(blocks, func(b block) bool { return answerHeading(b.text) })
}

// answerHeading reports whether a paragraph is an answer heading: the
// heading's words in a short paragraph, not an answer that opens with
// "Antwoord:".
func answerHeading(t string) bool {
	return len(t) <= 200 && answerHeadingRE.MatchString(t)
}

// askingParagraphs are the paragraphs of the question part that ask: the
// paragraphs after the one that announces the questions ("... de volgende
// vragen:"), each one question, whether it asks with '?' or as a request
// ("Graag kreeg ik ... een overzicht ..."); and the block of the first.
func askingParagraphs(bs []block) ([]string, int) {
	from := -1
	for i, b := range bs {
		if strings.Contains(strings.ToLower(b.text), "volgende vragen") {
			from = i + 1
		}
	}
	if from < 0 {
		return nil, -1
	}
	var asks []string
	for _, b := range bs[from:] {
		if t := strings.TrimSpace(b.text); t != "" && !vpSignRE.MatchString(t) {
			asks = append(asks, t)
		}
	}
	return asks, from
}

// coversAll reports whether the chosen labels number the answers 1 to n,
// each once, alone or joined.
func coversAll(labels []numbered, run []int, n int) bool {
	seen := make([]bool, n+1)
	for _, k := range run {
		for _, x := range labels[k].nums {
			if x < 1 || x > n || seen[x] {
				return false
			}
			seen[x] = true
		}
	}
	for _, ok := range seen[1:] {
		if !ok {
			return false
		}
	}
	return n > 0
}
