package rules

import (
	"fmt"
	"math/bits"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Phrase syntax, matched on folded text (lower case, accents dropped):
//
//	word        the word itself, whole
//	word*       a word starting with "word" ("verwij*": verwijs, verwijst, verwijzen)
//	*word       a word ending in "word" (compounds: "*onderzoek")
//	a|b|c       one of these words
//	word?       the word may be absent (also "a|b?")
//	#           a number
//	...         up to ten other words in between
//
// Word boundaries are letter-aware: "mei" does not match inside "meindert"
// and "geëvalueerd" is one word. Rule authors never write boundaries.
//
// The meaning of a phrase is the regexp phraseRegexp makes of it, found
// with FindAll. Phrases are matched on words instead (see words and
// (*matcher).find), which gives the same spans without backtracking; a
// phrase the word matcher cannot express (a word holding punctuation, such
// as "nee,") runs as its regexp.

const (
	wordChar = `[\pL\pN]`
	gap      = `[^\pL\pN.?!]+` // between words, never past a sentence end
	anyWords = `(?:[\pL\pN]+[^\pL\pN.?!]+){0,10}?`
	maxGap   = 10 // words "..." may skip
)

// matcher is a compiled phrase or pattern: toks for a phrase matched on
// words, else re, a regexp run only when the folded text holds one literal
// of each set in need.
type matcher struct {
	toks   []ptoken
	re     *regexp.Regexp
	need   [][]string
	prefix []string      // for a pattern anchored at the start: what s starts with
	first  []string      // see firstLiterals
	at     func() *tryAt // re tried where first occurs (anchored.go); nil, or giving nil: not so
}

// ptoken is one word of a phrase.
type ptoken struct {
	alts     []alt
	optional bool
	gap      bool // "..." before it
}

type altKind uint8

const (
	altExact altKind = iota
	altPrefix
	altSuffix
	altInfix
	altNumber
)

// alt is one alternative of a phrase word.
type alt struct {
	kind altKind
	lit  string
}

func (t *ptoken) test(w string) bool {
	for _, a := range t.alts {
		switch a.kind {
		case altExact:
			if w == a.lit {
				return true
			}
		case altPrefix:
			if strings.HasPrefix(w, a.lit) {
				return true
			}
		case altSuffix:
			if strings.HasSuffix(w, a.lit) {
				return true
			}
		case altInfix:
			if strings.Contains(w, a.lit) {
				return true
			}
		case altNumber:
			if asciiDigits(w) {
				return true
			}
		}
	}
	return false
}

func asciiDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

func (m *matcher) possible(s string) bool {
	return (m.prefix == nil || hasPrefix(s, m.prefix)) && holds(s, m.need)
}

// holds reports whether s holds a member of each set of need.
func holds(s string, need [][]string) bool {
	for _, set := range need {
		if !holdsOne(s, set) {
			return false
		}
	}
	return true
}

// holdsOne reports whether s holds a member of set.
func holdsOne(s string, set []string) bool {
	for _, n := range set {
		if strings.Contains(s, n) {
			return true
		}
	}
	return false
}

// word is a run of letters and digits in a folded text.
type word struct {
	start, end int
	// from is where a regexp match of a phrase starting at this word
	// starts: the rune before it, which the regexp's boundary consumes.
	from int
	// open: the separator after the word holds no '.', '?' or '!', so a
	// phrase may go on to the next word.
	open bool
}

// words appends the words of the folded text s to ws: the runs of
// letters and digits, each with where the rune before it starts (from)
// and whether no '.', '?' or '!' follows it before the next word (open).
//
// ASCII text is read eight bytes at a time: one test finds which of them
// are letters or digits (wordBytes8), and the words start and end where
// that changes, so that a word costs a few instructions and not ten a
// byte. Other text, and eight bytes that hold a '.', '?' or '!' (stop8),
// go a rune at a time. wordsByRune, in the tests, is the reading this one
// must equal.
func words(s string, ws []word) []word {
	ws = ws[:0]
	prev := 0       // where the last rune that is no part of a word starts
	inWord := false // the last rune read is part of ws[len(ws)-1]
	for i := 0; i < len(s); {
		if i+8 <= len(s) {
			if x := le64(s[i:]); x&0x8080808080808080 == 0 && !stop8(x) {
				// Where the eight bytes go from a word to no word or
				// back: the bit of each changes from the one before.
				m := wordBytes8(x)
				before := uint64(0)
				if inWord {
					before = 0x80
				}
				for t := m ^ (m<<8 | before); t != 0; t &= t - 1 {
					k := i + bits.TrailingZeros64(t)/8
					if inWord {
						ws[len(ws)-1].end = k
					} else {
						if k > i {
							prev = k - 1
						}
						ws = append(ws, word{start: k, from: prev, open: true})
					}
					inWord = !inWord
				}
				if m>>63 == 0 {
					prev = i + 7
				}
				i += 8
				continue
			}
		}
		// A rune at a time.
		c := s[i]
		size := 1
		var isWord bool
		if c < utf8.RuneSelf {
			isWord = asciiWord[c]
		} else {
			var r rune
			r, size = utf8.DecodeRuneInString(s[i:])
			isWord = unicode.IsLetter(r) || unicode.IsNumber(r)
		}
		switch {
		case isWord && !inWord:
			ws = append(ws, word{start: i, from: prev, open: true})
			inWord = true
		case !isWord:
			if inWord {
				ws[len(ws)-1].end = i
				inWord = false
			}
			if (c == '.' || c == '?' || c == '!') && len(ws) > 0 {
				ws[len(ws)-1].open = false
			}
			prev = i
		}
		i += size
	}
	if inWord {
		ws[len(ws)-1].end = len(s)
	}
	return ws
}

// stop8 reports whether one of the eight bytes of x, none above 0x7f, is
// '.', '?' or '!', which close the word before them: words reads those
// eight a byte at a time.
func stop8(x uint64) bool {
	const ones, tops, lows = 0x0101010101010101, 0x8080808080808080, 0x7f7f7f7f7f7f7f7f
	a, b, c := x^ones*'.', x^ones*'?', x^ones*'!'
	return ^(((a+lows)|a)&((b+lows)|b)&((c+lows)|c))&tops != 0
}

// wordBytes8 returns the top bit of each of the eight bytes of x that is
// an ASCII letter or digit; x holds no byte above 0x7f. Adding 0x80-c to
// such a byte sets its top bit exactly when it is c or more, without a
// carry into the next byte; a byte with 0x20 set is a letter when it is
// 'a' to 'z'.
func wordBytes8(x uint64) uint64 {
	const ones, tops = 0x0101010101010101, 0x8080808080808080
	y := x | ones*0x20
	letters := (y + ones*(0x80-'a')) &^ (y + ones*(0x80-'z'-1))
	digits := (x + ones*(0x80-'0')) &^ (x + ones*(0x80-'9'-1))
	return (letters | digits) & tops
}

// asciiWord tells the ASCII letters and digits.
var asciiWord = func() (t [utf8.RuneSelf]bool) {
	for c := '0'; c <= '9'; c++ {
		t[c] = true
	}
	for c := 'a'; c <= 'z'; c++ {
		t[c] = true
		t[c-'a'+'A'] = true
	}
	return t
}()

// wordByte is asciiWord for every byte: false from utf8.RuneSelf on.
var wordByte = func() (t [256]bool) {
	copy(t[:], asciiWord[:])
	return t
}()

// find appends the spans of s (in bytes) where the phrase matches, as the
// regexp's FindAll would: leftmost-first, the lazy gap as short as it can
// be, optional words taken when they can be, and no match starting in the
// rune that ended the one before.
func (m *matcher) find(s string, ws []word, out [][2]int) [][2]int {
	return m.findIn(s, ws, 0, len(ws)-1, out)
}

// findIn is find for matches that start at words lo to hi, when no match
// can start elsewhere.
func (m *matcher) findIn(s string, ws []word, lo, hi int, out [][2]int) [][2]int {
	next := 0 // where FindAll resumes
	for i := lo; i <= hi && i < len(ws); i++ {
		if ws[i].from < next {
			continue
		}
		last := m.try(s, ws, 0, -1, i)
		if last < 0 {
			continue
		}
		out = append(out, [2]int{ws[i].start, ws[last].end})
		next = ws[last].end
		if next < len(s) {
			_, n := utf8.DecodeRuneInString(s[next:])
			next += n
		}
	}
	return out
}

// try matches the tokens from ti on, the word before being prev (-1: none
// yet, the first token to match must be word at), and returns the last word
// matched, or -1.
func (m *matcher) try(s string, ws []word, ti, prev, at int) int {
	if ti == len(m.toks) {
		return prev
	}
	t := &m.toks[ti]
	switch {
	case prev < 0:
		if t.test(s[ws[at].start:ws[at].end]) {
			if last := m.try(s, ws, ti+1, at, at); last >= 0 {
				return last
			}
		}
	case !t.gap:
		if w := prev + 1; w < len(ws) && ws[prev].open && t.test(s[ws[w].start:ws[w].end]) {
			if last := m.try(s, ws, ti+1, w, at); last >= 0 {
				return last
			}
		}
	default:
		for w := prev + 1; w < len(ws) && w <= prev+1+maxGap && ws[w-1].open; w++ {
			if t.test(s[ws[w].start:ws[w].end]) {
				if last := m.try(s, ws, ti+1, w, at); last >= 0 {
					return last
				}
			}
		}
	}
	if t.optional {
		return m.try(s, ws, ti+1, prev, at)
	}
	return -1
}

// compilePhrase compiles a phrase into a matcher.
func compilePhrase(phrase string) (matcher, error) {
	toks, words, err := parsePhrase(phrase)
	if err != nil {
		return matcher{}, err
	}
	if words {
		return matcher{toks: toks}, nil
	}
	re, err := phraseRegexp(phrase)
	if err != nil {
		return matcher{}, err
	}
	// The regexp starts with a boundary and the phrase's first word: it
	// runs from the first place that word's literals occur (see window).
	m := matcher{re: re, first: firstLiterals(re.String())}
	m.at = lazyTryAt(re.String(), m.first)
	if need := required(phrase); need != nil {
		m.need = [][]string{need}
	}
	return m, nil
}

// parsePhrase reads a phrase into tokens, and says whether the word
// matcher can run it: every alternative letters and digits only, and at
// least one word that is not optional (an all-optional phrase's regexp
// match can end in a separator).
func parsePhrase(phrase string) (toks []ptoken, words bool, err error) {
	fields := strings.Fields(foldString(phrase))
	if len(fields) == 0 {
		return nil, false, fmt.Errorf("empty phrase")
	}
	words = true
	first, pendingGap, required := true, false, false
	for _, t := range fields {
		if t == "..." || t == "…" {
			if first {
				return nil, false, fmt.Errorf("phrase %q: cannot start with ...", phrase)
			}
			pendingGap = true
			continue
		}
		optional := strings.HasSuffix(t, "?") && len(t) > 1
		t = strings.TrimSuffix(t, "?")
		tok := ptoken{optional: optional, gap: pendingGap && !first}
		for _, a := range strings.Split(t, "|") {
			if a == "" {
				return nil, false, fmt.Errorf("phrase %q: empty alternative in %q", phrase, t)
			}
			if a == "#" {
				tok.alts = append(tok.alts, alt{kind: altNumber})
				continue
			}
			pre, suf := strings.HasPrefix(a, "*"), strings.HasSuffix(a, "*")
			core := strings.Trim(a, "*")
			if core == "" || strings.Contains(core, "*") {
				return nil, false, fmt.Errorf("phrase %q: bad wildcard in %q", phrase, a)
			}
			if !allWordRunes(core) {
				words = false
			}
			k := altExact
			switch {
			case pre && suf:
				k = altInfix
			case pre:
				k = altSuffix
			case suf:
				k = altPrefix
			}
			tok.alts = append(tok.alts, alt{kind: k, lit: core})
		}
		toks = append(toks, tok)
		required = required || !optional
		if !optional || !first {
			first = false
		}
		pendingGap = false
	}
	if pendingGap {
		return nil, false, fmt.Errorf("phrase %q: cannot end with ...", phrase)
	}
	return toks, words && required, nil
}

func allWordRunes(s string) bool {
	for _, r := range s {
		if !unicode.IsLetter(r) && !unicode.IsNumber(r) {
			return false
		}
	}
	return true
}

// required picks the mandatory word whose alternatives make the rarest
// literals: the one whose shortest alternative is longest.
func required(phrase string) []string {
	var best []string
	bestLen := 0
	for _, t := range strings.Fields(foldString(phrase)) {
		if t == "..." || t == "…" || strings.HasSuffix(t, "?") {
			continue
		}
		var lits []string
		short := 1 << 30
		for _, a := range strings.Split(t, "|") {
			core := strings.Trim(a, "*")
			if a == "#" || core == "" {
				short = 0
				break
			}
			lits = append(lits, core)
			short = min(short, len(core))
		}
		if short > bestLen {
			best, bestLen = lits, short
		}
	}
	if bestLen < 2 {
		return nil
	}
	return best
}

// phraseRegexp turns a phrase into a regexp whose first group is the match.
// It defines what a phrase means; the word matcher must agree with it.
func phraseRegexp(phrase string) (*regexp.Regexp, error) {
	toks := strings.Fields(foldString(phrase))
	if len(toks) == 0 {
		return nil, fmt.Errorf("empty phrase")
	}
	var b strings.Builder
	b.WriteString(`(?:^|[^\pL\pN])(`)
	first := true
	pendingGap := false
	for _, t := range toks {
		if t == "..." || t == "…" {
			if first {
				return nil, fmt.Errorf("phrase %q: cannot start with ...", phrase)
			}
			pendingGap = true
			continue
		}
		optional := strings.HasSuffix(t, "?") && len(t) > 1
		t = strings.TrimSuffix(t, "?")
		alt, err := compileWord(t)
		if err != nil {
			return nil, fmt.Errorf("phrase %q: %v", phrase, err)
		}
		var w string
		switch {
		case first:
			w = alt
		case pendingGap:
			w = gap + anyWords + alt
		default:
			w = gap + alt
		}
		if optional {
			if first {
				w = `(?:` + alt + gap + `)?`
			} else {
				w = `(?:` + w + `)?`
			}
		}
		b.WriteString(w)
		if !optional || !first {
			first = false
		}
		pendingGap = false
	}
	if pendingGap {
		return nil, fmt.Errorf("phrase %q: cannot end with ...", phrase)
	}
	b.WriteString(`)(?:$|[^\pL\pN])`)
	return regexp.Compile(b.String())
}

// compileWord compiles one token: alternatives, wildcards, numbers.
func compileWord(t string) (string, error) {
	var alts []string
	for _, a := range strings.Split(t, "|") {
		if a == "" {
			return "", fmt.Errorf("empty alternative in %q", t)
		}
		if a == "#" {
			alts = append(alts, `\d+`)
			continue
		}
		pre, suf := strings.HasPrefix(a, "*"), strings.HasSuffix(a, "*")
		core := strings.Trim(a, "*")
		if core == "" || strings.Contains(core, "*") {
			return "", fmt.Errorf("bad wildcard in %q", a)
		}
		r := regexp.QuoteMeta(core)
		if pre {
			r = wordChar + `*` + r
		}
		if suf {
			r += wordChar + `*`
		}
		alts = append(alts, r)
	}
	return `(?:` + strings.Join(alts, "|") + `)`, nil
}
