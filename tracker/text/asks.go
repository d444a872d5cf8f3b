package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Asks returns where the questions that one question sentence joins begin,
// after the first: "Welke SAR-activiteiten vinden plaats en hoeveel
// mensenlevens hebben zij gered?" asks two things, and an answer that
// gives the activities but not the lives saved answers half of it. A new
// question begins at "en" or "of" followed by a question word ("en
// hoeveel", "en welke", "of waarom", "en in hoeverre") or by a verb that
// opens a question to the minister ("en kunt u", "en bent u bereid"),
// when each side holds a few words. The offsets are byte offsets in s, at
// the coordinating word.
func Asks(s string) []int {
	if !mayJoin(s) {
		return nil
	}
	var buf [64]askWord
	ws := appendWordsOf(buf[:0], s)
	var out []int
	last := 0 // word index where the current question began
	for i := 1; i+1 < len(ws); i++ {
		c := ws[i].w
		if c != "en" && c != "of" {
			continue
		}
		if p := ws[i-1].w; p == "of" || p == "en" || p == "waar" || questionWords[p] || ws[i+1].w == "en" || ws[i+1].w == "of" {
			continue // "of en hoe", "en/of", "waar en wanneer"
		}
		if !opensAsk(ws[i+1:]) {
			continue
		}
		// Enough words on both sides to be questions of their own.
		if i-last < minAskWords || len(ws)-(i+1) < minAskWords {
			continue
		}
		out = append(out, ws[i].start)
		last = i + 1
	}
	return out
}

// mayJoin reports whether s may hold "en" or "of" as a word of its own:
// most question sentences hold neither, and need not be split into
// words. It looks only where strings.IndexByte finds their second letter
// in either case, 'n' or 'f' (one in ten bytes of Dutch is an n, far
// fewer an f), not at every byte.
func mayJoin(s string) bool {
	return joinsAt(s, 'n', 'e') || joinsAt(s, 'f', 'o') || joinsAt(s, 'N', 'e') || joinsAt(s, 'F', 'o')
}

// joinsAt reports whether s holds second after first, in any case, as a
// word as mayJoin takes it: no asciiWordByte on either side.
func joinsAt(s string, second, first byte) bool {
	for j := 1; j < len(s); j++ {
		k := strings.IndexByte(s[j:], second)
		if k < 0 {
			return false
		}
		j += k
		if s[j-1]|0x20 == first && (j == 1 || !asciiWordByte(s[j-2])) && (j+1 == len(s) || !asciiWordByte(s[j+1])) {
			return true
		}
	}
	return false
}

// asciiWordByte reports whether c is part of a word as wordsOf reads
// them for sure: an ASCII letter or digit, or '-'. A byte of a multi-byte
// rune may or may not be, and counts as a break, so that mayJoin errs on
// the side of looking.
func asciiWordByte(c byte) bool {
	return 'a' <= c|0x20 && c|0x20 <= 'z' || '0' <= c && c <= '9' || c == '-'
}

// minAskWords is the fewest words a question of its own holds: "en hoe
// vaak?" after a long question is a question; "wie en hoe" is not two.
const minAskWords = 3

// questionWords open an ask after "en" or "of".
var questionWords = map[string]bool{
	"hoeveel": true, "welke": true, "welk": true, "wat": true, "waarom": true, "wanneer": true,
	"hoe": true, "wie": true, "waarop": true, "waarover": true, "waaruit": true,
	"waarmee": true, "waardoor": true, "waarvoor": true, "hoelang": true, "hoever": true,
}

// askVerbs open a question to its addressee when "u" or the government
// follows them closely: "en kunt u", "en is de minister bereid".
var askVerbs = map[string]bool{
	"kunt": true, "kan": true, "bent": true, "is": true, "wilt": true, "wil": true, "zult": true,
	"zal": true, "heeft": true, "hebt": true, "deelt": true, "acht": true, "vindt": true,
	"ziet": true, "gaat": true, "overweegt": true, "erkent": true, "herkent": true, "weet": true,
	"kent": true, "zou": true, "verwacht": true, "onderschrijft": true, "steunt": true,
}

