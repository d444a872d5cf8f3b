package rules

import (
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/pqtrack/pqtrack/rules/dates"
	"github.com/pqtrack/pqtrack/tracker"
)

// Target words, checked on the folded text after the deferral phrase. The
// first that appears decides the kind.
var (
	reQuestionRef  = prefiltered(`(?:^|[^\pL])(?:antwoord(?:en)?|beantwoording|vragen|vraag)(?: (?:op|bij|onder|van))?(?: de| het)?(?: (?:vragen|vraag))? (\d+(?:(?:, ?| en | t/m | tot en met |-)\d+)*)`).and(spaceDigit)
	reOtherAnswers = prefiltered(`(?:^|[^\pL])(?:(?:onderstaande|bovenstaande|voorgaande|vorige|eerdere) (?:antwoord|beantwoording|vra)\pL*|zoals (?:al |ook |eerder )*(?:hiervoor|hierboven|eerder)|verwijzend antwoord|gecoordineerd\pL* antwoord|beantwoord door|antwoord (?:van|door) (?:de )?(?:minister|viceminister|staatssecretaris|collega)\pL*)`)
	reAnswerNum    = prefiltered(`(?:^|[^\pL])antwoord (\d+)`).and(spaceDigit)
	reNumbers      = regexp.MustCompile(`\d+`)
	reRange        = regexp.MustCompile(`(\d+) (?:t/m|tot en met) (\d+)|(\d+)-(\d+)`)
	reMeeting      = prefiltered(`(?:^|[^\pL])(commissie\pL*|bespreking|debat\pL*|\pL*debat|plenaire|plenaire vergadering|vergadering|overleg|hoorzitting|handelingen|verslag|notaoverleg|wetgevingsoverleg|briefing|rondetafelgesprek)(?:[^\pL]|$)`)
	reLetter       = prefiltered(`(?:^|[^\pL])(\pL*brief|kamerstuk\pL*|brieven)(?:[^\pL]|$)`)
	reWritten      = prefiltered(`(?:^|[^\pL])(schriftelijke vra\pL*|kamervra\pL*|aanhangsel handelingen|vraag nr|vragen nr)`)
	reDocument     = prefiltered(`(?:^|[^\pL])(rapport\pL*|nota|toelichting|beleidsnota|begroting\pL*|jaarverslag|evaluatie|bijlage|publicatie|studie|advies|onderzoek|hoofdstuk|paragraaf)(?:[^\pL]|$)`)
	reWebsite      = prefiltered(`(https?://[^\s)]+|www\.[^\s)]+|\b[\pL\pN-]+\.(?:nl|be|eu|com|org|vlaanderen)\b)`)
	reSite         = prefiltered(`(?:^|[^\pL])(website|webstek|webpagina|webportaal)(?:[^\pL]|$)`)
	reDocNumber    = prefiltered(`(?i)(kamerstuk(?:ken)?\s+[\d ]+,?\s*nr\.?\s*\d+|nr\.\s*\d+|\d{4}Z\d{5})`).and(mayBeDocNumber)
	reBody         = prefiltered(`\b([Cc]ommissie(?: (?:voor )?[A-ZÀ-Ý][\pL-]*(?:,? (?:en )?[A-ZÀ-Ý][\pL-]*)*)?|[Pp]lenaire vergadering|[Pp]lenaire|[Cc]ommissiedebat|[Dd]ebat)`)
)

// filtered is a regexp that first checks the literals a text must hold to
// match (see literals): most sentences hold none, and the regexps are slow.
type filtered struct {
	re    *regexp.Regexp
	need  [][]string
	pre   func(string) bool // another cheap check that must hold, or nil
	first []string          // see firstLiterals
	at    *tryAt            // the pattern tried where its first literals occur, or nil (anchored.go)
	words *wordAlts         // the pattern read word by word, or nil (wordalts.go)
}

func prefiltered(expr string) filtered {
	first := firstLiterals(expr)
	return filtered{re: regexp.MustCompile(expr), need: needed(expr), first: first, at: newTryAt(expr, first), words: newWordAlts(expr)}
}

// and adds a check a text must pass to match, for what literals cannot
// derive (case-insensitive patterns).
func (f filtered) and(pre func(string) bool) filtered {
	f.pre = pre
	return f
}

func (f filtered) maybe(s string) bool { return (f.pre == nil || f.pre(s)) && holds(s, f.need) }

// mayTry is maybe for a pattern tried anchored: the literals of need
// are left out, as looking for the first literals finds a text that
// holds none of those in as few searches or fewer (reOtherAnswers needs
// one of 36 literals, and begins with one of 10).
func (f filtered) mayTry(s string) bool { return f.pre == nil || f.pre(s) }

