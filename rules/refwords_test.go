package rules

import (
	"strings"
	"testing"
)

// refAsFields is ref's reading of words as it was: the whole text split
// by strings.Fields, the marks trimmed from the end, then cut at 14 words.
func refAsFields(s string) string {
	w := strings.Fields(s)
	for len(w) > 0 {
		last := strings.TrimRight(w[len(w)-1], ".;:!? ")
		if last != "" {
			w[len(w)-1] = last
			break
		}
		w = w[:len(w)-1]
	}
	if len(w) > 14 {
		return strings.Join(w[:14], " ") + " …"
	}
	return strings.Join(w, " ")
}

// TestRefAsFields holds ref, which reads words only up to the 15th that
// is more than marks, to refAsFields: on texts of 0 to 20 words with
// words of marks only among them, at the end and after the 14th, and on
// the sentences of the guard documents.
func TestRefAsFields(t *testing.T) {
	var texts []string
	for _, d := range guardDocs() {
		texts = append(texts, strings.SplitAfter(string(d), ".")...)
	}
	pieces := []string{"woord", ".", "?!", "a.", ";", "x", " ", "\u00a0", "…", "zie", ":"}
	for n := 0; n <= 20; n++ {
		for k := range pieces {
			var b strings.Builder
			for i := 0; i < n; i++ {
				b.WriteString(pieces[(i*7+k)%len(pieces)])
				b.WriteString(" ")
			}
			texts = append(texts, b.String())
			for _, end := range pieces {
				texts = append(texts, b.String()+end, b.String()+end+" "+end, strings.Repeat("w ", n)+end+" "+end)
			}
		}
	}
	for _, s := range texts {
		f := folded{s: s, orig: s}
		if got, want := ref(f, 0), refAsFields(s); got != want {
			t.Fatalf("ref(%q) = %q, want %q", s, got, want)
		}
	}
}
