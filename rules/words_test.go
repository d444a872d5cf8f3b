package rules

import (
	"math/rand"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// wordsByRune is words as it was, a rune at a time: it appends the words of the folded text s to ws.
func wordsByRune(s string, ws []word) []word {
	ws = ws[:0]
	prev := 0 // start of the previous rune
	for i := 0; i < len(s); {
		c := s[i]
		size := 1
		var isWord bool
		if c < utf8.RuneSelf {
			isWord = asciiWord[c]
		} else {
			var r rune
			r, size = utf8.DecodeRuneInString(s[i:])
			isWord = unicode.IsLetter(r) || unicode.IsNumber(r)
		}
		if !isWord {
			if (c == '.' || c == '?' || c == '!') && len(ws) > 0 {
				ws[len(ws)-1].open = false
			}
			prev = i
			i += size
			continue
		}
		// A word: take its runes, runs of ASCII ones in a loop of their
		// own without decoding.
		w := word{start: i, from: prev, open: true}
		if i == 0 {
			w.from = 0
		}
		last := i
		j := i + size
		for {
			k := j
			for k < len(s) && wordByte[s[k]] {
				k++
			}
			if k > j {
				last, j = k-1, k
			}
			if j == len(s) || s[j] < utf8.RuneSelf {
				break
			}
			r, n := utf8.DecodeRuneInString(s[j:])
			if !unicode.IsLetter(r) && !unicode.IsNumber(r) {
				break
			}
			last = j
			j += n
		}
		w.end = j
		ws = append(ws, w)
		prev = last
		i = j
	}
	return ws
}

// TestWordsAsByRune holds words, which reads ASCII text eight bytes at a
// time, to wordsByRune, word for word with every field: on the folded
// sentences and texts of the tests, as they are, unfolded, in capitals
// and cut at every length up to 40 bytes from their start, and on 50,000
// random texts of letters, digits, spaces, marks, '.', '?', '!', runes
// that are letters or not and broken bytes, so that words and the bytes
// between them start and end at every place of the eight bytes.
func TestWordsAsByRune(t *testing.T) {
	var texts []string
	for _, s := range foldTexts(t) {
		texts = append(texts, s, foldString(s), strings.ToUpper(s))
		for n := 0; n <= 40 && n <= len(s); n++ {
			texts = append(texts, s[:n])
		}
	}
	pieces := []string{"a", "Z", "7", "ab", "word", "woorden", "x1y2", " ", "  ", ".", "?", "!", ". ", "?!", ",", "-", "(", "é", "ß", "Ω", "’", "…", "\u00a0", "²", "٣", "\xff", "\xe2\x82", "\t", "\n", "_", "@", "[", "`", "{", "/", ":"}
	rng := rand.New(rand.NewSource(8))
	for range 50000 {
		var b strings.Builder
		for n := rng.Intn(12); n >= 0; n-- {
			b.WriteString(pieces[rng.Intn(len(pieces))])
		}
		texts = append(texts, b.String())
	}
	for c := 0; c < 256; c++ {
		for k := 0; k < 10; k++ {
			b := []byte("abcdefghij klmnop")
			b[k] = byte(c)
			texts = append(texts, string(b))
		}
	}
	ws := 0
	for _, s := range texts {
		got, want := words(s, nil), wordsByRune(s, nil)
		if !slices.Equal(got, want) {
			t.Fatalf("words(%q) = %v, by rune %v", s, got, want)
		}
		ws += len(got)
	}
	if ws < 100000 {
		t.Errorf("only %d words", ws)
	}
	_ = unicode.IsLetter
	_ = utf8.RuneSelf
}
