package rules

import (
	"slices"
	"testing"
)

// TestWordAltsAsRegexp holds the deferral targets' patterns read word by
// word to their regexps: the same FindStringIndex on the texts the
// anchored tries are held to (the test texts, corpus, both folded, and
// the patterns' phrases behind and before every kind of rune), and on
// the words of the patterns with letters, digits and broken bytes
// around them.
func TestWordAltsAsRegexp(t *testing.T) {
	fs := map[string]filtered{"reMeeting": reMeeting, "reLetter": reLetter, "reDocument": reDocument, "reSite": reSite}
	for name, f := range fs {
		if f.words == nil {
			t.Fatalf("%s is not read word by word", name)
		}
	}
	texts := tryAtTexts(t)
	words := []string{"commissie", "commissies", "bespreking", "debat", "debatten", "plenairdebat", "plenaire", "plenaire vergadering",
		"vergadering", "overleg", "notaoverleg", "hoorzitting", "handelingen", "verslag", "briefing", "rondetafelgesprek",
		"brief", "kamerbrief", "brieven", "kamerstuk", "kamerstukken", "rapport", "rapporten", "nota", "beleidsnota", "begroting",
		"jaarverslag", "studie", "website", "webstek", "webportaal", "bijlage"}
	around := []string{"", " ", "x", "é", "\xff", "\xe2\x82", "1", "_", "ª", "Ω", "\u00a0", "’", "\n"}
	for _, w := range words {
		for _, a := range around {
			for _, b := range around {
				texts = append(texts, a+w+b, "zie de "+a+w+b+" van 3 mei", a+w[1:]+b, a+w+w+b, w+b+a+w)
			}
		}
	}
	hits := 0
	for name, f := range fs {
		for _, s := range texts {
			got, want := f.FindStringIndex(s), f.re.FindStringIndex(s)
			if !slices.Equal(got, want) {
				t.Fatalf("%s: FindStringIndex(%q) = %v, want %v", name, s, got, want)
			}
			if want != nil {
				hits++
			}
		}
	}
	if hits < 1000 {
		t.Errorf("only %d matches", hits)
	}
	t.Logf("%d texts, %d matches", len(texts), hits)
}

// TestNewWordAlts: only patterns of words, word starts and word ends
// between letter boundaries are read word by word.
func TestNewWordAlts(t *testing.T) {
	tests := []struct {
		pattern string
		ok      bool
	}{
		{`(?:^|[^\pL])(nota|rapport\pL*|\pL*brief)(?:[^\pL]|$)`, true},
		{`(?:^|[^\pL])(nota|nota bene)(?:[^\pL]|$)`, true},
		{`(?:^|[^\pL])(nota bene|nota)(?:[^\pL]|$)`, false},
		{`(?:^|[^\pL])(nota|rap\pL+)(?:[^\pL]|$)`, false},
		{`(?:^|[^\pL])(nota|Rapport)(?:[^\pL]|$)`, false},
		{`(?:^|[^\pL])(nota|(?:rapport))(?:[^\pL]|$)`, false},
		{`(?:^|[^\pL\pN])(nota)(?:[^\pL]|$)`, false},
		{`(?:^|[^\pL])(nota)`, false},
	}
	for _, tt := range tests {
		if got := newWordAlts(tt.pattern) != nil; got != tt.ok {
			t.Errorf("newWordAlts(%q) != nil is %v, want %v", tt.pattern, got, tt.ok)
		}
	}
}
