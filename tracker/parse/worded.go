package parse

import (
	"strconv"
	"strings"
)

// wordedAnswerBlocks writes answers labelled in words after the answer
// heading ("Antwoord op vraag 1: ...", "Antwoord op de vragen 3 en 4:
// ...") as the numbered answers of the grouped layout ("1. ...", "3. en
// 4. ..."), for questions that are not numbered themselves (paragraphs
// that ask, over the answers). It reports false unless two answers or
// more are labelled so.
func wordedAnswerBlocks(blocks []block) ([]block, bool) {
	heading := firstHeading(blocks)
	if heading < 0 {
		return nil, false
	}
	out := append([]block(nil), blocks...)
	n, high := 0, 0
	for i := heading + 1; i < len(out); i++ {
		t := out[i].text
		if !strings.HasPrefix(t, "Antwoord") {
			continue
		}
		if rest, ok := strings.CutPrefix(t, "Antwoord op de laatste vraag:"); ok && high > 0 {
			// The last question: the one after all those answered
			// before it.
			out[i].text = strconv.Itoa(high+1) + ". " + strings.TrimSpace(rest)
			continue
		}
		l, ok := parseLabel(t)
		if !ok || !l.answer || l.rest == "" {
			continue
		}
		nums := make([]string, len(l.nums))
		for k, x := range l.nums {
			nums[k] = strconv.Itoa(x) + "."
		}
		out[i].text = strings.Join(nums, " en ") + " " + l.rest
		n++
		high = max(high, l.nums[len(l.nums)-1])
	}
	return out, n >= 2
}
