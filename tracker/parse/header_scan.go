package parse

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// The header's regexps askerRE, subjectRE and ministerRE search a lazy
// group up to a word or a stop, which the backtracking matcher does a
// rune at a time: 5 to 20 µs a header. On a header of one line whose only
// white space is ' ' (as readHeader's are: paragraphs joined), \s is ' '
// and (?m)$ the end of the text, and they are read by hand here, with the
// regexps' order of trying: the first place, the first alternative, the
// shortest lazy group. TestHeaderScans holds them to the regexps.

// scanFrom is re.FindStringSubmatch(t) read by hand, for the header
// regexps above and a t where a match may start at 0, and whether it
// could be read so.
func scanFrom(t string, re *regexp.Regexp) ([]string, bool) {
	if strings.ContainsAny(t, "\n\t\r\f") {
		return nil, false
	}
	switch re {
	case askerRE:
		return scanAsker(t), true
	case subjectRE:
		return scanSubject(t), true
	case ministerRE:
		// (?i) folds ſ to s and the Kelvin sign to k.
		if strings.Contains(t, "ſ") || strings.Contains(t, "\u212a") {
			return nil, false
		}
		return scanMinister(t), true
	}
	return nil, false
}

// starts calls try at each place in t where lit starts after a word
// boundary (\b, ASCII; the start of t is one), in order, until it returns
// a match.
func starts(t, lit string, try func(p int) []string) []string {
	for off := 0; ; {
		i := strings.Index(t[off:], lit)
		if i < 0 {
			return nil
		}
		p := off + i
		off = p + 1
		if p > 0 && isWordRune(rune(t[p-1])) {
			continue
		}
		if m := try(p); m != nil {
			return m
		}
	}
}

// spaces is the end of the run of spaces at t[i:].
func spaces(t string, i int) int {
	for i < len(t) && t[i] == ' ' {
		i++
	}
	return i
}

// wordEnds reports whether a word ends at i: \b after a word character.
func wordEnds(t string, i int) bool {
	return i == len(t) || !isWordRune(rune(t[i]))
}

// vraVan is the end of "Vragen van " or "Vraag van " at t[p:], or -1.
func vraVan(t string, p int) int {
	for _, w := range []string{"Vragen van ", "Vraag van "} {
		if strings.HasPrefix(t[p:], w) {
			return p + len(w)
		}
	}
	return -1
}

// askerRE: `\bVra(?:gen|ag) van (?:het lid|de leden|lid|mevrouw|de heer|
// volksvertegenwoordiger)\s+(.+?)\s+aan\s+(?:de|het|minister|staatssecretaris)\b`.
func scanAsker(t string) []string {
	return starts(t, "Vra", func(p int) []string {
		q := vraVan(t, p)
		if q < 0 {
			return nil
		}
		for _, who := range []string{"het lid", "de leden", "lid", "mevrouw", "de heer", "volksvertegenwoordiger"} {
			if !strings.HasPrefix(t[q:], who) {
				continue
			}
			g := spaces(t, q+len(who))
			if g == q+len(who) {
				continue // \s+
			}
			// The group ends at a space: the first after it that "aan"
			// and one of the words follow.
			for x := g + 1; x < len(t); x++ {
				if t[x] != ' ' {
					continue
				}
				y := spaces(t, x)
				if !strings.HasPrefix(t[y:], "aan") {
					continue
				}
				z := spaces(t, y+3)
				if z == y+3 {
					continue
				}
				for _, to := range []string{"de", "het", "minister", "staatssecretaris"} {
					if strings.HasPrefix(t[z:], to) && wordEnds(t, z+len(to)) {
						return []string{t[p : z+len(to)], t[g:x]}
					}
				}
			}
		}
		return nil
	})
}

// lazyTo reads `\s+(.+?)\s*(?:STOPS|\.\s|\.$|$)` at t[i:], as the
// regexps end: the group and the end of the match, or ok false.
func lazyTo(t string, i int, stops ...string) (group string, end int, ok bool) {
	g := spaces(t, i)
	switch {
	case g == i:
		return "", 0, false // \s+
	case g == len(t):
		// Spaces to the end: the group takes the last of them, if \s+
		// can spare it, and $ ends the match.
		if g-i < 2 {
			return "", 0, false
		}
		return t[g-1 : g], g, true
	}
	// The group holds a rune or more; the match ends at the first stop
	// after it, at the end of t at the latest.
	_, n := utf8.DecodeRuneInString(t[g:])
	for u := g + n; ; {
		v := spaces(t, u)
		for _, s := range stops {
			if strings.HasPrefix(t[v:], s) {
				return t[g:u], v + len(s), true
			}
		}
		switch {
		case v < len(t) && t[v] == '.' && (v+1 == len(t) || t[v+1] == ' '):
			return t[g:u], min(v+2, len(t)), true
		case v == len(t):
			return t[g:u], v, true
		}
		_, n := utf8.DecodeRuneInString(t[u:])
		u += n
	}
}

// subjectRE: `(?m)\bVra(?:gen|ag) van .+?\s+over\s+(.+?)\s*(?:\(ingezonden|\.\s|\.$|$)`.
func scanSubject(t string) []string {
	return starts(t, "Vra", func(p int) []string {
		q := vraVan(t, p)
		if q < 0 {
			return nil
		}
		// .+? ends at a space: the first after a rune or more that
		// "over" and the rest follow.
		for x := q + 1; x < len(t); x++ {
			if t[x] != ' ' {
				continue
			}
			y := spaces(t, x)
			if !strings.HasPrefix(t[y:], "over") {
				continue
			}
			if g, end, ok := lazyTo(t, y+4, "(ingezonden"); ok {
				return []string{t[p:end], g}
			}
		}
		return nil
	})
}

// ministerRE: `(?m)\b(?:Antwoord|Mededeling) van (?:de\s+)?(?i:minister-president|
// viceminister-president|minister|staatssecretaris|vlaams minister)\s+(.+?)\s*
// (?:\(ontvangen|, mede namens|\.\s|\.$|$)`.
func scanMinister(t string) []string {
	try := func(p int) []string {
		q := p + len("Antwoord van ")
		if !strings.HasPrefix(t[p:], "Antwoord van ") {
			q = p + len("Mededeling van ")
		}
		// (?:de\s+)? takes "de " when it can, and gives it back when
		// the rest fails.
		var from []int
		if strings.HasPrefix(t[q:], "de") && spaces(t, q+2) > q+2 {
			from = append(from, spaces(t, q+2))
		}
		from = append(from, q)
		for _, r := range from {
			for _, title := range []string{"minister-president", "viceminister-president", "minister", "staatssecretaris", "vlaams minister"} {
				if len(t)-r < len(title) || !strings.EqualFold(t[r:r+len(title)], title) {
					continue
				}
				if g, end, ok := lazyTo(t, r+len(title), "(ontvangen", ", mede namens"); ok {
					return []string{t[p:end], g}
				}
			}
		}
		return nil
	}
	// The two literals in turn would not give the places in order.
	for off := 0; ; {
		a := strings.Index(t[off:], "Antwoord van ")
		m := strings.Index(t[off:], "Mededeling van ")
		if a < 0 && m < 0 {
			return nil
		}
		p := a
		if a < 0 || m >= 0 && m < a {
			p = m
		}
		p += off
		off = p + 1
		if p > 0 && isWordRune(rune(t[p-1])) {
			continue
		}
		if r := try(p); r != nil {
			return r
		}
	}
}
