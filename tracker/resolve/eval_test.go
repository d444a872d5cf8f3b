package resolve

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/pqtrack/pqtrack/rules"
	"github.com/pqtrack/pqtrack/tracker/parse"
)

// evalDir holds the hand-labelled documents shared with the rules.
const evalDir = "../../rules/testdata/eval/tune"

// TestEvalReferences measures, on the labelled documents, how well
// references to other answers of the same document ("zie antwoord vraag
// 10", "het antwoord op vraag 8 en 9") resolve to the right numbers. A
// label counts when its deferral is of kind answer and its ref names
// question numbers without a document number.
func TestEvalReferences(t *testing.T) {
	f, err := os.Open(filepath.Join(evalDir, "records.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	type record struct {
		ID       string `json:"id"`
		Number   int    `json:"number"`
		Deferral *struct {
			Kind string `json:"kind"`
			Ref  string `json:"ref"`
		} `json:"deferral"`
	}
	want := map[string]map[int][]int{} // document -> question -> target numbers
	docs := map[string]bool{}
	num := regexp.MustCompile(`\d+`)
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var r record
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatal(err)
		}
		doc := r.ID[:strings.LastIndex(r.ID, "-q")]
		docs[doc] = true
		if r.Deferral == nil || r.Deferral.Kind != "answer" || strings.Contains(r.Deferral.Ref, "nr.") {
			continue
		}
		var ns []int
		for _, s := range num.FindAllString(r.Deferral.Ref, -1) {
			n, _ := strconv.Atoi(s)
			ns = append(ns, n)
		}
		if len(ns) == 0 {
			continue
		}
		if want[doc] == nil {
			want[doc] = map[int][]int{}
		}
		want[doc][r.Number] = ns
	}
	set, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	var labelled, resolved, right int
	for doc := range docs {
		d, err := parse.ReadFile(filepath.Join(evalDir, "docs", doc+".txt"))
		if err != nil {
			t.Fatal(err)
		}
		set.Analyze(d, time.Time{})
		Local(d)
		labelled += len(want[doc])
		for _, it := range d.Items {
			df := it.Deferral
			if !Internal(df) || df.Resolution == nil {
				continue
			}
			resolved++
			exp, ok := want[doc][it.Number]
			if ok && slices.Equal(exp, df.Resolution.Items) {
				right++
			} else {
				t.Logf("%s q%d: resolved to %v (%s), labelled %v", doc, it.Number, df.Resolution.Items, df.Resolution.Verdict, exp)
			}
		}
		for n, exp := range want[doc] {
			found := false
			for _, it := range d.Items {
				if it.Number == n && Internal(it.Deferral) {
					found = true
				}
			}
			if !found {
				t.Logf("%s q%d: reference to %v not resolved", doc, n, exp)
			}
		}
	}
	p, r := ratio(right, resolved), ratio(right, labelled)
	t.Logf("references to other answers: %d labelled, %d resolved, %d right: precision %.2f, recall %.2f", labelled, resolved, right, p, r)
	if p < 0.9 || r < 0.7 {
		t.Errorf("precision %.2f (want >= 0.90), recall %.2f (want >= 0.70)", p, r)
	}
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}
