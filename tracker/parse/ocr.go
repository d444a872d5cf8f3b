package parse

import (
	"regexp"
	"strconv"
	"strings"
)

// ocrLabelRE matches a line that may be a "Vraag 3" / "Antwoord 3" label
// read from a scan: the word and the number as OCR gives them ("Vraaq 3",
// "Antw00rd 5", "Antvvoord 8", "Antwoord l", "Vraag 1O", "Antwoord 1 0",
// "Vraag 4 ."), after stray marks before it ("| Antwoord 6"), and small
// capitals split after the first letter ("V RAAG 3", "A NTWOORD 3").
var ocrLabelRE = regexp.MustCompile(`^([VA]) ?([A-Za-z0-9]{3,9}?)\s*([0-9lIOo](?: ?[0-9lIOo])?)\s*\.?$`)

// repairOCRLabels writes the labels a scan's text damaged as the labels
// they are, so that the interleaved layout reads them. Lines that read as
// labels already are left as they are.
func repairOCRLabels(lines []line) {
	for i := range lines {
		// Most lines open with a byte that is neither 'V' or 'A' nor
		// one of the marks trimmed (‘ and ’ begin with 0xe2): they are
		// told so without TrimLeft, whose cutset of runes past ASCII
		// decodes rune by rune.
		if s := lines[i].text; len(s) < 6 || !ocrOpeners[s[0]] {
			continue
		}
		t := strings.TrimLeft(lines[i].text, "|'~.‘’ ")
		if len(t) < 6 || len(t) > 16 || t[0] != 'V' && t[0] != 'A' || isLabelLine(lines[i].text) {
			continue
		}
		m := ocrLabelRE.FindStringSubmatch(t)
		if m == nil {
			continue
		}
		word := ocrWord(m[1] + m[2])
		if word == "" {
			continue
		}
		num := strings.NewReplacer("l", "1", "I", "1", "O", "0", "o", "0", " ", "").Replace(m[3])
		if n, err := strconv.Atoi(num); err == nil && n > 0 {
			lines[i].text = word + " " + strconv.Itoa(n)
		}
	}
}

// ocrOpeners are the first bytes of the lines repairOCRLabels reads:
// 'V', 'A', and those of the marks it trims.
var ocrOpeners = func() (t [256]bool) {
	for _, c := range []byte("VA|'~. \xe2") {
		t[c] = true
	}
	return t
}()

// ocrWord is "Vraag" or "Antwoord" for a word OCR made of one of them
// (one letter wrong, "0" for "o", "vv" for "w"), or "".
func ocrWord(w string) string {
	w = strings.ReplaceAll(strings.ReplaceAll(strings.ToLower(w), "0", "o"), "vv", "w")
	for _, want := range []string{"vraag", "antwoord"} {
		if len(w) == len(want) {
			diff := 0
			for k := range w {
				if w[k] != want[k] {
					diff++
				}
			}
			if diff <= 1 {
				return strings.ToUpper(want[:1]) + want[1:]
			}
		}
	}
	return ""
}
