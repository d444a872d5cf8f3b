package rules

import (
	"fmt"
	"regexp"
	"strings"
)

// Phrase syntax, matched on folded text (lower case, accents dropped):
//
//	word        the word itself, whole
//	word*       a word starting with "word" ("verwij*": verwijs, verwijst, verwijzen)
//	*word       a word ending in "word" (compounds: "*onderzoek")
//	a|b|c       one of these words
//	word?       the word may be absent (also "a|b?")
//	#           a number
//	...         up to ten other words in between
//
// Word boundaries are letter-aware: "mei" does not match inside "meindert"
// and "geëvalueerd" is one word. Rule authors never write boundaries.

const (
	wordChar = `[\pL\pN]`
	gap      = `[^\pL\pN.?!]+` // between words, never past a sentence end
	anyWords = `(?:[\pL\pN]+[^\pL\pN.?!]+){0,10}?`
)

// matcher is a compiled phrase or pattern. need lists literals of which
// the folded text must hold one before the regexp is worth running: the
// regexps backtrack, and most rules do not apply to most sentences.
type matcher struct {
	re   *regexp.Regexp
	need []string
}

func (m matcher) possible(s string) bool {
	if len(m.need) == 0 {
		return true
	}
	for _, n := range m.need {
		if strings.Contains(s, n) {
			return true
		}
	}
	return false
}

// compilePhrase turns a phrase into a matcher whose regexp's first group is
// the match.
func compilePhrase(phrase string) (matcher, error) {
	re, err := phraseRegexp(phrase)
	if err != nil {
		return matcher{}, err
	}
	return matcher{re: re, need: required(phrase)}, nil
}

// required picks the mandatory word whose alternatives make the rarest
// literals: the one whose shortest alternative is longest.
func required(phrase string) []string {
	var best []string
	bestLen := 0
	for _, t := range strings.Fields(foldString(phrase)) {
		if t == "..." || t == "…" || strings.HasSuffix(t, "?") {
			continue
		}
		var lits []string
		short := 1 << 30
		for _, a := range strings.Split(t, "|") {
			core := strings.Trim(a, "*")
			if a == "#" || core == "" {
				short = 0
				break
			}
			lits = append(lits, core)
			short = min(short, len(core))
		}
		if short > bestLen {
			best, bestLen = lits, short
		}
	}
	if bestLen < 2 {
		return nil
	}
	return best
}

// phraseRegexp turns a phrase into a regexp whose first group is the match.
func phraseRegexp(phrase string) (*regexp.Regexp, error) {
	toks := strings.Fields(foldString(phrase))
	if len(toks) == 0 {
		return nil, fmt.Errorf("empty phrase")
	}
	var b strings.Builder
	b.WriteString(`(?:^|[^\pL\pN])(`)
	first := true
	pendingGap := false
	for _, t := range toks {
		if t == "..." || t == "…" {
			if first {
				return nil, fmt.Errorf("phrase %q: cannot start with ...", phrase)
			}
			pendingGap = true
			continue
		}
		optional := strings.HasSuffix(t, "?") && len(t) > 1
		t = strings.TrimSuffix(t, "?")
		alt, err := compileWord(t)
		if err != nil {
			return nil, fmt.Errorf("phrase %q: %v", phrase, err)
		}
		var w string
		switch {
		case first:
			w = alt
		case pendingGap:
			w = gap + anyWords + alt
		default:
			w = gap + alt
		}
		if optional {
			if first {
				w = `(?:` + alt + gap + `)?`
			} else {
				w = `(?:` + w + `)?`
			}
		}
		b.WriteString(w)
		if !optional || !first {
			first = false
		}
		pendingGap = false
	}
	if pendingGap {
		return nil, fmt.Errorf("phrase %q: cannot end with ...", phrase)
	}
	b.WriteString(`)(?:$|[^\pL\pN])`)
	return regexp.Compile(b.String())
}

// compileWord compiles one token: alternatives, wildcards, numbers.
func compileWord(t string) (string, error) {
	var alts []string
	for _, a := range strings.Split(t, "|") {
		if a == "" {
			return "", fmt.Errorf("empty alternative in %q", t)
		}
		if a == "#" {
			alts = append(alts, `\d+`)
			continue
		}
		pre, suf := strings.HasPrefix(a, "*"), strings.HasSuffix(a, "*")
		core := strings.Trim(a, "*")
		if core == "" || strings.Contains(core, "*") {
			return "", fmt.Errorf("bad wildcard in %q", a)
		}
		r := regexp.QuoteMeta(core)
		if pre {
			r = wordChar + `*` + r
		}
		if suf {
			r += wordChar + `*`
		}
		alts = append(alts, r)
	}
	return `(?:` + strings.Join(alts, "|") + `)`, nil
}
