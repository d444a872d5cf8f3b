package rules

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/pqtrack/pqtrack/seeds"
)

// foldRef is fold rune by rune, as it was before its fast paths: the
// definition they must keep.
func foldRef(text string) folded {
	var b strings.Builder
	var pos []int
	space := false
	var buf [utf8.UTFMax]byte
	for i, r := range text {
		switch {
		case r == '\u00ad' || r == '\u200b' || r == '\ufeff':
			continue
		case unicode.IsSpace(r):
			if !space && b.Len() > 0 {
				b.WriteByte(' ')
				pos = append(pos, i)
			}
			space = true
			continue
		}
		space = false
		n := utf8.EncodeRune(buf[:], r)
		for _, d := range norm.NFKD.String(string(buf[:n])) {
			if unicode.Is(unicode.Mn, d) {
				continue
			}
			m := utf8.EncodeRune(buf[:], foldRune(unicode.ToLower(d)))
			b.Write(buf[:m])
			for k := 0; k < m; k++ {
				pos = append(pos, i)
			}
		}
	}
	pos = append(pos, len(text))
	return folded{s: b.String(), pos: pos, orig: text}
}

// wordsRef is words byte by byte, as it was before its fast path.
func wordsRef(s string) []word {
	var ws []word
	in := false
	prev := 0
	for i := 0; i < len(s); {
		c := s[i]
		var isWord bool
		size := 1
		if c < utf8.RuneSelf {
			isWord = 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || 'A' <= c && c <= 'Z'
		} else {
			var r rune
			r, size = utf8.DecodeRuneInString(s[i:])
			isWord = unicode.IsLetter(r) || unicode.IsNumber(r)
		}
		switch {
		case isWord && !in:
			ws = append(ws, word{start: i, from: prev, open: true})
			if i == 0 {
				ws[len(ws)-1].from = 0
			}
			in = true
		case !isWord && in:
			ws[len(ws)-1].end = i
			in = false
			fallthrough
		case !isWord:
			if (c == '.' || c == '?' || c == '!') && len(ws) > 0 {
				ws[len(ws)-1].open = false
			}
		}
		prev = i
		i += size
	}
	if in {
		ws[len(ws)-1].end = len(s)
	}
	return ws
}

// foldTexts are the seed and the sample documents line by line, and texts
// that stress the edges: accents, ligatures, typographic punctuation,
// unusual spaces, broken UTF-8, scripts beyond Latin.
func foldTexts(t *testing.T) []string {
	texts := []string{
		"", " ", "A", "ÉÉN  twee\u00a0drie\u2003vier\tvijf\n\nzes",
		"geëvalueerd, ﬁnanciële ‘quote’ “dubbel” – — − … Ĳssel œuvre",
		"soft\u00adhyphen zero\u200bwidth \ufeffBOM", "bad \xff\xfe utf8 \xe2\x82",
		"Ελληνικά Кириллица 中文 ß ẞ Å Kelvin\u212a ﬀ ½ ², x\u0301",
		"Nee. Zie antwoord 6! Ja? 1.2.3 a.b", "  leading and trailing  ",
	}
	texts = append(texts, strings.Split(string(seeds.Default), "\n")...)
	files, _ := filepath.Glob("testdata/eval/*/docs/*.txt")
	for _, f := range files {
		d, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, strings.Split(string(d), "\n")...)
	}
	return texts
}

// positions is f.pos, or for a fold that keeps every byte in its place
// (ident) the positions it stands for.
func positions(f folded) []int {
	if !f.ident {
		return f.pos
	}
	pos := make([]int, len(f.s)+1)
	for i := range pos {
		pos[i] = i
	}
	return pos
}

// TestFoldAgreesWithReference holds fold to foldRef, which writes every
// position: the folded text, the positions (those ident stands for when
// set) and the spans of every word and of every pair of bytes, for each
// text alone and for the texts folded in turn into one builder with one
// position buffer, as sentencesIn folds an answer's sentences.
func TestFoldAgreesWithReference(t *testing.T) {
	var b strings.Builder
	var buf []int
	idents := 0
	texts := foldTexts(t)
	for _, s := range texts {
		want := foldRef(s)
		for k, got := range []folded{fold(s), foldTo(&b, s, buf, true)} {
			if k == 1 {
				buf = got.pos
			}
			if got.s != want.s || !slices.Equal(positions(got), want.pos) {
				t.Fatalf("fold(%q) = %q %v %v, want %q %v", s, got.s, got.pos, got.ident, want.s, want.pos)
			}
			if got.ident && (len(got.pos) != 0 || len(s) != len(got.s)) {
				t.Fatalf("fold(%q): ident with %d positions, %d bytes for %d", s, len(got.pos), len(got.s), len(s))
			}
			for i := 0; i+1 < len(got.s); i += 7 {
				for _, e := range []int{i, i + 1, i + 2} {
					if e > len(got.s) {
						continue
					}
					ga, gb := got.span(i, e)
					wa, wb := want.span(i, e)
					if ga != wa || gb != wb {
						t.Fatalf("fold(%q).span(%d, %d) = %d, %d, want %d, %d", s, i, e, ga, gb, wa, wb)
					}
				}
			}
			if got.ident {
				idents++
			}
		}
		if fs := foldString(s); fs != want.s {
			t.Fatalf("foldString(%q) = %q, want %q", s, fs, want.s)
		}
	}
	if idents < len(texts)/2 || idents == 2*len(texts) {
		t.Errorf("%d of %d folds keep every byte in its place", idents, 2*len(texts))
	}
}

