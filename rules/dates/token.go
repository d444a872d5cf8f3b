package dates

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Token kinds.
const (
	kWord  = 1 // a run of ASCII letters (after folding)
	kNum   = 2 // a run of ASCII digits
	kPunct = 3 // one other character
)

// tok is one token of the folded text. fs and fe index the folded text; the
// original byte range is os[fs] .. oe[fe-1].
type tok struct {
	fs, fe int32
	k      uint8
	glued  bool   // no space between this token and the one before
	nd     uint8  // digit count of a number
	n      int    // value of a number (numbers over 9 digits are -1)
	w      string // folded text
}

// folded is a text folded to lower-case ASCII, one or more folded bytes per
// original rune (or none: soft hyphens and footnote superscripts vanish),
// with the original byte range of every folded byte. Folding first lets
// every rule compare plain ASCII words, so "vóór" is "voor" and a word
// boundary is simply a change of character class.
type folded struct {
	s      string
	os, oe []int32
	// ident: the text is ASCII, each byte folded to one, so the original
	// range of folded byte i is i .. i+1 and os and oe are not kept.
	ident bool
}

// start is the original offset where folded byte i comes from.
func (f *folded) start(i int32) int {
	if f.ident {
		return int(i)
	}
	return int(f.os[i])
}

// end is the original offset just past where folded byte i comes from.
func (f *folded) end(i int32) int {
	if f.ident {
		return int(i) + 1
	}
	return int(f.oe[i])
}

// lat1 folds U+00C0..U+00FF; '*' marks runes handled by foldRune itself.
const lat1 = "aaaaaa*ceeeeiiiidnooooo*ouuuuy**aaaaaa*ceeeeiiiidnooooo*ouuuuy*y"

// foldRune returns the ASCII replacement of a non-ASCII rune: "" drops it,
// "x" stands for a letter we do not fold (so it still joins a word), "?"
// for any other symbol.
func foldRune(r rune) string {
	switch {
	case r >= 0xC0 && r <= 0xFF:
		switch r {
		case 0xC6, 0xE6:
			return "ae"
		case 0xD7, 0xF7:
			return "?"
		case 0xDE, 0xFE:
			return "th"
		case 0xDF:
			return "ss"
		}
		return lat1[r-0xC0 : r-0xC0+1]
	case r == 0xAD, r >= 0x200B && r <= 0x200D, r == 0x2060, r == 0xFEFF,
		r == 0xB9, r == 0xB2, r == 0xB3, r >= 0x2070 && r <= 0x209F:
		return "" // soft hyphen, zero-width, footnote super/subscripts
	case r == 0xA0, r == 0x85, r == 0x1680, r >= 0x2000 && r <= 0x200A,
		r == 0x2028, r == 0x2029, r == 0x202F, r == 0x205F, r == 0x3000:
		return " "
	case r >= 0x2010 && r <= 0x2015, r == 0x2212, r == 0xFE58, r == 0xFE63, r == 0xFF0D:
		return "-"
	case r >= 0x2018 && r <= 0x201B, r == 0x2032:
		return "'"
	case r >= 0x201C && r <= 0x201F, r == 0xAB, r == 0xBB:
		return "\""
	case r == 0x2026:
		return "."
	case r == 0x2044, r == 0x2215:
		return "/"
	case r == 0x132, r == 0x133:
		return "ij"
	case r == 0x152, r == 0x153:
		return "oe"
	case r == 0xFB00:
		return "ff"
	case r == 0xFB01:
		return "fi"
	case r == 0xFB02:
		return "fl"
	case r == 0xFB03:
		return "ffi"
	case r == 0xFB04:
		return "ffl"
	case r == 0x160, r == 0x161, r == 0x15E, r == 0x15F:
		return "s"
	case r == 0x10C, r == 0x10D, r == 0x106, r == 0x107:
		return "c"
	case r == 0x17D, r == 0x17E:
		return "z"
	case r == 0x130, r == 0x131:
		return "i"
	case unicode.IsLetter(r):
		return "x"
	case unicode.IsSpace(r):
		return " "
	}
	return "?"
}

func fold(text string) folded {
	var sc foldScratch
	return sc.fold(text)
}

// foldScratch holds the buffers of fold for reuse; the folded text it
// returns shares os and oe with it until the next fold.
type foldScratch struct {
	b      []byte
	os, oe []int32
}

