package parse

import (
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestMayBeNumberedAsRegexp holds mayBeNumbered, asked before numberedItem,
// to the regexp: never false where it matches, on every line of the
// fixtures and development documents (trimmed too), the same with list
// numbers put in front, and edge cases of every separator; and
// isNumberedItem equal to the regexp there.
func TestMayBeNumberedAsRegexp(t *testing.T) {
	lines := []string{"", "1", "1.", "1. A", "12) b", "123/ c", "1234. A", "1° x", "2°", "1.1 In", "1.12. Het", "1a) Wat",
		"1.a) Wat", "3. en 5. De", "1 t.e.m. 3", "1 t/m 3", "1 tot en met 3", "1 tem 3", "1 tot 3", "1 en 3", "1-3. x",
		"1 – 3. x", "1–3. x", "1, 2 en 3. A", "1 & 2) x", "1\t2", "1\u00a0. x", "12 en 13", "12en13.", "2024 was", "150 miljoen",
		"1 t.e.m. 3:", "1 en 2)", "0. x", "999) y", "9999) y", "1\n. x", "1\f. x", "1\r. x", "1\v. x"}
	var pats []string
	for _, p := range []string{"../../rules/testdata/eval/*/docs/*.txt", "testdata/*/*", "testdata/*"} {
		fs, _ := filepath.Glob(p)
		pats = append(pats, fs...)
	}
	for _, f := range pats {
		b, err := os.ReadFile(f)
		if err != nil {
			continue
		}
		for _, l := range strings.Split(string(b), "\n") {
			lines = append(lines, l, strings.TrimSpace(l))
		}
	}
	rng := rand.New(rand.NewSource(24))
	fronts := []string{"1. ", "2) ", "3 en 4. ", "1.1 ", "5° ", "1 t/m 3", "a) ", "12 - 13. ", "7/ ", "1,2. "}
	n := len(lines)
	for _, l := range lines[:n] {
		if rng.Intn(4) == 0 {
			lines = append(lines, fronts[rng.Intn(len(fronts))]+l)
		}
	}
	matched := 0
	for _, l := range lines {
		want := numberedItem.MatchString(l)
		if want && !mayBeNumbered(l) {
			t.Fatalf("mayBeNumbered(%q) = false, numberedItem matches", l)
		}
		if got := isNumberedItem(l); got != want {
			t.Fatalf("isNumberedItem(%q) = %v, numberedItem %v", l, got, want)
		}
		if want {
			matched++
		}
	}
	if matched < 1000 {
		t.Errorf("only %d lines matched", matched)
	}
	t.Logf("%d lines, %d numbered items", len(lines), matched)
}
