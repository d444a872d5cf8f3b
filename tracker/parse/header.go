package parse

import (
	"encoding/binary"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/pqtrack/pqtrack/tracker"
)

var months = map[string]time.Month{
	"januari": 1, "jan": 1, "februari": 2, "feb": 2, "febr": 2, "maart": 3, "mrt": 3, "maa": 3,
	"april": 4, "apr": 4, "mei": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7,
	"augustus": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9, "oktober": 10, "okt": 10,
	"november": 11, "nov": 11, "december": 12, "dec": 12,
}

const monthAlt = `januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|jan|febr|feb|mrt|maa|apr|jun|jul|aug|sept|sep|okt|nov|dec`

var (
	// The year may be glued to the month in PDF text: "18 november2024".
	dateRE     = regexp.MustCompile(`(?i)\b(\d{1,2})\s+(` + monthAlt + `)\.?\s*(\d{4})\b`)
	askedRE    = regexp.MustCompile(`(?i)\bingezonden\s*(?:op\s+)?(\d{1,2}\s+\pL+\.?\s*\d{4})`)
	receivedRE = regexp.MustCompile(`(?i)\bontvangen\s*(?:op\s+)?(\d{1,2}\s+\pL+\.?\s*\d{4})`)
	// Word exports may split it: "2024Z 17972".
	zNumberRE  = regexp.MustCompile(`\b(\d{4})Z ?(\d{5})\b`)
	ahTailRE   = regexp.MustCompile(`^Aanhangsel\s+(?:van\s+de\s+)?Handelingen[^.]{0,60}?\bnr\.\s*(\d+)`)
	ahPrefixRE = regexp.MustCompile(`^AH\s+(\d+)\b`)
	vraagNrRE  = regexp.MustCompile(`(?i)\b(?:schriftelijke\s+)?vraag\s+nr\.\s*(\d+)`)
	askerRE    = regexp.MustCompile(`\bVra(?:gen|ag) van (?:het lid|de leden|lid|mevrouw|de heer|volksvertegenwoordiger)\s+(.+?)\s+aan\s+(?:de|het|minister|staatssecretaris)\b`)
	// A postponement notice has "Mededeling van" where an answer has
	// "Antwoord van".
	ministerRE = regexp.MustCompile(`(?m)\b(?:Antwoord|Mededeling) van (?:de\s+)?(?i:minister-president|viceminister-president|minister|staatssecretaris|vlaams minister)\s+(.+?)\s*(?:\(ontvangen|, mede namens|\.\s|\.$|$)`)
	subjectRE  = regexp.MustCompile(`(?m)\bVra(?:gen|ag) van .+?\s+over\s+(.+?)\s*(?:\(ingezonden|\.\s|\.$|$)`)
	vlaamsRE   = regexp.MustCompile(`(?i)vlaams parlement`)
	eersteRE   = regexp.MustCompile(`(?i)eerste kamer`)
	tweedeRE   = regexp.MustCompile(`(?i)tweede kamer|aanhangsel (?:van de )?handelingen`)
	// "(ontvangen 20 november 2024)" after the minister is how the Tweede
	// Kamer dates an answer or notice; the Flemish form has none.
	tkAnswerRE = regexp.MustCompile(`(?i)\b(?:antwoord|mededeling) van (?:de\s+)?(?:minister|staatssecretaris)\b[^\n]*?\(ontvangen\b`)

	// The Flemish Parliament's form: "SCHRIFTELIJKE VRAAG / nr. 412 / van
	// NAME / datum: 14 februari 2023 / aan NAME / MINISTER TITLE / title".
	flemishRE = regexp.MustCompile(`(?i)^\s*schriftelijke vraag\b`)
	// The answer printed apart: "ANTWOORD / op vraag nr. 412 van 14
	// februari 2023 / van NAME".
	vpAnswerRE = regexp.MustCompile(`(?i)\bantwoord\s+op\s+vraag\s+nr\.`)
	vpSignRE   = regexp.MustCompile(`^\s*(\p{Lu}[\p{Lu}'’. -]+?)\s+(?:VICEMINISTER|VLAAMS MINISTER|MINISTER)\b`)
	vpAskerRE  = regexp.MustCompile(`\bvan\s+(\p{Lu}[\p{Lu}'’. -]+?)\s*(?:\bdatum\b|\baan\b|\n|$)`)
	vpDateRE   = regexp.MustCompile(`(?i)\bdatum:?\s+(\d{1,2}\s+\pL+\.?\s+\d{4})`)
	vpToRE     = regexp.MustCompile(`\baan\s+(\p{Lu}[\p{Lu}'’. -]+?)\s+(?:VICEMINISTER|MINISTER|VLAAMS|$)`)
	// The same on one line, as web pages give it: "Schriftelijke vraag nr.
	// 214 van 5 december 2024 van Jan Peeters aan ...".
	vpLineRE = regexp.MustCompile(`(?i)\bvraag\s+nr\.\s*\d+\s+van\s+(\d{1,2}\s+\pL+\.?\s+\d{4})(?:\s+van\s+(\pL[\pL'’. -]+?))?\s*(?:\baan\b|\n|$)`)
	vpMetaRE = regexp.MustCompile(`(?i)^(?:nr\.|van\s|datum\b|aan\s|schriftelijke vraag|antwoord\b|op vraag\b)`)

	// A minister's letter answering the questions: "Datum 2 december
	// 2025", "Betreft Beantwoording schriftelijke vragen van het lid NAME
	// over SUBJECT".
	askedOnRE    = regexp.MustCompile(`(?i)\bop\s+(\d{1,2}\s+\pL+\.?\s*\d{4})\s+(?:werden|werd|zijn|is)\s+ingezonden`)
	letterDateRE = regexp.MustCompile(`\bDatum:?\s+(\d{1,2}\s+\pL+\.?\s*\d{4})`)
	betreftRE    = regexp.MustCompile(`\bBetreft:?\s+(?:(?i:beantwoording)\s+)?(?:(?i:schriftelijke|kamer)\s*)?(?i:vragen)\s+van\s+(?:het lid|de leden)\s+(.+?)\s+over\s+(.+?)\s*(?:\n|$)`)
)

