package parse

import (
	"errors"
	"fmt"
	"strings"

	"github.com/pqtrack/pqtrack/tracker"
)

// The Belgian Chamber publishes its written questions in bulletins (QRVA)
// that hold dozens of questions, each under its own heading "Vraag nr.
// 56/0612 van mevrouw ... d.d. 8 september 2025 (N.) aan de minister van
// ...", with its own answer. Read as one document, their numbered
// questions and answers would run into each other.

// ReadAll reads the raw bytes of a file as Read does, and returns one
// document for each question of a bulletin: the text is cut before each
// question heading, and each part is named after the file and its place
// ("qrva.pdf#2"). A file with fewer than two headings is one document.
// The error joins the errors of the parts; a part that cannot be read is
// left out, and the others are returned.
func ReadAll(name string, data []byte) ([]*tracker.Document, error) {
	s, warnings, err := input(name, data)
	if err != nil {
		return nil, err
	}
	cuts := bulletinCuts(s)
	if len(cuts) < 2 {
		d, err := readText(name, s, warnings)
		if d == nil {
			return nil, err
		}
		return []*tracker.Document{d}, err
	}
	var docs []*tracker.Document
	var errs []error
	for i, at := range cuts {
		end := len(s)
		if i+1 < len(cuts) {
			end = cuts[i+1]
		}
		d, err := readText(fmt.Sprintf("%s#%d", name, i+1), s[at:end], warnings)
		if err != nil {
			errs = append(errs, err)
		}
		if d != nil {
			docs = append(docs, d)
		}
	}
	return docs, errors.Join(errs...)
}

// bulletinCuts returns where each question heading of a bulletin starts
// in s: a line that opens with "Vraag nr." and, with the line after it
// (headings wrap), reads as chamberAskRE.
func bulletinCuts(s string) []int {
	var cuts []int
	for at := 0; at < len(s); {
		end := strings.IndexByte(s[at:], '\n')
		if end < 0 {
			end = len(s)
		} else {
			end += at
		}
		line := strings.TrimLeft(s[at:end], " \t")
		if len(line) > 9 && strings.EqualFold(line[:9], "vraag nr.") {
			next := end
			if next < len(s) {
				if k := strings.IndexByte(s[next+1:], '\n'); k >= 0 {
					next += 1 + k
				} else {
					next = len(s)
				}
			}
			if chamberAskRE.MatchString(strings.ReplaceAll(s[at:next], "\n", " ")) {
				cuts = append(cuts, at)
			}
		}
		at = end + 1
	}
	return cuts
}
