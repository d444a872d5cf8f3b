package rules

import (
	"slices"
	"testing"

	"github.com/pqtrack/pqtrack/tracker"
)

// TestWordMarksAsWords holds the marks sentencesIn keeps to the words:
// each mark of a sentence is set exactly when one of its words, of any
// length, is a word of the mark (as isNegation, locWordOf and isTold read
// it), its classes are those of its words' entries, and untold, onlyThen,
// locatesElsewhere and disclosedElsewhere, which ask the marks first,
// read the sentence with them as without, as a reply and as context. On
// every sentence of the guard documents' questions and answers and
// sentences made to hold the words in capitals, glued, inside others and
// in the forms the readers look for (fails with locPlace left out of
// markLocates, or "geen" out of markNeg).
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
		"De cijfers zijn opgenomen in het jaarverslag 2024.",
		"Het verslag van dat debat geeft dat overzicht volledig weer.",
		"Het rapport staat op de website van het agentschap.",
		"Ik heb dat toegelicht in de commissie voor Leefmilieu.",
		"Die gegevens worden niet geregistreerd.",
		"Ik kan niet aangeven hoeveel klachten er waren.",
		"Aanpassingen zal ik pas voorstellen wanneer ik dat rapport heb kunnen bestuderen.",
	}
	texts = append(texts, guardTexts()...)
	n, marked, changed := 0, 0, 0
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
				switch locWordOf(v) {
				case locLocate, locRead, locStand, locKeeps, locPlace:
					want |= markLocates
				}
				if isTold(v) {
					want |= markTold
				}
				switch v {
				case "niet":
					want |= markNiet
				case "geen":
					want |= markGeen
				case "pas":
					want |= markPas
				}
				if decideWords[v] {
					want |= markDecide
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
			for m := markNiet; m < markRead; m <<= 1 {
				if mayHoldWord(&st, m) != (want&m != 0) {
					t.Errorf("%q: mayHoldWord %b is %v", st.text, m, !(want&m != 0))
				}
			}
			// The readers that ask the marks first give what they give
			// without them, as a reply and as context.
			for _, role := range []tracker.Role{tracker.RoleReply, tracker.RoleContext} {
				a, b := st, st
				a.role, b.role, a.rule, b.rule = role, role, "", ""
				b.marks = 0
				ctx := newAnswerContext("Hoeveel klachten werden er geregistreerd?", 3, ref)
				var pa, pb [nRoles]float64
				for _, f := range []func(st *sentence){
					func(st *sentence) { untold(st, ctx) },
					func(st *sentence) { onlyThen(st, ctx) },
					func(st *sentence) { disclosedElsewhere(st, ctx) },
				} {
					f(&a)
					f(&b)
				}
				locatesElsewhere(&a, &pa)
				locatesElsewhere(&b, &pb)
				if a.role != b.role || a.conf != b.conf || a.located != b.located {
					t.Errorf("%q: %v %v %v, without marks %v %v %v", st.text, a.role, a.conf, a.located, b.role, b.conf, b.located)
				}
				if a.role != role {
					changed++
				}
			}
			if want != 0 {
				marked++
			}
			n++
		}
	}
	if n < 1000 || marked < 100 || changed < 20 {
		t.Errorf("%d sentences, %d marked, %d read otherwise", n, marked, changed)
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
	texts = append(texts, guardTexts()...)
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
