package parse

import "strings"

// dropEcho removes from the start of answer the questions it repeats: an
// answer document that echoes each question above its reply ("1. Hoeveel
// ...? / In 2024 werd ..."), read in the grouped layout, puts the echo in
// the answer, where it would pass for a reply. A sentence is an echo when
// it ends in '?', has three words or more, and the question holds it word
// for word (white space aside). What is left is a substring of answer, as
// item texts are of the document's text.
func dropEcho(answer, question string) string {
	q := ""
	for {
		a := strings.TrimLeft(answer, " \t\r\n")
		end := strings.IndexByte(a, '?')
		if end < 0 || end > 2*len(question) {
			return answer // no question, or one longer than all that was asked
		}
		if q == "" {
			q = strings.Join(strings.Fields(question), " ")
		}
		words := strings.Fields(a[:end+1])
		if len(words) < 3 || !strings.Contains(q, strings.Join(words, " ")) {
			return answer
		}
		answer = strings.TrimLeft(a[end+1:], " \t\r\n")
	}
}

// dropAnswerLabel removes an "Antwoord:" label that opens an answer, as it
// does under a repeated question ("1. Hoeveel ...? / Antwoord: / In 2024
// ...").
func dropAnswerLabel(answer string) string {
	if !strings.HasPrefix(answer, "Antwoord") && !strings.HasPrefix(answer, "ANTWOORD") {
		return answer
	}
	if m := unnumberedLabel.FindString(answer); m != "" {
		return strings.TrimLeft(answer[len(m):], " \t\r\n")
	}
	return answer
}
