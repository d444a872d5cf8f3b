package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// JoinBroken removes the hyphens that text extraction left inside words
// it had broken at a line end and then run into one line again:
// "voorbehou-den" becomes "voorbehouden", "emissiefacto-ren"
// "emissiefactoren". A Dutch compound written with a hyphen has a word on
// its left ("zee-egel", "auto-ongeluk", "oud-minister", "Noord-Holland"),
// and names and abbreviations are written with capitals ("Raad-van-State",
// "EU-lidstaten"), so a hyphen is dropped only between lower-case words
// where the one before it is no word of the list (and not part of an
// address). It returns s itself when
// nothing is joined, and how many hyphens were dropped.
func (l *Lexicon) JoinBroken(s string) (string, int) {
	var b strings.Builder
	last, n := 0, 0 // s[:last] is written to b
	for i := strings.IndexByte(s, '-'); i >= 0; {
		if i > 0 && i+1 < len(s) {
			r, _ := utf8.DecodeRuneInString(s[i+1:])
			start := i
			for start > 0 {
				p, size := utf8.DecodeLastRuneInString(s[:start])
				if !unicode.IsLetter(p) {
					break
				}
				start -= size
			}
			left := s[start:i]
			if unicode.IsLower(r) && strings.ToLower(left) == left && utf8.RuneCountInString(left) >= 2 && (start == 0 || !strings.ContainsRune("-/.@_", rune(s[start-1]))) && (!l.Known(left) || l.brokenAfterWord(left, s[i+1:])) {
				b.WriteString(s[last:i])
				last = i + 1
				n++
			}
		}
		j := strings.IndexByte(s[i+1:], '-')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	if n == 0 {
		return s, 0
	}
	b.WriteString(s[last:])
	return b.String(), n
}

// brokenAfterWord reports whether a hyphen after left, a word of the list,
// still broke one word: the two joined are one, and what follows the
// hyphen is no word, or a short one the list holds as a rarity
// ("individu-eel" is "individueel"; "advocaten-bezoeken" and
// "domein-en sectoroverstijgend" stay).
func (l *Lexicon) brokenAfterWord(left, rest string) bool {
	end := 0
	for end < len(rest) {
		r, size := utf8.DecodeRuneInString(rest[end:])
		if !unicode.IsLetter(r) {
			break
		}
		end += size
	}
	right := rest[:end]
	if n := utf8.RuneCountInString(right); n < 3 || n > 3 && l.Known(right) {
		return false
	}
	return l.Known(left + right)
}
