package rules

// wordMark marks the words that readers of a whole sentence look for
// before they read its words (untold: "niet", "geen"; onlyThen: "pas";
// classFeatures: a negation; locatesElsewhere: a word that locates or
// names a place; disclosedElsewhere: a word of telling): the term cache
// keeps each word's marks, and scanner.read or-s the marks of a
// sentence's words together as it looks their entries up, so that such a
// reader asks one word of bits where it searched the folded text, which
// stopped at every 'n', 'g' or 'p', or read every word's entry.
type wordMark uint16

const (
	markNiet wordMark = 1 << iota
	markGeen
	markPas
	// markNeg is a negation (isNegation): classFeatures reads the
	// clauses of a sentence that holds one.
	markNeg
	// markLocates is a word without which locatesElsewhere finds
	// nothing: one that locates, reads, stands, keeps (locLocate,
	// locRead, locStand, locKeeps) or names a place (locPlace).
	markLocates
	// markTold is a word of telling (isTold, firstTold).
	markTold
	// markDecide is a word of deciding (decideWords), which onlyThen
	// reads without "pas".
	markDecide
	// markRead is set in the marks of every sentence sentencesIn read:
	// its marks are those of its words.
	markRead
)

// wordMarkOf is the marks of the folded word v.
func wordMarkOf(v string) wordMark {
	var m wordMark
	if isNegation(v) {
		m |= markNeg
	}
	switch v {
	case "niet":
		m |= markNiet
	case "geen":
		m |= markGeen
	case "pas":
		m |= markPas
	}
	if decideWords[v] {
		m |= markDecide
	}
	switch locWordOf(v) {
	case locLocate, locRead, locStand, locKeeps, locPlace:
		m |= markLocates
	}
	if isTold(v) {
		m |= markTold
	}
	return m
}

// mayHoldWord reports whether st may hold a word of one of the marks m
// among its words: from its marks when sentencesIn read it (markRead),
// true for another (a sentence made for training or a test), whose
// readers read its words.
func mayHoldWord(st *sentence, m wordMark) bool {
	return st.marks&markRead == 0 || st.marks&m != 0
}
