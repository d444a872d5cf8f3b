package rules

import (
	"testing"
	"time"

	"github.com/pqtrack/pqtrack/tracker/parse"
)

// TestWordEntsOnlyForTwoBytes holds what classFeatures relies on when it
// asks a word's length only for a word without an entry: a word of one
// byte has no term cache entry among a read sentence's wordEnts, and every
// word of two bytes or more has one. On the sentences of the guard
// documents and words of one byte, digits and marks.
func TestWordEntsOnlyForTwoBytes(t *testing.T) {
	set, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	answers := []string{"a b c 1 2 ab 12 é x.y.z", "Zie a) en b), of 3 en 4.", "x"}
	for name, b := range guardDocs() {
		if doc, _ := parse.Read(name, b); doc != nil {
			for _, it := range doc.Items {
				answers = append(answers, it.Answer)
			}
		}
	}
	short := 0
	for _, a := range answers {
		sents := set.sentences(a, time.Time{})
		for i := range sents {
			st := &sents[i]
			if len(st.wordEnts) != len(st.words) {
				t.Fatalf("%q: %d entries for %d words", st.text, len(st.wordEnts), len(st.words))
			}
			for j, w := range st.words {
				if has, long := st.wordEnts[j] != nil, w.end-w.start >= 2; has != long {
					t.Fatalf("%q: word %q has an entry: %v", st.text, st.fold[w.start:w.end], has)
				}
				if w.end-w.start < 2 {
					short++
				}
			}
		}
	}
	if short < 100 {
		t.Errorf("only %d words of one byte", short)
	}
}
