package rules

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestTokenFilterAsFind holds the scanner's filter by required words to
// the word matcher: a phrase the filter rules out finds nothing, for
// every phrase of the default rules on the folded sentences of the
// development documents, their variants (see corpus), the lines of
// foldTexts and tracker/parse/testdata/real. And it must rule out most
// of what it is asked about, or it spares nothing.
func TestTokenFilterAsFind(t *testing.T) {
	set, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	sc := set.scanner()
	if len(sc.tokens) < 100 {
		t.Fatalf("only %d tokens numbered", len(sc.tokens))
	}
	texts := append(corpus(t, set), foldTexts(t)...)
	files, _ := filepath.Glob("../tracker/parse/testdata/real/*.txt")
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, strings.Split(string(b), "\n")...)
	}
	st := new(scanState)
	asked, out := 0, 0
	for _, s := range texts {
		f := foldString(s)
		sc.scan(f, true, st, func(*Rule, int, int) {})
		for id, m := range sc.ms {
			if m.toks == nil {
				continue
			}
			asked++
			if st.hasTokens(sc.needToks[id]) {
				continue
			}
			out++
			if got := m.find(f, st.ws, nil); len(got) > 0 {
				t.Fatalf("phrase %d of %s ruled out in %q, but finds %v", id, sc.rule[id].ID, f, got)
			}
		}
	}
	if out*2 < asked {
		t.Errorf("ruled out %d of %d", out, asked)
	}
}

func TestNumberable(t *testing.T) {
	for phrase, want := range map[string]bool{
		"vergadering": true, "kan|kunnen": true, "verwij*": true, "*onderzoek": true, "in": true,
		"u": false, "#": false, "a|de": false, "ve*": false, "*in*": false,
	} {
		m, err := compilePhrase(phrase)
		if err != nil || len(m.toks) != 1 {
			t.Fatalf("%q: %v", phrase, err)
		}
		if got := numberable(&m.toks[0]); got != want {
			t.Errorf("numberable(%q) = %v, want %v", phrase, got, want)
		}
	}
}
