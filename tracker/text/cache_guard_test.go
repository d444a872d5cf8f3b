package text

import (
	"os"
	"strings"
	"testing"
	"unicode/utf8"
)

// cacheTexts are the development documents and tracker/parse/testdata/real,
// each also in upper case and with each word's first letter a capital,
// and tokens whose split depends on case.
func cacheTexts(t *testing.T) []string {
	var texts []string
	for _, s := range realTexts(t) {
		if utf8.ValidString(s) {
			texts = append(texts, s)
		}
	}
	if len(texts) == 0 {
		t.Fatal("no documents")
	}
	for _, s := range texts[:len(texts)] {
		texts = append(texts, strings.ToUpper(s), strings.Title(s))
	}
	return append(texts, "hetwetsvoorstel Hetwetsvoorstel HETWETSVOORSTEL hetWetsvoorstel", "hetkader Hetkader hetKader",
		"toenmaligeMinister toenmaligeminister", "zomervan Zomervan", "geïnformeerdhierover Geïnformeerdhierover")
}

// lexicons are the test word list and, when it is installed, the word list
// the reader uses.
func lexicons(t *testing.T) []*Lexicon {
	l, err := ReadLexicon(strings.NewReader(testWords))
	if err != nil {
		t.Fatal(err)
	}
	ls := []*Lexicon{l}
	if f, err := os.Open("/usr/share/dict/dutch"); err == nil {
		defer f.Close()
		if l, err := ReadLexicon(f); err == nil {
			ls = append(ls, l)
		}
	}
	return ls
}

// TestSplitCachedAsSplit holds splitCached, split with a table of the
// splits found lately, to split itself at every token of the development
// texts in three cases, twice over so that the second time reads the
// table.
func TestSplitCachedAsSplit(t *testing.T) {
	texts := cacheTexts(t)
	for _, l := range lexicons(t) {
		hits := 0
		for round := 0; round < 2; round++ {
			for _, s := range texts {
				for i := 0; i < len(s); {
					if !letterAt(s, i) {
						_, size := utf8.DecodeRuneInString(s[i:])
						i += size
						continue
					}
					start := i
					i, _ = lettersEnd(s, i)
					tok := s[start:i]
					if len(tok) < minGlued || len(tok) > maxGlued {
						continue
					}
					if round == 1 && l.splits[(exactHash(tok)>>8)&(splitSize-1)].Load()&^0xff == exactHash(tok)&^0xff {
						hits++
					}
					gl, gr, gok := l.splitCached(tok)
					wl, wr, wok := l.split(tok)
					if gl != wl || gr != wr || gok != wok {
						t.Fatalf("splitCached(%q) = %q, %q, %v; split: %q, %q, %v", tok, gl, gr, gok, wl, wr, wok)
					}
				}
			}
		}
		if hits == 0 {
			t.Errorf("the table of splits was never read")
		}
	}
}

// TestFlagOfAsTable holds flagOf, which keeps the flags of words and of
// tokens that are no word in the hot table, to the word table itself, at
// every token of the development texts, twice over.
func TestFlagOfAsTable(t *testing.T) {
	texts := cacheTexts(t)
	for _, l := range lexicons(t) {
		for round := 0; round < 2; round++ {
			for _, s := range texts {
				forTokens(s, func(start, end int, h uint64) {
					if h == 0 {
						return
					}
					want := uint8(l.table[l.slot(h)] & flagBits)
					if got := l.flagOf(h); got != want {
						t.Fatalf("flagOf(hash(%q)) = %d, want %d", s[start:end], got, want)
					}
				})
			}
		}
	}
}