// spaceDigit reports whether s holds a space before an ASCII digit, as
// " \d" needs.
func spaceDigit(s string) bool {
	for i := 1; i < len(s); i++ {
		if '0' <= s[i] && s[i] <= '9' && s[i-1] == ' ' {
			return true
		}
	}
	return false
}

// docNumberAt is reDocNumber's pattern anchored at the start of the text.
var docNumberAt = regexp.MustCompile(`^(?i)(kamerstuk(?:ken)?\s+[\d ]+,?\s*nr\.?\s*\d+|nr\.\s*\d+|\d{4}Z\d{5})`)

// docNumber is reDocNumber.FindString(s). That regexp has no literal to
// start from, so the backtracker tried it at every byte of the sentence
// (some 67,000 instructions a call); here it is tried anchored only where
// a match may start (docNumberMayStart). The pattern holds no \b, ^ or
// $, so a match at i of s[i:] is the match at i of s, and the first i
// where one is found is where the leftmost match starts.
func docNumber(s string) string {
	if !mayBeDocNumber(s) {
		return ""
	}
	for i := 0; i < len(s); i++ {
		if docNumberMayStart(s, i) {
			if m := docNumberAt.FindString(s[i:]); m != "" {
				return m
			}
		}
	}
	return ""
}

// docNumberMayStart reports whether a match of reDocNumber may start at
// s[i]: "kamerstuk" (its 'k' in either case or the Kelvin sign, which
// (?i) folds to k, then an 'a'), "nr" or four digits and a 'z', in
// either case. No other rune folds to 'a', 'n', 'r' or 'z'.
func docNumberMayStart(s string, i int) bool {
	switch c := s[i]; {
	case c|0x20 == 'n':
		return i+1 < len(s) && s[i+1]|0x20 == 'r'
	case c|0x20 == 'k':
		return i+1 < len(s) && s[i+1]|0x20 == 'a'
	case c == 0xe2: // the Kelvin sign, U+212A
		return strings.HasPrefix(s[i:], "\u212a")
	case '0' <= c && c <= '9':
		return i+4 < len(s) && s[i+4]|0x20 == 'z'
	}
	return false
}

// bodyAt is reBody's pattern without its \b, anchored at the start of
// the text.
var bodyAt = regexp.MustCompile(`^([Cc]ommissie(?: (?:voor )?[A-ZÀ-Ý][\pL-]*(?:,? (?:en )?[A-ZÀ-Ý][\pL-]*)*)?|[Pp]lenaire vergadering|[Pp]lenaire|[Cc]ommissiedebat|[Dd]ebat)`)

// body is reBody.FindString(s), tried anchored where a match may start,
// as docNumber: at a 'C', 'P' or 'D' in either case that follows no ASCII
// letter, digit or '_' (the \b before it; any other rune is no word
// rune to \b) and goes on as "ommissie", "lenaire" or "ebat". Nothing
// else in the pattern looks outside its match.
func body(s string) string {
	if !holds(s, reBody.need) {
		return ""
	}
	for i := 0; i < len(s); i++ {
		if bodyMayStart(s, i) {
			if m := bodyAt.FindString(s[i:]); m != "" {
				return m
			}
		}
	}
	return ""
}

func bodyMayStart(s string, i int) bool {
	if i > 0 && isReWordByte(s[i-1]) {
		return false
	}
	switch s[i] {
	case 'C', 'c':
		return strings.HasPrefix(s[i+1:], "ommissie")
	case 'P', 'p':
		return strings.HasPrefix(s[i+1:], "lenaire")
	case 'D', 'd':
		return strings.HasPrefix(s[i+1:], "ebat")
	}
	return false
}

// mayBeDocNumber is what reDocNumber needs: "nr" in any case, then an
// optional '.' and white space before an ASCII digit (each of its first
// two forms ends so), or a digit before a "z" in any case. Neither 'n',
// 'r' nor 'z' has a case fold outside ASCII.
func mayBeDocNumber(s string) bool {
	// Each pair is read from its second byte, an 'r' or a 'z' in either
	// case, which most bytes are not: one test a byte, where testing the
	// pair at every byte cost two (the loop as it was is
	// mayBeDocNumberByPairs, in the tests).
	for i := 1; i < len(s); i++ {
		switch s[i] | 0x20 {
		case 'r':
			if s[i-1]|0x20 != 'n' {
				continue
			}
			j := i + 1
			if j < len(s) && s[j] == '.' {
				j++
			}
			for j < len(s) && isReSpace(s[j]) {
				j++
			}
			if j < len(s) && '0' <= s[j] && s[j] <= '9' {
				return true
			}
		case 'z':
			if '0' <= s[i-1] && s[i-1] <= '9' {
				return true
			}
		}
	}
	return false
}

