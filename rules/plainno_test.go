package rules

import (
	"testing"
	"time"

	"github.com/pqtrack/pqtrack/tracker/parse"
)

// TestPlainNoOfReadSentences: plainNo of a sentence sentencesIn read,
// from its fold and words, is plainNo of its text alone, on every
// sentence of the guard documents' answers and on the noFormulas in
// short and long sentences.
func TestPlainNoOfReadSentences(t *testing.T) {
	set, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	answers := []string{}
	// Eight words and fewer count, with fillers on either side of eight.
	fill := []string{"", "nu ", "nu echt ", "nu echt nog ", "nu echt nog hier ", "nu echt nog hier wel ", "nu echt nog hier wel even "}
	for _, n := range noFormulas {
		for _, f := range fill {
			answers = append(answers, "Dat is "+f+n+".", "Nee, "+f+"dat is "+n+".")
		}
		answers = append(answers, n, "Daarvan is thans "+n+" in dit verband en ook niet later dit jaar.")
	}
	for name, b := range guardDocs() {
		doc, _ := parse.Read(name, b)
		if doc == nil {
			continue
		}
		for _, it := range doc.Items {
			answers = append(answers, it.Answer)
		}
	}
	n, yes := 0, 0
	for _, a := range answers {
		for _, st := range set.sentences(a, time.Time{}) {
			got, want := plainNo(&st), plainNo(&sentence{text: st.text})
			if got != want {
				t.Errorf("plainNo of the read sentence %q = %v, of its text %v", st.text, got, want)
			}
			n++
			if want {
				yes++
			}
		}
	}
	if n < 1000 || yes < 5 {
		t.Errorf("only %d sentences, %d of them plain noes", n, yes)
	}
}
