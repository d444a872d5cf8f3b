package dates

// MayHold reports cheaply whether text may hold a date expression: it holds
// a digit, or a word that names a month, a weekday, a season, a special day
// or a span of time ("jaar", "maanden", "kwartaal", "helft"). Find finds
// nothing in a text for which it is false, so callers skip Find on most
// sentences with it.
func MayHold(text string) bool {
	var buf [24]byte
	n := 0
	flush := func() bool {
		w := buf[:n]
		n = 0
		return anchorWord(w)
	}
	long := false // the word did not fit in buf: no anchor is that long
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch {
		case c >= '0' && c <= '9':
			return true
		case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
			if n == len(buf) {
				long = true
				continue
			}
			buf[n] = c | 0x20
			n++
		default:
			if n > 0 && !long && flush() {
				return true
			}
			n, long = 0, false
		}
	}
	return n > 0 && !long && flush()
}

// spanPrefixes start the words of a span of time.
var spanPrefixes = []string{"jaar", "maand", "week", "weken", "dag", "kwarta", "helft", "half", "zomer", "kerst"}

func anchorWord(w []byte) bool {
	// Indexing a map with string(w) does not allocate.
	if _, ok := months[string(w)]; ok {
		return true
	}
	if _, ok := monthAbbr[string(w)]; ok {
		return true
	}
	if _, ok := seasons[string(w)]; ok {
		return true
	}
	if _, ok := specialDays[string(w)]; ok {
		return true
	}
	if weekdays[string(w)] {
		return true
	}
	for _, p := range spanPrefixes {
		if len(w) >= len(p) && string(w[:len(p)]) == p {
			return true
		}
	}
	return false
}
