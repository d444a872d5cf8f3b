package rules

import (
	"slices"
	"testing"

	"github.com/pqtrack/pqtrack/tracker"
)

// TestAddReadAsAdd holds termBuf.addRead, which takes the terms
// scanner.read found as it looked the words up, to termBuf.add of the
// words' entries: the same words, terms and entries, sentence after
// sentence into one buffer, on every sentence of the guard documents'
// answers and questions and sentences of repeated words and stems.
func TestAddReadAsAdd(t *testing.T) {
	set, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	sc := set.scanner()
	ref := tracker.Day(2024, 11, 20)
	texts := []string{"De minister en de ministers, de minister: de de de.", "a b c 1 2 3", "", "Vragen vraag vragen vroeg."}
	texts = append(texts, guardTexts()...)
	var want, got termBuf
	st := new(scanState)
	n := 0
	for _, text := range texts {
		for _, sent := range set.sentences(text, ref) {
			f := fold(sent.text)
			sc.read(f.s, st)
			want.add(st.ents)
			got.addRead(st)
			if !slices.Equal(got.terms, want.terms) || !slices.Equal(got.stems, want.stems) || !slices.Equal(got.words, want.words) {
				t.Fatalf("%q: terms %v, add gives %v", sent.text, got.terms[len(got.terms)-len(st.terms):], want.terms)
			}
			n++
		}
	}
	if n < 1000 || len(want.terms) < 10000 {
		t.Errorf("%d sentences, %d terms", n, len(want.terms))
	}
}
