package parse

import (
	"log"
	"os"
	"strings"
	"sync"

	"github.com/pqtrack/pqtrack/tracker/text"
)

// wordListPath is the Dutch word list that glued words are split with:
// Debian's wdutch package.
var wordListPath = "/usr/share/dict/dutch"

var (
	lexOnce sync.Once
	lex     *text.Lexicon
)

// dutchWords is the word list, read once on first use. Without it (the
// package is not installed) nothing is split and one line is logged.
func dutchWords() *text.Lexicon {
	lexOnce.Do(func() {
		f, err := os.Open(wordListPath)
		if err != nil {
			log.Printf("parse: no Dutch word list, so words run together by text extraction are not split (install Debian's wdutch): %v", err)
			return
		}
		defer f.Close()
		l, err := text.ReadLexicon(f)
		if err != nil {
			log.Printf("parse: cannot read the Dutch word list %s, so words run together are not split: %v", wordListPath, err)
			return
		}
		lex = l
	})
	return lex
}

// gluedShare: words are split in a document where one word in
// gluedShare or more can be split. Lost spaces are a fault of the text
// extraction, so a document that has them has them throughout: in the
// development documents 1.3% to 5.9% of the words of such documents split,
// and 0 to 0.7% of the others, where what splits is mostly a compound the
// word list lacks ("expertendatabank", "doorfacturatie" in the seed).
const gluedShare = 100

// gluedMin is the fewest splits that show a document lost its spaces: in
// a short text one compound the word list lacks is no sign.
const gluedMin = 3

// splitGlued puts back the spaces text extraction lost between words
// ("hetkader", "zomervan") in each paragraph of a document that has lost
// them (see gluedShare), and joins the paragraphs again as joinLines
// does: so the stored text reads well too, and the rules find their
// phrases.
func splitGlued(blocks []block, joined string) ([]block, string, bool) {
	l := dutchWords()
	if l == nil {
		return blocks, joined, false
	}
	split := make([]string, len(blocks))
	n := 0
	for i := range blocks {
		t, k := l.SplitGlued(blocks[i].text)
		split[i], n = t, n+k
	}
	// Words are about the spaces and line breaks between them.
	words := strings.Count(joined, " ") + strings.Count(joined, "\n") + 1
	if n < gluedMin || n*gluedShare < words {
		return blocks, joined, false
	}
	for i := range blocks {
		// Such documents also ran broken words into one line with their
		// hyphen ("voorbehou-den").
		blocks[i].text, _ = l.JoinBroken(split[i])
	}
	return blocks, rejoinBlocks(blocks), true
}