// addressees are who a question verb asks.
var addressees = map[string]bool{"u": true, "de": true, "het": true, "jij": true}

// opensAsk reports whether the words ws, after "en" or "of", open a
// question of their own.
func opensAsk(ws []askWord) bool {
	w := ws[0].w
	switch {
	case questionWords[w]:
		return true
	case (w == "in" || w == "op" || w == "met" || w == "voor" || w == "aan" || w == "bij" ||
		w == "door" || w == "vanaf" || w == "tot" || w == "om") && len(ws) > 1:
		// "en in hoeverre", "en op welke wijze", "en met wie", "en vanaf wanneer".
		return ws[1].w == "hoeverre" || questionWords[ws[1].w]
	case askVerbs[w] && len(ws) > 1:
		if ws[1].w == "u" {
			return true
		}
		// "en is de minister bereid", "en heeft het kabinet ...".
		return addressees[ws[1].w] && len(ws) > 2 && governs(ws[2].w)
	}
	return false
}

// governs reports whether w names the one a question is put to.
func governs(w string) bool {
	switch w {
	case "minister", "staatssecretaris", "regering", "kabinet", "minister-president", "vlaamse":
		return true
	}
	return false
}

type askWord struct {
	w     string // lower case
	start int
}

// wordsOf splits s into lower-cased words of letters, digits and hyphens.
func wordsOf(s string) []askWord { return appendWordsOf(nil, s) }

// appendWordsOf is wordsOf appending to out; ASCII bytes are read without
// decoding, their classes from one table.
func appendWordsOf(out []askWord, s string) []askWord {
	// The lower case of the ASCII words with capitals, one after the
	// other in one buffer made on the first, not a string each by
	// strings.ToLower: strings taken from the builder stay as they are
	// while it grows.
	var low strings.Builder
	for i := 0; i < len(s); {
		// To the next word.
		if c := s[i]; c < utf8.RuneSelf {
			if askBytes[c]&askIn == 0 {
				i++
				continue
			}
		} else if r, size := utf8.DecodeRuneInString(s[i:]); !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			i += size
			continue
		}
		start := i
		upper, ascii := false, true // the word so far holds an ASCII capital; is ASCII
		for i < len(s) {
			if c := s[i]; c < utf8.RuneSelf {
				k := askBytes[c]
				if k&askIn == 0 {
					break
				}
				if k&askUpper != 0 {
					upper = true
				}
				i++
				continue
			}
			r, size := utf8.DecodeRuneInString(s[i:])
			if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
				break
			}
			ascii = false
			i += size
		}
		w := s[start:i]
		switch {
		case !ascii:
			w = strings.ToLower(w)
		case upper:
			// strings.ToLower of ASCII: 'A' to 'Z' made lower case.
			if low.Cap() == 0 {
				low.Grow(len(s) - start)
			}
			n := low.Len()
			for k := 0; k < len(w); k++ {
				c := w[k]
				if 'A' <= c && c <= 'Z' {
					c += 'a' - 'A'
				}
				low.WriteByte(c)
			}
			w = low.String()[n:]
		}
		out = append(out, askWord{w: w, start: start})
	}
	return out
}

// askBytes holds the classes of the ASCII bytes for appendWordsOf: in a
// word (a letter, digit or hyphen), and a capital.
var askBytes = func() (t [utf8.RuneSelf]uint8) {
	for c := range t {
		if 'a' <= c|0x20 && c|0x20 <= 'z' || '0' <= c && c <= '9' || c == '-' {
			t[c] |= askIn
		}
		if 'A' <= c && c <= 'Z' {
			t[c] |= askUpper
		}
	}
	return t
}()

// The classes of askBytes.
const (
	askIn = 1 << iota
	askUpper
)

// TrimEnd is end moved back over the white space before it, not before
// start: where a question ends when the next one starts at end.
func TrimEnd(s string, start, end int) int {
	for end > start && (s[end-1] == ' ' || s[end-1] == '\n' || s[end-1] == '\t' || s[end-1] == '\r') {
		end--
	}
	return end
}
