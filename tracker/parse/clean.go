package parse

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/pqtrack/pqtrack/tracker/text"
	"golang.org/x/text/unicode/norm"
)

// block is one paragraph of cleaned text and the input line it starts on.
type block struct {
	text string
	line int
}

// line is one input line after character repair.
type line struct {
	text string
	num  int // 1-based input line
	page int
}

// clean repairs extraction faults and returns the text as paragraphs.
func clean(s string) ([]block, []string) {
	blocks, _, w := cleanBlocks(s)
	return blocks, w
}

// cleanBlocks is clean that also returns the paragraphs joined as
// joinBlocks joins them, which each block's text is a substring of: each
// paragraph is built once, in place. The text is hashed by the store
// that needs it (Document.Hash), not here.
func cleanBlocks(s string) ([]block, string, []string) {
	blocks, text, warnings := keepGlued(s)
	if b, t, ok := splitGlued(blocks, text); ok {
		blocks, text = b, t
	}
	return blocks, text, warnings
}

// keepGlued is cleanBlocks without the split of glued words.
func keepGlued(s string) ([]block, string, []string) {
	s = dutchColumn(normalize(unwrapMarkup(s)))
	lines := splitLines(s)
	repairOCRLabels(lines)
	var warnings []string
	lines, w := dropPageFurniture(lines)
	warnings = append(warnings, w...)
	lines = dropTKFurniture(lines)
	lines = dropContactLines(lines)
	lines = dropFootnoteMarks(lines)
	starts := newBlockStarts(lines)
	blocks, text := joinLines(lines, hardWrapped(lines, starts), starts)
	blocks, text, w = dropFrench(blocks, text, s)
	warnings = append(warnings, w...)
	return blocks, text, warnings
}

// hardWrapped reports whether the text is wrapped at a fixed width with
// blank lines between paragraphs (PDF text, the Flemish documents), rather
// than one line per paragraph (Word exports). In wrapped text a line that
// happens to end a sentence does not end the paragraph.
func hardWrapped(lines []line, starts blockStarts) bool {
	pairs, open, blank := 0, 0, 0
	for i := 0; i+1 < len(lines); i++ {
		if lines[i].text == "" {
			blank++
			continue
		}
		if lines[i+1].text == "" || starts.at(i+1) {
			continue
		}
		pairs++
		if !endsSentence(lines[i].text) {
			open++
		}
	}
	return blank > 0 && pairs >= 4 && open*2 > pairs
}