func (sc *foldScratch) fold(text string) folded {
	if isASCII(text) {
		// Most sentences: every byte folds to one, in its place, so
		// no positions are written (ident).
		b := slices.Grow(sc.b[:0], len(text))[:len(text)]
		for i := range b {
			b[i] = asciiFold[text[i]]
		}
		sc.b = b
		return folded{s: string(b), ident: true}
	}
	return sc.foldRunes(text)
}

// foldRunes is fold of any text, rune by rune, with the original range of
// every folded byte. A run of ASCII bytes, most of any sentence, is
// written at once: its bytes through asciiFold, its ranges by index into
// room made for the run, not three appends a byte.
func (sc *foldScratch) foldRunes(text string) folded {
	b, os, oe := sc.b[:0], sc.os[:0], sc.oe[:0]
	for i := 0; i < len(text); {
		if text[i] < utf8.RuneSelf {
			j := i + 1
			for j < len(text) && text[j] < utf8.RuneSelf {
				j++
			}
			n := len(b)
			b = slices.Grow(b, j-i)[:n+j-i]
			os = slices.Grow(os, j-i)[:n+j-i]
			oe = slices.Grow(oe, j-i)[:n+j-i]
			for k := i; k < j; k++ {
				b[n+k-i] = asciiFold[text[k]]
				os[n+k-i] = int32(k)
				oe[n+k-i] = int32(k + 1)
			}
			i = j
			continue
		}
		r, w := utf8.DecodeRuneInString(text[i:])
		rep := "?"
		if r != utf8.RuneError || w > 1 {
			rep = foldRune(r)
		}
		for k := 0; k < len(rep); k++ {
			b = append(b, rep[k])
			os = append(os, int32(i))
			oe = append(oe, int32(i+w))
		}
		i += w
	}
	sc.b, sc.os, sc.oe = b, os, oe
	return folded{s: string(b), os: os, oe: oe}
}

// asciiFold is what fold makes of each ASCII byte: upper case lower,
// control characters a space, the rest as it is.
var asciiFold = func() (t [utf8.RuneSelf]byte) {
	for c := range t {
		switch {
		case c >= 'A' && c <= 'Z':
			t[c] = byte(c) + 'a' - 'A'
		case c < ' ' || c == 0x7F:
			t[c] = ' '
		default:
			t[c] = byte(c)
		}
	}
	return t
}()

