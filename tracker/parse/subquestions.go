package parse

import (
	"strings"

	"github.com/pqtrack/pqtrack/tracker"
	"github.com/pqtrack/pqtrack/tracker/text"
)

// SubQuestions splits a question into its sub-questions: each sentence
// ending in '?' with the context sentences leading up to it since the
// previous '?', and each question such a sentence joins to another (see
// text.Asks). Context after the last '?' joins the last sub-question; a
// question with no '?' ("Kunt u ... toelichten.") is one sub-question.
func SubQuestions(q string) []tracker.SubQuestion {
	var buf [16][2]int
	spans := text.AppendSentences(buf[:0], q)
	if len(spans) == 0 {
		return nil
	}
	var out []tracker.SubQuestion
	start := -1
	for _, sp := range spans {
		if start < 0 {
			start = sp[0]
		}
		if endsQuestion(q[sp[0]:sp[1]]) {
			// A sentence that joins questions ("... en hoeveel ...?")
			// gives one sub-question each.
			for _, at := range text.Asks(q[sp[0]:sp[1]]) {
				out = append(out, tracker.SubQuestion{Start: start, End: text.TrimEnd(q, start, sp[0]+at)})
				start = sp[0] + at
			}
			out = append(out, tracker.SubQuestion{Start: start, End: sp[1]})
			start = -1
		}
	}
	last := spans[len(spans)-1][1]
	if len(out) == 0 {
		out = append(out, tracker.SubQuestion{Start: spans[0][0], End: last})
	} else if start >= 0 {
		out[len(out)-1].End = last
	}
	for i := range out {
		out[i].Text = strings.TrimSpace(q[out[i].Start:out[i].End])
	}
	return out
}
