package parse

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/pqtrack/pqtrack/tracker"
)

// unnumberedLabel matches "Vraag:" / "Antwoord:" (or the word alone on its
// line) of a document with one question.
var unnumberedLabel = mustCut(`^(?:Vraag|VRAAG|Antwoord|ANTWOORD)(?:\s*:\s*|\s*$)`)

// mayBeUnnumbered reports whether s starts with a word unnumberedLabel
// starts with, as each of its matches does: most paragraphs that open
// with a 'V' or an 'A' do not, and are not given to the regexp.
func mayBeUnnumbered(s string) bool {
	return strings.HasPrefix(s, "Vraag") || strings.HasPrefix(s, "VRAAG") ||
		strings.HasPrefix(s, "Antwoord") || strings.HasPrefix(s, "ANTWOORD")
}

// aloneUnnumbered reports whether s may be a match of unnumberedLabel and
// spaces, as labelOnly and bareQuestions look for: one of its words with
// nothing after it but white space and a colon. A label with text after
// it ("Vraag 1 ...") is not given to the regexp.
func aloneUnnumbered(s string) bool {
	for _, w := range [...]string{"Vraag", "VRAAG", "Antwoord", "ANTWOORD"} {
		if rest, ok := strings.CutPrefix(s, w); ok {
			return strings.TrimLeft(rest, " \t\n\f\r:") == ""
		}
	}
	return false
}

// single reads a document with one unnumbered question: either labelled
// "Vraag:" / "Antwoord:", or a question paragraph ending in '?' followed by
// the answer.
func single(blocks []block) *result {
	if r := unnumberedPairs(blocks); r != nil {
		return r
	}
	q, a := -1, -1
	for i, b := range blocks {
		if m := unnumberedLabel.FindString(b.text); m != "" {
			if strings.HasPrefix(strings.ToLower(m), "vraag") {
				if q < 0 {
					q = i
				}
			} else if a < 0 && q >= 0 {
				a = i
			}
		}
	}
	if q >= 0 && a > q {
		return &result{
			layout: tracker.Single,
			header: q,
			items: []tracker.Item{{
				Number:   1,
				Question: labelled(blocks[q:a]),
				Answer:   labelled(blocks[a:]),
			}},
		}
	}
	// The first paragraph that asks, with any asking paragraphs after it;
	// context paragraphs just before it that are not header belong to it.
	first := -1
	for i, b := range blocks {
		if endsQuestion(b.text) {
			first = i
			break
		}
	}
	if first < 0 {
		return nil
	}
	last := first
	for last+1 < len(blocks) && endsQuestion(blocks[last+1].text) {
		last++
	}
	start := first
	for start > 0 && first-start < 2 && !headerLike(blocks[start-1].text, start-1) {
		start--
	}
	parts := make([]string, 0, last-start+1)
	for _, b := range blocks[start : last+1] {
		parts = append(parts, b.text)
	}
	r := &result{layout: tracker.Single, header: start}
	from := last + 1
	// "Antwoord van minister X (ontvangen ...)" heads the answer: it is
	// header material, not answer text.
	if from < len(blocks) && len(blocks[from].text) < 300 && answerFromRE.MatchString(blocks[from].text) {
		r.meta = blocks[from : from+1]
		from++
	}
	var ans []string
	for _, b := range blocks[from:] {
		ans = append(ans, b.text)
	}
	r.items = []tracker.Item{{Number: 1, Question: strings.Join(parts, "\n\n"), Answer: strings.Join(ans, "\n\n")}}
	return r
}

var answerFromRE = regexp.MustCompile(`(?i)^antwoord\s+van\s`)

// labelled joins blocks after stripping the "Vraag:" label of the first.
func labelled(bs []block) string {
	var parts []string
	for i, b := range bs {
		t := b.text
		if i == 0 {
			t = strings.TrimSpace(t[len(unnumberedLabel.FindString(t)):])
			if t == "" {
				continue
			}
		}
		parts = append(parts, t)
	}
	return strings.Join(parts, "\n\n")
}

func endsQuestion(s string) bool {
	s = strings.TrimRight(s, ")]\"'’”»_* 0123456789")
	return strings.HasSuffix(s, "?")
}

// headerLike reports whether a paragraph before the question is header
// material: a title without sentence punctuation at the top, or metadata.
func headerLike(s string, i int) bool {
	if i == 0 && !endsSentence(s) {
		return true
	}
	low := strings.ToLower(s)
	for _, w := range []string{"ingezonden", "ontvangen", "vragen van", "vraag van", "antwoord van", "mededeling van", "aanhangsel", "schriftelijke vraag"} {
		if strings.Contains(low, w) {
			return true
		}
	}
	return false
}

func itoa(n int) string { return strconv.Itoa(n) }

// unnumberedPairs reads "Vraag" / "Antwoord" labels without numbers that
// alternate through the document, each question followed by its answer:
// the questions are numbered in order. It returns nil unless there are two
// pairs or more and every label alternates.
func unnumberedPairs(blocks []block) *result {
	var at []int // the labelled blocks, questions at even places
	for i, b := range blocks {
		m := unnumberedLabel.FindString(b.text)
		if m == "" {
			continue
		}
		if question := strings.HasPrefix(strings.ToLower(m), "vraag"); question != (len(at)%2 == 0) {
			return nil // two questions or two answers in a row
		}
		at = append(at, i)
	}
	if len(at) < 4 || len(at)%2 != 0 {
		return nil
	}
	r := &result{layout: tracker.Interleaved, header: at[0]}
	for k := 0; k < len(at); k += 2 {
		end := len(blocks)
		if k+2 < len(at) {
			end = at[k+2]
		}
		r.items = append(r.items, tracker.Item{
			Number:   k/2 + 1,
			Question: labelled(blocks[at[k]:at[k+1]]),
			Answer:   labelled(blocks[at[k+1]:end]),
		})
	}
	return r
}
