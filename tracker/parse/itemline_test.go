package parse

import "testing"

// TestItemLines: a lettered item that opens a line after a sentence keeps
// its line in the paragraph, so that the sentence before it ends and each
// item is a sentence of its own; a line that runs on is joined as before.
// ("a) de planning en\nb) het budget": b) follows no sentence and runs on.)
func TestItemLines(t *testing.T) {
	tests := []struct{ in, want string }{
		{"In 2022 werd 12,3 miljoen euro toegekend.\n   a) Die gegevens worden niet bijgehouden.\n   b) Zie de bijlage.",
			"In 2022 werd 12,3 miljoen euro toegekend.\na) Die gegevens worden niet bijgehouden.\nb) Zie de bijlage."},
		// After a colon too: the list that follows keeps its lines.
		{"Het gaat om de volgende punten:\na) de planning en\nb) het budget.",
			"Het gaat om de volgende punten:\na) de planning en b) het budget."},
		// An item label inside a running line is left as it is.
		{"De kosten zijn gestegen, zoals\nook punt a) van het rapport zegt.",
			"De kosten zijn gestegen, zoals ook punt a) van het rapport zegt."},
	}
	for _, tt := range tests {
		blocks, _, _ := cleanBlocks(tt.in)
		if len(blocks) != 1 || blocks[0].text != tt.want {
			var got []string
			for _, b := range blocks {
				got = append(got, b.text)
			}
			t.Errorf("cleanBlocks(%q) gives %q, want one paragraph %q", tt.in, got, tt.want)
		}
	}
}
