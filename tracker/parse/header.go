package parse

import (
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
	ahNumberRE = regexp.MustCompile(`(Zie ook\s+)?Aanhangsel\s+(?:van\s+de\s+)?Handelingen[^.]{0,60}?\bnr\.\s*(\d+)`)
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
	vpAskerRE = regexp.MustCompile(`\bvan\s+(\p{Lu}[\p{Lu}'’. -]+?)\s*(?:\bdatum\b|\baan\b|\n|$)`)
	vpDateRE  = regexp.MustCompile(`(?i)\bdatum:?\s+(\d{1,2}\s+\pL+\.?\s+\d{4})`)
	vpToRE    = regexp.MustCompile(`\baan\s+(\p{Lu}[\p{Lu}'’. -]+?)\s+(?:VICEMINISTER|MINISTER|VLAAMS|$)`)
	vpMetaRE  = regexp.MustCompile(`(?i)^(?:nr\.|van\s|datum\b|aan\s|schriftelijke vraag|antwoord\b)`)
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

	if m := findIf(strings.Contains(low, "ingezonden"), askedRE, h); m != nil {
		doc.Asked, _ = parseDate(m[1])
	}
	if m := findIf(strings.Contains(low, "ontvangen"), receivedRE, h); m != nil {
		doc.Date, _ = parseDate(m[1])
	}
	if m := findFrom(h, askerRE, "Vra"); m != nil {
		doc.Asker = strings.TrimSpace(m[1])
	}
	if m := findIf(hasMinister(h), ministerRE, h); m != nil {
		doc.Minister = balance(strings.TrimSpace(m[1]))
	}
	if m := findFrom(h, subjectRE, "Vra"); m != nil {
		doc.Title = strings.TrimSpace(m[1])
	}
	doc.Number = number(h)
	if flemishRE.MatchString(h) {
		readFlemishHeader(doc, h)
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
		} else if doc.Title == "" && len(first) <= 200 && !metadataLine(first) {
			doc.Title = first
		}
	}

	switch {
	case strings.Contains(low, "vlaams parlement") && vlaamsRE.MatchString(h):
		doc.Parliament = "Vlaams Parlement"
	case strings.Contains(low, "eerste kamer") && eersteRE.MatchString(h):
		doc.Parliament = "Eerste Kamer"
	case (strings.Contains(low, "tweede kamer") || strings.Contains(low, "aanhangsel ")) && tweedeRE.MatchString(h) ||
		hasZNumber(h) && zNumberRE.MatchString(h) || doc.Layout == tracker.Interleaved ||
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
	if m := vpToRE.FindStringSubmatch(h); m != nil && doc.Minister == "" {
		doc.Minister = properCase(m[1])
	}
	doc.Parliament = "Vlaams Parlement"
	for _, line := range strings.Split(h, "\n") {
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
	if m := findIf(hasZNumber(h), zNumberRE, h); m != nil {
		return m[1] + "Z" + m[2]
	}
	if strings.Contains(h, "Aanhangsel") {
		for _, m := range ahNumberRE.FindAllStringSubmatch(h, -1) {
			if m[1] == "" {
				return "nr. " + m[2]
			}
		}
	}
	if m := ahPrefixRE.FindStringSubmatch(h); m != nil {
		return "nr. " + m[1]
	}
	// vraagNrRE needs "nr." in any case.
	if m := findIf(strings.Contains(h, "r.") || strings.Contains(h, "R."), vraagNrRE, h); m != nil {
		return "nr. " + m[1]
	}
	return ""
}

// findFrom is re.FindStringSubmatch(s) for a regexp whose matches start
// with lit at a word boundary: the search starts at the first such place,
// so the lazy parts of the regexp do not run over the text before it.
func findFrom(s string, re *regexp.Regexp, lit string) []string {
	for off := 0; ; {
		i := strings.Index(s[off:], lit)
		if i < 0 {
			return nil
		}
		i += off
		if i == 0 || !isWordRune(lastRune(s[:i])) {
			return re.FindStringSubmatch(s[i:])
		}
		off = i + len(lit)
	}
}

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

// foldLower lower-cases s for cheap tests before case-insensitive
// regexps: besides unicode.ToLower it maps the two non-ASCII runes that a
// (?i) regexp matches to an ASCII letter, the long s and the Kelvin sign.
func foldLower(s string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case 'ſ':
			return 's'
		case '\u212a':
			return 'k'
		}
		return unicode.ToLower(r)
	}, s)
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
	return ahPrefixRE.MatchString(s) || hasZNumber(s) && zNumberRE.MatchString(s) ||
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
