package rules

import "strings"

// wordMark marks the few words that readers of a whole sentence look for
// before they read its words (untold: "niet", "geen"; onlyThen: "pas"):
// the term cache keeps each word's mark, and scanner.read or-s the marks
// of a sentence's words together as it looks their entries up, so that
// such a reader asks one byte where it searched the folded text, which
// stopped at every 'n', 'g' or 'p'.
type wordMark uint8

const (
	markNiet wordMark = 1 << iota
	markGeen
	markPas
	// markNeg is a negation (isNegation): classFeatures reads the
	// clauses of a sentence that holds one.
	markNeg
	// markRead is set in the marks of every sentence sentencesIn read:
	// its marks are those of its words.
	markRead
)

// wordMarkOf is the mark of the folded word v.
func wordMarkOf(v string) wordMark {
	var m wordMark
	if isNegation(v) {
		m = markNeg
	}
	switch v {
	case "niet":
		m |= markNiet
	case "geen":
		m |= markGeen
	case "pas":
		m |= markPas
	}
	return m
}

// markWords are the words of the marks, by mark.
var markWords = map[wordMark]string{markNiet: "niet", markGeen: "geen", markPas: "pas"}

// mayHoldWord reports whether st may hold a word of one of the marks m
// among its words: from its marks when sentencesIn read it, else whether
// its folded text holds one of the marks' words anywhere (a sentence
// made for training or a test). False only when no word of st is one.
func mayHoldWord(st *sentence, m wordMark) bool {
	if st.marks&markRead != 0 {
		return st.marks&m != 0
	}
	for b := markNiet; b < markRead; b <<= 1 {
		if w, ok := markWords[b]; ok && m&b != 0 && strings.Contains(st.fold, w) {
			return true
		}
	}
	return false
}
