package rules

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/pqtrack/pqtrack/tracker"
	"github.com/pqtrack/pqtrack/tracker/parse"
)

// Judging shares caches between goroutines (the term cache, and in its
// entries the rows of the role model and the phrases a word may start):
// documents judged on several goroutines at once must be judged as they
// are one at a time. Run with -race to check the sharing too.
func TestAnalyzeConcurrently(t *testing.T) {
	files, _ := filepath.Glob("testdata/eval/*/docs/*.txt")
	if len(files) == 0 {
		t.Fatal("no documents")
	}
	ref := tracker.Day(2024, 11, 20)
	judge := func(set *Set, f string) string {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Error(err)
			return ""
		}
		d, err := parse.Read(filepath.Base(f), data)
		if d == nil {
			t.Errorf("%s: %v", f, err)
			return ""
		}
		set.Analyze(d, ref)
		b, err := json.Marshal(d.Items)
		if err != nil {
			t.Error(err)
		}
		return string(b)
	}
	// A new set: its scanner, and so the phrases cached in the entries,
	// are its own, and are built while the goroutines run.
	set, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	got := make([][]string, 4)
	var wg sync.WaitGroup
	for g := range got {
		wg.Add(1)
		go func() {
			defer wg.Done()
			// Each goroutine in its own order, so that they share
			// words at different times.
			for i := range files {
				f := files[(i+g*len(files)/len(got))%len(files)]
				got[g] = append(got[g], f+"\n"+judge(set, f))
			}
		}()
	}
	wg.Wait()
	one, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{}
	for _, f := range files {
		want[f] = f + "\n" + judge(one, f)
	}
	for g := range got {
		for _, s := range got[g] {
			f, _, _ := strings.Cut(s, "\n")
			if s != want[f] {
				t.Errorf("goroutine %d: %s judged otherwise than alone", g, f)
			}
		}
	}
}
