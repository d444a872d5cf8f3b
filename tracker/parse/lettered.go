package parse

import (
	"strconv"
	"strings"
)

// letteredBlocks reads a document whose questions and answers are lettered
// instead of numbered ("a) Hoeveel ...? b) Wat ...?", then the answers
// "a) ... b) ..."), as the grouped layout does numbers: each lettered line
// from the first "a) " block on becomes a block of its own, its letter the
// number of its place in the alphabet. It reports false when there are not
// two runs that start at "a)", one for the questions and one for the
// answers. The blocks before the first "a) " are left as they are, so that
// the header's blocks keep their places.
func letteredBlocks(blocks []block) ([]block, bool) {
	first := -1
	for i, b := range blocks {
		if strings.HasPrefix(b.text, "a) ") {
			first = i
			break
		}
	}
	if first < 0 {
		return nil, false
	}
	out := append([]block(nil), blocks[:first]...)
	runs := 0
	for _, b := range blocks[first:] {
		for _, piece := range splitItemLines(b.text) {
			if letter, rest, ok := letterLabel(piece); ok {
				if letter == 'a' {
					runs++
				}
				piece = strconv.Itoa(int(letter-'a'+1)) + ". " + rest
			}
			out = append(out, block{text: piece, line: b.line})
		}
	}
	return out, runs >= 2
}

// splitItemLines cuts s before each line that opens with a lettered item
// (joinLines keeps those lines).
func splitItemLines(s string) []string {
	lines := strings.Split(s, "\n")
	out, cur := []string(nil), lines[0]
	for _, l := range lines[1:] {
		if itemLine(l) {
			out, cur = append(out, cur), l
		} else {
			cur += "\n" + l
		}
	}
	return append(out, cur)
}

// letterLabel reads "a) rest" and "(a) rest".
func letterLabel(s string) (letter byte, rest string, ok bool) {
	if !itemLine(s) {
		return 0, "", false
	}
	s = strings.TrimPrefix(s, "(")
	return s[0], strings.TrimSpace(s[3:]), true
}
