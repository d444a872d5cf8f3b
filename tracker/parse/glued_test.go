package parse

import (
	"bytes"
	"log"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"unicode"

	"github.com/pqtrack/pqtrack/tracker/text"
)

// withWordList runs f with the word list at path, read afresh.
func withWordList(t *testing.T, path string, f func()) {
	t.Helper()
	old := wordListPath
	wordListPath = path
	lexOnce, lex = sync.Once{}, nil
	defer func() {
		wordListPath = old
		lexOnce, lex = sync.Once{}, nil
	}()
	f()
}

func TestGluedWords(t *testing.T) {
	if _, err := os.Stat(wordListPath); err != nil {
		t.Skip("no word list (apt-get install wdutch)")
	}
	in := "Vraag 1\nWanneer wordt de Kamer geïnformeerd?\n\nAntwoord 1\n" +
		"De Kamer wordt hierovergeïnformeerd voor de zomervan 2025. Het advies volgtbegin 2026, in hetkader van de evaluatie.\n"
	doc, err := Read("x.txt", []byte(in))
	if err != nil {
		t.Fatal(err)
	}
	want := "De Kamer wordt hierover geïnformeerd voor de zomer van 2025. Het advies volgt begin 2026, in het kader van de evaluatie."
	if doc.Items[0].Answer != want {
		t.Errorf("answer %q, want %q", doc.Items[0].Answer, want)
	}
	if !strings.Contains(doc.Text, want) {
		t.Errorf("document text lacks the split words: %q", doc.Text)
	}
}

func TestGluedWordsWithoutWordList(t *testing.T) {
	var logged bytes.Buffer
	log.SetOutput(&logged)
	defer log.SetOutput(os.Stderr)
	withWordList(t, filepath.Join(t.TempDir(), "missing"), func() {
		in := []byte("Vraag 1\nWanneer?\n\nAntwoord 1\nVoor de zomervan 2025.\n")
		for range 3 {
			doc, err := Read("x.txt", in)
			if err != nil {
				t.Fatal(err)
			}
			if doc.Items[0].Answer != "Voor de zomervan 2025." {
				t.Errorf("answer %q: split without a word list", doc.Items[0].Answer)
			}
		}
	})
	if n := strings.Count(logged.String(), "no Dutch word list"); n != 1 {
		t.Errorf("%d warnings about the word list, want 1: %q", n, logged.String())
	}
}

// TestUnknownShare measures the share of tokens of the development
// documents that the word list does not know, read without and with the
// split of glued words (go test -run UnknownShare -v ./tracker/parse).
// The split must lower it.
func TestUnknownShare(t *testing.T) {
	l := dutchWords()
	if l == nil {
		t.Skip("no word list (apt-get install wdutch)")
	}
	files, err := filepath.Glob("../../rules/testdata/eval/*/docs/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatal("no documents", err)
	}
	var before, after [2]int // unknown, all
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		s, _, derr := decode(data)
		if derr != nil {
			t.Fatal(derr)
		}
		_, plain, _ := keepGlued(s)
		countUnknown(l, plain, &before)
		_, split, _ := cleanBlocks(s)
		countUnknown(l, split, &after)
	}
	share := func(c [2]int) float64 { return float64(c[0]) / float64(c[1]) }
	t.Logf("unknown tokens in %d documents: %.2f%% (%d of %d) without the split, %.2f%% (%d of %d) with it",
		len(files), 100*share(before), before[0], before[1], 100*share(after), after[0], after[1])
	if share(after) >= share(before) {
		t.Errorf("the split does not lower the share of unknown tokens")
	}
}

// countUnknown adds the unknown and all tokens of s (runs of two letters
// or more) to c.
func countUnknown(l *text.Lexicon, s string, c *[2]int) {
	for _, tok := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) }) {
		if len([]rune(tok)) < 2 {
			continue
		}
		c[1]++
		if !l.Known(tok) {
			c[0]++
		}
	}
}
