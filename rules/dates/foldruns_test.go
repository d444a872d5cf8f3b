package dates

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// foldRunesBefore is foldRunes as it was: three appends for every byte.
func foldRunesBefore(text string) folded {
	var b []byte
	var os, oe []int32
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			switch {
			case c >= 'A' && c <= 'Z':
				c += 'a' - 'A'
			case c < ' ' || c == 0x7F:
				c = ' '
			}
			b = append(b, c)
			os = append(os, int32(i))
			oe = append(oe, int32(i+1))
			i++
			continue
		}
		r, w := utf8.DecodeRuneInString(text[i:])
		rep := "?"
		if r != utf8.RuneError || w > 1 {
			rep = foldRune(r)
		}
		for k := 0; k < len(rep); k++ {
			b = append(b, rep[k])
			os = append(os, int32(i))
			oe = append(oe, int32(i+w))
		}
		i += w
	}
	return folded{s: string(b), os: os, oe: oe}
}

// TestFoldRunesAsBefore holds foldRunes, which writes a run of ASCII bytes
// at once, to foldRunesBefore: the same folded text and ranges, one
// scratch reused for all, on every line of the eval documents, the seeds
// and the parse fixtures, upper-cased, with control characters, and with
// runes that fold to several bytes, to none and broken UTF-8 at the
// start, the end and between ASCII runs.
func TestFoldRunesAsBefore(t *testing.T) {
	var files []string
	for _, g := range []string{"../testdata/eval/*/docs/*.txt", "../../seeds/*.txt", "../../tracker/parse/testdata/real/*.txt"} {
		fs, _ := filepath.Glob(g)
		files = append(files, fs...)
	}
	texts := []string{"", "a", "é", "\xc3", "ﬄx", "xﬄ", "A\u00adB", "Ééé ÀB\x00\x7f", "\u212aelvin", "ſ", "1\xff2"}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(string(b), "\n") {
			texts = append(texts, line, strings.ToUpper(line), "é"+line+"\x00\x1f\x7f\t"+line+"ﬄ", "\xc3"+line+"\xc3")
		}
	}
	var sc foldScratch
	nonASCII := 0
	for _, s := range texts {
		got, want := sc.foldRunes(s), foldRunesBefore(s)
		if got.s != want.s || !slices.Equal(got.os, want.os) || !slices.Equal(got.oe, want.oe) {
			t.Fatalf("foldRunes(%q) = %q %v %v, before %q %v %v", s, got.s, got.os, got.oe, want.s, want.os, want.oe)
		}
		if !isASCII(s) {
			nonASCII++
		}
	}
	if nonASCII < 1000 {
		t.Errorf("only %d texts with other runes", nonASCII)
	}
}
