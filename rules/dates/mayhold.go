package dates

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// MayHold reports cheaply whether text may hold a date expression: it holds
// a digit, or a word that names a month, a weekday, a season, a special day
// or a span of time ("jaar", "maanden", "kwartaal", "helft", "trimester",
// "semester"), alone or glued to a neighbour ("eindmaart", "decemberzal",
// "eerstekwartaal", "trimestervan"). Find finds
// nothing in a text for which it is false, so callers skip Find on most
// sentences with it.
func MayHold(text string) bool {
	start := -1 // of the current run of ASCII letters
	for i := 0; i < len(text); i++ {
		switch byteClass[text[i]] {
		case classDigit:
			return true
		case classLetter:
			if start >= 0 {
				continue
			}
			start = i
			// Most words start with no anchor's three letters: skip them
			// whole.
			if i+2 < len(text) && byteClass[text[i+1]] == classLetter && byteClass[text[i+2]] == classLetter &&
				!anchorStarts(text[i]|0x20, text[i+1]|0x20, text[i+2]|0x20) {
				for i+1 < len(text) && byteClass[text[i+1]] == classLetter {
					i++
				}
				// It may still end in a month or season glued to it.
				if i-start >= 4 && endStarts(text[i-2]|0x20, text[i-1]|0x20, text[i]|0x20) && anchorRun(text[start:i+1]) {
					return true
				}
				start = -1
			}
		default:
			if start >= 0 && anchorRun(text[start:i]) {
				return true
			}
			start = -1
		}
	}
	return start >= 0 && anchorRun(text[start:])
}

// MayFind reports whether Find may find a date in text: MayHold, tighter
// for plain text (ASCII but for PlainRune), where a digit makes MayHold
// true but counts for MayFind only beside a word that may be read as a
// date with it: a year (four digits, 1900 to 2100; a numeric date holds one
// too), "q" or "h" and a digit ("Q3", "H1"), a run of letters MayHold
// takes, or one that holds the name of a month, weekday, season or span
// (dateNames: the grammar reads some that are no anchors, "binnen 3
// werkdagen", "1 septemberjongstleden"). Most sentences whose numbers name
// no date ("vraag 10", "10%", "art. 26") are turned away. Where MayFind is
// true so is MayHold. Other text goes to MayHold: its fold may join or
// part runs of letters and digits.
func MayFind(text string) bool {
	if !plainText(text) {
		return MayHold(text)
	}
	var flags uint8
	for i := 0; i < len(text); {
		if byteClass[text[i]] == classOther {
			i++
			continue
		}
		j := i + 1
		for j < len(text) && byteClass[text[j]] != classOther {
			j++
		}
		flags |= WordFlags(text[i:j])
		i = j
	}
	return MayFindFlags(flags)
}

// PlainRune reports whether r is white space, a quote, a dash or an
// ellipsis, which Find's fold makes a space or one byte of ASCII
// punctuation: a text whose runes past ASCII are all such holds the runs
// of ASCII letters and digits of its fold, and MayFind reads it as it
// reads ASCII.
func PlainRune(r rune) bool {
	switch r {
	case '\u00ab', '\u00bb', '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2018', '\u2019',
		'\u201a', '\u201b', '\u201c', '\u201d', '\u201e', '\u201f', '\u2026', '\u2032', '\u2212':
		return true
	}
	return unicode.IsSpace(r)
}

// plainText reports whether every rune of s past ASCII is a PlainRune.
func plainText(s string) bool {
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if !PlainRune(r) {
			return false
		}
		i += n
	}
	return true
}

// What WordFlags finds in a word.
const (
	WordAnchor = 1 << iota // a run of letters MayHold takes
	WordDigit              // a digit
	WordDate               // a year, "q" or "h" and a digit, or a run of letters that holds one of dateNames
)

// MayFindFlags is MayFind of a plain text whose words' WordFlags, or-ed
// together, are flags.
func MayFindFlags(flags uint8) bool {
	return flags&WordAnchor != 0 || flags&WordDigit != 0 && flags&WordDate != 0
}

// WordFlags tells what MayFind looks for in a run of ASCII letters and
// digits, a word of the text: MayFind of a plain text is MayFindFlags of
// its words' flags or-ed together.
func WordFlags(w string) uint8 {
	var f uint8
	for i := 0; i < len(w); {
		j := i + 1
		switch byteClass[w[i]] {
		case classDigit:
			f |= WordDigit
			n := int(w[i] - '0')
			for ; j < len(w) && byteClass[w[j]] == classDigit; j++ {
				n = min(n*10+int(w[j]-'0'), 1e6) // no year, and no overflow
			}
			if j-i == 4 && n >= 1900 && n <= 2100 {
				f |= WordDate
			}
			if c := w[max(i-1, 0)] | 0x20; i > 0 && (c == 'q' || c == 'h') {
				f |= WordDate
			}
		case classLetter:
			for j < len(w) && byteClass[w[j]] == classLetter {
				j++
			}
			if anchorRun(w[i:j]) {
				f |= WordAnchor
			}
			if holdsDateName(w[i:j]) {
				f |= WordDate
			}
		}
		i = j
	}
	return f
}

