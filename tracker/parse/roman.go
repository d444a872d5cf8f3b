package parse

import (
	"regexp"
	"strconv"
)

// romanLabelRE matches an answer numbered in Roman numerals: "IV. Het
// departement ...", "VII) Sinds ...".
var romanLabelRE = regexp.MustCompile(`^([IVX]{1,5})[.)]\s+\S`)

// aboutRE matches an answer that names its questions in its first words
// instead of a label: "Wat de vragen 1 tot en met 3 betreft: ...".
var aboutRE = regexp.MustCompile(`^(?i:wat) (?:de )?vra(?:ag|gen) (\d{1,2}(?:\s*(?:,|en|tot en met|t\.e\.m\.|tot)\s*\d{1,2})*) betreft[:,]?\s+`)

// romanValues are the Roman numerals a list of answers reaches, by value.
var romanValues = map[string]int{}

func init() {
	for i, r := range []string{"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X",
		"XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII", "XVIII", "XIX", "XX"} {
		romanValues[r] = i + 1
	}
}

// romanBlocks writes answers numbered "IV.", "V.", ... after the answer
// heading as "4.", "5.", which the grouped layout reads: some answers
// number in Roman numerals questions that were numbered 1, 2, 3. Only
// labels that rise, two at least, are taken. An answer that opens by
// naming the first questions ("Wat de vragen 1 tot en met 3 betreft:")
// is labelled with them.
func romanBlocks(blocks []block) ([]block, bool) {
	heading := firstHeading(blocks)
	if heading < 0 {
		return nil, false
	}
	out := append([]block(nil), blocks...)
	last, found := 0, 0
	for i := heading + 1; i < len(out); i++ {
		if m := aboutRE.FindStringSubmatchIndex(out[i].text); m != nil && last == 0 {
			// "Wat de vragen 1 tot en met 3 betreft:" before the
			// numerals: read as "1 tot en met 3. ".
			nums := numberList(out[i].text[m[2]:m[3]])
			if len(nums) > 0 && nums[0] == 1 {
				out[i].text = out[i].text[m[2]:m[3]] + ". " + out[i].text[m[1]:]
				last = nums[len(nums)-1]
				continue
			}
		}
		m := romanLabelRE.FindStringSubmatchIndex(out[i].text)
		if m == nil {
			continue
		}
		v, ok := romanValues[out[i].text[m[2]:m[3]]]
		if !ok || v <= last {
			continue
		}
		out[i].text = strconv.Itoa(v) + out[i].text[m[3]:]
		last = v
		found++
	}
	return out, found >= 2
}
