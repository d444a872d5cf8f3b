package resolve

import (
	"regexp"
	"strings"

	"github.com/pqtrack/pqtrack/rules"
	"github.com/pqtrack/pqtrack/tracker"
	"github.com/pqtrack/pqtrack/tracker/text"
)

// maxPassage is the longest passage, in bytes: a long speech is cut at
// sentence ends so a passage stays something one reads at a glance.
const maxPassage = 1500

// speakerRE recognises the start of a speaker turn in a transcript:
// "Minister Bart Somers:", "De voorzitter:", "Mevrouw Els Van Hoof (cd&v):".
var speakerRE = regexp.MustCompile(`^(?:(?:De|Het)\s+)?(?:[\pL][\pL'’.-]*\s+){0,6}[\pL][\pL'’.-]*(?:\s+\([^)]{1,30}\))?:\s`)

// Split cuts doc into the passages a deferral's target is searched in. A
// written-question document gives one passage per answer (Index is the
// question number); any other document gives its paragraphs (Index counts
// them from 1), long ones cut at sentence ends, each paragraph of a
// speaker turn carrying its speaker. Snippet holds the passage's text and
// Terms its folded, stemmed terms.
func Split(doc *tracker.Document) []tracker.Passage {
	var out []tracker.Passage
	add := func(idx int, s string) {
		s = strings.TrimSpace(s)
		if s == "" {
			return
		}
		out = append(out, tracker.Passage{DocumentID: doc.ID, Index: idx, Snippet: s, Terms: rules.Terms(s)})
	}
	if len(doc.Items) > 0 {
		for _, it := range doc.Items {
			add(it.Number, it.Answer)
		}
		return out
	}
	speaker := ""
	for i, para := range strings.Split(doc.Text, "\n\n") {
		para = strings.TrimSpace(para)
		if m := speakerRE.FindString(para); m != "" && len(m) < 90 {
			speaker = strings.TrimSpace(m)
		} else if speaker != "" && para != "" {
			para = speaker + " " + para
		}
		for _, chunk := range chunks(para, maxPassage) {
			add(i+1, chunk)
		}
	}
	return out
}

// chunks cuts s at sentence ends into pieces of at most n bytes (a single
// longer sentence stays whole).
func chunks(s string, n int) []string {
	if len(s) <= n {
		return []string{s}
	}
	var out []string
	start, last := 0, 0
	for _, sp := range text.Sentences(s) {
		if sp[1]-start > n && last > start {
			out = append(out, s[start:last])
			start = last
		}
		last = sp[1]
	}
	return append(out, s[start:])
}
