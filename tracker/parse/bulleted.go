package parse

import (
	"strconv"
	"strings"
)

// Questions may be set as a bulleted list with no numbers ("- Hoeveel
// ...?", "• Wanneer ...?") over answers numbered "1.", "2-3.", in the
// questions' order. bulletedBlocks numbers such questions 1, 2, ... so
// that the grouped layout pairs them. It reports false unless two bulleted
// questions or more come before the first numbered answer (or, where no
// paragraph is numbered, before the answer heading: "Antwoord:" over
// unnumbered answers), each asking ('?'), and the answers' numbers start
// at 1. Bullets after the first numbered paragraph (a list inside an
// answer) are left as they are.
func bulletedBlocks(blocks []block) ([]block, bool) {
	first := -1 // the first numbered paragraph: answer 1
	heading := false
	for i, b := range blocks {
		if nums, _, _, ok := itemLabel(b.text); ok && len(nums) > 0 {
			if nums[0] != 1 {
				return nil, false
			}
			first = i
			break
		}
	}
	if first < 0 {
		// No numbered answer: the bullets may stand over an answer
		// heading ("Antwoord:") and answers in their order.
		if first = firstHeading(blocks); first < 0 {
			return nil, false
		}
		heading = true
	}
	out := make([]block, 0, len(blocks)+8)
	n := 0
	for _, b := range blocks[:first] {
		pieces := bulletPieces(b.text)
		if pieces == nil {
			out = append(out, b)
			continue
		}
		for _, p := range pieces {
			n++
			out = append(out, block{text: strconv.Itoa(n) + ". " + p, line: b.line})
		}
	}
	if n < 2 {
		return nil, false
	}
	if heading {
		return append(out, bulletedAnswers(blocks[first:], n)...), true
	}
	return append(out, blocks[first:]...), true
}

// bulletedAnswers numbers the answers under an answer heading 1., 2., ...
// when they are bulleted as the n questions were, one paragraph each: a
// paragraph before them that opens the answer ("In antwoord op haar
// vragen kan ik het volgende meedelen.") is then no answer of its own.
// Otherwise it returns blocks as they are.
func bulletedAnswers(blocks []block, n int) []block {
	count := 0
	for _, b := range blocks {
		if _, ok := cutBullet(b.text); ok {
			count++
		}
	}
	if count != n {
		return blocks
	}
	out := make([]block, 0, len(blocks))
	k := 0
	for _, b := range blocks {
		if rest, ok := cutBullet(b.text); ok {
			k++
			b.text = strconv.Itoa(k) + ". " + strings.TrimSpace(rest)
		}
		out = append(out, b)
	}
	return out
}

// bulletPieces returns the questions of s when every line of it is a
// bulleted question ("- Hoeveel ...?"), a wrapped line joined to the
// bullet before it; nil otherwise.
func bulletPieces(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		l = strings.TrimSpace(l)
		if rest, ok := cutBullet(l); ok {
			out = append(out, strings.TrimSpace(rest))
			continue
		}
		if len(out) == 0 {
			return nil
		}
		out[len(out)-1] += " " + l
	}
	for _, q := range out {
		if !strings.Contains(q, "?") {
			return nil
		}
	}
	return out
}
