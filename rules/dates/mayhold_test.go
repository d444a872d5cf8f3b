package dates

import (
	"bufio"
	"encoding/json"
	"os"
	"strings"
	"testing"
	"time"
)

// Find must find nothing where MayHold says no: every sentence of the
// labelled texts, every rubric case and the seed are checked.
func TestMayHoldNeverHidesADate(t *testing.T) {
	var texts []string
	for _, name := range []string{"../testdata/eval/records.jsonl", "../testdata/eval/promise-sentences.jsonl"} {
		f, err := os.Open(name)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 1<<20), 1<<22)
		for sc.Scan() {
			var r struct{ Question, Answer, Sentence string }
			if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
				t.Fatal(err)
			}
			texts = append(texts, r.Question, r.Answer, r.Sentence)
		}
		f.Close()
	}
	seed, err := os.ReadFile("../../seeds/vlaams-parlement-2023-gelijke-kansen-inburgering.txt")
	if err != nil {
		t.Fatal(err)
	}
	texts = append(texts, strings.Split(string(seed), "\n")...)
	texts = append(texts, "voor de zomer", "in het najaar", "volgend jaar", "binnen zes weken", "de komende maanden",
		"het tweede kwartaal", "de tweede helft van oktober", "op Prinsjesdag", "voor het kerstreces", "medio april",
		"eind dit jaar", "deze week", "op vrijdag", "in de winter", "rond de jaarwisseling", "Eind Mei")
	ref := time.Date(2024, 11, 19, 0, 0, 0, 0, time.UTC)
	found, skipped := 0, 0
	for _, text := range texts {
		for _, part := range strings.FieldsFunc(text, func(r rune) bool { return r == '.' || r == '\n' || r == '?' }) {
			es := Find(part, ref)
			if !MayHold(part) {
				skipped++
				if len(es) > 0 {
					t.Errorf("MayHold(%q) = false, but Find finds %q", part, es[0].Text)
				}
				continue
			}
			if len(es) > 0 {
				found++
			}
		}
	}
	t.Logf("%d parts with dates; %d parts skipped", found, skipped)
	if skipped == 0 {
		t.Error("MayHold skips nothing")
	}
}
