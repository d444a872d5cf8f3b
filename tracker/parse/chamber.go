package parse

import (
	"regexp"
	"strings"

	"github.com/pqtrack/pqtrack/tracker"
)

// The Belgian Chamber's bulletin of questions and answers (QRVA) heads a
// question "Vraag nr. 55-1234 van mevrouw An Peeters van 12 januari 2023
// (N.) aan de minister van ..." and dates the answer in the line between
// the questions and the answers: "Antwoord van de minister van ... van 15
// februari 2023, op de vraag nr. 55-1234 van ...", or "d.d." for "van"
// before either date. Without the answer's date
// a promise "tegen het einde van het jaar" has no day.
var (
	chamberAskRE    = regexp.MustCompile(`(?i)\bvraag\s+nr\.?\s*(\d+(?:[-/]\d+)?)\s+van\s+(?:mevrouw|de heer|het lid|volksvertegenwoordiger)?\s*(.+?)\s+(?:van|d\.\s?d\.)\s+(\d{1,2}\s+\pL+\.?\s*\d{4})`)
	chamberAnswerRE = regexp.MustCompile(`(?i)^\s*antwoord\s+van\s+(?:de\s+)?(?:vice-?\s*)?(?:eerste\s+)?(?:minister|staatssecretaris)\b[^\n]{0,200}?(?:\bvan|\bd\.\s?d\.)\s+(\d{1,2}\s+\pL+\.?\s*\d{4})\s*,?\s*op\s+(?:de\s+)?vra(?:ag|gen)\b`)
)

// readChamber fills what the bulletin's lines give and the header did not:
// the answer's date from the answer line among blocks, and the question's
// number, asker and date from its heading.
func readChamber(doc *tracker.Document, blocks []block) {
	if !tracker.Dated(doc.Date) {
		for _, b := range blocks {
			if t := strings.TrimLeft(b.text, " \t"); len(t) < 12 || !strings.EqualFold(t[:12], "antwoord van") {
				continue
			}
			if m := chamberAnswerRE.FindStringSubmatch(b.text); m != nil {
				doc.Date, _ = parseDate(m[1])
				if doc.Parliament == "" || doc.Parliament == "Vlaams Parlement" && !strings.Contains(foldLower(doc.Text), "vlaams parlement") {
					// A grouped layout was taken for Flemish; the
					// Flemish form answers "ANTWOORD op vraag nr.".
					doc.Parliament = "Kamer van volksvertegenwoordigers"
				}
				break
			}
		}
	}
	// The heading opens the document.
	for k, b := range blocks[:min(len(blocks), 3)] {
		if !strings.Contains(foldLower(b.text), "vraag nr") {
			continue
		}
		m := chamberAskRE.FindStringSubmatch(b.text)
		if m == nil {
			continue
		}
		// The heading is no title, nor is the bulletin's name above it;
		// the subject line after it is.
		if headedBy(doc.Title, blocks[:k+1]) && k+1 < len(blocks) {
			if t := strings.TrimSpace(blocks[k+1].text); len(t) <= 200 && !strings.HasSuffix(t, "?") && !strings.Contains(t, "\n") {
				doc.Title = strings.TrimSuffix(t, ".")
			}
		}
		if n := "nr. " + m[1]; strings.HasPrefix(n, doc.Number) {
			doc.Number = n // "nr. 55-1234", where the header read "nr. 55"
		}
		if doc.Asker == "" {
			doc.Asker = strings.TrimSpace(m[2])
		}
		if !tracker.Dated(doc.Asked) {
			doc.Asked, _ = parseDate(m[3])
		}
		return
	}
}

// headedBy reports whether title was read from the first line of one of
// blocks.
func headedBy(title string, blocks []block) bool {
	for _, b := range blocks {
		if l := firstLine(b.text); l != "" && strings.HasPrefix(title, l) {
			return true
		}
	}
	return false
}
