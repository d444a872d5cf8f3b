package text

import (
	"math/rand"
	"os"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// TestSplitGluedAsBefore holds lettersEnd, the token scan of SplitGlued
// written for speed, to lettersEndBefore, the loop it replaced, at every
// letter of the development documents, their paragraphs glued and varied
// at random, and edge cases. The rest of SplitGlued did not change.
func TestSplitGluedAsBefore(t *testing.T) {
	var texts []string
	for _, s := range realTexts(t) {
		if utf8.ValidString(s) {
			texts = append(texts, s)
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
	for _, s := range texts {
		for i := 0; i < len(s); i++ {
			if !letterAt(s, i) {
				continue
			}
			end, h := lettersEnd(s, i)
			wantEnd, wantH := lettersEndBefore(s, i)
			if end != wantEnd || h != wantH {
				t.Fatalf("lettersEnd(%.80q, %d) = %d, %x; want %d, %x", s, i, end, h, wantEnd, wantH)
			}
		}
	}
}

// lettersEndBefore is the token scan of SplitGlued as it was before
// lettersEnd: where the run of letters at s[i:] ends, and the hash of an
// ASCII run (0 for one that is not).
func lettersEndBefore(s string, i int) (int, uint64) {
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
	if !ascii {
		return i, 0
	}
	return i, max(h, 1)
}

// TestSplitGluedScanAsLettersEnd holds SplitGlued, which reads a token's
// ASCII letters and their hash in a loop of its own, to splitGluedByEnd,
// the same split with every token read by lettersEnd, on the development
// documents with their spaces taken out here and there, under Debian's
// Dutch word list when it is installed and the test list.
func TestSplitGluedScanAsLettersEnd(t *testing.T) {
	lexicons := []*Lexicon{}
	if l, err := ReadLexicon(strings.NewReader(testWords)); err == nil {
		lexicons = append(lexicons, l)
	}
	if f, err := os.Open("/usr/share/dict/dutch"); err == nil {
		if l, err := ReadLexicon(f); err == nil {
			lexicons = append(lexicons, l)
		}
		f.Close()
	}
	var texts []string
	for _, s := range realTexts(t) {
		if utf8.ValidString(s) {
			texts = append(texts, s)
		}
	}
	rng := rand.New(rand.NewSource(5))
	for _, s := range texts[:len(texts)] {
		b := []byte(s)
		for i := range b {
			if b[i] == ' ' && rng.Intn(4) == 0 {
				b[i] = 'x' // glue a word to the next
			}
		}
		texts = append(texts, strings.ReplaceAll(s, " het ", " het"), string(b))
	}
	texts = append(texts, "hetkader", "Hetwetsvoorstel.", "hierovergeïnformeerd", "toenmaligeMinister", "HETKADER", "zZzZz", "az{[`@")
	split := 0
	for _, l := range lexicons {
		for _, s := range texts {
			got, n := l.SplitGlued(s)
			want, wn := splitGluedByEnd(l, s)
			if got != want || n != wn {
				t.Fatalf("SplitGlued(%.80q) = %.80q, %d; read by lettersEnd %.80q, %d", s, got, n, want, wn)
			}
			split += n
		}
	}
	if split < 100 {
		t.Errorf("only %d tokens split", split)
	}
}

// splitGluedByEnd is SplitGlued with each token and its hash read by
// lettersEnd.
func splitGluedByEnd(l *Lexicon, s string) (string, int) {
	var b strings.Builder
	last, n := 0, 0
	forTokens(s, func(start, end int, h uint64) {
		tok := s[start:end]
		if len(tok) < minGlued || len(tok) > maxGlued || !freeStanding(s, start, end) {
			return
		}
		if h != 0 && l.flagOf(h) != 0 || h == 0 && l.Known(tok) {
			return
		}
		left, right, ok := l.splitCached(tok)
		if !ok {
			return
		}
		b.WriteString(s[last:start])
		b.WriteString(left)
		b.WriteByte(' ')
		b.WriteString(right)
		last = end
		n++
	})
	if n == 0 {
		return s, 0
	}
	b.WriteString(s[last:])
	return b.String(), n
}

// forTokens calls f with each run of letters in s, as lettersEnd reads it,
// and its hash: the tokens the guard tests hold the fast paths to.
func forTokens(s string, f func(start, end int, h uint64)) {
	for i := 0; i < len(s); {
		if !letterAt(s, i) {
			_, size := utf8.DecodeRuneInString(s[i:])
			i += size
			continue
		}
		start := i
		var h uint64
		i, h = lettersEnd(s, start)
		f(start, i, h)
	}
}
