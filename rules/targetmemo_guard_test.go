package rules

import (
	"reflect"
	"testing"

	"github.com/pqtrack/pqtrack/tracker"
	"github.com/pqtrack/pqtrack/tracker/parse"
)

// TestTargetMemoAsFindTarget holds targetMemo.find to findTarget: on every
// sentence of every answer of the guard documents, from the start and
// from each match, twice with one memo for the answer (the second time
// every target comes from it), equal to findTarget of the sentence read
// anew.
func TestTargetMemoAsFindTarget(t *testing.T) {
	set, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	ref := tracker.Day(2024, 11, 20)
	calls, named := 0, 0
	for name, b := range guardDocs() {
		d, _ := parse.Read(name, b)
		if d == nil {
			continue
		}
		for _, it := range d.Items {
			sents := set.sentences(it.Answer, ref)
			var memo targetMemo
			for round := 0; round < 2; round++ {
				for i := range sents {
					st := &sents[i]
					rels := []int{0}
					for _, h := range st.hits {
						rels = append(rels, h.fstart)
					}
					for _, rel := range rels {
						var fs folded
						foldedYet := false
						got, gotNamed := memo.find(st, rel, &fs, &foldedYet)
						want, wantNamed := findTarget(st.folded(), rel, st.exprs)
						if !reflect.DeepEqual(got, want) || gotNamed != wantNamed {
							t.Fatalf("%s: %q from %d: memo %+v %v, findTarget %+v %v", name, st.text, rel, got, gotNamed, want, wantNamed)
						}
						calls++
						if wantNamed {
							named++
						}
					}
				}
			}
		}
	}
	if calls < 1000 || named < 50 {
		t.Errorf("only %d calls, %d of them named", calls, named)
	}
}
