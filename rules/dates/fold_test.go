package dates

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestFoldASCIIAsRunes holds fold's path for ASCII text, which writes no
// positions (ident), to foldRunes: the same folded text and the same
// original range for every byte, for every line of the eval documents,
// the seeds and the parse fixtures, upper-cased, with control characters,
// and cut so that a byte above 0x7f falls at every place of an eight-byte
// word and of the tail.
func TestFoldASCIIAsRunes(t *testing.T) {
	var files []string
	for _, g := range []string{"../testdata/eval/*/docs/*.txt", "../../seeds/*.txt", "../../tracker/parse/testdata/real/*.txt"} {
		fs, _ := filepath.Glob(g)
		files = append(files, fs...)
	}
	var texts []string
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(string(b), "\n") {
			texts = append(texts, line, strings.ToUpper(line), line+"\x00\x1f\x7f\t"+line)
		}
	}
	for n := 0; n <= 20; n++ {
		for at := 0; at < n; at++ {
			b := []byte(strings.Repeat("Ab1 ", 6)[:n])
			texts = append(texts, string(b))
			b[at] = 0xc3 // broken UTF-8
			texts = append(texts, string(b))
			texts = append(texts, string(b[:at])+"é"+string(b[at+1:]))
		}
	}
	ascii := 0
	var fast, slow foldScratch
	for _, text := range texts {
		got, want := fast.fold(text), slow.foldRunes(text)
		if got.s != want.s {
			t.Fatalf("fold(%q) = %q, rune by rune %q", text, got.s, want.s)
		}
		if got.ident {
			ascii++
		}
		for i := range want.s {
			if a, b := got.start(int32(i)), got.end(int32(i)); a != int(want.os[i]) || b != int(want.oe[i]) {
				t.Fatalf("fold(%q): byte %d from %d..%d, rune by rune %d..%d", text, i, a, b, want.os[i], want.oe[i])
			}
		}
	}
	if len(texts) < 10000 || ascii < len(texts)/2 {
		t.Errorf("%d texts, %d ASCII", len(texts), ascii)
	}
	t.Logf("%d texts, %d ASCII", len(texts), ascii)
}
