package parse

import (
	"math/rand"
	"strings"
	"testing"
)

// TestHeaderScans holds the hand-read header regexps (scanFrom) to the
// regexps, on the lines of the documents, their headers as readHeader
// joins them, and variants of both with the words and stops of the
// regexps put in at random places.
func TestHeaderScans(t *testing.T) {
	ins := append(headerInputs(t),
		"Vragen van het lid X aan de minister", "Vraag van de leden A en B  aan  het kabinet", "Vragen van lid Y aan ministers",
		"Vragen van mevrouw Z aan staatssecretaris W", "Vragen van de heer Q over iets (ingezonden 1 mei 2024).",
		"Vragen van het lid X over  ", "Vragen van het lid X over ", "Vragen van het lid X over x.", "Vragen van het lid X over x. y",
		"Vragen van het lid X over over y", "Vraag van volksvertegenwoordiger V aan de_ aan de", "xVragen van het lid X aan de y",
		"Antwoord van de  Minister-President  X, mede namens Y", "Mededeling van STAATSSECRETARIS A (ontvangen 2 mei)",
		"Antwoord van viceminister-president B.", "Antwoord van Vlaams minister C. D", "Antwoord van de minister  ",
		"Antwoord van de minister ", "Antwoord van minister é.", "Antwoord van de dezer minister X", "Antwoord van de ministerX y")
	for _, b := range readHeaders(t) {
		ins = append(ins, b)
	}
	rnd := rand.New(rand.NewSource(2))
	bits := []string{" ", "  ", " over ", " aan de ", " aan ", "Vragen van het lid ", "Vraag van ", ". ", ".", "(ingezonden",
		"(ontvangen", ", mede namens", "Antwoord van de minister ", "Mededeling van ", "minister ", "é", "ſ", "\u212a", "\n", "x", "de "}
	n := len(ins)
	for i := 0; i < n; i++ {
		s := ins[i]
		for k := 0; k < 4; k++ {
			at := rnd.Intn(len(s) + 1)
			v := s[:at] + bits[rnd.Intn(len(bits))] + s[at:]
			ins = append(ins, v, v[:rnd.Intn(len(v)+1)])
		}
	}
	for _, s := range ins {
		for _, c := range []struct {
			name string
			got  []string
			want []string
		}{
			{"askerRE", findFrom(s, askerRE, "Vra"), askerRE.FindStringSubmatch(s)},
			{"subjectRE", findFrom(s, subjectRE, "Vra"), subjectRE.FindStringSubmatch(s)},
			{"ministerRE", findFrom(s, ministerRE, "Antwoord van ", "Mededeling van "), ministerRE.FindStringSubmatch(s)},
		} {
			if strings.Join(c.got, "|") != strings.Join(c.want, "|") || (c.got == nil) != (c.want == nil) {
				t.Errorf("findFrom(%q, %s) = %q, regexp %q", s, c.name, c.got, c.want)
			}
		}
	}
}

// readHeaders are the paragraphs of the documents of headerInputs, as
// readHeader is given them, and the first few joined.
func readHeaders(t *testing.T) []string {
	var out []string
	for _, s := range headerInputs(t) {
		blocks, _, _ := cleanBlocks(s)
		for i, b := range blocks {
			out = append(out, b.text)
			if i < 3 && i+1 < len(blocks) {
				out = append(out, b.text+" "+blocks[i+1].text)
			}
		}
	}
	return out
}
