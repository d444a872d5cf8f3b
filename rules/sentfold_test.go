package rules

import (
	"slices"
	"testing"
	"time"

	"github.com/pqtrack/pqtrack/tracker/parse"
)

// TestSentenceFoldedAsFold: st.folded() of a sentence sentencesIn read is
// fold of its text, on every sentence of the guard documents' answers
// and on sentences with accents, capitals and runs of white space.
func TestSentenceFoldedAsFold(t *testing.T) {
	set, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	answers := []string{"Zie het antwoord op vraag 3.", "Zie  het ANTWOORD\top vraag 3.", "Zie de brief van 3 mei 2024 (Kamerstuk 12 345).",
		"Het rapport verschijnt in één keer.", "De café’s sluiten.", "x"}
	for name, b := range guardDocs() {
		if doc, _ := parse.Read(name, b); doc != nil {
			for _, it := range doc.Items {
				answers = append(answers, it.Answer)
			}
		}
	}
	n, ident := 0, 0
	for _, a := range answers {
		sents := set.sentences(a, time.Time{})
		for i := range sents {
			got, want := sents[i].folded(), fold(sents[i].text)
			if got.s != want.s || got.orig != want.orig || got.ident != want.ident || got.plain != want.plain ||
				!want.ident && !slices.Equal(got.pos, want.pos) {
				t.Errorf("folded() of %q = %+v, fold %+v", sents[i].text, got, want)
			}
			n++
			if want.ident {
				ident++
			}
		}
	}
	if n < 1000 || ident < 100 || ident == n {
		t.Errorf("%d sentences, %d of them folded byte for byte", n, ident)
	}
}