// dateNames are the names of months, weekdays, seasons and special days,
// the span prefixes and "jaren": words that the grammar reads glued to
// others or as the unit of a duration, where anchorRun may not take them.
var dateNames = func() []string {
	var out []string
	for _, ws := range [][]string{keys(months), keys(seasons), keys(specialDays), keys(weekdays), spanPrefixes, {"jaren"}} {
		out = append(out, ws...)
	}
	return out
}()

// holdsDateName reports whether the run of letters w, in any case, holds
// one of dateNames. The term cache asks it once a word.
func holdsDateName(w string) bool {
	if len(w) < 3 {
		return false
	}
	low := strings.ToLower(w)
	for _, n := range dateNames {
		if strings.Contains(low, n) {
			return true
		}
	}
	return false
}

const (
	classOther = iota
	classDigit
	classLetter
)

// byteClass tells ASCII digits and letters from the other bytes; a byte of
// a multi-byte rune ends a word.
var byteClass = func() (t [256]uint8) {
	for c := '0'; c <= '9'; c++ {
		t[c] = classDigit
	}
	for c := 'a'; c <= 'z'; c++ {
		t[c] = classLetter
		t[c-'a'+'A'] = classLetter
	}
	return t
}()

// anchorRun reports whether a run of ASCII letters, in any case, is an
// anchor word. No anchor is longer than 24 letters.
func anchorRun(w string) bool {
	if len(w) < 3 || len(w) > 24 {
		return false
	}
	var buf [24]byte
	for i := 0; i < len(w); i++ {
		buf[i] = w[i] | 0x20
	}
	return anchorWord(buf[:len(w)]) || gluedAnchor(buf[:len(w)])
}

// gluedAnchor reports whether w is a month, season or other anchor word
// (a span of time too: "eerstekwartaal") glued to a neighbour, split as the
// tokenizer splits it.
func gluedAnchor(w []byte) bool {
	if !anchorStarts(w[0], w[1], w[2]) && !endStarts(w[len(w)-3], w[len(w)-2], w[len(w)-1]) {
		return false
	}
	s := string(w)
	cut := gluedCut(s)
	return cut > 0 && (anchorWord(w[:cut]) || anchorWord(w[cut:]))
}

// anchorEnd holds the last three letters of the anchor words that may end
// a glued word (see gluedEnds and shortEnds).
var anchorEnd = func() (end [(26*26*26 + 63) / 64]uint64) {
	for _, ws := range [][]string{gluedEnds, shortEnds} {
		for _, w := range ws {
			if len(w) < 3 || !anchorWord([]byte(w)) {
				continue
			}
			if i, ok := trigram(w[len(w)-3:]); ok {
				end[i/64] |= 1 << (i % 64)
			}
		}
	}
	return end
}()

// endStarts reports whether an anchor that may end a glued word ends with
// a, b, c.
func endStarts(a, b, c byte) bool {
	i, ok := trigramOf(a, b, c)
	return ok && anchorEnd[i/64]&(1<<(i%64)) != 0
}

// spanPrefixes start the words of a span of time.
var spanPrefixes = []string{"jaar", "maand", "week", "weken", "dag", "kwarta", "helft", "half", "zomer", "kerst",
	"trimester", "semester"}

// anchors is every whole word anchorWord accepts, and anchorStart the
// first three letters of such a word or a span prefix (all are three letters
// a-z or more): one lookup per word, and none for most words.
var anchors, anchorStart = func() (map[string]bool, [(26*26*26 + 63) / 64]uint64) {
	m := map[string]bool{}
	var start [(26*26*26 + 63) / 64]uint64
	add := func(w string) {
		i, ok := trigram(w)
		if !ok {
			panic("dates: anchor " + w + " does not begin with three letters a-z")
		}
		start[i/64] |= 1 << (i % 64)
	}
	for _, ws := range [][]string{keys(months), keys(monthAbbr), keys(seasons), keys(specialDays), keys(weekdays)} {
		for _, w := range ws {
			m[w] = true
			add(w)
		}
	}
	for _, p := range spanPrefixes {
		add(p)
	}
	return m, start
}()

func keys[V any](m map[string]V) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

// trigram numbers the first three bytes of w when they are letters a-z.
func trigram(w string) (int, bool) {
	if len(w) < 3 {
		return 0, false
	}
	return trigramOf(w[0], w[1], w[2])
}

func trigramOf(a, b, c byte) (int, bool) {
	a, b, c = a-'a', b-'a', c-'a'
	if a >= 26 || b >= 26 || c >= 26 {
		return 0, false
	}
	return int(a)*26*26 + int(b)*26 + int(c), true
}

// anchorStarts reports whether an anchor word or span prefix may start
// with a, b, c.
func anchorStarts(a, b, c byte) bool {
	i, ok := trigramOf(a, b, c)
	return ok && anchorStart[i/64]&(1<<(i%64)) != 0
}

func anchorWord(w []byte) bool {
	if len(w) < 3 || !anchorStarts(w[0], w[1], w[2]) {
		return false
	}
	// Indexing a map with string(w) does not allocate.
	if anchors[string(w)] {
		return true
	}
	for _, p := range spanPrefixes {
		if len(w) >= len(p) && string(w[:len(p)]) == p {
			return true
		}
	}
	return false
}
