package rules

import (
	"slices"
	"testing"

	"github.com/pqtrack/pqtrack/tracker"
)

// TestClassFeaturesAsTwoLoops holds classFeatures, which finds the
// negations' neg:STEM in its loop over the words, to the two loops it
// replaced (negationsBefore, then the classes): the same keys in the same
// order and the same denied classes, with and without the term cache
// entries, on every sentence of the guard documents' answers and
// questions and sentences of negations in a row, at the end and before
// short words.
func TestClassFeaturesAsTwoLoops(t *testing.T) {
	set, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	ref := tracker.Day(2024, 11, 20)
	texts := []string{
		"Die gegevens zijn niet beschikbaar.", "Niet niet geen gegevens.", "Dat is niet.", "Geen u a b c cijfers.",
		"Er is geen de het een rapport, en niets nooit nergens openbaar.", "niet", "Noch de minister noch de diensten weten het.",
	}
	texts = append(texts, guardTexts()...)
	n, negs := 0, 0
	for _, text := range texts {
		for _, st := range set.sentences(text, ref) {
			for _, ents := range [][]*termEntry{st.wordEnts, nil} {
				var got, want keys
				gotDenied := classFeatures(st.fold, st.words, ents, &got)
				negationsBefore(st.fold, st.words, ents, &want)
				negs += len(want.out)
				wantDenied := classesOnlyBefore(st.fold, st.words, ents, &want)
				if !slices.Equal(got.out, want.out) || gotDenied != wantDenied {
					t.Fatalf("%q: %v (%b), before %v (%b)", st.text, got.out, gotDenied, want.out, wantDenied)
				}
			}
			n++
		}
	}
	if n < 1000 || negs < 100 {
		t.Errorf("%d sentences, %d negations", n, negs)
	}
}

// negationsBefore is the loop of features that gave neg:STEM.
func negationsBefore(f string, ws []word, ents []*termEntry, out sink) {
	for j, x := range ws {
		if !negationAt(f, x, ents, j) {
			continue
		}
		for k := j + 1; k < min(j+4, len(ws)); k++ {
			y := ws[k]
			if y.end-y.start < 2 || negationAt(f, y, ents, k) {
				continue
			}
			e := entryAt(f, y, ents, k)
			if !e.skip {
				out.other("neg:", e.stem)
				break
			}
		}
	}
}

// classesOnlyBefore is classFeatures as it was, without neg:STEM.
func classesOnlyBefore(f string, ws []word, ents []*termEntry, out sink) (denied uint16) {
	var all, clause uint16
	neg := false
	for j := range ws {
		var e *termEntry
		if ents != nil {
			e = ents[j]
		}
		var isNeg, opens bool
		if e != nil {
			isNeg, opens = e.neg, e.opens
		} else {
			w := f[ws[j].start:ws[j].end]
			isNeg, opens = isNegation(w), opensClause(w)
		}
		if j > 0 && (opens || !singleSpace(f, ws[j-1].end, ws[j].start) && sepBreak(f[ws[j-1].end:ws[j].start])) {
			if neg {
				denied |= clause
			}
			neg, clause = false, 0
		}
		if isNeg {
			neg = true
			continue
		}
		if e == nil {
			if ws[j].end-ws[j].start < 2 {
				continue
			}
			e = term(f[ws[j].start:ws[j].end])
		}
		all |= e.class
		clause |= e.class
	}
	if neg {
		denied |= clause
	}
	for b := range classNames {
		if all&(1<<b) != 0 {
			out.feature(featClass + featureID(b))
		}
		if denied&(1<<b) != 0 {
			out.feature(featDenied + featureID(b))
		}
	}
	return denied
}
