package dates

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestMayStartAsCore holds mayStart to core: at every token of the lines
// of the development documents, the promise sentences and edge cases,
// core finds nothing where mayStart is false.
func TestMayStartAsCore(t *testing.T) {
	texts := []string{"de eind van het jaar", "het begin van 2025", "de komende weken", "de tweede helft", "het", "de",
		"in het eerste kwartaal", "De Komende Maanden", "de, eind", "de\u00a0eerste helft van 2024", "het najaar", "deeerste"}
	files, _ := filepath.Glob(filepath.Join(evalDir, "*", "docs", "*.txt"))
	files = append(files, filepath.Join(evalDir, "promise-sentences.jsonl"))
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, strings.Split(string(b), "\n")...)
	}
	ref := d("2024-11-20")
	tokens, ruled := 0, 0
	for _, s := range texts {
		f := fold(s)
		p := parser{f: f, text: s, t: tokenize(f.s, nil), ref: ref, hasRef: true}
		for i := range p.t {
			tokens++
			if p.mayStart(i) {
				continue
			}
			ruled++
			if c, ok := p.core(i); ok {
				t.Fatalf("%q: mayStart(%d) = false (%q), core finds %+v", s, i, p.t[i].w, c)
			}
		}
	}
	if ruled < tokens/2 {
		t.Errorf("mayStart rules out %d of %d tokens", ruled, tokens)
	}
	t.Logf("%d texts, %d tokens, %d ruled out", len(texts), tokens, ruled)
}
