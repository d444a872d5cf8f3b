package text

import (
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// TestSplitGluedAsBefore holds SplitGlued, whose token loop was written for
// speed, to splitGluedBefore, the loop it replaced, on the development
// documents, their paragraphs glued and varied at random, and edge cases,
// with the real word list when it is installed and the small test list.
func TestSplitGluedAsBefore(t *testing.T) {
	lexs := []*Lexicon{}
	small, err := ReadLexicon(strings.NewReader(testWords))
	if err != nil {
		t.Fatal(err)
	}
	lexs = append(lexs, small)
	if f, err := os.Open("/usr/share/dict/dutch"); err == nil {
		l, err := ReadLexicon(f)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		lexs = append(lexs, l)
	} else {
		t.Logf("no /usr/share/dict/dutch: the small list only")
	}
	var texts []string
	for _, pat := range []string{"../../rules/testdata/eval/*/docs/*.txt", "../parse/testdata/real/*"} {
		files, _ := filepath.Glob(pat)
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err == nil && utf8.Valid(b) {
				texts = append(texts, string(b))
			}
		}
	}
	if len(texts) == 0 {
		t.Fatal("no documents")
	}
	texts = append(texts, "", "a", "hetkader", "Hetwetsvoorstel.", "(zomervan)", "hetkader.x", "x.hetkader",
		"geïnformeerdhierover", "hierovergeïnformeerd", "toenmaligeMinister", "hetNDICI", "ß", "\xff\xfe",
		"paardenstalaan", "op.europa", "«hetkader»", "het\u00a0kader", "Kelvin\u212akader", "hetkader\u212a")
	rng := rand.New(rand.NewSource(4))
	extra := []string{" ", "", "-", ".", "é", "ë", "Ä", "\u212a", "ſ", "’", "\u00a0", "1", "A", "z", "\xc3"}
	for _, s := range texts[:len(texts)] {
		for k := 0; k < 3 && len(s) > 0; k++ {
			// Glue words, change case, put in other runes.
			b := []byte(s)
			var out []byte
			for i := 0; i < len(b); i++ {
				switch r := rng.Intn(40); {
				case r == 0 && b[i] == ' ':
					continue
				case r == 1:
					out = append(out, extra[rng.Intn(len(extra))]...)
				case r == 2 && b[i] < utf8.RuneSelf:
					out = append(out, byte(unicode.ToUpper(rune(b[i]))))
					continue
				}
				out = append(out, b[i])
			}
			texts = append(texts, string(out))
		}
	}
	for li, l := range lexs {
		for _, s := range texts {
			got, n := l.SplitGlued(s)
			want, wn := splitGluedBefore(l, s)
			if got != want || n != wn {
				t.Fatalf("lexicon %d: SplitGlued of %.200q: %d splits, want %d; first difference at %d", li, s, n, wn, firstDiff(got, want))
			}
		}
	}
}

func firstDiff(a, b string) int {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	return i
}

// splitGluedBefore is SplitGlued as it was before its token loop was
// rewritten: the reference of TestSplitGluedAsBefore.
func splitGluedBefore(l *Lexicon, s string) (string, int) {
	var b strings.Builder
	last, n := 0, 0 // s[:last] is written to b
	for i := 0; i < len(s); {
		// Find the next run of letters; most bytes are ASCII.
		if c := s[i]; c < utf8.RuneSelf && !isASCIILetter(c) {
			i++
			continue
		}
		if !letterAt(s, i) {
			_, size := utf8.DecodeRuneInString(s[i:])
			i += size
			continue
		}
		// The token's hash as hash makes it, while it is read: an
		// ASCII token, as most are, is looked up without reading it
		// again.
		start := i
		h := uint64(fnvOffset)
		ascii := true
		for i < len(s) {
			if c := s[i]; c < utf8.RuneSelf {
				if !isASCIILetter(c) {
					break
				}
				h = (h ^ uint64(c|0x20)) * fnvPrime
				i++
				continue
			}
			r, size := utf8.DecodeRuneInString(s[i:])
			if !unicode.IsLetter(r) {
				break
			}
			ascii = false
			i += size
		}
		tok := s[start:i]
		if len(tok) < minGlued || len(tok) > maxGlued || !freeStanding(s, start, i) {
			continue
		}
		if ascii && l.flagOf(max(h, 1)) != 0 || !ascii && l.Known(tok) {
			continue
		}
		left, right, ok := l.split(tok)
		if !ok {
			continue
		}
		if n == 0 {
			b.Grow(len(s) + 16)
		}
		b.WriteString(s[last:start])
		b.WriteString(left)
		b.WriteByte(' ')
		b.WriteString(right)
		last = i
		n++
	}
	if n == 0 {
		return s, 0
	}
	b.WriteString(s[last:])
	return b.String(), n
}
