package parse

import "testing"

func TestUnMojibake(t *testing.T) {
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"Wie is geÃ¯nformeerd over de reÃ«le kosten van Ã©Ã©n brug?", "Wie is geïnformeerd over de reële kosten van één brug?", true},
		{"De kosten bedroegen â‚¬ 212.000 â€“ inclusief btw, zei JoÃ£o.", "De kosten bedroegen € 212.000 – inclusief btw, zei João.", true},
		{"De heer João Simões (São Paulo) is geïnformeerd.", "De heer João Simões (São Paulo) is geïnformeerd.", false},
		{"Ã©Ã©n, twee, drie: ÃÃÃ and a ☃ snowman Windows-1252 cannot write.", "Ã©Ã©n, twee, drie: ÃÃÃ and a ☃ snowman Windows-1252 cannot write.", false},
	}
	for _, tt := range tests {
		got, ok := unMojibake(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("unMojibake(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}
