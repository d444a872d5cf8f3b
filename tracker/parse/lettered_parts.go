package parse

import (
	"regexp"
	"strings"
)

// A question asked in parts may carry its parts in its labels: "Vraag 3a",
// "Antwoord 3a", "Vraag 3b", "Antwoord 3b", and "Antwoord 8a en 8b" for two
// parts answered together. Each numbered question is one question (the
// rubric: one record per numbered question), so the parts are gathered
// under "Vraag 3" and "Antwoord 3", each part's text opening with its
// letter as a lettered item does: "a) ...".

// partLabelRE matches a label with a lettered part: "Vraag 3a",
// "Antwoord 3b:", "Antwoord 8a en 8b", with the text after it.
var partLabelRE = regexp.MustCompile(`^(Vraag|VRAAG|Antwoord|ANTWOORD)\s+(\d{1,3})([a-h])(?:\s*(?:,|en|&)\s*(\d{1,3})([a-h]))*\s*[:.]?(?:\s+|$)`)

// gatherParts rewrites the blocks of questions labelled in parts as one
// question and one answer each, where the document labels its parts so;
// it returns blocks unchanged otherwise.
func gatherParts(blocks []block) []block {
	if !hasPartLabels(blocks) {
		return blocks
	}
	type gathered struct {
		at           int // where the question goes in out
		qs, as       []string
		qLine, aLine int // 1-based; aLine 0 until an answer part is seen
	}
	byNum := map[string]*gathered{}
	var out []block
	var cur *[]string // where text under the last part label goes
	lead := ""        // a part's letter still to set before its first text
	for _, b := range blocks {
		m := partLabelRE.FindStringSubmatchIndex(b.text)
		if m == nil {
			if isLabelLine(b.text) || unnumberedLabel.MatchString(b.text) {
				cur = nil
			}
			if cur != nil {
				*cur = append(*cur, lead+b.text)
				lead = ""
				continue
			}
			out = append(out, b)
			continue
		}
		num := b.text[m[4]:m[5]]
		letters := partLetters(b.text[m[0]:m[1]])
		g := byNum[num]
		if g == nil {
			g = &gathered{at: len(out), qLine: b.line}
			byNum[num] = g
			// Placeholders, filled in below: the question's label and
			// text, the answer's label and text.
			out = append(out, make([]block, 4)...)
		}
		rest := strings.TrimSpace(b.text[m[1]:])
		cur = &g.qs
		if strings.EqualFold(b.text[m[2]:m[3]], "antwoord") {
			if g.aLine == 0 {
				g.aLine = b.line
			}
			cur = &g.as
		}
		lead = strings.Join(letters, ") en ") + ") "
		if rest != "" {
			*cur = append(*cur, lead+rest)
			lead = ""
		}
	}
	for num, g := range byNum {
		out[g.at] = block{text: "Vraag " + num, line: g.qLine}
		out[g.at+1] = block{text: joinParts(g.qs), line: g.qLine}
		out[g.at+2] = block{text: "Antwoord " + num, line: g.aLine}
		out[g.at+3] = block{text: joinParts(g.as), line: g.aLine}
	}
	return out
}

// joinParts joins the texts of a question's parts as paragraphs; a part
// label's text and the paragraphs under it are kept apart.
func joinParts(parts []string) string {
	return strings.TrimSpace(strings.Join(parts, "\n\n"))
}

// partLetters returns the letters of the parts a label names: "3a" gives
// [a], "8a en 8b" gives [a b].
func partLetters(lab string) []string {
	var out []string
	for i := 1; i < len(lab); i++ {
		if isDigit(lab[i-1]) && lab[i] >= 'a' && lab[i] <= 'h' && (i+1 == len(lab) || !isLowerASCII(lab[i+1])) {
			out = append(out, lab[i:i+1])
		}
	}
	return out
}

// hasPartLabels reports whether two blocks or more carry lettered part
// labels, one of them a question's.
func hasPartLabels(blocks []block) bool {
	n, q := 0, false
	for _, b := range blocks {
		if b.text == "" || b.text[0] != 'V' && b.text[0] != 'A' {
			continue
		}
		if !mayBePartLabel(b.text) {
			continue
		}
		if m := partLabelRE.FindStringSubmatch(b.text); m != nil {
			n++
			q = q || strings.EqualFold(m[1], "vraag")
		}
	}
	return n >= 2 && q
}

// mayBePartLabel is false where partLabelRE cannot match s: a match opens
// with the label's word, white space, one to three digits and a letter a
// to h. Most labels have no part ("Vraag 1"), and the regexp costs some
// thousands of instructions to find so.
func mayBePartLabel(s string) bool {
	var i int
	switch {
	case strings.HasPrefix(s, "Vraag"), strings.HasPrefix(s, "VRAAG"):
		i = len("Vraag")
	case strings.HasPrefix(s, "Antwoord"), strings.HasPrefix(s, "ANTWOORD"):
		i = len("Antwoord")
	default:
		return false
	}
	j := i
	for j < len(s) && isREspace(s[j]) {
		j++
	}
	if j == i {
		return false
	}
	k := j
	for k < len(s) && k-j <= 3 && '0' <= s[k] && s[k] <= '9' {
		k++
	}
	return k > j && k-j <= 3 && k < len(s) && 'a' <= s[k] && s[k] <= 'h'
}
