package parse

import (
	"regexp"
	"slices"
	"strings"

	"github.com/pqtrack/pqtrack/tracker"
)

// echoed reads numbered questions each followed by its answer with no
// label: the answer document that repeats every question above its reply
// (Flemish ministers' answers often do, in bold that text extraction
// loses):
//
//  1. Hoeveel kilometer fietspad werd in 2024 heraangelegd?
//
//     In 2024 werd 143 kilometer fietspad heraangelegd.
//
//  2. Wat was het budget daarvoor?
//
// A question is a paragraph numbered next in line, with the paragraphs
// after it up to the first that ends in '?' (context before the question,
// "1. Op 1 juli werd ... / Kan de minister ...?") and any more that ask;
// its answer is every paragraph after that up to the next question. It
// returns nil unless at least two questions are read this way and every
// one has an answer (a grouped document's first question has none).
func echoed(blocks []block) *result {
	r := &result{layout: tracker.Interleaved, header: -1}
	var q, a []string
	asking := false // the open item's question has not ended yet
	flush := func() {
		if n := len(r.items); n > 0 {
			r.items[n-1].Question = strings.Join(q, "\n\n")
			r.items[n-1].Answer = strings.Join(a, "\n\n")
		}
		q, a = q[:0], a[:0]
	}
	list := 0 // the number of the answer's last paragraph, if a numbered list item
	for i, b := range blocks {
		num := 0
		if m := itemRE.FindStringSubmatchIndex(b.text); m != nil {
			ns := numberList(b.text[m[2]:m[3]])
			if len(ns) == 1 {
				num = ns[0]
			}
			// "2." after the answer's own "1." goes on its list, unless
			// it asks.
			if num == len(r.items)+1 && (list == 0 || num != list+1 || endsQuestion(b.text)) {
				if asking {
					return nil // the one before never asked
				}
				flush()
				if r.header < 0 {
					r.header = i
				}
				r.items = append(r.items, tracker.Item{Number: ns[0]})
				q = append(q, b.text[m[1]:])
				asking, list = !endsQuestion(b.text), 0
				continue
			}
		}
		switch {
		case len(r.items) == 0:
		case asking:
			if len(q) >= 3 {
				return nil // three paragraphs and no question
			}
			q = append(q, b.text)
			asking = !endsQuestion(b.text)
		case len(a) == 0 && endsQuestion(b.text):
			q = append(q, b.text) // one more question of the same item
		default:
			a = append(a, b.text)
			list = num
			continue
		}
		list = 0
	}
	if asking {
		return nil
	}
	flush()
	shareNamedAnswers(r.items)
	unanswered := 0
	for i := range r.items {
		if r.items[i].Answer == "" {
			unanswered++
		}
	}
	if len(r.items) < 2 || unanswered > 0 {
		return nil
	}
	return r
}

// shareNamedAnswers gives a question with no answer of its own the next
// one's, where that answer names it in its first words: "6. ...? / 7.
// ...? / De vragen 6 en 7 beantwoord ik in samenhang. ...", or "Vraag 5:
// ... Vraag 6: ... Antwoord: De vragen 5 en 6 beantwoorden wij samen."
func shareNamedAnswers(items []tracker.Item) {
	for i := range items {
		it := &items[i]
		if it.Answer == "" && i+1 < len(items) && answersWith(items[i+1].Answer, it.Number) {
			next := &items[i+1]
			it.Answer = next.Answer
			it.AnsweredWith = append(it.AnsweredWith, next.Number)
			next.AnsweredWith = append(next.AnsweredWith, it.Number)
		}
	}
}

// answersWithRE finds the questions an answer says it answers together in
// its first words: "De vragen 6 en 7 beantwoord ik in samenhang", "Vraag 6
// en 7:", "Op de vragen 6 en 7 ...".
var answersWithRE = regexp.MustCompile(`^(?:\S+\s+){0,3}(?i:vragen|vraag)\s+(\d{1,3}(?:\s*(?:,|en|&|tot en met|t/m)\s*\d{1,3})+)`)

// answersWith reports whether the answer opens by naming question n among
// the ones it answers.
func answersWith(answer string, n int) bool {
	m := answersWithRE.FindStringSubmatch(answer)
	return m != nil && slices.Contains(numberList(m[1]), n)
}
