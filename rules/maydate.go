package rules

import "github.com/pqtrack/pqtrack/rules/dates"

// mayHoldDate is dates.MayFind(f.orig), asked of the words of the folded
// sentence f that st read (scanner.read) instead of its bytes: each word's
// term cache entry keeps dates.WordFlags of the word, found once, so a
// sentence costs a look at each word, not a pass over its text.
//
// MayFind of a plain text (f.plain: ASCII but for white space, quotes and
// dashes) is MayFindFlags of the WordFlags of its runs of ASCII letters
// and digits, in any case, or-ed together. In a plain text the fold lowers
// letters and makes the other runes white space or punctuation, and a word
// of the folded text is such a run, whole. A word of one byte has no
// entry: its flags are WordDigit for a digit and none for a letter. Of
// other texts MayFind is MayHold. scanner.read or-ed the flags of the
// words together as it read them (st.dateFlags).
func mayHoldDate(f folded, st *scanState) bool {
	if !f.plain {
		return dates.MayHold(f.orig)
	}
	return dates.MayFindFlags(st.dateFlags)
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
