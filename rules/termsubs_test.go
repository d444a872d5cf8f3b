package rules

import (
	"testing"
	"time"

	"github.com/pqtrack/pqtrack/tracker/parse"
)

// TestTermSubsAsMap holds termSubs to the map of terms to sub-question bit
// sets it stands in for, on the sub-questions of the guard documents and
// the terms of their answers' sentences, with each term's bit taken from
// its cache entry as assign takes it.
func TestTermSubsAsMap(t *testing.T) {
	set, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	n, hits := 0, 0
	for name, b := range guardDocs() {
		doc, _ := parse.Read(name, b)
		if doc == nil {
			continue
		}
		for _, it := range doc.Items {
			terms := subTerms(it.SubQuestions)
			if terms == nil || len(terms) > 64 {
				continue
			}
			want := map[string]uint64{}
			var got termSubs
			for i := range terms {
				for _, tm := range terms[i] {
					want[tm] |= 1 << i
					got.add(tm, i)
				}
			}
			for tm, m := range want {
				if g := got.of(tm, termBit(tm)); g != m {
					t.Errorf("%s: of(%q) = %b, the map %b", name, tm, g, m)
				}
			}
			for _, st := range set.sentences(it.Answer, time.Time{}) {
				for j, tm := range st.terms {
					n++
					if want[tm] != 0 {
						hits++
					}
					if g := got.of(tm, st.termEnts[j].bit); g != want[tm] {
						t.Errorf("%s: of(%q) = %b, the map %b", name, tm, g, want[tm])
					}
				}
			}
		}
	}
	if n < 1000 || hits < 100 {
		t.Errorf("only %d terms, %d of them in a sub-question", n, hits)
	}
}
