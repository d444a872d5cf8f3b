package tracker

import (
	"strings"
	"unicode"
)

// Watched returns the watches of ws that keep q: a watch of q's parliament
// whose member is q's asker (by name, or the parliament's person id),
// whose minister or committee is q's, or whose keyword is in q's title.
// Names and keywords match as whole words, ignoring case.
func Watched(ws []Watch, q FiledQuestion) []Watch {
	var out []Watch
	for _, w := range ws {
		if w.Parliament != q.Parliament {
			continue
		}
		ok := false
		switch w.Kind {
		case WatchMember:
			ok = q.AskerID != "" && strings.TrimSpace(w.Value) == q.AskerID || containsWords(q.Asker, w.Value)
		case WatchMinister:
			ok = containsWords(q.Minister, w.Value)
		case WatchCommittee:
			ok = containsWords(q.Committee, w.Value)
		case WatchKeyword:
			ok = containsWords(q.Title, w.Value)
		}
		if ok {
			out = append(out, w)
		}
	}
	return out
}

// WatchedMinister reports whether a minister watch of parliament p names
// one of names (a commitment's minister, function or ministry).
func WatchedMinister(ws []Watch, p string, names ...string) bool {
	for _, w := range ws {
		if w.Parliament != p || w.Kind != WatchMinister {
			continue
		}
		for _, n := range names {
			if containsWords(n, w.Value) {
				return true
			}
		}
	}
	return false
}

// containsWords reports whether the words of v occur in s in a row, as
// whole words: "Jansen" is in "J. Jansen (CDA)", not in "Janssens".
func containsWords(s, v string) bool {
	hay, needle := words(s), words(v)
	if len(needle) == 0 {
		return false
	}
outer:
	for i := 0; i+len(needle) <= len(hay); i++ {
		for j := range needle {
			if hay[i+j] != needle[j] {
				continue outer
			}
		}
		return true
	}
	return false
}

// words splits s into lower-case words.
func words(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}
