package rules

import (
	"math/rand"
	"slices"
	"strings"
	"testing"
)

// TestTryAtAsRegexp holds the anchored tries of the deferral targets'
// patterns to their regexps run on the whole text: the same match and
// submatches, on the lines of the test texts, the sentences of corpus,
// both folded, and phrases of the patterns behind every kind of rune.
func TestTryAtAsRegexp(t *testing.T) {
	texts := tryAtTexts(t)
	var fs []filtered
	for _, f := range []filtered{reQuestionRef, reOtherAnswers, reAnswerNum, reMeeting, reLetter, reWritten, reDocument, reWebsite, reDocNumber, reBody} {
		if f.at != nil {
			fs = append(fs, f)
		}
	}
	if len(fs) < 4 {
		t.Fatalf("only %d patterns tried anchored", len(fs))
	}
	hits := 0
	for _, f := range fs {
		for _, s := range texts {
			want := f.re.FindStringSubmatchIndex(s)
			got := f.at.submatchIndex(s)
			if !slices.Equal(got, want) {
				t.Fatalf("%s on %q: %v, want %v", f.re, s, got, want)
			}
			if m, w := f.FindStringIndex(s), f.re.FindStringIndex(s); !slices.Equal(m, w) {
				t.Fatalf("%s: FindStringIndex(%q) = %v, want %v", f.re, s, m, w)
			}
			if m, w := f.FindStringSubmatch(s), f.re.FindStringSubmatch(s); !slices.Equal(m, w) {
				t.Fatalf("%s: FindStringSubmatch(%q) = %q, want %q", f.re, s, m, w)
			}
			if want != nil {
				hits++
			}
		}
	}
	if hits < 500 {
		t.Errorf("only %d matches", hits)
	}
	t.Logf("%d patterns, %d texts, %d matches", len(fs), len(texts), hits)
}

// tryAtTexts are the texts the anchored tries are held to their regexps
// on: the lines of the test texts, the sentences of corpus, both folded,
// and phrases of the patterns behind and before every kind of rune.
func tryAtTexts(t *testing.T) []string {
	set, _ := Default()
	texts := append(foldTexts(t), corpus(t, set)...)
	for _, s := range slices.Clone(texts) {
		texts = append(texts, foldString(s))
	}
	phrases := []string{"antwoord 3", "antwoorden op de vragen 2 en 3", "vraag 4", "vragen 1, 2 t/m 5", "beantwoording van vraag 7",
		"vorige antwoorden", "eerdere vragen", "zoals al eerder", "zoals ook hierboven", "zoals eerdere", "zoals al ook",
		"verwijzend antwoord", "gecoordineerde antwoord", "beantwoord door", "antwoord van de minister", "antwoord door collega's",
		"antwoord van de staatssecretaris", "antwoord van commissie", "schriftelijke vragen", "kamervragen", "vraag nr",
		"rapport", "nota", "toelichting", "bijlage", "commissie", "plenaire vergadering", "debat", "brieven", "kamerstukken"}
	befores := []string{"", " ", "x", "é", "\xff", "\xe2", "\xe2\x82", "-", "\n", "1", "(", "Ω", "ß", "…", "–", "’", "\u00a0", "½", "zie ", "het "}
	afters := []string{"", " ", ".", "x", "é", " 5", "s", " en vraag 6"}
	rnd := rand.New(rand.NewSource(7))
	for _, p := range phrases {
		for _, b := range befores {
			for _, a := range afters {
				texts = append(texts, b+p+a, b+p+a+" "+phrases[rnd.Intn(len(phrases))])
			}
		}
		texts = append(texts, strings.ToUpper(p), p[:len(p)/2], p[1:])
	}
	return texts
}

// TestTryAtAllAsRegexp holds the rules' regexps tried anchored to their
// FindAllStringSubmatchIndex: every match, and the spans runRegexp gives.
func TestTryAtAllAsRegexp(t *testing.T) {
	texts := tryAtTexts(t)
	set, _ := Default()
	// Matches back to back: the next match's boundary is the rune
	// after the one before, or its last.
	for _, r := range set.Rules {
		for _, ex := range r.Examples.Match {
			f := foldString(ex)
			texts = append(texts, f+" "+f, f+"…"+f, f+f, f+"é"+f)
		}
	}
	n, hits := 0, 0
	for _, r := range set.Rules {
		for _, m := range r.ms {
			at := m.tryAt()
			if at == nil {
				continue
			}
			n++
			plain := m
			plain.at = nil
			for _, s := range texts {
				want := m.re.FindAllStringSubmatchIndex(s, -1)
				var got [][]int
				for from := 0; ; {
					g := at.submatchIndexFrom(s, from)
					if g == nil {
						break
					}
					got = append(got, g)
					from = g[1]
				}
				if !slices.EqualFunc(got, want, slices.Equal[[]int]) {
					t.Fatalf("%s on %q: %v, want %v", m.re, s, got, want)
				}
				if a, b := m.runRegexp(s, nil), plain.runRegexp(s, nil); !slices.Equal(a, b) {
					t.Fatalf("%s: runRegexp(%q) = %v, want %v", m.re, s, a, b)
				}
				hits += len(want)
			}
		}
	}
	if n < 10 || hits < 200 {
		t.Errorf("%d regexps tried anchored, %d matches", n, hits)
	}
	t.Logf("%d regexps, %d texts, %d matches", n, len(texts), hits)
}

// TestNewTryAt: only patterns behind the letter boundary, and none whose
// rest reads the text before it, are tried anchored.
func TestNewTryAt(t *testing.T) {
	tests := []struct {
		pattern string
		ok      bool
	}{
		{`(?:^|[^\pL])antwoord (\d+)`, true},
		{`(?:^|[^\pL])(nota|rapport)(?:[^\pL]|$)`, true},
		{`(?:^|[^\pL])nota\b`, false},
		{`(?:^|[^\pL])(?:nota|^rapport)`, false},
		{`\bnota`, false},
		{`(?:^|x)nota`, false},
	}
	for _, tt := range tests {
		if got := newTryAt(tt.pattern, firstLiterals(tt.pattern)) != nil; got != tt.ok {
			t.Errorf("%s: %v, want %v", tt.pattern, got, tt.ok)
		}
	}
}
