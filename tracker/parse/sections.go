package parse

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// sectionRE matches a section heading numbered in roman figures: "I.
// Gebouwen", "II. Collecties".
var sectionRE = regexp.MustCompile(`^(I|II|III|IV|V|VI|VII|VIII|IX|X)\.\s+\S[^?]{0,80}$`)

// sectionedBlocks renumbers questions that count from 1 again in each
// section ("I. Gebouwen / 1. ... 2. ... II. Collecties / 1. ..."), the
// answers following the same sections: the items are numbered on through
// the sections, 1, 2, 3, 4, ..., and the headings dropped, so that the
// grouped layout pairs them. The numbering starts again where the
// sections do ("I." a second time: the answers). It reports false unless
// two sections or more restart the numbering.
func sectionedBlocks(blocks []block) ([]block, bool) {
	if !slices.ContainsFunc(blocks, func(b block) bool { return strings.HasPrefix(b.text, "II. ") }) {
		return nil, false
	}
	out := make([]block, 0, len(blocks))
	restarts := 0
	inSection := false
	offset, last := 0, 0 // numbers of the sections before; the highest in this one
	for _, b := range blocks {
		if m := sectionRE.FindStringSubmatch(b.text); m != nil {
			if m[1] == "I" {
				offset, last = 0, 0
			} else if last > 0 {
				restarts++
			}
			offset += last
			last, inSection = 0, true
			continue
		}
		if inSection {
			if m := itemRE.FindStringSubmatchIndex(b.text); m != nil {
				if ns := numberList(b.text[m[2]:m[3]]); len(ns) == 1 {
					last = max(last, ns[0])
					b.text = strconv.Itoa(offset+ns[0]) + b.text[m[3]:]
				}
			}
		}
		out = append(out, b)
	}
	return out, restarts >= 2
}
