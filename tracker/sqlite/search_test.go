package sqlite

import (
	"testing"
)

func TestFTSQuery(t *testing.T) {
	tests := []struct{ in, words, trigrams string }{
		{"inburgering", `"inburgering"`, `"inburgering"`},
		{"Oekraïne  hulp", `"Oekraïne" "hulp"`, `"Oekraïne" "hulp"`},
		{"nr 12", `"nr" "12"`, ""},
		{`a"b OR c*`, `"a" "b" "OR" "c"*`, ""},
		{"  -- ", "", ""},
	}
	for _, tt := range tests {
		w, tg := ftsQuery(tt.in)
		if w != tt.words || tg != tt.trigrams {
			t.Errorf("ftsQuery(%q) = %q, %q; want %q, %q", tt.in, w, tg, tt.words, tt.trigrams)
		}
	}
}
