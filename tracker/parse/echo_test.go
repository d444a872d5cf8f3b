package parse

import (
	"path/filepath"
	"strings"
	"testing"
)

func TestDropEcho(t *testing.T) {
	q := "Wat was het budget daarvoor? Hoeveel ging naar\nonderhoud?"
	tests := []struct {
		answer, want string
	}{
		{"Wat was het budget daarvoor? Hoeveel ging naar onderhoud?\n\nHet budget bedroeg 98 miljoen euro.", "Het budget bedroeg 98 miljoen euro."},
		{"Wat was het budget daarvoor?\n\nHet budget bedroeg 98 miljoen euro.", "Het budget bedroeg 98 miljoen euro."},
		{"Het budget bedroeg 98 miljoen euro. Is dat veel? Ja.", "Het budget bedroeg 98 miljoen euro. Is dat veel? Ja."},
		{"Waarom niet? Omdat het budget op is.", "Waarom niet? Omdat het budget op is."},
		{"Wat was het budget voor 2025? Dat is nog niet bekend.", "Wat was het budget voor 2025? Dat is nog niet bekend."},
		{"Wat was het budget daarvoor?", ""},
	}
	for _, tt := range tests {
		if got := dropEcho(tt.answer, q); got != tt.want {
			t.Errorf("dropEcho(%q) = %q, want %q", tt.answer, got, tt.want)
		}
	}
}

// An answer document that repeats each question above its reply, in the
// grouped layout: the answers hold the replies only.
func TestGroupedEchoedQuestions(t *testing.T) {
	doc, err := ReadFile(filepath.Join("testdata", "layout", "grouped-echoed.txt"))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"In 2024 werd 143 kilometer fietspad heraangelegd.",
		"Het budget bedroeg 98 miljoen euro. Het aandeel voor onderhoud wordt niet afzonderlijk bijgehouden.",
		"De lijst van de projecten voor 2025 wordt momenteel opgemaakt.",
	}
	if len(doc.Items) != len(want) {
		t.Fatalf("%d items, want %d", len(doc.Items), len(want))
	}
	for i, it := range doc.Items {
		if it.Answer != want[i] {
			t.Errorf("answer %d = %q, want %q", it.Number, it.Answer, want[i])
		}
		if !strings.Contains(doc.Text, it.Answer) {
			t.Errorf("answer %d is no part of the document's text", it.Number)
		}
	}
}
