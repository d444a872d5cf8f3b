package parse

import "testing"

// TestInlineAnswerAsRegexp holds inlineAnswer to the regexp tried after
// every question mark, on the lines of the fixtures and documents and on
// inline answers of every spacing.
func TestInlineAnswerAsRegexp(t *testing.T) {
	in := fastInputs(t)
	for _, s := range []string{"Kunt u dat? Antwoord: Ja.", "Kunt u dat?  ANTWOORD 3: Nee", "Dat?\tAntwoord : x", "Dat?Antwoord: x",
		"Dat? Antwoord:x", "Dat? Antwoorden: x", "? Antwoord: x", "?", "? ", "Wat? Nee? Antwoord: ja", "Dat? Antwoord 12 : x"} {
		in = append(in, s)
	}
	for _, s := range in {
		want := -1
		for at := 0; at < len(s); at++ {
			if s[at] == '?' && inlineAnswerRE.MatchString(s[at:min(len(s), at+40)]) {
				want = at
				break
			}
		}
		if got := inlineAnswer(s); got != want {
			t.Errorf("inlineAnswer(%q) = %d, the regexp %d", s, got, want)
		}
	}
}
