package parse

import (
	"strings"

	"github.com/pqtrack/pqtrack/tracker"
)

// repeated reads questions written as unnumbered list items ("– Hoeveel
// ...?"), then an "Antwoord" heading, and the answers each under its
// question repeated, as the Brussels Parliament's bulletin prints them
// (the repeated question in bold, which text extraction loses):
//
//	– Hoeveel ton sluikstort haalde Net Brussel in 2024 op?
//	– Hoeveel boetes werden opgelegd?
//	Antwoord:
//	Hoeveel ton sluikstort haalde Net Brussel in 2024 op?
//	In 2024 haalde Net Brussel 28.460 ton op.
//	Hoeveel boetes werden opgelegd?
//	...
//
// The repeated question is the only link between question and answer; it
// may be shortened ("Hoever staat de databank?" for "Hoever staat de
// databank die het Gewest ... zou opzetten?"). It returns nil unless
// every question is found again after the heading, in order.
func repeated(blocks []block) *result {
	var qs []int // blocks of the questions
	heading := -1
	for i, b := range blocks {
		if rest, ok := cutBullet(b.text); ok && strings.Contains(rest, "?") {
			qs = append(qs, i)
			continue
		}
		if len(qs) >= 2 && answerLabel(b.text) {
			heading = i
			break
		}
	}
	if heading < 0 {
		return nil
	}
	at := make([]int, len(qs)) // the block each question is repeated in
	next := heading + 1
	for k, q := range qs {
		text, _ := cutBullet(blocks[q].text)
		at[k] = -1
		for j := next; j < len(blocks); j++ {
			if repeats(blocks[j].text, text) {
				at[k], next = j, j+1
				break
			}
		}
		if at[k] < 0 {
			return nil
		}
	}
	r := &result{layout: tracker.Grouped, header: qs[0]}
	for k, q := range qs {
		text, _ := cutBullet(blocks[q].text)
		end := len(blocks)
		if k+1 < len(at) {
			end = at[k+1]
		}
		var parts []string
		for _, b := range blocks[at[k]+1 : end] {
			parts = append(parts, b.text)
		}
		if k+1 == len(at) {
			parts = dropTrailer(parts)
		}
		r.items = append(r.items, tracker.Item{Number: k + 1, Question: text, Answer: strings.Join(parts, "\n\n")})
	}
	return r
}

// repeats reports whether paragraph p repeats question q: it asks, and
// its words are q's, or the first words of q (a shortened repetition)
// with at most its last word changed.
func repeats(p, q string) bool {
	if !endsQuestion(p) {
		return false
	}
	pw, qw := strings.Fields(strings.TrimRight(p, "?")), strings.Fields(strings.TrimRight(q, "?"))
	if len(pw) < 3 || len(pw) > len(qw) {
		return false
	}
	same := 0
	for same < len(pw) && pw[same] == qw[same] {
		same++
	}
	return same == len(pw) || same >= 4 && same == len(pw)-1
}
