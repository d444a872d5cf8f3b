package parse

// blockStarts is startsBlock of each line's text, read when first asked
// for: hardWrapped and joinLines ask it of the same lines, and it runs
// regexps on lines that open with a digit or a label word.
type blockStarts struct {
	lines []line
	known []int8 // 0 not read yet, 1 starts a block, -1 not
}

func newBlockStarts(lines []line) blockStarts {
	return blockStarts{lines: lines, known: make([]int8, len(lines))}
}

// at is startsBlock(lines[i].text).
func (b blockStarts) at(i int) bool {
	if b.known[i] == 0 {
		b.known[i] = -1
		if startsBlock(b.lines[i].text) {
			b.known[i] = 1
		}
	}
	return b.known[i] > 0
}
