package rules

import (
	"testing"
	"time"

	"github.com/pqtrack/pqtrack/tracker/parse"
)

// groupTermsAsMaps is groupTerms as it was, with a map for each question.
func groupTermsAsMaps(group []string) []map[string]bool {
	terms := make([]map[string]bool, len(group))
	seen := map[string]int{}
	for j, q := range group {
		terms[j] = map[string]bool{}
		for _, t := range Terms(q) {
			if !terms[j][t] {
				terms[j][t] = true
				seen[t]++
			}
		}
	}
	distinct := false
	for j := range terms {
		for t := range terms[j] {
			if seen[t] == len(group) {
				delete(terms[j], t)
			}
		}
		distinct = distinct || len(terms[j]) > 0
	}
	if !distinct {
		return nil
	}
	return terms
}

// mostSharedOfMaps is mostShared as it was, over maps.
func mostSharedOfMaps(terms []string, sets []map[string]bool, prefer int) int {
	best, bestN := -1, 0
	for j, set := range sets {
		n := 0
		for _, t := range terms {
			if set[t] {
				n++
			}
		}
		if n > bestN || n == bestN && n > 0 && j == prefer {
			best, bestN = j, n
		}
	}
	return best
}

// TestTermSetsAsMaps holds groupTerms, which keeps each question's terms
// as a termSet, to the maps it made before, and mostShared over the sets
// to mostShared over the maps: for groups of one to four questions in a
// row of the guard documents, and the terms of every sentence of their
// answers, with every preference, and all of them at once.
func TestTermSetsAsMaps(t *testing.T) {
	set, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	groups, compared := 0, 0
	for name, b := range guardDocs() {
		doc, _ := parse.Read(name, b)
		if doc == nil {
			continue
		}
		for i := range doc.Items {
			for n := 1; n <= 4 && i+n <= len(doc.Items); n++ {
				var group []string
				for _, it := range doc.Items[i : i+n] {
					group = append(group, it.Question)
				}
				got, want := groupTerms(group), groupTermsAsMaps(group)
				if (got == nil) != (want == nil) || len(got) != len(want) {
					t.Fatalf("groupTerms of %d questions at %s item %d: %d sets, before %d", n, name, i, len(got), len(want))
				}
				for j := range got {
					if len(got[j].terms) != len(want[j]) {
						t.Fatalf("%s item %d: set %d holds %q, before %v", name, i, j, got[j].terms, want[j])
					}
					for _, term := range got[j].terms {
						if !want[j][term] {
							t.Fatalf("%s item %d: set %d holds %q, not before", name, i, j, term)
						}
					}
				}
				if got == nil {
					continue
				}
				groups++
				var all []string
				for _, st := range set.sentences(doc.Items[i].Answer, time.Time{}) {
					all = append(all, st.terms...)
					for prefer := -1; prefer < n; prefer++ {
						if g, w := mostShared(st.terms, got, prefer), mostSharedOfMaps(st.terms, want, prefer); g != w {
							t.Fatalf("mostShared(%q) = %d, over maps %d", st.terms, g, w)
						}
						compared++
					}
				}
				if g, w := mostShared(all, got, 0), mostSharedOfMaps(all, want, 0); g != w {
					t.Fatalf("mostShared(%q) = %d, over maps %d", all, g, w)
				}
			}
		}
	}
	if groups < 100 || compared < 1000 {
		t.Errorf("only %d groups, %d comparisons", groups, compared)
	}
}