// isASCII reports whether s holds no byte above 0x7f, eight bytes at a
// time.
func isASCII(s string) bool {
	i := 0
	for ; i+8 <= len(s); i += 8 {
		x := uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
			uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
		if x&0x8080808080808080 != 0 {
			return false
		}
	}
	for ; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// glueSplit splits words that PDF extraction ran together and that matter
// to date phrases ("voor het eindvan dit jaar"): word -> length of its first
// part. Only whole words listed here are split, so "voorjaar" stays whole.
var glueSplit = map[string]int{
	"eindvan": 4, "eindevan": 5, "beginvan": 5, "voorhet": 4, "voorde": 4,
	"inhet": 2, "opzijn": 2, "tenlaatste": 3, "tenvroegste": 3, "vanhet": 3,
	"inde": 2, "uiterlijkop": 9, "uiterlijkin": 9,
}

// Date words that PDF extraction glues to a neighbour ("kwartaalvan",
// "zomervan", "volgtbegin", "inmaart"): a head word that may be followed by a
// glued function word, and one that may follow a glued word.
var (
	// gluedHeads may start a glued word whose rest is one of gluedTails.
	gluedHeads = []string{
		"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
		"september", "oktober", "november", "december", "voorjaar", "najaar", "zomer",
		"winter", "kwartaal", "trimester", "semester", "jaarhelft", "helft", "jaar", "eind", "einde",
		"begin", "medio",
	}
	gluedTails = map[string]bool{
		"van": true, "in": true, "voor": true, "tot": true,
		"het": true, "de": true, "dit": true, "deze": true, "jl": true, "zal": true,
		"zullen": true, "wordt": true, "worden": true, "is": true, "zijn": true,
	}
	// gluedEnds may end a glued word after any word of two letters or more
	// ("volgtbegin"); shortEnds only after one of gluedLeads ("inmei").
	gluedEnds = []string{
		"januari", "februari", "maart", "april", "augustus", "september", "oktober",
		"november", "december", "voorjaar", "najaar", "zomer", "winter", "kwartaal",
		"trimester", "semester", "begin", "medio",
	}
	shortEnds  = []string{"mei", "juni", "juli", "eind", "einde", "half", "het", "de"}
	gluedLeads = map[string]bool{
		"in": true, "op": true, "voor": true, "na": true, "tot": true, "rond": true,
		"per": true, "tegen": true, "vanaf": true, "sinds": true, "uiterlijk": true,
		"eind": true, "begin": true, "medio": true, "half": true, "van": true,
		"het": true, "dit": true, "deze": true,
	}
)

// gluedCut returns where to split a word that is two glued words of which
// one is a date word, or 0. Words that are themselves date words
// ("voorjaar", "zomerreces") and other words ("jaarlijks", "Maarten",
// "ronde", "zomersemester", "winterkwartaal") are left whole: a tail is a
// function word, a short end follows only a preposition or article, and
// no end follows a season.
func gluedCut(w string) int {
	cut := 0
	for _, h := range gluedFirst[w[0]] {
		if len(w) > len(h) && strings.HasPrefix(w, h) && gluedTails[w[len(h):]] {
			cut = len(h)
			break
		}
	}
	if cut == 0 {
		for _, e := range gluedLast[w[len(w)-1]] {
			n := len(w) - len(e)
			if n < 2 || !strings.HasSuffix(w, e) || seasons[w[:n]] != 0 {
				continue
			}
			if !shortEnd[e] || gluedLeads[w[:n]] && w != "ronde" {
				cut = n
				break
			}
		}
	}
	if cut == 0 || vocabOf(w) != 0 || seasons[w] != 0 {
		return 0
	}
	return cut
}

// splitAt returns where to split a word of the folded text, or 0: words
// listed in glueSplit, then those gluedCut splits.
func splitAt(w string) int {
	if len(w) < 4 {
		return 0
	}
	for _, k := range glueSplitFirst[w[0]] {
		if w == k {
			return glueSplit[k]
		}
	}
	if len(w) < 5 {
		return 0
	}
	return gluedCut(w)
}

// glueSplitFirst indexes the keys of glueSplit by their first byte, so that
// most words need no map lookup.
var glueSplitFirst = func() (t [256][]string) {
	for k := range glueSplit {
		t[k[0]] = append(t[k[0]], k)
	}
	return t
}()

// gluedFirst and gluedLast index gluedHeads by their first byte, and
// gluedEnds and shortEnds by their last: most words need no comparison.
var gluedFirst, gluedLast, shortEnd = func() (first, last [256][]string, short map[string]bool) {
	for _, h := range gluedHeads {
		first[h[0]] = append(first[h[0]], h)
	}
	for _, e := range gluedEnds {
		last[e[len(e)-1]] = append(last[e[len(e)-1]], e)
	}
	short = map[string]bool{}
	for _, e := range shortEnds {
		last[e[len(e)-1]] = append(last[e[len(e)-1]], e)
		short[e] = true
	}
	return first, last, short
}()

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' }
func isDigit(c byte) bool  { return c >= '0' && c <= '9' }

// tokenize splits folded text into words, numbers and single punctuation
// characters. Letters and digits are different classes, so "in2025" is
// "in" + "2025" and "2024gebruiken" is "2024" + "gebruiken".
func tokenize(s string, toks []tok) []tok {
	prevEnd := int32(-1)
	for i := 0; i < len(s); {
		c := s[i]
		if c == ' ' {
			i++
			continue
		}
		j := i + 1
		var k uint8 = kPunct
		switch {
		case isLetter(c):
			k = kWord
			for j < len(s) && isLetter(s[j]) {
				j++
			}
		case isDigit(c):
			k = kNum
			for j < len(s) && isDigit(s[j]) {
				j++
			}
		}
		t := tok{fs: int32(i), fe: int32(j), k: k, glued: int32(i) == prevEnd, w: s[i:j], n: -1}
		if k == kNum {
			if j-i <= 9 {
				n := 0
				for _, d := range []byte(s[i:j]) {
					n = n*10 + int(d-'0')
				}
				t.n = n
			}
			t.nd = uint8(min(j-i, 255))
		}
		if k == kWord {
			if cut := splitAt(t.w); cut > 0 {
				a := t
				a.fe, a.w = a.fs+int32(cut), t.w[:cut]
				toks = append(toks, a)
				t.fs, t.w, t.glued = a.fe, t.w[cut:], true
			}
		}
		toks = append(toks, t)
		prevEnd = int32(j)
		i = j
	}
	return toks
}
