package rules

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestWordLiteralsAsHolds holds the literals found by words to holds, the
// test they replace, for every regexp of the default rules, on the folded
// sentences of the development documents, their variants (see corpus),
// the real documents of tracker/parse and edge cases.
func TestWordLiteralsAsHolds(t *testing.T) {
	set, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	sc := set.scanner()
	texts := append(corpus(t, set), foldTexts(t)...)
	files, _ := filepath.Glob("../tracker/parse/testdata/real/*.txt")
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, strings.Split(string(b), "\n")...)
	}
	texts = append(texts, "gesteld", "xgestelde.", "is ge", "a ingaan 3", "kan niet", "niet kan", "collega's", "€5", "ja", "ge\xffbe")
	needs, masks := 0, 0
	for id, n := range sc.needs {
		if n != nil {
			needs++
			masks += len(n.masks)
			for _, m := range n.otherMasks {
				if m != 0 {
					masks++
				}
			}
		} else if m := sc.ms[id]; m.re != nil && len(m.need) > 0 {
			t.Errorf("matcher %d needs %q but has no litNeed", id, m.need)
		}
	}
	if needs < 10 || masks < 10 {
		t.Fatalf("only %d regexps with needs, %d sets by words", needs, masks)
	}
	st := new(scanState)
	held := 0
	for _, s := range texts {
		f := foldString(s)
		sc.scan(f, true, st, func(*Rule, int, int) {})
		for id, n := range sc.needs {
			if n == nil {
				continue
			}
			want := holds(f, sc.ms[id].need)
			if got := n.holdsNeed(f, st.lits); got != want {
				t.Fatalf("matcher %d (%q) on %q: %v, want %v", id, sc.ms[id].need, f, got, want)
			}
			if want {
				held++
			}
		}
	}
	if held < 100 {
		t.Errorf("only %d texts hold a regexp's literals", held)
	}
}

func TestLongestWord(t *testing.T) {
	for lit, want := range map[string]string{" ingaan": "ingaan", " in te laten gaan": "laten", "ga ": "ga", "€": "", "collega's": "collega"} {
		if got := longestWord(lit); got != want {
			t.Errorf("longestWord(%q) = %q, want %q", lit, got, want)
		}
	}
}

func TestIsWordLiteral(t *testing.T) {
	for lit, want := range map[string]bool{
		"gesteld": true, "ge": true, "geëvalueerd": true, "2024": true,
		"g": false, " in": false, "ga ": false, "collega's": false, "€": false, "dat is": false, "": false,
	} {
		if got := isWordLiteral(lit); got != want {
			t.Errorf("isWordLiteral(%q) = %v, want %v", lit, got, want)
		}
	}
}
