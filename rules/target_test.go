package rules

import (
	"strings"
	"testing"
)

// TestRefAsBefore holds ref to the way it read before (refBefore): every
// sentence of corpus, from every tenth folded byte, and texts that end in
// marks, spaces and words of marks alone.
func TestRefAsBefore(t *testing.T) {
	set, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	texts := append(corpus(t, set), "", " ", "?!", "Zie brief .", "Zie de brief van 3 mei ; ...", "a b c d e f g h i j k l m n o p ?",
		"een twee drie vier vijf zes zeven acht negen tien elf twaalf dertien veertien !", "Zie\u00a0de\u2003brief.", "zie  de\tbrief :?")
	n := 0
	for _, tx := range texts {
		f := fold(tx)
		for rel := 0; rel <= len(f.s); rel += 10 {
			if got, want := ref(f, rel), refBefore(f, rel); got != want {
				t.Fatalf("ref(%q, %d) = %q, want %q", tx, rel, got, want)
			}
			n++
		}
	}
	if n < 10000 {
		t.Errorf("only %d refs", n)
	}
}

func refBefore(f folded, rel int) string {
	s := f.orig
	if rel > 0 && rel < len(f.s) {
		a, _ := f.span(rel, rel+1)
		s = f.orig[a:]
	}
	s = strings.Join(strings.Fields(s), " ")
	s = strings.TrimRight(s, ".;:!? ")
	w := strings.Fields(s)
	if len(w) > 14 {
		w = w[:14]
		return strings.Join(w, " ") + " …"
	}
	return s
}
