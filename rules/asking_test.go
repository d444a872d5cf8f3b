package rules

import (
	"regexp"
	"slices"
	"strings"
	"testing"
)

// The regexps the word matchers of asking.go and yesNoVerb replace; they
// read the same, and the matchers cost a tenth.
var (
	countRE = regexp.MustCompile(`(?i)\b(hoeveel|aantal(len)?|cijfers?|cijfermatig\w*|overzicht|percentage|hoe\s+groot|hoe\s+vaak|hoe\s+hoog|bedrag(en)?|kosten|statistie\w*)\b`)
	whyRE   = regexp.MustCompile(`(?i)\b(waarom|om\s+welke\s+reden(en)?|wat\s+(is|zijn)\s+de\s+reden(en)?|waardoor)\b`)
	yesNoRE = regexp.MustCompile(`(?i)^\s*(?:en\s+)?(bent|is|zijn|heeft|hebt|hebben|kent|deelt|klopt|wilt|kunt|zult|gaat|vindt|acht|weet|herkent|onderschrijft|erkent|overweegt|ziet|wordt|worden|was|waren|zal|zou|staat|neemt|bestaat|bestaan|ligt|valt|verwacht|steunt|blijft)\b`)
)

// TestAskMatchersAsRegexps holds the word matchers to the regexps on every
// sentence of the development texts and their variants, and on cases at the
// edges of words.
func TestAskMatchersAsRegexps(t *testing.T) {
	set, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	texts := append(corpus(t, set),
		"Hoe  groot is het?", "hoe-groot", "Hoe\tvaak?", "cijfermatige onderbouwing", "Cijfers_2023", "kostenpost",
		"om welke  redenen?", "Wat zijn de reden?", "wat is de redenering", "om welke\nreden",
		"  En bent u", "En  is het", "en", "En", "enis", "Is", "is_", "Isé", "“Bent u", "Kentu", "WORDT het", "en kunt u")
	for _, s := range texts {
		if got, want := asksCount(reWords(s)), countRE.MatchString(s); got != want {
			t.Errorf("asksCount(%q) = %v, regexp %v", s, got, want)
		}
		if got, want := asksWhy(reWords(s)), whyRE.MatchString(s); got != want {
			t.Errorf("asksWhy(%q) = %v, regexp %v", s, got, want)
		}
		want := ""
		if m := yesNoRE.FindStringSubmatch(s); m != nil {
			want = m[1]
		}
		if got := yesNoVerb(s); got != strings.ToLower(want) {
			t.Errorf("yesNoVerb(%q) = %q, regexp %q", s, got, want)
		}
	}
}

// TestReWordsLowerAsToLower holds appendReWords, which lowers only the
// words with capitals, to strings.ToLower of each word's text, on the
// development texts and the same in capitals.
func TestReWordsLowerAsToLower(t *testing.T) {
	n := 0
	// Words longer than appendReWords' buffer, and many with capitals.
	long := []string{"Hoogspanningsverbindingsuitbreidingsprogrammaonderdeel Zo",
		strings.Repeat("Kunt U ", 40), "A" + strings.Repeat("b", 31) + " " + "A" + strings.Repeat("b", 32) + " " + "A" + strings.Repeat("B", 33)}
	for _, s := range append(foldTexts(t), long...) {
		for _, x := range []string{s, strings.ToUpper(s)} {
			for _, w := range appendReWords(nil, x) {
				if want := strings.ToLower(x[w.start:w.end]); w.w != want {
					t.Fatalf("word %q of %q, want %q", w.w, x, want)
				}
				n++
			}
		}
	}
	if n < 10000 {
		t.Errorf("only %d words", n)
	}
}

// TestReWordsAsBefore holds appendReWords, which reads each byte's classes
// from one table, to the function as it was (appendReWordsBefore), word
// for word with every field, on the development texts, the same in
// capitals, and every byte value between words.
func TestReWordsAsBefore(t *testing.T) {
	texts := foldTexts(t)
	for c := 0; c < 256; c++ {
		texts = append(texts, "Wanneer"+string(rune(c))+"KOMT  de"+string([]byte{byte(c)})+"brief_2?")
	}
	for _, s := range texts {
		for _, x := range []string{s, strings.ToUpper(s)} {
			got, want := appendReWords(nil, x), appendReWordsBefore(nil, x)
			if !slices.Equal(got, want) {
				t.Fatalf("appendReWords(%q) = %v, before %v", x, got, want)
			}
		}
	}
}

// appendReWordsBefore is appendReWords as it was, with a test a byte.
func appendReWordsBefore(out []reWord, s string) []reWord {
	k := len(out)
	spaced := false
	for i := 0; i < len(s); {
		if !isReWordByte(s[i]) {
			if !isReSpace(s[i]) {
				spaced = false
			}
			i++
			continue
		}
		j := i
		upper := false
		for j < len(s) && isReWordByte(s[j]) {
			upper = upper || 'A' <= s[j] && s[j] <= 'Z'
			j++
		}
		// The words are ASCII: without capitals, their own lower case.
		w := s[i:j]
		if upper {
			w = strings.ToLower(w)
		}
		out = append(out, reWord{w: w, spaced: spaced && len(out) > k, start: i, end: j})
		spaced = true
		i = j
	}
	return out
}
