package rules

import (
	"slices"
	"strings"
	"testing"
)

func TestWordClass(t *testing.T) {
	tests := []struct {
		word string
		want []string
	}{
		{"meegedeeld", []string{"tell"}},
		{"beroepsgeheim", []string{"secret"}},
		{"persoonsgegevens", []string{"secret"}},
		{"bevoegdheid", []string{"competence"}},
		{"beleidsbevoegdheden", []string{"competence"}},
		{"geregistreerd", []string{"kept"}},
		{"cijfers", []string{"data"}},
		{"geevalueerd", []string{"ongoing"}},
		{"voorbarig", []string{"early"}},
		{"binnenkort", []string{"future"}},
		{"verwijs", []string{"refer"}},
		{"school", nil},
		{"deel", nil}, // a part, not sharing
	}
	for _, tt := range tests {
		c := wordClass(tt.word)
		var got []string
		for b, name := range classNames {
			if c&(1<<b) != 0 {
				got = append(got, name)
			}
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("wordClass(%q) = %v, want %v", tt.word, got, tt.want)
		}
	}
	if len(classNames) > 16 {
		t.Fatalf("%d classes do not fit the uint16 of termEntry.class", len(classNames))
	}
}

// TestClassFeatures checks what a negation denies: the classes of its own
// clause, wherever the negation stands in it.
func TestClassFeatures(t *testing.T) {
	tests := []struct {
		sentence string
		want     []string // the c: and nc: features
	}{
		{"De gevraagde cijfers zijn niet beschikbaar.", []string{"c:kept", "nc:kept", "c:data", "nc:data"}},
		{"Ik beschik niet over deze gegevens.", []string{"c:kept", "nc:kept", "c:data", "nc:data"}},
		{"Om redenen van privacy worden geen namen meegedeeld.", []string{"c:tell", "nc:tell", "c:secret", "nc:secret"}},
		{"De cijfers zijn beschikbaar, maar niet per gemeente.", []string{"c:kept", "c:data"}},
		{"De cijfers van 2023 zijn beschikbaar in de bijlage.", []string{"c:kept", "c:data", "c:refer"}},
	}
	for _, tt := range tests {
		f := foldString(tt.sentence)
		var k keys
		classFeatures(f, words(f, nil), nil, &k)
		// classFeatures gives neg:STEM first.
		for len(k.out) > 0 && strings.HasPrefix(k.out[0], "neg:") {
			k.out = k.out[1:]
		}
		if strings.Join(k.out, " ") != strings.Join(tt.want, " ") {
			t.Errorf("%q: features %v, want %v", tt.sentence, k.out, tt.want)
		}
	}
}

func TestAskKind(t *testing.T) {
	tests := []struct{ question, want string }{
		{"Hoeveel klachten ontving De Lijn in 2024?", askCount},
		{"Kan de minister een overzicht geven van de subsidies per provincie?", askCount},
		{"Wanneer wordt de evaluatie afgerond?", askWhen},
		{"Waarom werd de regeling stopgezet?", askWhy},
		{"Bent u bekend met het bericht? Wordt etniciteit geregistreerd?", askYesNo},
		{"Welke maatregelen neemt u?", askOpen},
	}
	for _, tt := range tests {
		if got := askKind(tt.question); got != tt.want {
			t.Errorf("askKind(%q) = %s, want %s", tt.question, got, tt.want)
		}
	}
}

func TestBlind(t *testing.T) {
	got, changed := blind([]string{"bias", "w:zie", "r:deferral", "k:deferral", "pr:pending", "qr:open_deferral"})
	if want := []string{"bias", "w:zie", "r:reply", "qr:open_deferral"}; !changed || !slices.Equal(got, want) {
		t.Errorf("blind = %v %v, want %v true", got, changed, want)
	}
	if _, changed := blind([]string{"bias", "w:ja", "r:reply"}); changed {
		t.Error("a sentence the rules said nothing of has no blind copy")
	}
}

// TestClauseBreakAsContainsAny holds clauseBreak's byte loop to
// strings.ContainsAny, which it replaces: every separator between the
// words of the development texts, and every string of one or two bytes.
func TestClauseBreakAsContainsAny(t *testing.T) {
	var seps []string
	for _, s := range foldTexts(t) {
		f := foldString(s)
		ws := words(f, nil)
		for j := 1; j < len(ws); j++ {
			seps = append(seps, f[ws[j-1].end:ws[j].start])
		}
	}
	for a := range 256 {
		seps = append(seps, string([]byte{byte(a)}))
		for b := range 256 {
			seps = append(seps, string([]byte{byte(a), byte(b)}))
		}
	}
	seps = append(seps, "", " (", "\u2019, ", "\xe2\x80", "\u00a0:")
	for _, sep := range seps {
		want := strings.ContainsAny(sep, ",;:()")
		if got := clauseBreak(sep, "x"); got != want {
			t.Fatalf("clauseBreak(%q) = %v, want %v", sep, got, want)
		}
	}
}