// from is where in s a match may start, or false when none can.
func (f filtered) from(s string) (int, bool) {
	if !f.maybe(s) {
		return 0, false
	}
	if f.first == nil {
		return 0, true
	}
	return window(s, f.first)
}

func (f filtered) MatchString(s string) bool {
	i, ok := f.from(s)
	return ok && f.re.MatchString(s[i:])
}

func (f filtered) FindString(s string) string {
	i, ok := f.from(s)
	if !ok {
		return ""
	}
	return f.re.FindString(s[i:])
}

func (f filtered) FindStringIndex(s string) []int {
	if f.words != nil {
		if !f.maybe(s) {
			return nil
		}
		return f.words.index(s)
	}
	if f.at != nil {
		if !f.mayTry(s) {
			return nil
		}
		if m := f.at.submatchIndex(s); m != nil {
			return m[:2]
		}
		return nil
	}
	i, ok := f.from(s)
	if !ok {
		return nil
	}
	m := f.re.FindStringIndex(s[i:])
	if m != nil {
		m[0], m[1] = m[0]+i, m[1]+i
	}
	return m
}

func (f filtered) FindStringSubmatch(s string) []string {
	if f.at != nil {
		if !f.mayTry(s) {
			return nil
		}
		return submatches(s, f.at.submatchIndex(s))
	}
	i, ok := f.from(s)
	if !ok {
		return nil
	}
	return f.re.FindStringSubmatch(s[i:])
}

// submatches are the strings of the submatch indexes m of s, as
// FindStringSubmatch gives them.
func submatches(s string, m []int) []string {
	if m == nil {
		return nil
	}
	out := make([]string, len(m)/2)
	for i := range out {
		if m[2*i] >= 0 {
			out[i] = s[m[2*i]:m[2*i+1]]
		}
	}
	return out
}

// target works out what a deferral points at, from the sentence it is in.
// rel is where the deferral phrase starts in the folded sentence fs: the
// target usually follows it.
func target(fs folded, rel int, exprs []dates.Expr) tracker.Deferral {
	d, _ := findTarget(fs, rel, exprs)
	return d
}

// findTarget is target, and whether the sentence names its target: a
// website, a question, a meeting, a letter or a document. A sentence that
// names none points back ("Het antwoord dat ik toen gaf, blijft gelden").
func findTarget(fs folded, rel int, exprs []dates.Expr) (tracker.Deferral, bool) {
	sentence, f := fs.orig, fs.s
	rest := f
	if rel > 0 && rel < len(f) {
		rest = f[rel:]
	}
	d := tracker.Deferral{}
	var at []int // where the target is named, in f
	find := func(re filtered, s string, off int) bool {
		if m := re.FindStringIndex(s); m != nil {
			at = []int{m[0] + off, m[1] + off}
			return true
		}
		return false
	}
	off := len(f) - len(rest)
	website := ""
	if m := reWebsite.FindStringIndex(sentence); m != nil {
		website = sentence[m[0]:m[1]]
	}
	switch {
	case website != "":
		d.Kind = tracker.TargetWebsite
		d.URL = strings.TrimRight(website, ".,;")
	case find(reWritten, f, 0):
		d.Kind = tracker.TargetAnswer
	case find(reQuestionRef, rest, off), find(reAnswerNum, rest, off), find(reOtherAnswers, f, 0):
		d.Kind = tracker.TargetAnswer
	case find(reSite, f, 0):
		// "raadpleegbaar op de website van de federale politie"
		d.Kind = tracker.TargetWebsite
	case find(reMeeting, rest, off):
		d.Kind = tracker.TargetMeeting
	case find(reLetter, rest, off):
		d.Kind = tracker.TargetLetter
	// The same patterns on the whole sentence, when rest is not all of it
	// (off 0): on rest they found nothing already.
	case off > 0 && find(reQuestionRef, f, 0):
		d.Kind = tracker.TargetAnswer
	case off > 0 && find(reLetter, f, 0):
		d.Kind = tracker.TargetLetter
	case off > 0 && find(reMeeting, f, 0):
		d.Kind = tracker.TargetMeeting
	case find(reDocument, rest, off), off > 0 && find(reDocument, f, 0):
		d.Kind = tracker.TargetDocument
	default:
		d.Kind = tracker.TargetDocument
	}
	named := at != nil || website != ""
	if d.Kind == tracker.TargetAnswer {
		if m := reQuestionRef.FindStringSubmatch(f); m != nil {
			d.Numbers = numbers(m[1])
		} else if m := reAnswerNum.FindStringSubmatch(f); m != nil {
			d.Numbers = numbers(m[1])
		}
	}
	if m := docNumber(sentence); m != "" {
		d.Number = strings.TrimSpace(m)
	}
	if d.Kind == tracker.TargetMeeting {
		if m := body(sentence); m != "" {
			d.Body = strings.TrimSpace(m)
		}
	}
	// The target's date: the first day-precise date that is not a range.
	for _, e := range exprs {
		if e.Precision == tracker.PrecisionDay && e.From.IsZero() {
			d.Date = e.Date
			break
		}
	}
	if at != nil {
		rel = at[0]
		for rel < len(f) && !isWordByte(f[rel]) {
			rel++
		}
	}
	d.Ref = ref(fs, rel)
	return d, named
}

