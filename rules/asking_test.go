package rules

import (
	"regexp"
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
	for _, s := range foldTexts(t) {
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