// parseDate reads a Dutch date such as "14 november 2024" or "3 okt. 2023".
func parseDate(s string) (time.Time, bool) {
	m := dateRE.FindStringSubmatch(s)
	if m == nil {
		return time.Time{}, false
	}
	d, _ := strconv.Atoi(m[1])
	mon := months[strings.ToLower(m[2])]
	y, _ := strconv.Atoi(m[3])
	t := tracker.Day(y, mon, d)
	if t.Day() != d || t.Month() != mon {
		return time.Time{}, false // 31 april and the like
	}
	return t, true
}

// readHeader fills the document's metadata from the paragraphs before the
// first question.
func readHeader(doc *tracker.Document, header []block) {
	var texts []string
	for _, b := range header {
		texts = append(texts, b.text)
	}
	h := strings.Join(texts, "\n")
	// Each regexp runs only when the words it needs are there: most
	// headers hold a few of them.
	low := foldLower(h)

	if m := findFold(h, low, askedRE, "ingezonden"); m != nil {
		doc.Asked, _ = parseDate(m[1])
	}
	if m := findFold(h, low, receivedRE, "ontvangen"); m != nil {
		doc.Date, _ = parseDate(m[1])
	}
	if m := findFrom(h, askerRE, "Vra"); m != nil {
		doc.Asker = strings.TrimSpace(m[1])
	}
	if m := findFrom(h, ministerRE, "Antwoord van ", "Mededeling van "); m != nil {
		doc.Minister = balance(strings.TrimSpace(m[1]))
	}
	if m := findFrom(h, subjectRE, "Vra"); m != nil {
		doc.Title = strings.TrimSpace(m[1])
	}
	doc.Number = number(h)
	if flemishRE.MatchString(h) || strings.Contains(low, "op vraag") && vpAnswerRE.MatchString(h) {
		readFlemishHeader(doc, h)
	} else if strings.Contains(h, "Betreft") {
		readLetterhead(doc, h)
	}

	// The openkamer form: "title | askers | ministers".
	if len(header) > 0 {
		first := firstLine(header[0].text)
		if parts := strings.Split(first, " | "); len(parts) >= 3 {
			if doc.Title == "" {
				doc.Title = strings.TrimSpace(parts[0])
			}
			if doc.Asker == "" {
				doc.Asker = strings.TrimSpace(parts[1])
			}
			if doc.Minister == "" {
				doc.Minister = strings.TrimSpace(parts[2])
			}
		} else if doc.Title == "" && len(first) <= 200 && !metadataLine(first) && !vpSignRE.MatchString(first) {
			doc.Title = first
		}
	}

	switch {
	// low is folded exactly as (?i) folds ASCII, so Contains is the
	// literal regexps vlaamsRE, eersteRE and tweedeRE.
	case strings.Contains(low, "vlaams parlement"):
		doc.Parliament = "Vlaams Parlement"
	case strings.Contains(low, "eerste kamer"):
		doc.Parliament = "Eerste Kamer"
	case strings.Contains(low, "tweede kamer") || strings.Contains(low, "aanhangsel handelingen") ||
		strings.Contains(low, "aanhangsel van de handelingen") ||
		hasZNumber(h) && isZNumber(h) || doc.Layout == tracker.Interleaved ||
		ahPrefixRE.MatchString(h) || strings.Contains(low, "(ontvangen") && tkAnswerRE.MatchString(h):
		doc.Parliament = "Tweede Kamer"
	case doc.Layout == tracker.Grouped:
		doc.Parliament = "Vlaams Parlement"
	}
	if flemishRE.MatchString(h) {
		doc.Parliament = "Vlaams Parlement"
	}
}