// targetMemo keeps what findTarget found in the sentences of an answer
// that several questions share (lastAnswer): each question records the
// same sentences, and findTarget, some 35,000 instructions a call, reads
// each once. A sentence is known by its place in the answer, which with
// the answer's text and ref (the same for the whole group) fixes its
// text, fold and dates.
type targetMemo struct {
	found map[targetKey]targetFound
}

type targetKey struct{ start, end, rel int }

type targetFound struct {
	d     tracker.Deferral
	named bool
}

// find is findTarget(st.folded(), rel, st.exprs), from m when it was
// found before (nil m: nothing kept). *fs is the sentence folded once
// *folded is set, which find does when it folds it.
func (m *targetMemo) find(st *sentence, rel int, fs *folded, foldedYet *bool) (tracker.Deferral, bool) {
	k := targetKey{st.start, st.end, rel}
	if m != nil {
		if f, ok := m.found[k]; ok {
			d := f.d
			d.Numbers = slices.Clone(d.Numbers) // each question its own
			return d, f.named
		}
	}
	if !*foldedYet {
		*fs, *foldedYet = st.folded(), true
	}
	d, named := findTarget(*fs, rel, st.exprs)
	if m != nil {
		if m.found == nil {
			m.found = make(map[targetKey]targetFound)
		}
		kept := d
		kept.Numbers = slices.Clone(d.Numbers)
		m.found[k] = targetFound{kept, named}
	}
	return d, named
}

func isWordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= '0' && b <= '9' || b >= 0x80
}

// identifiable reports whether a deferral names its target well enough to be
// followed: question numbers, other answers, a date, a document number or
// an address. "Zoals geduid in de toelichting" is a citation, not a target.
func identifiable(d *tracker.Deferral) bool {
	return d.Kind == tracker.TargetAnswer || tracker.Dated(d.Date) || d.Number != "" || d.URL != ""
}

// numbers reads "6 en 7", "2, 3", "4 t/m 6" into question numbers.
func numbers(s string) []int {
	var out []int
	if m := reRange.FindStringSubmatch(s); m != nil {
		a, b := m[1], m[2]
		if a == "" {
			a, b = m[3], m[4]
		}
		x, _ := strconv.Atoi(a)
		y, _ := strconv.Atoi(b)
		if x > 0 && y >= x && y-x < 50 {
			for i := x; i <= y; i++ {
				out = append(out, i)
			}
			return out
		}
	}
	for _, n := range reNumbers.FindAllString(s, -1) {
		if v, err := strconv.Atoi(n); err == nil && v > 0 && v < 1000 {
			out = append(out, v)
		}
	}
	return out
}

// ref is a short name for the target: the words from the deferral phrase to
// the end of its clause, at most a dozen.
func ref(f folded, rel int) string {
	s := f.orig
	if rel > 0 && rel < len(f.s) {
		a, _ := f.span(rel, rel+1)
		s = f.orig[a:]
	}
	// The words with single spaces, without the marks and spaces that
	// end them, and " …" after the 14th when a word that is more than
	// marks follows it: the words are read only so far, not split to the
	// end of the sentence (refAsFields is the split they equal).
	var buf [14]string
	w := buf[:0]
	for x := range strings.FieldsSeq(s) {
		if len(w) < len(buf) {
			w = append(w, x)
			continue
		}
		if strings.TrimRight(x, refMarks) != "" {
			return strings.Join(w, " ") + " …"
		}
	}
	for len(w) > 0 {
		last := strings.TrimRight(w[len(w)-1], refMarks)
		if last != "" {
			w[len(w)-1] = last
			break
		}
		w = w[:len(w)-1]
	}
	return strings.Join(w, " ")
}

// refMarks are the marks and spaces ref trims from the end of its words.
const refMarks = ".;:!? "
