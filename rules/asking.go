package rules

import (
	"strings"

	"github.com/pqtrack/pqtrack/tracker"
)

// What a sub-question asks decides what a sentence does for it: "Etniciteit
// wordt niet geregistreerd" replies to "Wordt etniciteit geregistreerd?"
// and dodges "Hoeveel meldingen betroffen etniciteit?". The role model
// weighs the kind of the sub-question a sentence stands under, alone and
// with what the rules and the negated word classes make of the sentence.
const (
	askOpen  = "open"  // what, which, how
	askCount = "count" // how many, figures, an overview
	askWhen  = "when"
	askWhy   = "why"
	askYesNo = "yesno" // opens with its verb
)

// askKind is what the sub-question q asks, by its own question sentence.
// It reads words, not regexps: it runs for every sub-question.
func askKind(q string) string { return askKindOf(ownSentence(q)) }

// askKindOf is askKind of a sub-question's own sentence.
func askKindOf(own string) string {
	// One sub-question in eight has more than 32 words, few more than 64.
	var buf [64]reWord
	ws := appendReWords(buf[:0], own)
	switch {
	case asksCount(ws):
		return askCount
	case asksAboutTimeIn(own, ws):
		return askWhen
	case asksWhy(ws):
		return askWhy
	case yesNoVerb(own) != "":
		return askYesNo
	}
	return askOpen
}

// countWord reports whether w asks for figures; so do "cijfermatig..."
// and "statistie...", and "hoe groot", "hoe vaak", "hoe hoog". A switch,
// not a map: it runs on every word of every sub-question.
func countWord(w string) bool {
	switch w {
	case "hoeveel", "aantal", "aantallen", "cijfer", "cijfers", "overzicht", "percentage", "bedrag", "bedragen", "kosten":
		return true
	}
	return false
}

func asksCount(ws []reWord) bool {
	for i, w := range ws {
		switch {
		case countWord(w.w), strings.HasPrefix(w.w, "cijfermatig"), strings.HasPrefix(w.w, "statistie"):
			return true
		case w.w == "hoe" && i+1 < len(ws) && ws[i+1].spaced:
			switch ws[i+1].w {
			case "groot", "vaak", "hoog":
				return true
			}
		}
	}
	return false
}

// asksWhy: "waarom", "waardoor", "om welke reden(en)", "wat is/zijn de
// reden(en)".
func asksWhy(ws []reWord) bool {
	follows := func(i int, words ...string) bool {
		for j, w := range words {
			k := i + 1 + j
			if k >= len(ws) || !ws[k].spaced || !strings.Contains(w, "|"+ws[k].w+"|") {
				return false
			}
		}
		return true
	}
	for i, w := range ws {
		switch w.w {
		case "waarom", "waardoor":
			return true
		case "om":
			if follows(i, "|welke|", "|reden|redenen|") {
				return true
			}
		case "wat":
			if follows(i, "|is|zijn|", "|de|", "|reden|redenen|") {
				return true
			}
		}
	}
	return false
}

// reWord is a word as a regexp's \b sees it: a run of ASCII letters,
// digits and '_', in lower case, and whether only white space stands
// between it and the word before.
type reWord struct {
	w          string
	spaced     bool
	start, end int // where it stands in the text
}

// reWords are the words of s.
func reWords(s string) []reWord { return appendReWords(nil, s) }

// appendReWords is reWords appending to out, which callers give a
// backing array on their stack.
func appendReWords(out []reWord, s string) []reWord {
	k := len(out)
	spaced := false
	// The lower case of the words with capitals, one after the other in
	// one buffer made on the first: a sub-question holds two or three
	// ("Kunt", "Nederland"), which strings.ToLower allocated one by one.
	// Strings taken from the builder stay as they are while it grows.
	var low strings.Builder
	for i := 0; i < len(s); {
		if c := reBytes[s[i]]; c&reWordByte == 0 {
			if c&reSpaceByte == 0 {
				spaced = false
			}
			i++
			continue
		}
		j := i
		var seen uint8 // the classes of the word's bytes
		for j < len(s) && reBytes[s[j]]&reWordByte != 0 {
			seen |= reBytes[s[j]]
			j++
		}
		// The words are ASCII: without capitals, their own lower case.
		w := s[i:j]
		if seen&reUpperByte != 0 {
			if low.Cap() == 0 {
				low.Grow(len(s) - i)
			}
			n := low.Len()
			var buf [32]byte
			if len(w) <= len(buf) {
				for k := 0; k < len(w); k++ {
					c := w[k]
					if 'A' <= c && c <= 'Z' {
						c += 'a' - 'A'
					}
					buf[k] = c
				}
				low.Write(buf[:len(w)])
			} else {
				low.WriteString(strings.ToLower(w))
			}
			w = low.String()[n:]
		}
		out = append(out, reWord{w: w, spaced: spaced && len(out) > k, start: i, end: j})
		spaced = true
		i = j
	}
	return out
}

// reBytes holds the classes of each byte that appendReWords reads:
// isReWordByte, a capital, isReSpace. One look-up a byte.
var reBytes = func() (t [256]uint8) {
	for c := range t {
		if isReWordByte(byte(c)) {
			t[c] |= reWordByte
		}
		if 'A' <= c && c <= 'Z' {
			t[c] |= reUpperByte
		}
		if isReSpace(byte(c)) {
			t[c] |= reSpaceByte
		}
	}
	return t
}()

// The classes of reBytes.
const (
	reWordByte = 1 << iota
	reUpperByte
	reSpaceByte
)

// reWordAt is the word of s that starts at i, or "" when none does.
func reWordAt(s string, i int) string {
	j := i
	for j < len(s) && isReWordByte(s[j]) {
		j++
	}
	return s[i:j]
}

func isReWordByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_'
}

// isReSpace is regexp's \s.
func isReSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'
}

func setOf(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}

// askKinds is askKind of each sub-question.
func askKinds(subs []tracker.SubQuestion) []string {
	out := make([]string, len(subs))
	for i, sq := range subs {
		out[i] = askKind(sq.Text)
	}
	return out
}
