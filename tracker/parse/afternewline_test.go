package parse

import (
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestAfterNewlineAsContains: afterNewline(s, c) is strings.Contains(s,
// "\n"+c) on the fixtures' texts, cut at every byte near their ends, and
// on random texts of line breaks, the three bytes and others (fails with
// the search starting at 2, which misses "\n*" at the start).
func TestAfterNewlineAsContains(t *testing.T) {
	texts := []string{"", "*", "\n*", "a\n*", "*\n", "\n", "**\n#", "#\n#", "\n>a", ">\n>", "a*\n b#"}
	files, _ := filepath.Glob("testdata/*/*.txt")
	more, _ := filepath.Glob("../../rules/testdata/eval/*/docs/*.txt")
	if len(files)+len(more) < 20 {
		t.Fatal("no fixtures")
	}
	var whole []string
	for _, f := range append(files, more...) {
		d, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		whole = append(whole, string(d))
	}
	for _, s := range whole {
		texts = append(texts, s)
		for i := max(0, len(s)-40); i < len(s); i++ {
			texts = append(texts, s[:i], s[i:])
		}
	}
	r := rand.New(rand.NewSource(1))
	alphabet := "\n*#>a \r"
	for range 20000 {
		b := make([]byte, r.Intn(12))
		for i := range b {
			b[i] = alphabet[r.Intn(len(alphabet))]
		}
		texts = append(texts, string(b))
	}
	n := 0
	for _, s := range texts {
		for _, c := range []byte{'*', '#', '>'} {
			want := strings.Contains(s, "\n"+string(c))
			if got := afterNewline(s, c); got != want {
				t.Fatalf("afterNewline(%q, %q) = %v, want %v", s, c, got, want)
			}
			if want {
				n++
			}
		}
	}
	if n < 1000 {
		t.Errorf("%d texts with a mark after a line break", n)
	}
}
