package parse

import (
	"strconv"
	"strings"
)

// Belgian federal answers are bilingual: the Chamber's bulletin prints the
// French text beside or before the Dutch, and text taken from its PDF puts
// one column after the other, so the same question numbers come twice.
// pqtrack reads Dutch; a paragraph that is plainly French is left out
// before the questions are paired.

// frenchWords are common French words that Dutch does not use;
// dutchFunctionWords the same the other way round. Words both use ("de",
// "en", "a") are in neither.
var (
	frenchWords = setOf("le", "la", "les", "des", "du", "est", "et", "pour", "que", "qui", "une", "un", "dans",
		"sur", "au", "aux", "ce", "cette", "il", "elle", "sont", "par", "pas", "ne", "avec", "ont", "ou", "son",
		"ses", "leur", "leurs", "nous", "vous", "je", "mon", "été", "être", "d'une", "d'un", "qu'il", "ainsi",
		"également", "ministre", "question", "réponse", "combien", "quel", "quelle", "quels", "quelles", "pourquoi")
	dutchFunctionWords = setOf("het", "een", "van", "is", "dat", "op", "te", "voor", "met", "zijn", "niet",
		"die", "er", "aan", "ook", "om", "bij", "wordt", "worden", "ik", "heeft", "naar", "deze", "dit", "of",
		"als", "werd", "tot", "over", "hoeveel", "welke", "waarom", "vraag", "antwoord", "minister")
)

func setOf(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}

// frenchScore counts the French and the Dutch words of t.
func frenchScore(t string) (fr, nl int) {
	for w := range strings.FieldsFuncSeq(t, notWordRune) {
		w = strings.ToLower(w)
		switch {
		case frenchWords[w]:
			fr++
		case dutchFunctionWords[w]:
			nl++
		}
	}
	return fr, nl
}

// french reports whether t is plainly French: at least four French words
// and more than three times as many as Dutch ones; after a French block
// (afterFrench), a short one with French words and no Dutch one is French
// too ("9. Envisagez-vous de rouvrir les bureaux de Renaix et de Lommel?").
func french(t string, afterFrench bool) bool {
	fr, nl := frenchScore(t)
	return fr >= 4 && fr > 3*nl || afterFrench && fr >= 2 && nl == 0
}

// notWordRune splits words at anything but letters, digits and the
// apostrophe ("l'", "d'une" stay whole).
func notWordRune(r rune) bool {
	return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '\'' || r >= 0xC0)
}

// dropFrench leaves out the blocks that are plainly French when the text
// holds Dutch ones too, and gives the text joined again and a warning. Text
// printed in two columns side by side (raw, before its lines were read)
// has French and Dutch in one block: it is left as it is.
func dropFrench(blocks []block, joined, raw string) ([]block, string, []string) {
	if !mayHoldFrench(joined) {
		return blocks, joined, nil
	}
	if sideBySide(raw) {
		return blocks, joined, nil
	}
	keep := blocks[:0:0]
	dropped := 0
	last := false // the block before was French
	for _, b := range blocks {
		if last = french(b.text, last); last {
			dropped++
			continue
		}
		keep = append(keep, b)
	}
	if dropped == 0 || len(keep) == 0 {
		return blocks, joined, nil
	}
	joined = rejoinBlocks(keep)
	noun := " paragraphs"
	if dropped == 1 {
		noun = " paragraph"
	}
	return keep, joined, []string{"left out " + strconv.Itoa(dropped) + noun + " in French"}
}

// sideBySide reports whether the text stands in two columns on the same
// lines, as "pdftotext -layout" prints a bilingual page: in a third of its
// lines or more, text, four spaces or more, and text again.
func sideBySide(raw string) bool {
	lines, cols := 0, 0
	for l := range strings.Lines(raw) {
		t := strings.TrimSpace(l)
		if t == "" {
			continue
		}
		lines++
		if i := strings.Index(t, "    "); i > 0 && strings.TrimSpace(t[i:]) != "" {
			cols++
		}
	}
	return cols >= 5 && 3*cols >= lines
}

// mayHoldFrench reports whether s holds the commonest French words, " la
// ", " les " or " le ": most documents hold none, and need no closer look.
// It looks only where strings.IndexByte finds an 'l', a letter of one in
// thirty bytes of Dutch: three searches for the words, each stopping at
// every space, cost three times as much.
func mayHoldFrench(s string) bool {
	for i := 1; i < len(s); i++ {
		k := strings.IndexByte(s[i:], 'l')
		if k < 0 {
			return false
		}
		i += k
		if s[i-1] != ' ' || i+2 >= len(s) {
			continue
		}
		switch rest := s[i+1:]; {
		case rest[0] == 'a' && rest[1] == ' ', rest[0] == 'e' && rest[1] == ' ':
			return true
		case rest[0] == 'e' && rest[1] == 's' && len(rest) > 2 && rest[2] == ' ':
			return true
		}
	}
	return false
}
