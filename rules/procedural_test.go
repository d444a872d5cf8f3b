package rules

import "testing"

// TestOpensWithQuestionAsRegexp: opensWithQuestion is never false where
// answersTogetherRE matches, on the sentences of corpus, the lines of the
// test texts and sentences that say how questions are answered, in other
// cases.
func TestOpensWithQuestionAsRegexp(t *testing.T) {
	set, _ := Default()
	texts := append(corpus(t, set), foldTexts(t)...)
	matched := 0
	for _, s := range []string{"Vraag 1 en 2 worden samen beantwoord.", "De vragen 1 tot en met 3 worden samen beantwoord.",
		"Op de vragen 2 en 3 wordt hieronder beantwoord", "vragen 4 t/m 6 beantwoord ik samen", "OP DE VRAGEN 1, 2 WORDEN GEZAMENLIJK BEANTWOORD.",
		"de vraag 1 en 2 worden samen", "VRAAG 7 en 8 beantwoord ik als volgt:", "Op De Vraag 1 en vraag 2 beantwoorden wij tegelijk"} {
		texts = append(texts, s, "  "+s, "Op de "+s, "de "+s)
	}
	for _, s := range texts {
		if answersTogetherRE.MatchString(s) {
			matched++
			if !opensWithQuestion(s) {
				t.Errorf("opensWithQuestion(%q) false; the regexp matches", s)
			}
		}
	}
	if matched < 5 {
		t.Errorf("only %d texts match answersTogetherRE", matched)
	}
}
