package rules

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/pqtrack/pqtrack/tracker/parse"
)

// TestSharedTermsAsGroupTerms holds that the per-document cache of
// groupTerms gives every question of every shared answer of the eval
// documents what groupTerms of its own group gives, and keeps groups that
// share some numbers apart.
func TestSharedTermsAsGroupTerms(t *testing.T) {
	files, err := filepath.Glob("testdata/eval/*/docs/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatal("no documents", err)
	}
	groups := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := parse.Read(f, data)
		if err != nil {
			t.Fatal(err)
		}
		questions := map[int]string{}
		for _, it := range doc.Items {
			questions[it.Number] = it.Question
		}
		cache := sharedTerms{}
		for i := range doc.Items {
			group, nums, _ := sharedGroup(&doc.Items[i], questions)
			if group == nil {
				continue
			}
			groups++
			if got, want := cache.of(nums, group), groupTerms(group); !reflect.DeepEqual(got, want) {
				t.Errorf("%s question %d: cached %v, want %v", f, doc.Items[i].Number, got, want)
			}
		}
	}
	if groups == 0 {
		t.Error("no shared answers in the documents")
	}

	// Groups that overlap, in one document.
	qs := map[int]string{
		1:  "Hoeveel fietsen werden gestolen?",
		2:  "Hoeveel auto's werden gestolen?",
		3:  "Hoeveel bromfietsen werden gestolen?",
		12: "Hoeveel treinen reden te laat?",
	}
	cache := sharedTerms{}
	for _, nums := range [][]int{{1, 2}, {1, 3}, {1, 2, 3}, {1, 12}, {11, 2}, {1, 2}} {
		group := make([]string, len(nums))
		for j, n := range nums {
			group[j] = qs[n]
		}
		if got, want := cache.of(nums, group), groupTerms(group); !reflect.DeepEqual(got, want) {
			t.Errorf("group %v: cached %v, want %v", nums, got, want)
		}
	}
}
