package rules

import (
	"testing"
	"time"

	"github.com/pqtrack/pqtrack/tracker/parse"
)

// firstToldByWords is firstTold as it was, isTold asked of every word.
func firstToldByWords(st *sentence) string {
	for _, w := range st.words {
		if v := st.fold[w.start:w.end]; isTold(v) {
			return v
		}
	}
	return ""
}

// TestFirstToldByFlag: firstTold, which reads the told flag of the
// words' term cache entries, gives the word isTold finds first, on every
// sentence of the guard documents' answers and on sentences built of the
// told words (of one byte, capitals, glued to others); and a sentence
// without entries is read by isTold (fails with the flag set from
// another test, or with the entry's word one of another place).
func TestFirstToldByFlag(t *testing.T) {
	set, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	answers := []string{
		"Ik heb dat in de commissie toegelicht en besproken.",
		"Dit werd gegeven, zoals gezegd; ik GAF het antwoord.",
		"x gaf. Orde, orde! ging-gaven beschreef lichtte? toegelichte gegevens",
		"a b c d e f g h", "Het werd gaf",
	}
	for name, b := range guardDocs() {
		if doc, _ := parse.Read(name, b); doc != nil {
			for _, it := range doc.Items {
				answers = append(answers, it.Answer)
			}
		}
	}
	told, n := 0, 0
	for _, a := range answers {
		sents := set.sentences(a, time.Time{})
		for i := range sents {
			st := &sents[i]
			n++
			want := firstToldByWords(st)
			if got := firstTold(st); got != want {
				t.Fatalf("%q: firstTold = %q, want %q", st.text, got, want)
			}
			if want != "" {
				told++
			}
			for k, e := range st.wordEnts {
				if e != nil && e.told != isTold(st.fold[st.words[k].start:st.words[k].end]) {
					t.Fatalf("%q: word %q told %v", st.text, e.word, e.told)
				}
			}
			bare := *st
			bare.wordEnts = nil
			if got := firstTold(&bare); got != want {
				t.Fatalf("%q without entries: firstTold = %q, want %q", st.text, got, want)
			}
		}
	}
	if told < 20 {
		t.Errorf("only %d of %d sentences tell", told, n)
	}
	t.Logf("%d sentences, %d tell", n, told)
}
