package text

import (
	"strings"
	"testing"
)

// testWords is a small word list in the form of /usr/share/dict/dutch,
// enough for the cases below.
const testWords = `aan
aders
dek
kaders
binnen
begin
bos
wijk
de
deze
detentie
en
geen
geïnformeerd
het
hierover
in
inde
kader
Minister
NDICI
op
paarden
paardenstal
paardenkracht
paardenbloem
paardenmarkt
paardensport
paardenvlees
bloem
kracht
markt
sport
vlees
stal
paspoort
SP
toenmalige
van
volgt
voldoe
voldoen
naan
ze
zijn
zomer
zom
ervan
`

func TestSplitGlued(t *testing.T) {
	l, err := ReadLexicon(strings.NewReader(testWords))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		in, want string
		n        int
	}{
		{"Wij worden hierovergeïnformeerd.", "Wij worden hierover geïnformeerd.", 1},
		{"in de zomervan 2025", "in de zomer van 2025", 1},     // not "zom ervan"
		{"dat volgtbegin 2025", "dat volgt begin 2025", 1},     // two words
		{"in hetkader van", "in het kader van", 1},             // a short first word
		{"zijngeen plannen", "zijn geen plannen", 1},           // both four letters
		{"voldoenaan de eisen", "voldoen aan de eisen", 1},     // the longest first part
		{"indeze zaak", "in deze zaak", 1},                     // "inde ze" leaves two letters
		{"de toenmaligeMinister", "de toenmalige Minister", 1}, // a change of case
		{"zoals hetNDICI en", "zoals het NDICI en", 1},         // a change of case
		{"de paardenpaspoort", "de paardenpaspoort", 0},        // "paarden" starts compounds
		{"het kader", "het kader", 0},                          // known words stay
		{"endetentie", "en detentie", 1},
		{"binnen dekaders van", "binnen de kaders van", 1},                            // not "dek aders": a function word                                              // a word of two letters first
		{"spstal", "spstal", 0},                                                       // "sp" is only listed as "SP"
		{"zie www.hetkader.nl of hetkader-2", "zie www.hetkader.nl of hetkader-2", 0}, // not free-standing
		{"zomervan2025", "zomervan2025", 0},                                           // glued to digits
		{"", "", 0},
	}
	for _, tt := range tests {
		got, n := l.SplitGlued(tt.in)
		if got != tt.want || n != tt.n {
			t.Errorf("SplitGlued(%q) = %q, %d; want %q, %d", tt.in, got, n, tt.want, tt.n)
		}
	}
}

// FuzzSplitGlued checks that a split only ever adds spaces.
func FuzzSplitGlued(f *testing.F) {
	l, err := ReadLexicon(strings.NewReader(testWords))
	if err != nil {
		f.Fatal(err)
	}
	for _, s := range []string{"hetkader", "toenmaligeMinister", "zomervan 2025", "é€ hetNDICI.", "inde\xffze"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, n := l.SplitGlued(s)
		if strings.Count(got, " ")-strings.Count(s, " ") != n || strings.ReplaceAll(got, " ", "") != strings.ReplaceAll(s, " ", "") {
			t.Errorf("SplitGlued(%q) = %q, %d", s, got, n)
		}
	})
}
