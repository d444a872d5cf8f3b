package rules

import (
	"slices"
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
// words in capitals, glued and inside others. markNeg is held to the
// negations as isNegation lists them, and the classes to those of the
// words' entries.
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
		"Nooit, NERGENS en niets, noch iets.",
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
				v := st.fold[w.start:w.end]
				switch v {
				case "niet", "geen", "nooit", "niets", "noch", "nergens":
					if len(v) >= 2 {
						want |= markNeg
					}
				}
				switch v {
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
			var classes uint16
			for i, w := range st.words {
				if e := st.wordEnts[i]; e != nil {
					classes |= e.class
				} else if w.end-w.start >= 2 {
					t.Errorf("%q: word %d has no entry", st.text, i)
				}
			}
			if classes != st.classes {
				t.Errorf("%q: classes %b, words %b", st.text, st.classes, classes)
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

// TestAllClassFeaturesAsLoop holds features of a sentence without a
// negation, whose class features come from the classes scanner.read or-ed
// together (allClassFeatures), to features of the same sentence read by
// classFeatures' loop (its marks cleared): the same keys in the same
// order, on every sentence of the guard documents' answers and questions.
func TestAllClassFeaturesAsLoop(t *testing.T) {
	set, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	ref := tracker.Day(2024, 11, 20)
	var texts []string
	for name, b := range guardDocs() {
		d, _ := parse.Read(name, b)
		if d == nil {
			continue
		}
		for _, it := range d.Items {
			texts = append(texts, it.Answer, it.Question)
		}
	}
	n, fast := 0, 0
	for _, text := range texts {
		sents := set.sentences(text, ref)
		ctx := newAnswerContext("Welke cijfers zijn er bekend over de rapporten?", len(sents), ref)
		for i := range sents {
			st := sents[i]
			var got, want keys
			features(&st, i, ctx, &got)
			bare := st
			bare.marks = 0
			features(&bare, i, ctx, &want)
			if !slices.Equal(got.out, want.out) {
				t.Fatalf("%q: %v, by the loop %v", st.text, got.out, want.out)
			}
			if st.marks&markNeg == 0 {
				fast++
			}
			n++
		}
	}
	if n < 1000 || fast < 500 {
		t.Errorf("%d sentences, %d without a negation", n, fast)
	}
}
