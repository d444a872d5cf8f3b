package parse

import "strings"

// pdftotext -layout prints the Chamber's bilingual bulletin as it stands on
// the page: the French column on the left and the Dutch on the right, on
// the same lines. dutchColumn keeps the Dutch column of such text, so that
// its questions and answers are read as if the page held them alone.

// fourSpaces is the four spaces dutchColumn looks for first, kept at the
// start of a 32-byte block of the heap. internal/bytealg's indexbody
// searches a text of 16 bytes or more with PCMPESTRI only when the 16
// bytes from the needle's address lie in one page of memory, and the
// constant "    " lay wherever the linker put it: when a build put it in
// the last 16 bytes of a page, the search of every document went a byte
// at a time (1.6 million instructions a pass of BenchmarkParseAnalyze,
// coming and going with changes elsewhere). A block of 32 bytes starts
// 32 bytes or more before its page's end.
var fourSpaces = strings.Repeat(" ", 32)[:4]

// minGap is the run of spaces that separates two columns on a line.
const minGap = 3

// dutchColumn returns the Dutch column of text printed in two columns side
// by side with French in the other, and s itself for any other text.
func dutchColumn(s string) string {
	// Four spaces first: few texts hold them, and mayHoldFrench stops at
	// every 'l'.
	if !strings.Contains(s, fourSpaces) || !mayHoldFrench(s) {
		return s
	}
	at := columnStart(s)
	if at < 0 {
		return s
	}
	var left, right strings.Builder
	for l := range strings.Lines(s) {
		l = strings.TrimRight(l, "\r\n")
		lt, rt := splitAt(l, at)
		left.WriteString(lt)
		right.WriteString(rt)
		// Page breaks stay in both columns.
		if strings.HasPrefix(l, "\f") && !strings.HasPrefix(rt, "\f") {
			right.WriteByte('\f')
		}
		left.WriteByte('\n')
		right.WriteByte('\n')
	}
	lfr, lnl := frenchScore(left.String())
	rfr, rnl := frenchScore(right.String())
	switch {
	case lfr >= 10 && lfr > 3*lnl && rnl > rfr:
		return right.String()
	case rfr >= 10 && rfr > 3*rnl && lnl > lfr:
		return left.String()
	}
	return s
}

// columnStart is where the right column starts, in characters, or -1 when
// the text is not in two columns: in a third of its lines or more, text
// stops and starts again after minGap spaces or more, and most of those
// second starts fall within a few characters of one place.
func columnStart(s string) int {
	starts := map[int]int{}
	lines, gaps := 0, 0
	for l := range strings.Lines(s) {
		l = strings.TrimRight(l, "\r\n\f")
		if strings.TrimSpace(l) == "" {
			continue
		}
		lines++
		if at := secondStart(l); at > 0 {
			gaps++
			starts[at]++
		}
	}
	if gaps < 5 || 3*gaps < lines {
		return -1
	}
	best, bestN := -1, 0
	for at := range starts {
		n := 0
		for d := -3; d <= 3; d++ {
			n += starts[at+d]
		}
		if n > bestN || n == bestN && at < best {
			best, bestN = at, n
		}
	}
	if 2*bestN < gaps {
		return -1
	}
	// The column starts at the earliest start near the commonest one.
	for d := 3; d > 0; d-- {
		if starts[best-d] > 0 {
			return best - d
		}
	}
	return best
}

// secondStart is the character index where text starts again after a run
// of minGap spaces or more that follows text on line l, or where text
// starts after that many spaces at the start of the line; 0 when neither.
func secondStart(l string) int {
	n, spaces, seen := 0, 0, false
	for _, r := range l {
		switch {
		case r == ' ' || r == '\t':
			spaces++
		default:
			if spaces >= minGap && (seen || n >= 20) {
				return n
			}
			spaces = 0
			seen = true
		}
		n++
	}
	return 0
}

// splitAt cuts line l at character at into its left and right column; a
// line that ends before at is all left.
func splitAt(l string, at int) (string, string) {
	n := 0
	for i := range l {
		if n == at {
			left := strings.TrimRight(l[:i], " \t")
			right := strings.TrimSpace(l[i:])
			// A word cut in two is not a column edge: the line has no
			// right column here.
			if left != "" && i > 0 && !isColumnGap(l[:i]) {
				return l, ""
			}
			return left, right
		}
		n++
	}
	return l, ""
}

// isColumnGap reports whether the text before the right column ends in
// white space (or is all white space).
func isColumnGap(before string) bool {
	return strings.HasSuffix(before, " ") || strings.HasSuffix(before, "\t") || strings.TrimSpace(before) == ""
}
