package parse

import (
	"regexp"
	"strconv"
)

// bareNumberRE matches an answer numbered without a stop: "1 In 2024 ...".
var bareNumberRE = regexp.MustCompile(`^(\d{1,2}) +\p{Lu}`)

// bareNumberedBlocks gives answers numbered without a stop ("1 In 2024
// ontving ...", "4 en 5 Op ...") the stop the grouped layout reads
// ("1. In 2024 ..."). Numbers without a stop begin many lines (a year, a
// figure, a table's row), so only the paragraphs after the answer heading
// are read, and only those numbered next in line, three at least.
func bareNumberedBlocks(blocks []block) ([]block, bool) {
	heading := firstHeading(blocks)
	if heading < 0 {
		return nil, false
	}
	out := append([]block(nil), blocks...)
	next, found := 1, 0
	for i := heading + 1; i < len(out); i++ {
		t := out[i].text
		if m := combinedTextRE.FindStringSubmatchIndex(t); m != nil {
			// "4 en 5 Op ...", read as it is.
			if nums := numberList(t[m[2]:m[3]]); len(nums) > 1 && nums[0] == next {
				next = nums[len(nums)-1] + 1
				found++
			}
			continue
		}
		m := bareNumberRE.FindStringSubmatchIndex(t)
		if m == nil {
			continue
		}
		if n, _ := strconv.Atoi(t[m[2]:m[3]]); n == next {
			out[i].text = t[:m[3]] + "." + t[m[3]:]
			next++
			found++
		}
	}
	return out, found >= 3
}