// readFlemishHeader reads the Flemish Parliament's header: asker, question
// date, minister and the title, the first line that is not metadata nor
// the minister's title in capitals.
func readFlemishHeader(doc *tracker.Document, h string) {
	if m := vpAskerRE.FindStringSubmatch(h); m != nil && doc.Asker == "" {
		doc.Asker = properCase(m[1])
	}
	if m := vpDateRE.FindStringSubmatch(h); m != nil && !tracker.Dated(doc.Asked) {
		doc.Asked, _ = parseDate(m[1])
	}
	if m := vpLineRE.FindStringSubmatch(h); m != nil {
		if !tracker.Dated(doc.Asked) {
			doc.Asked, _ = parseDate(m[1])
		}
		if doc.Asker == "" && m[2] != "" {
			doc.Asker = properCase(m[2])
		}
	}
	if m := vpToRE.FindStringSubmatch(h); m != nil && doc.Minister == "" {
		doc.Minister = properCase(m[1])
	}
	doc.Parliament = "Vlaams Parlement"
	lines := strings.Split(h, "\n")
	if m := vpSignRE.FindStringSubmatch(lines[0]); m != nil && doc.Minister == "" {
		// An answer printed apart opens with its minister: "JO BROUNS /
		// VLAAMS MINISTER VAN OMGEVING".
		doc.Minister = properCase(m[1])
	}
	for _, line := range lines {
		line = strings.TrimSpace(line)
		if line == "" || vpMetaRE.MatchString(line) || strings.ToUpper(line) == line {
			continue
		}
		doc.Title = line
		break
	}
}

// properCase writes a name given in capitals as "Elke Van Den Brandt".
func properCase(s string) string {
	if strings.ToUpper(s) != s {
		return s
	}
	w := strings.Fields(strings.ToLower(s))
	for i, x := range w {
		r := []rune(x)
		r[0] = unicode.ToUpper(r[0])
		w[i] = string(r)
	}
	return strings.Join(w, " ")
}

// number finds the parliament's number of the document: a Tweede Kamer
// "2024Z14419", else its own Aanhangsel number. "Zie ook Aanhangsel ..."
// names another document (the notice of delay), so it is not taken.
func number(h string) string {
	if y, n, ok := zNumber(h); ok {
		return y + "Z" + n
	}
	if n, ok := ahNumber(h); ok {
		return "nr. " + n
	}
	if m := ahPrefixRE.FindStringSubmatch(h); m != nil {
		return "nr. " + m[1]
	}
	// vraagNrRE needs "nr." in any case.
	// and "vraag" in any case.
	if m := findIf((strings.Contains(h, "r.") || strings.Contains(h, "R.")) && strings.Contains(foldLower(h), "vraag"), vraagNrRE, h); m != nil {
		return "nr. " + m[1]
	}
	return ""
}

