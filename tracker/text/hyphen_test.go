package text

import (
	"strings"
	"testing"
)

func TestJoinBroken(t *testing.T) {
	l, err := ReadLexicon(strings.NewReader("zee\negel\nauto\nongeluk\noud\nminister\nvoorbehouden\nden\nren\nNoord\nHolland\ne\nmail\nindividu\nindividueel\neel\ndata\nbank\ndatabank\ndomein\ndomeinen\nen\n"))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		in, want string
		n        int
	}{
		{"is voorbehou-den aan de rechter", "is voorbehouden aan de rechter", 1},
		{"de emissiefacto-ren en internationaalrech-telijke", "de emissiefactoren en internationaalrechtelijke", 2},
		{"een zee-egel na een auto-ongeluk", "een zee-egel na een auto-ongeluk", 0}, // a word on the left
		{"de oud-minister uit Noord-Holland", "de oud-minister uit Noord-Holland", 0},
		{"per e-mail", "per e-mail", 0},                       // one letter on the left
		{"de Raad-van", "de Raad-van", 0},                     // a name
		{"1-2 en x-y", "1-2 en x-y", 0},                       // no letters, one letter
		{"beleids- en begroting", "beleids- en begroting", 0}, // a hyphen before a space
		{"A-Z", "A-Z", 0},
		{"andereEU-lidstaten en hetRIEC-verband", "andereEU-lidstaten en hetRIEC-verband", 0}, // abbreviations
		{"zie europa.eu/publication-detail", "zie europa.eu/publication-detail", 0},           // an address
		{"een individu-eel programma", "een individueel programma", 1},                        // a word on the left, but one word
		{"de data-bank", "de data-bank", 0},                                                   // two words, and one
		{"domein-en sectoroverstijgend", "domein-en sectoroverstijgend", 0},                   // "domeinen", but "en" follows
		{"", "", 0},
	}
	for _, tt := range tests {
		got, n := l.JoinBroken(tt.in)
		if got != tt.want || n != tt.n {
			t.Errorf("JoinBroken(%q) = %q, %d; want %q, %d", tt.in, got, n, tt.want, tt.n)
		}
	}
}