// normalize fixes characters: NFC, soft hyphens and zero-width characters
// removed, odd spaces made plain, PDF ligatures spelled out, CRLF made LF,
// other control characters (but not \n and \f) and U+FFFD dropped. It is
// one pass over the text, and skips NFC for ASCII text.
func normalize(s string) string {
	i, nfc := firstFix(s)
	if !nfc {
		s = norm.NFC.String(s)
		i, _ = firstFix(s)
	}
	if i == len(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:i])
	for i < len(s) {
		// What needs no fix, most of the text, goes in one piece.
		if j := keptTo(s, i); j > i {
			b.WriteString(s[i:j])
			i = j
			continue
		}
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == '\r':
				b.WriteByte('\n')
				if i+1 < len(s) && s[i+1] == '\n' {
					i++
				}
			case c == '\t' || c == '\v':
				b.WriteByte(' ')
			case c < 0x20 && c != '\n' && c != '\f':
			default:
				b.WriteByte(c)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if fix, ok := runeFix(r); ok {
			b.WriteString(fix)
		} else {
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// keptTo returns where the run of bytes from i that normalize keeps as
// they are ends: printable ASCII, '\n' and '\f'.
func keptTo(s string, i int) int {
	for i < len(s) {
		if i+8 <= len(s) {
			if x := le64(s[i:]); printable8(x) || kept8(x) {
				i += 8
				continue
			}
		}
		if c := s[i]; c >= 0x20 && c < utf8.RuneSelf || c == '\n' || c == '\f' {
			i++
			continue
		}
		break
	}
	return i
}

// firstFix returns the index of the first character normalize changes,
// or len(s), and whether s is sure to be NFC already: it holds only runes
// that NFC keeps and that do not combine with the rune before them
// (nfcStable). It is one pass over the text, as NFC's own check would be.
func firstFix(s string) (int, bool) {
	i := 0
	for i < len(s) {
		if i+8 <= len(s) {
			// The common case, eight bytes at a time; eight that hold a
			// line break are tested again with it allowed, where they
			// went a byte at a time, each with a failed test of eight.
			if x := le64(s[i:]); printable8(x) || kept8(x) {
				i += 8
				continue
			}
		}
		if c := s[i]; c >= 0x20 && c < utf8.RuneSelf || c == '\n' || c == '\f' {
			i++ // the common case, kept out of needsFix
			continue
		}
		if s[i] >= utf8.RuneSelf {
			if r, _ := utf8.DecodeRuneInString(s[i:]); !nfcStable(r) {
				return i, false
			}
		}
		n, fix := needsFix(s, i)
		if fix {
			break
		}
		i += n
	}
	for k := i; k < len(s); {
		if k+8 <= len(s) && le64(s[k:])&0x8080808080808080 == 0 {
			k += 8 // eight ASCII bytes
			continue
		}
		if s[k] < utf8.RuneSelf {
			k++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[k:])
		if !nfcStable(r) {
			return i, false
		}
		k += n
	}
	return i, true
}

// printable8 reports whether the eight bytes of x are all printable ASCII,
// 0x20 to 0x7f. With no byte above 0x7f, adding 0x60 to every byte sets
// its top bit exactly when the byte is 0x20 or more, and no sum carries
// into the next byte.
func printable8(x uint64) bool {
	const ones, tops = 0x0101010101010101, 0x8080808080808080
	return x&tops == 0 && ^(x+ones*0x60)&tops == 0
}

// kept8 reports whether the eight bytes of x are all bytes normalize
// keeps as they are: printable ASCII, '\n' or '\f' (keptTo's bytes).
// ctrl marks the bytes below 0x20 as printable8 finds them; a byte equal
// to c is one whose x^c is zero: adding 0x7f to its low seven bits sets
// the top bit of every other byte, without a carry into the next.
func kept8(x uint64) bool {
	const ones, tops, lows = 0x0101010101010101, 0x8080808080808080, 0x7f7f7f7f7f7f7f7f
	if x&tops != 0 {
		return false
	}
	ctrl := ^(x + ones*0x60) & tops
	zero := func(t uint64) uint64 { return ^((t&lows + lows) | t) & tops }
	return ctrl&^(zero(x^ones*'\n')|zero(x^ones*'\f')) == 0
}

// digit8 reports whether one of the eight bytes of x is an ASCII digit.
// On the bytes with their top bit cleared, adding 0x80-c sets the top bit
// exactly when the byte is c or more, without a carry into the next byte;
// bytes whose top bit was set are then left out.
func digit8(x uint64) bool {
	const ones, tops, lows = 0x0101010101010101, 0x8080808080808080, 0x7f7f7f7f7f7f7f7f
	y := x & lows
	return (y+ones*(0x80-'0'))&^(y+ones*(0x80-'9'-1))&^x&tops != 0
}

// le64 is the first eight bytes of s, little-endian; s holds eight or
// more. The compiler makes it one load.
func le64(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// nfcStable reports whether NFC keeps r as it is, also after any rune:
// Latin letters and the punctuation and currency signs of Dutch text
// (TestNFCStable checks this against the norm package).
func nfcStable(r rune) bool {
	return r < 0x300 || 0x2010 <= r && r <= 0x205e || 0x20a0 <= r && r <= 0x20c0
}

// needsFix reports whether normalize changes the character at s[i], and
// its size.
func needsFix(s string, i int) (int, bool) {
	c := s[i]
	if c < utf8.RuneSelf {
		return 1, c < 0x20 && c != '\n' && c != '\f'
	}
	r, size := utf8.DecodeRuneInString(s[i:])
	_, ok := runeFix(r)
	return size, ok
}

// runeFix is what normalize writes for a non-ASCII rune, if it changes it.
// U+FFFD, whether in the text or for an invalid byte, is dropped.
func runeFix(r rune) (string, bool) {
	switch r {
	case '\u00ad', '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', utf8.RuneError:
		return "", true
	case '\u00a0', '\u2007', '\u202f', '\u2009', '\u200a', '\u2002', '\u2003', '\u2004',
		'\u2005', '\u2006', '\u2008', '\u205f', '\u3000':
		return " ", true
	case '\ufb00': // PDF ligatures
		return "ff", true
	case '\ufb01':
		return "fi", true
	case '\ufb02':
		return "fl", true
	case '\ufb03':
		return "ffi", true
	case '\ufb04':
		return "ffl", true
	case '\u2028':
		return "\n", true
	case '\u2029':
		return "\n\n", true
	}
	return "", false
}

// splitLines splits s into trimmed lines with runs of spaces made one,
// numbering pages at form feeds.
func splitLines(s string) []line {
	out := make([]line, 0, strings.Count(s, "\n")+strings.Count(s, "\f")+1)
	page, num := 0, 0
	// twoSpaces is where the next two spaces in s start, len(s) for
	// none: a line before them needs no oneSpace. Most lines hold none,
	// and one search of the text costs less than one of each line.
	twoSpaces, at := -1, 0 // at: where rest starts in s
	for rest, more := s, true; more; {
		var raw string
		raw, rest, more = strings.Cut(rest, "\n")
		num++
		if twoSpaces < at {
			twoSpaces = len(s)
			if i := strings.Index(s[at:], "  "); i >= 0 {
				twoSpaces = at + i
			}
		}
		spaced := twoSpaces < at+len(raw)
		at += len(raw) + 1
		multi := strings.IndexByte(raw, '\f') >= 0
		for ff := true; ff; {
			var p string
			p, raw, ff = strings.Cut(raw, "\f")
			t := strings.TrimSpace(p)
			if spaced {
				t = oneSpace(t)
			}
			// A form feed is a page break, not a blank line.
			if t != "" || !multi {
				out = append(out, line{text: t, num: num, page: page})
			}
			if ff {
				page++
			}
		}
	}
	return out
}

// oneSpace replaces each run of spaces with one space.
func oneSpace(t string) string {
	if !strings.Contains(t, "  ") {
		return t
	}
	b := make([]byte, 0, len(t))
	for j := 0; j < len(t); j++ {
		if t[j] == ' ' && j > 0 && t[j-1] == ' ' {
			continue
		}
		b = append(b, t[j])
	}
	return string(b)
}

var (
	pageNumber = regexp.MustCompile(`^(?i:(?:-\s*)?\d{1,4}(?:\s*-)?|(?:pagina|page|blz\.?|p\.)\s*\d{1,4}(?:\s*(?:van|of|/)\s*\d{1,4})?|\d{1,4}\s*/\s*\d{1,4}|\d{1,4}\s+van\s+\d{1,4})$`)
	digitRun   = regexp.MustCompile(`\d+`)
)

// dropPageFurniture removes page numbers at the top or bottom of a page and
// running headers and footers: lines at the edge of a page that repeat, with
// any digits, on several pages.
func dropPageFurniture(lines []line) ([]line, []string) {
	pages := 0
	for _, l := range lines {
		pages = max(pages, l.page+1)
	}
	if pages < 2 {
		return dropPageMarks(lines)
	}
	// Edge lines: the first and last two non-blank lines of each page.
	edge := make(map[int]bool)
	byPage := make(map[int][]int)
	for i, l := range lines {
		if l.text != "" {
			byPage[l.page] = append(byPage[l.page], i)
		}
	}
	for _, idx := range byPage {
		for k, i := range idx {
			if k < 2 || k >= len(idx)-2 {
				edge[i] = true
			}
		}
	}
	key := func(s string) string { return strings.ToLower(digitRun.ReplaceAllString(s, "#")) }
	seen := make(map[string]map[int]bool)
	for i := range edge {
		l := lines[i]
		if isLabelLine(l.text) || isNumberedItem(l.text) {
			continue
		}
		k := key(l.text)
		if seen[k] == nil {
			seen[k] = make(map[int]bool)
		}
		seen[k][l.page] = true
	}
	need := max(2, (pages+1)/2)
	var out []line
	removed := 0
	for i, l := range lines {
		if edge[i] && (pageNumber.MatchString(l.text) || len(seen[key(l.text)]) >= need && !isLabelLine(l.text)) {
			removed++
			continue
		}
		out = append(out, l)
	}
	var w []string
	if removed > 0 {
		w = append(w, "removed "+strconv.Itoa(removed)+" page numbers, running headers or footers")
	}
	return out, w
}

// pageOf matches a page number written as nothing else is: "Pagina 2 van
// 3", "Page 2 of 3", "blz. 2/3", "- 2 -".
var pageOf = regexp.MustCompile(`^(?:(?i:pagina|page|blz\.?)\s*\d{1,4}\s*(?i:van|of|/)\s*\d{1,4}|-\s*\d{1,4}\s*-)$`)

// dropPageMarks is dropPageFurniture for text whose page breaks were lost
// (a copy, not pdftotext): a "Pagina 2 van 3" or "- 2 -" line marks where
// one was,
// and the lines around it that the text repeats elsewhere are the running
// header or footer of the letter ("Directoraat-generaal ...", "Kenmerk",
// its number).
func dropPageMarks(lines []line) ([]line, []string) {
	var marks []int
	for i, l := range lines {
		if t := strings.TrimSpace(l.text); len(t) <= 20 && t != "" && strings.IndexByte("PpBb-", t[0]) >= 0 && pageOf.MatchString(t) {
			marks = append(marks, i)
		}
	}
	if len(marks) == 0 {
		return lines, nil
	}
	count := make(map[string]int)
	for _, l := range lines {
		if t := strings.TrimSpace(l.text); t != "" {
			count[t]++
		}
	}
	// Near: within six lines that are not blank of a mark; a running
	// header or footer is near every mark, or two of them.
	near := make(map[string]int) // marks a line is near, by its text
	var cand []int
	for _, m := range marks {
		seenText := make(map[string]bool)
		for _, dir := range []int{-1, 1} {
			seen := 0
			for i := m + dir; i >= 0 && i < len(lines) && seen < 6; i += dir {
				t := strings.TrimSpace(lines[i].text)
				if t == "" {
					continue
				}
				seen++
				if count[t] >= 2 && !strings.ContainsAny(t[len(t)-1:], ".?!:;,") && !isLabelLine(t) &&
					!isNumberedItem(t) && !sectionRE.MatchString(t) {
					cand = append(cand, i)
					if !seenText[t] {
						seenText[t] = true
						near[t]++
					}
				}
			}
		}
	}
	drop := make(map[int]bool)
	for _, m := range marks {
		drop[m] = true
	}
	for _, i := range cand {
		if near[strings.TrimSpace(lines[i].text)] >= min(2, len(marks)) {
			drop[i] = true
		}
	}
	// The lines after a mark are on the next page, so that the blank
	// lines around the break say nothing of paragraphs (joinLines).
	out := make([]line, 0, len(lines)-len(drop))
	page := 0
	for i, l := range lines {
		if page < len(marks) && i > marks[page] {
			page++
		}
		if !drop[i] {
			l.page = page
			out = append(out, l)
		}
	}
	return out, []string{"removed " + strconv.Itoa(len(drop)) + " page numbers, running headers or footers"}
}

// startMark reads a footnote mark at the start of a line before lower-case
// text, "2 in het", and returns its digits.
func startMark(t string) (string, bool) {
	n := 0
	for n < len(t) && n < 3 && isDigit(t[n]) {
		n++
	}
	if n == 0 || n > 2 || n >= len(t) || t[n] != ' ' {
		return "", false
	}
	k := n
	for k < len(t) && t[k] == ' ' {
		k++
	}
	r, _ := utf8.DecodeRuneInString(t[k:])
	if !unicode.IsLower(r) {
		return "", false
	}
	return t[:n], true
}

// isLoneNumber reports whether t is a number of one to three digits.
func isLoneNumber(t string) bool {
	return len(t) >= 1 && len(t) <= 3 && allDigits(t)
}

// loneNumberDot reads a number of one or two digits with a full stop,
// "6.", and returns the digits.
func loneNumberDot(t string) (string, bool) {
	if len(t) < 2 || len(t) > 3 || t[len(t)-1] != '.' || !allDigits(t[:len(t)-1]) {
		return "", false
	}
	return t[:len(t)-1], true
}

func hasDigit(s string) bool {
	i := 0
	for ; i+8 <= len(s); i += 8 {
		if digit8(le64(s[i:])) {
			return true
		}
	}
	for ; i < len(s); i++ {
		if isDigit(s[i]) {
			return true
		}
	}
	return false
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return true
}

var (
	// A mark on its own line before the rest of the paragraph: after a
	// sentence ("uitgevaardigd." / "2 Deze richtlijnen"), or with the
	// sentence's full stop ("per liter" / "2. In 2023 is").
	startMarkCap = regexp.MustCompile(`^(\d{1,2}) +\p{Lu}\p{Ll}`)
	startMarkDot = regexp.MustCompile(`^(\d{1,2})\. +\p{Lu}\p{Ll}`)
	// Markdown conversions write marks as "[1 ]".
	bracketMark = regexp.MustCompile(`\[\d{1,2}(?: \d{1,2})* ?\]`)
)

// footLines is how many lines at the foot of a page may hold footnotes.
const footLines = 10

// numberRun reads a line of consecutive footnote marks such as "2 3" and
// returns the first and last number.
func numberRun(t string) (first, last int, ok bool) {
	// Cheap tests first: most lines with digits are text.
	if len(t) < 3 || len(t) > 17 || !isDigit(t[0]) || strings.IndexByte(t, ' ') < 0 {
		return 0, 0, false
	}
	fs := strings.Fields(t)
	if len(fs) < 2 || len(fs) > 6 {
		return 0, 0, false
	}
	for i, f := range fs {
		if len(f) > 2 || !isDigit(f[0]) || len(f) == 2 && !isDigit(f[1]) {
			return 0, 0, false
		}
		n, _ := strconv.Atoi(f)
		if i == 0 {
			first = n
		} else if n != last+1 {
			return 0, 0, false
		}
		last = n
	}
	return first, last, true
}

// bareAnswerLines counts lines that are only "Antwoord" or "Antwoord:", the
// answer label of documents that number their questions with a bare number
// on its own line.
func bareAnswerLines(lines []line) int {
	n := 0
	for _, l := range lines {
		t := strings.TrimRight(l.text, ": ")
		if t == "Antwoord" || t == "ANTWOORD" {
			n++
		}
	}
	return n
}

// dropFootnoteMarks removes footnote reference numbers left in the running
// text. Footnotes are numbered 1, 2, 3 in reading order, so a candidate is
// taken only when it is the next number expected: that keeps real numbers
// ("COVID-19", "artikel 12", "2 miljoen") in place. Lone numbers on a line
// are always dropped: they are page numbers or footnote marks.
//
// Footnote texts at the foot of a page ("1 Jaarverslag 2022.", "2)
// https://...") are dropped too, when their number is one whose mark was
// seen, in order, among the last lines of the page after a blank line.
//
// A lone number is a question number instead when the document labels its
// answers with a bare "Antwoord" line: "1" / question / "Antwoord" /
// answer. It is then set before the question as "1. ", when it is the next
// question number and starts a paragraph. After the answer heading, it may
// be an answer's label (bareLabels).
func dropFootnoteMarks(lines []line) []line {
	next, body := 1, 1
	qnext := 0
	if bareAnswerLines(lines) >= 2 {
		qnext = 1
	}
	// tail[i] is how many non-blank lines are left on the page of line i.
	tail := make([]int, len(lines))
	for i, n := len(lines)-1, 0; i >= 0; i-- {
		if i+1 < len(lines) && lines[i+1].page != lines[i].page {
			n = 0
		}
		if lines[i].text != "" {
			n++
		}
		tail[i] = n
	}
	// notes are the numbers of the footnote texts at the feet of pages:
	// a mark set on its own line is taken only when its note is there.
	var notes map[int]bool
	for i, l := range lines {
		if tail[i] <= footLines && l.text != "" && isDigit(l.text[0]) {
			if n, _, ok := footnoteStart(l.text); ok {
				if notes == nil {
					notes = make(map[int]bool)
				}
				notes[n] = true
			}
		}
	}
	var labels bareLabels // answers labelled "1" alone on a line
	out := make([]line, 0, len(lines))
	lastText := func() *line {
		if len(out) > 0 && out[len(out)-1].text != "" {
			return &out[len(out)-1]
		}
		return nil
	}
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		t := l.text
		if !hasDigit(t) {
			if qnext == 0 {
				labels.see(t)
			}
			out = append(out, l) // nothing to drop
			continue
		}
		if n, glued, ok := footnoteAt(lines, tail, i); ok && (glued || i == 0 || lines[i-1].text == "" || lines[i-1].page != l.page) {
			// A note glued to its number is taken even when its mark was
			// lost in the running text: no sentence starts so.
			// A note whose number the text extraction mangled ("22023
			// Annual report" for note 2) may be skipped.
			if n == body && n < next || glued && n >= body && n < body+3 {
				// The note and its wrapped lines, up to a blank line.
				for body = n + 1; i+1 < len(lines) && lines[i+1].text != "" && lines[i+1].page == l.page; i++ {
					if n, glued, ok := footnoteStart(lines[i+1].text); ok && (n == body && body < next || glued && n >= body && n < body+3) {
						body = n + 1
					}
				}
				next = max(next, body)
				continue
			}
		}
		if qnext > 0 && isLoneNumber(t) {
			n, _ := strconv.Atoi(t)
			prev := lastText()
			if n == qnext && i+1 < len(lines) && lines[i+1].text != "" && !startsBlock(lines[i+1].text) &&
				(prev == nil || i > 0 && lines[i-1].text == "" || endsSentence(prev.text)) {
				lines[i+1].text = t + ". " + lines[i+1].text
				lines[i+1].num = l.num
				qnext++
				continue
			}
		}
		if prev := lastText(); labels.next > 0 && (prev == nil || i > 0 && lines[i-1].text == "") {
			p := ""
			if prev != nil {
				p = prev.text
			}
			if labels.take(lines, i, p) {
				continue
			}
		}
		if first, last, ok := numberRun(t); ok {
			if first >= next && first < next+3 {
				next = last + 1
				continue
			}
		}
		if k := noteLines(lines, i, next); k > 0 {
			// "3" over "Parl.St. Vl.Parl. 2024-25, nr. 41/1.": the note
			// of a mark the text held, which no answer says.
			i += k
			continue
		}
		if isLoneNumber(t) {
			if n, _ := strconv.Atoi(t); n >= next && n < next+3 && lastText() != nil {
				next = n + 1
			}
			continue
		}
		if m, ok := loneNumberDot(t); ok {
			prev := lastText()
			j := i + 1
			if j < len(lines) && lines[j].text == "" && j+1 < len(lines) && startsUpper(lines[j+1].text) {
				// "1." alone, a blank line, then its text: PDF text of a
				// list set with space after its labels.
				j++
			}
			nxt := j < len(lines) && lines[j].text != "" && !isLabelLine(lines[j].text)
			n, _ := strconv.Atoi(m)
			// "1." alone with its text on the next line: a list label,
			// after a sentence, a heading ("Antwoord"), or a title when
			// no note of that number stands at a page's foot.
			if nxt && (prev == nil || endsSentence(prev.text) || heading(prev.text) ||
				!notes[n] && startsUpper(lines[j].text)) {
				lines[j].text = t + " " + lines[j].text
				lines[j].num = l.num
				i = j - 1
				continue
			}
			// A footnote number with the sentence's full stop: "6.".
			if n >= next && n < next+3 {
				next = n + 1
			}
			if prev != nil && !endsSentence(prev.text) {
				prev.text += "."
			}
			continue
		}
		if prev := lastText(); prev != nil && isDigit(t[0]) && notes[next] && !heading(prev.text) {
			if m := startMarkCap.FindStringSubmatch(t); m != nil && strings.HasSuffix(prev.text, ".") && m[1] == strconv.Itoa(next) {
				next++
				t = t[len(m[1])+1:]
			} else if m := startMarkDot.FindStringSubmatch(t); m != nil && endsWord(prev.text) && m[1] == strconv.Itoa(next) {
				next++
				t = t[len(m[1])+2:]
				prev.text += "."
			}
		}
		// "1 t.e.m. 3. In 2025 ..." after "ANTWOORD" is a ranged label,
		// not a footnote mark before lower-case text.
		if m, ok := startMark(t); ok && lastText() != nil && !endsSentence(lastText().text) && !isItemLabel(t) {
			if n, _ := strconv.Atoi(m); n == next {
				next++
				t = t[len(m)+1:]
			}
		}
		if strings.IndexByte(t, '[') >= 0 {
			t, next = dropBracketMarks(t, next)
		}
		t, next = dropGluedMarks(t, next)
		l.text = t
		out = append(out, l)
	}
	return out
}

// heading reports whether s is a heading line ("ANTWOORD", "Antwoord
// van de minister:"): a number at the start of the line after it is the
// first answer's label, not a footnote mark the heading ends with.
func heading(s string) bool {
	return answerHeadingRE.MatchString(s) || isCapitals(s)
}

// dropBracketMarks removes markdown footnote marks "[1 ]", "[4 5 ]" numbered from
// the next expected number on.
func dropBracketMarks(t string, next int) (string, int) {
	return bracketMark.ReplaceAllStringFunc(t, func(m string) string {
		// Brackets make it a mark for sure, so a mark skipped since (one
		// lost at a page break) does not keep the later ones in.
		fs := strings.Fields(strings.Trim(m, "[]"))
		first, _ := strconv.Atoi(fs[0])
		last, _ := strconv.Atoi(fs[len(fs)-1])
		if first >= next {
			next = last + 1
			return ""
		}
		return m
	}), next
}

// dropGluedMarks removes footnote numbers glued to a word or mark, or set
// after a question as "? 1)", when they are the next expected number.
func dropGluedMarks(t string, next int) (string, int) {
	var b strings.Builder
	last := 0
	for i := 0; i < len(t); {
		// Most of a line is no digit: eight bytes at a time.
		for i+8 <= len(t) && !digit8(le64(t[i:])) {
			i += 8
		}
		if i == len(t) {
			break
		}
		if !isDigit(t[i]) {
			i++
			continue
		}
		a := i
		for i < len(t) && isDigit(t[i]) {
			i++
		}
		if i-a > 2 || a == 0 {
			continue
		}
		end := i
		paren := end < len(t) && t[end] == ')'
		if paren {
			end++
		}
		if end < len(t) && !strings.ContainsRune(" .,;:", rune(t[end])) {
			continue
		}
		from := a
		switch before := t[:a]; {
		case gluedAfter(before):
		case paren && strings.HasSuffix(before, " ") && len(before) >= 2 && strings.ContainsRune("?!.»”", rune(before[len(before)-2])):
			from = a - 1 // the space before "1)"
		default:
			continue
		}
		if n, _ := strconv.Atoi(t[a:i]); n != next {
			continue
		}
		next++
		b.WriteString(t[last:from])
		last = end
	}
	if last == 0 {
		return t, next
	}
	b.WriteString(t[last:])
	return b.String(), next
}

// gluedAfter reports whether a footnote number may be glued after s: a
// question or exclamation mark, a closing quote, or a lower-case word of
// three letters or more (optionally with its full stop).
func gluedAfter(s string) bool {
	r, size := utf8.DecodeLastRuneInString(s)
	if strings.ContainsRune("?!»”)", r) {
		return true // "... (blz. 61 tot 66)3."
	}
	if r == '.' {
		s = s[:len(s)-size]
	}
	for k := 0; k < 3; k++ {
		r, size = utf8.DecodeLastRuneInString(s)
		if !unicode.IsLower(r) {
			return false
		}
		s = s[:len(s)-size]
	}
	return true
}

// endsWord reports whether s ends in a letter or digit, mid-sentence.
func endsWord(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// endsSentence reports whether s ends with sentence punctuation, looking
// past closing quotes and brackets.
func endsSentence(s string) bool {
	for len(s) > 0 {
		if c := s[len(s)-1]; c < utf8.RuneSelf {
			switch c {
			case ')', ']', '"', '\'':
				s = s[:len(s)-1]
				continue
			case '.', '?', '!', ':', ';':
				return true
			}
			return false
		}
		r, size := utf8.DecodeLastRuneInString(s)
		switch r {
		case '’', '”', '»':
			s = s[:len(s)-size]
			continue
		}
		return r == '…'
	}
	return false
}

// numberedItem matches a line that starts a numbered paragraph, as
// itemLabel reads it: "1. ", "3. en 5. ", "2° ", "1.1 In ...", or "1 t.e.m.
// 3" alone.
var numberedItem = regexp.MustCompile(`^(?:\d{1,3}(?:` + numSep + `\d{1,3})*(?:[.)/]|°)\s+\S|\d{1,3}(?:\.\d{1,2}\.?|\.?[a-z]\))\s+[\p{Lu}\d]|\d{1,3}(?:` + wordSep + `\d{1,3})+[.):]?$)`)

// bullets are the list bullets that start a paragraph, each with its space.
var bullets = []string{"- ", "• ", "· ", "– ", "* ", "▪ ", "◦ "}

// startsBlock reports whether a line always starts a new paragraph. It is
// asked of every line, so the first byte picks the one test that can hold:
// most lines start with a lower-case letter and need none.
// itemLine reports whether the line s opens with a lettered item label:
// "a) ...", "(b) ...".
func itemLine(s string) bool {
	s = strings.TrimPrefix(s, "(")
	return len(s) >= 3 && 'a' <= s[0] && s[0] <= 'z' && s[1] == ')' && s[2] == ' '
}

// isNumberedItem is numberedItem.MatchString(s), asked only of a line
// that mayBeNumbered: the regexp's start-up cost a call on every line
// that opens with a digit, most of them years, amounts and dates.
func isNumberedItem(s string) bool { return mayBeNumbered(s) && numberedItem.MatchString(s) }

// mayBeNumbered is what each branch of numberedItem needs: one to three
// ASCII digits, then a byte that can follow them there: '.', ')', '/',
// the first byte of '°' or of '–', white space (\s), ',', '&', '-' or a
// lower-case letter (of "en", "t/m", "tot", "tem", "t.e.m." or "a)").
// After four digits or more nothing can: \d{1,3} is followed by a digit
// wherever it stops.
func mayBeNumbered(s string) bool {
	n := 0
	for n < len(s) && n <= 3 && isDigit(s[n]) {
		n++
	}
	if n == 0 || n > 3 || n == len(s) {
		return false
	}
	switch c := s[n]; c {
	case '.', ')', '/', 0xC2, 0xE2, ' ', '\t', '\n', '\f', '\r', ',', '&', '-':
		return true
	default:
		return 'a' <= c && c <= 'z'
	}
}

func startsBlock(s string) bool {
	if s == "" {
		return false
	}
	switch c := s[0]; {
	case isDigit(c):
		return isNumberedItem(s)
	case 'a' <= c && c <= 'z':
		// "d) en 2. ": a sub-question's answer joined to the next.
		return len(s) > 2 && s[1] == ')' && subComboRE.MatchString(s)
	case c == 'M':
		// The heading of a postponement notice.
		return s == "Mededeling" || s == "MEDEDELING" || s == "Mededeling:"
	case c == 'V' || c == 'A':
		if _, _, ok := adLabel(s); ok {
			return true
		}
		return isLabelLine(s) || mayBeUnnumbered(s) && unnumberedLabel.MatchString(s)
	case c == '-' || c == '*' || c >= utf8.RuneSelf:
		_, ok := cutBullet(s)
		return ok
	}
	return false
}

// cutBullet returns s without the list bullet it opens with (bullets),
// and whether it opens with one.
func cutBullet(s string) (string, bool) {
	for _, b := range bullets {
		if rest, ok := strings.CutPrefix(s, b); ok {
			return rest, true
		}
	}
	return s, false
}

// joinLines joins wrapped lines into paragraphs and repairs words
// hyphenated across lines. The paragraphs are written one after the other,
// with a blank line between them, into one text; each block's text is cut
// from it. It returns the text too.
func joinLines(lines []line, wrapped bool, starts blockStarts) ([]block, string) {
	n := 0
	for _, l := range lines {
		n += len(l.text) + 2
	}
	var b strings.Builder
	b.Grow(n)
	var out []block
	var spans [][2]int // where each block's text is in b
	// The paragraph so far is b from spans' next start on. The '-' that
	// ends prev is held back until the next line says whether it stays.
	from, open, hyphen := 0, false, false
	start, prev, prevPage, blank := 0, "", 0, false
	write := func(t string) {
		if hyphen {
			b.WriteByte('-')
		}
		hyphen = strings.HasSuffix(t, "-")
		if hyphen {
			t = t[:len(t)-1]
		}
		b.WriteString(t)
	}
	flush := func() {
		if open {
			if hyphen {
				b.WriteByte('-')
				hyphen = false
			}
			out = append(out, block{line: start})
			spans = append(spans, [2]int{from, b.Len()})
			open = false
		}
		prev = ""
	}
	for i, l := range lines {
		t := l.text
		if t == "" {
			blank = true
			continue
		}
		// Blank lines around a page break say nothing about paragraphs:
		// the rules below decide whether the text runs on.
		newPage := l.page != prevPage
		if blank && !newPage {
			flush()
		}
		blank, prevPage = false, l.page
		switch {
		case !open:
		case starts.at(i) || labelOnly(prev):
			flush()
		case hyphenated(prev, t):
			if !keepHyphen(prev, t) {
				hyphen = false // prev ends in '-', held back
			}
			write(t)
			prev = t
			continue
		case wrapped && !newPage || !endsSentence(prev) || startsLower(t) || endsAbbreviation(prev):
			if hyphen {
				b.WriteByte('-')
				hyphen = false
			}
			if endsSentence(prev) && itemLine(t) {
				// "12,3 miljoen euro.\n a) Die gegevens ...": an item of
				// a list keeps its line, so that the sentence before it
				// ends (text.Sentences).
				b.WriteByte('\n')
			} else {
				b.WriteByte(' ')
			}
			write(t)
			prev = t
			continue
		default:
			flush()
		}
		if !open {
			start = l.num
			if len(out) > 0 {
				b.WriteString("\n\n")
			}
			from, open = b.Len(), true
		}
		write(t)
		prev = t
	}
	flush()
	text := b.String()
	for i := range out {
		out[i].text = text[spans[i][0]:spans[i][1]]
	}
	return out, text
}

// endsAbbreviation reports whether s ends with "art.", "bijv." or the like,
// after which a line break does not end the sentence.
func endsAbbreviation(s string) bool {
	i := strings.LastIndexByte(s, ' ')
	return text.Abbreviation(s[i+1:])
}

func startsLower(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}

// hyphenated reports whether prev ends in a word broken with a hyphen and
// next goes on with letters or digits.
func hyphenated(prev, next string) bool {
	if !strings.HasSuffix(prev, "-") || len(prev) < 2 {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(prev[:len(prev)-1])
	n, _ := utf8.DecodeRuneInString(next)
	return unicode.IsLetter(r) && (unicode.IsLetter(n) || unicode.IsDigit(n))
}

// keepPrefixes are word parts written with a hyphen in Dutch compounds:
// "ex-inburgeraars", "niet-Europees", "oud-minister".
var keepPrefixes = map[string]bool{
	"ex": true, "oud": true, "anti": true, "niet": true, "pro": true, "co": true, "vice": true,
	"non": true, "semi": true, "extra": true, "mini": true, "midi": true, "maxi": true, "super": true,
	"ultra": true, "post": true, "pre": true, "pseudo": true, "quasi": true, "multi": true,
	"inter": true, "intra": true, "mede": true, "sub": true, "loco": true, "interim": true,
	"e": true, "btw": true, "ict": true, "cao": true,
}

// keepHyphen decides whether the hyphen at the end of prev belongs to the
// word (a compound) or only to the line break.
func keepHyphen(prev, next string) bool {
	n, _ := utf8.DecodeRuneInString(next)
	if unicode.IsUpper(n) || unicode.IsDigit(n) {
		return true
	}
	word := prev[:len(prev)-1]
	if i := strings.LastIndexFunc(word, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }); i >= 0 {
		word = word[i+1:]
	}
	if keepPrefixes[strings.ToLower(word)] {
		return true
	}
	// A capitalised word, an upper-case abbreviation or one with digits:
	// "Noord-", "MO-", "COVID19-".
	for _, r := range word {
		if unicode.IsUpper(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}