// findFrom is re.FindStringSubmatch(s) for a regexp whose matches start
// with lit at a word boundary: the search starts at the first such place,
// so the lazy parts of the regexp do not run over the text before it.
// With several literals the search starts at the first place any of them
// is found.
func findFrom(s string, re *regexp.Regexp, lits ...string) []string {
	first := -1
	for _, lit := range lits {
		if i := wordIndex(s, lit); i >= 0 && (first < 0 || i < first) {
			first = i
		}
	}
	if first < 0 {
		return nil
	}
	if m, ok := scanFrom(s[first:], re); ok {
		return m
	}
	return re.FindStringSubmatch(s[first:])
}

// wordIndex is the index of the first lit in s at a word boundary, or -1.
func wordIndex(s, lit string) int {
	for off := 0; ; {
		i := strings.Index(s[off:], lit)
		if i < 0 {
			return -1
		}
		i += off
		if i == 0 || !isWordRune(lastRune(s[:i])) {
			return i
		}
		off = i + len(lit)
	}
}

// findFold is findFrom for a (?i) regexp whose matches start with the
// lower-case lit at a word boundary; low is foldLower(s). The folds that
// change a rune's length are rare, and then the whole of s is searched.
func findFold(s, low string, re *regexp.Regexp, lit string) []string {
	if len(low) != len(s) {
		return re.FindStringSubmatch(s)
	}
	// Same length: only ASCII letters changed, so offsets and word
	// boundaries are those of s.
	i := wordIndex(low, lit)
	if i < 0 {
		return nil
	}
	return re.FindStringSubmatch(s[i:])
}

// zNumber finds what zNumberRE matches, `\b(\d{4})Z ?(\d{5})\b`, without
// the regexp: it runs on every header.
func zNumber(s string) (year, num string, ok bool) {
	for off := 0; ; {
		z := strings.IndexByte(s[off:], 'Z')
		if z < 0 {
			return "", "", false
		}
		z += off
		off = z + 1
		if z < 4 || !allDigits(s[z-4:z]) || z > 4 && isWordRune(rune(s[z-5])) {
			continue
		}
		d := z + 1
		if d < len(s) && s[d] == ' ' {
			d++
		}
		// With the space optional, "2024Z 12345" is tried as written.
		if d+5 <= len(s) && allDigits(s[d:d+5]) && (d+5 == len(s) || !isWordRune(lastRuneAt(s, d+5))) {
			return s[z-4 : z], s[d : d+5], true
		}
	}
}

// isZNumber reports whether s holds a Tweede Kamer number.
func isZNumber(s string) bool {
	_, _, ok := zNumber(s)
	return ok
}

// lastRuneAt is the rune at s[i:].
func lastRuneAt(s string, i int) rune {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return r
}

// ahNumber is the number of the first "Aanhangsel van de Handelingen ...
// nr. N" that ahNumberRE matches without "Zie ook" before it. Each match
// starts at an "Aanhangsel", so the regexp runs from there.
func ahNumber(s string) (string, bool) {
	for off := 0; ; {
		i := strings.Index(s[off:], "Aanhangsel")
		if i < 0 {
			return "", false
		}
		i += off
		m := ahTailRE.FindStringSubmatchIndex(s[i:])
		if m == nil {
			off = i + len("Aanhangsel")
			continue
		}
		if i == 0 || !isSpace(s[i-1]) || !strings.HasSuffix(strings.TrimRight(s[:i], " \t\n\f\r"), "Zie ook") {
			return s[i+m[2] : i+m[3]], true
		}
		// Matches do not overlap: the next starts after this one.
		off = i + m[1]
	}
}

// isSpace is \s.
func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' }

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

// isWordRune is \w as the regexp's \b sees it: ASCII only.
func isWordRune(r rune) bool {
	return r == '_' || 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
}

