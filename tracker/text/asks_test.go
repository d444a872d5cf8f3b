package text

import (
	"strings"
	"testing"
)

func TestAsks(t *testing.T) {
	tests := []struct {
		in   string
		want []string // the questions, as split
	}{
		{"Welke projecten lopen er in Limburg en hoeveel budget is daarvoor vastgelegd?",
			[]string{"Welke projecten lopen er in Limburg", "en hoeveel budget is daarvoor vastgelegd?"}},
		{"Deelt u de mening dat de wachtlijsten te lang zijn en welke stappen heeft u gezet?",
			[]string{"Deelt u de mening dat de wachtlijsten te lang zijn", "en welke stappen heeft u gezet?"}},
		{"Hoe beoordeelt u het rapport en bent u bereid de aanbevelingen over te nemen?",
			[]string{"Hoe beoordeelt u het rapport", "en bent u bereid de aanbevelingen over te nemen?"}},
		{"Kan de minister de evolutie toelichten en is de minister bereid dit te herzien?",
			[]string{"Kan de minister de evolutie toelichten", "en is de minister bereid dit te herzien?"}},
		{"Hoeveel dossiers waren er in 2023, en in hoeverre is dat een stijging?",
			[]string{"Hoeveel dossiers waren er in 2023,", "en in hoeverre is dat een stijging?"}},
		// One question.
		{"Kunt u aangeven of en hoe de gemeenten worden betrokken?", nil},
		{"Hoeveel leerlingen en leerkrachten zijn er betrokken?", nil},
		{"Welke scholen en welke gemeenten?", nil},
		{"Is er een regeling voor ouders en/of voogden die het niet eens zijn?", nil},
		{"Bent u bereid te onderzoeken waar en wanneer dat gebeurde?", nil},
		{"Kunt u het aantal ongevallen en waar mogelijk de oorzaak geven?", nil},
	}
	for _, tt := range tests {
		var got []string
		if at := Asks(tt.in); len(at) > 0 {
			from := 0
			for _, a := range at {
				got = append(got, strings.TrimSpace(tt.in[from:a]))
				from = a
			}
			got = append(got, tt.in[from:])
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("Asks(%q) splits into %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestMayJoin: a text mayJoin passes over holds no "en" or "of" that
// wordsOf reads as a word.
func TestMayJoin(t *testing.T) {
	texts := []string{
		"Welke projecten lopen er?", "Hoeveel en welke?", "EN", "en", "Of", "xen", "enx", "a-en", "en-b",
		"één en twee", "“en kunt u”", "zo’n of ander", "(en)", "ben", "often", "oven", "koffie", "2en3", "én",
		"Kunt u aangeven hoeveel dossiers er zijn?", "Wanneer verschijnt het rapport?",
	}
	for _, s := range texts {
		if mayJoin(s) {
			continue
		}
		for _, w := range wordsOf(s) {
			if w.w == "en" || w.w == "of" {
				t.Errorf("mayJoin(%q) = false, yet it holds the word %q", s, w.w)
			}
		}
	}
	for _, s := range []string{"Welke projecten lopen er?", "Wanneer verschijnt het rapport?", "koffie", "often"} {
		if mayJoin(s) {
			t.Errorf("mayJoin(%q) = true, want false: no such word", s)
		}
	}
}

func TestTrimEnd(t *testing.T) {
	s := "vraag een \n en twee"
	if got := TrimEnd(s, 0, 12); s[:got] != "vraag een" {
		t.Errorf("TrimEnd = %d (%q)", got, s[:got])
	}
	if got := TrimEnd("   ", 1, 3); got != 1 {
		t.Errorf("TrimEnd over only spaces = %d, want the start 1", got)
	}
}

// mayJoinByBytes is mayJoin as it was, a test of every pair of bytes.
func mayJoinByBytes(s string) bool {
	for i := 0; i+1 < len(s); i++ {
		a, b := s[i]|0x20, s[i+1]|0x20
		if !(a == 'e' && b == 'n' || a == 'o' && b == 'f') {
			continue
		}
		if (i == 0 || !asciiWordByte(s[i-1])) && (i+2 == len(s) || !asciiWordByte(s[i+2])) {
			return true
		}
	}
	return false
}

// TestMayJoinByBytes holds mayJoin to a test of every pair of bytes: on
// the lines and sentences of the development documents, in every case
// cacheTexts gives them, and on "en" and "of" in every case with each
// kind of byte on either side, at the text's edges and inside it.
func TestMayJoinByBytes(t *testing.T) {
	var texts []string
	for _, doc := range cacheTexts(t) {
		for _, l := range strings.Split(doc, "\n") {
			texts = append(texts, l)
			for _, sp := range Sentences(l) {
				texts = append(texts, l[sp[0]:sp[1]])
			}
		}
	}
	around := []string{"", " ", "x", "X", "1", "-", "é", "\xff", ",", "n", "e", "o", "f"}
	for _, w := range []string{"en", "En", "eN", "EN", "of", "Of", "oF", "OF", "n", "f", "e", "o", "nf", "fn"} {
		for _, a := range around {
			for _, b := range around {
				texts = append(texts, a+w+b, "vraag "+a+w+b+" kunt u", a+w+b+w)
			}
		}
	}
	yes := 0
	for _, s := range texts {
		want := mayJoinByBytes(s)
		if got := mayJoin(s); got != want {
			t.Fatalf("mayJoin(%q) = %v, want %v", s, got, want)
		}
		if want {
			yes++
		}
	}
	t.Logf("%d texts, %d may join", len(texts), yes)
}
