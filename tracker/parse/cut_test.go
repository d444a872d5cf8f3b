package parse

import (
	"math/rand"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestCutREAsRegexp holds each cutRE to its regexp on the whole text: on
// every line and paragraph of the test documents, and on variants of them
// and of the labels with bytes inserted and cut off.
func TestCutREAsRegexp(t *testing.T) {
	var texts []string
	files, _ := filepath.Glob("testdata/*/*.txt")
	more, _ := filepath.Glob("../../rules/testdata/eval/*/docs/*.txt")
	for _, f := range append(files, more...) {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		s := string(b)
		texts = append(texts, strings.Split(s, "\n")...)
		texts = append(texts, strings.Split(s, "\n\n")...)
	}
	texts = append(texts, "Vraag 1", "Vraag 1:", "Antwoord 2 en 3: Ja", "Antwoord op vraag 4 – 6", "Antwoord vragen 1,2 en 3",
		"Antwoord 2 t/m 4.", "Vragen 5 tot en met 7) x", "VRAAG 3–", "Antwoord\n12\n", "Vraag", "Antwoord :", "ANTWOORD\t",
		"1. ", "2) Tekst", "3 en 4. X", "5, 6 en 7) y", "1 t.e.m. 3", "1 tem 2 Zo", "12 tot 13:", "1–2. É", "1 en 2 Één", "1.1 In 2024", "1.2. Tekst", "1.a) Tekst", "2b) 12", "1.5 miljoen", "21 501-02")
	rnd := rand.New(rand.NewSource(1))
	bytes := []string{" ", "\n", "\t", ":", ".", ")", "-", "–", "1", "a", "Z", "é", "\u00a0", "x", "en ", "h"}
	n := len(texts)
	for i := 0; i < n; i++ {
		s := texts[i]
		for k := 0; k < 3 && s != ""; k++ {
			at := rnd.Intn(len(s) + 1)
			texts = append(texts, s[:at]+bytes[rnd.Intn(len(bytes))]+s[at:], s[:at])
		}
	}
	for _, c := range []*cutRE{labelRE, unnumberedLabel, itemRE, combinedRE, combinedTextRE, partRE} {
		for _, s := range texts {
			if got, want := c.FindStringSubmatchIndex(s), c.re.FindStringSubmatchIndex(s); !slices.Equal(got, want) {
				t.Errorf("%s on %q: %v, regexp %v", c, s, got, want)
			}
			if got, want := c.MatchString(s), c.re.MatchString(s); got != want {
				t.Errorf("%s matches %q: %v, regexp %v", c, s, got, want)
			}
		}
	}
}
