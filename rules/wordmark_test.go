package rules

import (
	"testing"

	"github.com/pqtrack/pqtrack/tracker"
	"github.com/pqtrack/pqtrack/tracker/parse"
)

// TestWordMarksAsWords holds the marks sentencesIn keeps to the words:
// a sentence's mark is set exactly when one of its words is the mark's
// word, and mayHoldWord of a sentence read by sentencesIn is never false
// where it is true for the same sentence without marks (the search of the
// folded text untold and onlyThen made before), on every sentence of the
// guard documents' questions and answers and sentences made to hold the
// words in capitals, glued and inside others.
func TestWordMarksAsWords(t *testing.T) {
	set, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	ref := tracker.Day(2024, 11, 20)
	texts := []string{
		"Ik kan NIET aangeven hoeveel dat er zijn.",
		"Er zijn Geen cijfers.",
		"Pas na de zomer zal ik beslissen.",
		"De nietigheid is geenszins vastgesteld, het paspoort passeert.",
		"niet-geen pas.",
		"Dat is niet.Pas later",
	}
	for name, b := range guardDocs() {
		d, _ := parse.Read(name, b)
		if d == nil {
			continue
		}
		for _, it := range d.Items {
			texts = append(texts, it.Answer, it.Question)
		}
	}
	n, marked := 0, 0
	for _, text := range texts {
		for _, st := range set.sentences(text, ref) {
			if st.marks&markRead == 0 {
				t.Fatalf("%q: read without markRead", st.text)
			}
			var want wordMark
			for _, w := range st.words {
				switch st.fold[w.start:w.end] {
				case "niet":
					want |= markNiet
				case "geen":
					want |= markGeen
				case "pas":
					want |= markPas
				}
			}
			if got := st.marks &^ markRead; got != want {
				t.Errorf("%q: marks %b, words %b", st.text, got, want)
			}
			bare := st
			bare.marks = 0
			for _, m := range []wordMark{markNiet | markGeen, markPas, markNiet, markGeen} {
				if !mayHoldWord(&bare, m) && mayHoldWord(&st, m) {
					t.Errorf("%q: mayHoldWord %b true by marks, false by the text", st.text, m)
				}
			}
			if want != 0 {
				marked++
			}
			n++
		}
	}
	if n < 1000 || marked < 100 {
		t.Errorf("%d sentences, %d marked", n, marked)
	}
}