// findIf is re.FindStringSubmatch(s) when may is set, else nil: may is a
// cheap test that every match passes.
func findIf(may bool, re *regexp.Regexp, s string) []string {
	if !may {
		return nil
	}
	return re.FindStringSubmatch(s)
}

// foldLower lower-cases s as a (?i) regexp folds ASCII letters, for cheap
// tests before case-insensitive regexps: besides the ASCII capitals it
// maps the two non-ASCII runes that fold to an ASCII letter, the long s
// and the Kelvin sign. Other runes are kept, so for an ASCII literal
// strings.Contains of the folded text is the (?i) match.
func foldLower(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; 'A' <= c && c <= 'Z' || c >= utf8.RuneSelf {
			return foldFrom(s, i)
		}
	}
	return s
}

// foldFrom is foldLower of s, whose first byte to change is at i. Eight
// bytes of ASCII are lowered at a time (lower8), where appending a byte
// at a time cost some eight instructions a byte of every header.
func foldFrom(s string, i int) string {
	b := make([]byte, 0, len(s))
	b = append(b, s[:i]...)
	for i < len(s) {
		if i+8 <= len(s) {
			if x := le64(s[i:]); x&0x8080808080808080 == 0 {
				b = binary.LittleEndian.AppendUint64(b, lower8(x))
				i += 8
				continue
			}
		}
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b = append(b, c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch r {
		case 'ſ':
			b = append(b, 's')
		case '\u212a':
			b = append(b, 'k')
		default:
			b = append(b, s[i:i+size]...)
		}
		i += size
	}
	return string(b)
}

// lower8 lowers the ASCII capitals among the eight bytes of x, all
// below 0x80: adding 0x80-c to a byte sets its top bit exactly when it is
// c or more, with no carry into the next byte, so the top bits of the
// bytes from 'A' to 'Z', shifted down to 0x20, lower them.
func lower8(x uint64) uint64 {
	const ones, tops = 0x0101010101010101, 0x8080808080808080
	upper := (x + ones*(0x80-'A')) &^ (x + ones*(0x80-'Z'-1)) & tops
	return x | upper>>2
}

// hasAsker is a cheap test before askerRE and subjectRE.
func hasAsker(s string) bool {
	return strings.Contains(s, "Vraag van ") || strings.Contains(s, "Vragen van ")
}

// hasMinister is a cheap test before ministerRE.
func hasMinister(s string) bool {
	return strings.Contains(s, "Antwoord van ") || strings.Contains(s, "Mededeling van ")
}

// hasZNumber is a cheap test before zNumberRE.
func hasZNumber(s string) bool { return strings.IndexByte(s, 'Z') >= 0 }

// metadataLine reports whether a header line holds metadata, not a title.
func metadataLine(s string) bool {
	return ahPrefixRE.MatchString(s) || hasZNumber(s) && isZNumber(s) ||
		hasAsker(s) && askerRE.MatchString(s) || hasMinister(s) && ministerRE.MatchString(s) ||
		strings.Contains(foldLower(s), "ontvangen") && receivedRE.MatchString(s)
}

// balance closes a bracket the source forgot: "Karremans (Volksgezondheid,
// Welzijn en Sport" gets its ")".
func balance(s string) string {
	if n := strings.Count(s, "(") - strings.Count(s, ")"); n > 0 {
		s += strings.Repeat(")", n)
	}
	return s
}

// readLetterhead reads what a minister's letter of answers says of itself
// in its letterhead and opening: its date, the member and subject of the
// questions it answers, and when they were asked ("die op 4 november 2025
// werden ingezonden").
func readLetterhead(doc *tracker.Document, h string) {
	if m := askedOnRE.FindStringSubmatch(h); m != nil && !tracker.Dated(doc.Asked) {
		doc.Asked, _ = parseDate(m[1])
	}
	if m := letterDateRE.FindStringSubmatch(h); m != nil && !tracker.Dated(doc.Date) {
		doc.Date, _ = parseDate(m[1])
	}
	if m := betreftRE.FindStringSubmatch(h); m != nil {
		if doc.Asker == "" {
			doc.Asker = strings.TrimSpace(m[1])
		}
		if doc.Title == "" {
			doc.Title = strings.TrimSpace(m[2])
		}
	}
}