func TestWordsAgreeWithReference(t *testing.T) {
	for _, s := range foldTexts(t) {
		for _, x := range []string{s, fold(s).s} {
			got, want := words(x, nil), wordsRef(x)
			if len(got) == 0 && len(want) == 0 {
				continue
			}
			if !slices.Equal(got, want) {
				t.Fatalf("words(%q) = %v, want %v", x, got, want)
			}
		}
	}
}

// TestScanAgreesWithRules checks the scanner's shortcuts (the word index,
// the windows around indexed words, the literal and prefix filters,
// past-tense rules on demand) against each rule matched alone.
func TestScanAgreesWithRules(t *testing.T) {
	set, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	sc := set.scanner()
	st := new(scanState)
	type m struct {
		id         string
		start, end int
	}
	n := 0
	for _, s := range foldTexts(t) {
		f := fold(s)
		var got, want, undated, wantUndated []m
		past := false
		for _, r := range set.Rules {
			for _, sp := range r.match(f) {
				if r.Kind == KindPast {
					past = true
					continue
				}
				want = append(want, m{r.ID, sp[0], sp[1]})
				if !dateOnly(r.Kind) {
					wantUndated = append(wantUndated, m{r.ID, sp[0], sp[1]})
				}
			}
		}
		// Without a date first, as most sentences are scanned: the
		// rules that only read dates are left out (read makes the others'
		// candidates, match adds theirs only with a date).
		sc.scan(f.s, false, st, func(r *Rule, start, end int) { undated = append(undated, m{r.ID, start, end}) })
		if !slices.Equal(undated, wantUndated) {
			t.Fatalf("scan(%q) without a date = %v, want %v", f.s, undated, wantUndated)
		}
		sc.scan(f.s, true, st, func(r *Rule, start, end int) { got = append(got, m{r.ID, start, end}) })
		if !slices.Equal(got, want) {
			t.Fatalf("scan(%q) = %v, want %v", f.s, got, want)
		}
		if sc.hasPast(f.s, st, 0, len(s), func(a, b int) (int, int) { return a, b }) != past {
			t.Fatalf("hasPast(%q) = %v, want %v", f.s, !past, past)
		}
		n += len(got)
	}
	if n < 100 {
		t.Errorf("only %d matches", n)
	}
}

// TestPlain8 holds plain8 to the bytes a run of foldTo may take: each
// byte plain or a space, no two spaces together, the last not a space.
// Every byte in every place of a plain word, and every pair of bytes
// from a set of edge cases in every two places.
func TestPlain8(t *testing.T) {
	want := func(b []byte) bool {
		for k, c := range b {
			if c == ' ' && (k == len(b)-1 || b[k+1] == ' ') {
				return false
			}
			if c != ' ' && !plain[c] {
				return false
			}
		}
		return true
	}
	// plainBytes is 7 where the first seven bytes make a run that
	// ends with a byte that is not a space and the last is a space.
	want7 := func(b []byte) bool {
		return b[7] == ' ' && b[6] != ' ' && want(append(b[:7:7], 'a'))
	}
	check := func(b []byte) {
		if got := plain8(le64(string(b))); got != want(b) {
			t.Fatalf("plain8(%q) = %v, want %v", b, got, want(b))
		}
		n := plainBytes(le64(string(b)))
		if (n == 8) != want(b) || (n == 7) != want7(b) || n != 0 && n != 7 && n != 8 {
			t.Fatalf("plainBytes(%q) = %d, want 8: %v, 7: %v", b, n, want(b), want7(b))
		}
	}
	base := []byte("abcdefgh")
	for c := 0; c < 256; c++ {
		for k := 0; k < 8; k++ {
			b := append([]byte(nil), base...)
			b[k] = byte(c)
			check(b)
		}
	}
	edge := []byte{0, 1, 0x1f, ' ', '!', '@', 'A', 'Z', '[', '`', 'a', 'z', 0x7f, 0x80, 0xff}
	for _, c := range edge {
		for _, d := range edge {
			for k := 0; k < 8; k++ {
				for m := k + 1; m < 8; m++ {
					b := []byte("ab cd ef")
					b[k], b[m] = c, d
					check(b)
					b = []byte("ab cd ef")
					b[k], b[7] = c, ' '
					check(b)
				}
			}
		}
	}
}
