package rules

import "github.com/pqtrack/pqtrack/rules/dates"

// mayHoldDate is dates.MayHold(f.orig), asked of the words of the folded
// sentence f that st read (scanner.read) instead of its bytes: each word's
// term cache entry keeps MayHold of the word, found once, so a sentence
// costs a look at each word, not a pass over its text.
//
// MayHold is true when the text holds a digit or a run of ASCII letters
// that is an anchor word; it reads runs of letters in any case and stops
// them at any other byte. In an ASCII text the fold only lowers letters
// and turns white space into single spaces, and a word of the folded text
// is a run of letters and digits: each run of letters of the text lies in
// one word, whole, and MayHold of the text is true exactly when it is of
// one of its words. Other texts (accents, ligatures, soft hyphens change
// the runs) go to MayHold.
func mayHoldDate(f folded, st *scanState) bool {
	if !f.ascii {
		return dates.MayHold(f.orig)
	}
	for i, w := range st.ws {
		if e := st.ents[i]; e != nil {
			if e.mayDate {
				return true
			}
		} else if c := f.s[w.start]; '0' <= c && c <= '9' {
			return true // a word of one byte: a digit or a letter
		}
	}
	return false
}

// mayListYears reports whether s may hold a list of years as missingYear's
// yearListRE finds them: such a list holds two years, 19xx or 20xx, that do
// not overlap. Most sub-questions hold none, and the regexp, which has no
// literal to start from, steps through every byte of them (20 million
// instructions a benchmark pass).
func mayListYears(s string) bool {
	// Every run of four digits holds one of the bytes at 3, 7, 11, ...:
	// only around a digit there can a year start.
	n, next := 0, 0 // next: where the next year may start, after the last
	for j := 3; j < len(s); j += 4 {
		if !isDigitByte(s[j]) {
			continue
		}
		for i := max(j-3, next); i <= j && i+4 <= len(s); i++ {
			if c := s[i]; (c == '1' && s[i+1] == '9' || c == '2' && s[i+1] == '0') && isDigitByte(s[i+2]) && isDigitByte(s[i+3]) {
				if n++; n == 2 {
					return true
				}
				next = i + 4
				break
			}
		}
	}
	return false
}
