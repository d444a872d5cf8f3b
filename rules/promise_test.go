package rules

import (
	"bufio"
	"encoding/json"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/pqtrack/pqtrack/tracker"
)

// Real sentences from government texts, each labelled with the dates it
// promises (testdata/eval/promise-sentences.jsonl). Measures which dates
// the rules take as promises, against the rubric's definition.
func TestPromiseSentences(t *testing.T) {
	f, err := os.Open("testdata/eval/promise-sentences.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	set, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	var labelled, predicted, matched int
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<22)
	for sc.Scan() {
		var rec struct {
			ID       string `json:"id"`
			DocDate  string `json:"doc_date"`
			Sentence string `json:"sentence"`
			Promises []struct {
				Date string `json:"date"`
			} `json:"promises"`
		}
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			t.Fatal(err)
		}
		ref, err := tracker.ParseDay(rec.DocDate)
		if err != nil {
			t.Fatalf("%s: %v", rec.ID, err)
		}
		var want, got []string
		for _, p := range rec.Promises {
			want = append(want, p.Date)
		}
		for _, st := range set.sentences(rec.Sentence, ref) {
			for _, p := range st.promises {
				got = append(got, p.Date.Format(tracker.DateLayout))
			}
		}
		sort.Strings(want)
		sort.Strings(got)
		w := map[string]bool{}
		for _, d := range want {
			w[d] = true
		}
		labelled += len(want)
		predicted += len(got)
		for _, d := range got {
			if w[d] {
				matched++
			}
		}
		if strings.Join(want, ",") != strings.Join(got, ",") {
			t.Logf("%s: want %v, got %v: %s", rec.ID, want, got, rec.Sentence)
		}
	}
	p, r := float64(matched)/float64(predicted), float64(matched)/float64(labelled)
	t.Logf("promise dates in %d labelled: precision %.2f (%d/%d), recall %.2f (%d/%d)", labelled, p, matched, predicted, r, matched, labelled)
	if p < 0.8 || r < 0.8 {
		t.Errorf("precision %.2f, recall %.2f: want both >= 0.80", p, r)
	}
}
