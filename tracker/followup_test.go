package tracker

import "testing"

func TestSentence(t *testing.T) {
	text := "Dat is zo. Er wordt momenteel bekeken hoeveel middelen nodig zijn. De rest volgt."
	i := len("Dat is zo. Er ")
	tests := []struct {
		start, end int
		want       string
	}{
		{i, i + len("wordt momenteel bekeken"), "Er wordt momenteel bekeken hoeveel middelen nodig zijn."},
		{0, 3, "Dat is zo."},
		{len(text) - 6, len(text) - 1, "De rest volgt."},
		{-1, 3, ""},
	}
	for _, tt := range tests {
		if got := Sentence(text, tt.start, tt.end); got != tt.want {
			t.Errorf("Sentence(%d, %d) = %q, want %q", tt.start, tt.end, got, tt.want)
		}
	}
}
