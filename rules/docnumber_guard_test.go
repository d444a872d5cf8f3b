package rules

import (
	"math/rand"
	"strings"
	"testing"
)

// TestDocNumberAsRegexp holds docNumber, reDocNumber tried anchored where a
// match may start, to reDocNumber.FindString and to the regexp alone, on
// every line and paragraph of the guard documents, the same with document
// numbers put in at random, and edge cases: the Kelvin sign and 'ſ', which
// (?i) folds to k and s, capitals, and matches at the first and last byte.
func TestDocNumberAsRegexp(t *testing.T) {
	texts := []string{"", "nr", "nr.", "nr. 1", "Nr.5", "NR. 12 en nr 13", "kamerstuk 36 200, nr. 5",
		"Kamerstukken 36 200 nr 5", "KAMERSTUK 1 NR 2", "\u212aamerstuk 36 200, nr. 5", "kamerſtuk 12 nr. 3",
		"kamerstuk 36200nr.5", "2024Z12345", "2024z12345", "x2024Z123456", "202Z12345", "2024Z1234",
		"nrnr. 5", "knr. 5", "kamerstuk nr. 5", "ka nr. 1", "\u212a", "\xe2", "zie 1234Z56789.", "12345Z67890"}
	for _, b := range guardDocs() {
		texts = append(texts, strings.Split(string(b), "\n\n")...)
	}
	texts = withInserts(texts, []string{"nr. 12", "Kamerstuk 36 200, nr. 5", "2024Z12345", "\u212aamerstukken 1 nr 2", "NR 3", "nr.", "2024Z", " "}, 24)
	sameAsRegexp(t, texts, docNumber, reDocNumber.FindString, reDocNumber.re.FindString)
}

// TestBodyAsRegexp holds body, reBody tried anchored where a match may
// start, to reBody.FindString and to the regexp alone, on the texts of
// TestDocNumberAsRegexp's kind with the names of meetings put in, after
// letters, digits, '_', other runes and at the first and last byte.
func TestBodyAsRegexp(t *testing.T) {
	texts := []string{"", "Commissie", "commissie", "xCommissie", "_commissie", "1debat", "éDebat", "Debat", "debatten",
		"Commissie voor Binnenlandse Zaken", "commissie Financiën, en Justitie en Veiligheid.", "de Commissie voor",
		"plenaire vergadering", "Plenaire", "Plenaire vergaderingen", "commissiedebat", "Commissiedebat over",
		"ommissie", "lenaire", "ebat", "C", "c", "p", "d", "commissie Ààbc-d, en Ýx"}
	texts = withInserts(texts, []string{"commissie", "Commissie voor Digitale Zaken", "commissie Financiën, en Defensie", "plenaire vergadering",
		"Plenaire", "commissiedebat", "debat", "Debat", "xdebat", "é", "_", "1"}, 25)
	sameAsRegexp(t, texts, body, reBody.FindString, reBody.re.FindString)
}

// withInserts is texts with every line of the guard documents added, and
// the first 5000 lines twice more, each with one of inserts put in at a
// random place (seed).
func withInserts(texts, inserts []string, seed int64) []string {
	var pieces []string
	for _, b := range guardDocs() {
		for _, l := range strings.Split(string(b), "\n") {
			texts = append(texts, l)
			if len(pieces) < 5000 {
				pieces = append(pieces, l)
			}
		}
	}
	rng := rand.New(rand.NewSource(seed))
	for _, l := range pieces {
		for k := 0; k < 2; k++ {
			i := rng.Intn(len(l) + 1)
			texts = append(texts, l[:i]+inserts[rng.Intn(len(inserts))]+l[i:])
		}
	}
	return texts
}

// sameAsRegexp holds fast to the matcher's FindString and to its regexp
// alone on every text, and checks that at least 100 of them match.
func sameAsRegexp(t *testing.T, texts []string, fast, matcher, re func(string) string) {
	t.Helper()
	found := 0
	for _, s := range texts {
		got := fast(s)
		if want := matcher(s); got != want {
			t.Fatalf("%q: %q, the matcher %q", s, got, want)
		}
		if want := re(s); got != want {
			t.Fatalf("%q: %q, the regexp %q", s, got, want)
		}
		if got != "" {
			found++
		}
	}
	if found < 100 {
		t.Errorf("only %d texts match", found)
	}
	t.Logf("%d texts, %d matching", len(texts), found)
}
