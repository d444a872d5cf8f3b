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

func TestTrimEnd(t *testing.T) {
	s := "vraag een \n en twee"
	if got := TrimEnd(s, 0, 12); s[:got] != "vraag een" {
		t.Errorf("TrimEnd = %d (%q)", got, s[:got])
	}
	if got := TrimEnd("   ", 1, 3); got != 1 {
		t.Errorf("TrimEnd over only spaces = %d, want the start 1", got)
	}
}
