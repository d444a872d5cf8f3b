package resolve

import (
	"math"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/pqtrack/pqtrack/rules"
	"github.com/pqtrack/pqtrack/tracker"
	"github.com/pqtrack/pqtrack/tracker/text"
)

// Thresholds of the verdict. A passage addresses a question when the terms
// it shares with the question carry at least MinCoverage of the question's
// term weight, and it shares at least two terms (or all, for a question of
// one term).
const (
	MinCoverage = 0.25
	MinShared   = 2
)

// Topic returns the terms a deferral is about. A deferral that covers only
// part of an answer ("Voor meer info over Maxipac verwijs ik naar ...") is
// about the question's terms its own sentence names; failing that, about the
// sub-question the rules tied it to; else about the whole question. Words of
// the reference itself ("bespreking", "commissie", the date) never count.
func Topic(it *tracker.Item) []string {
	q := content(it.Question)
	d := it.Deferral
	if d == nil || it.Status == tracker.Deferred {
		return q
	}
	ref := set(rules.Terms(d.Ref + " " + d.Body + " " + d.Number))
	qs := set(q)
	var own []string
	for _, t := range rules.Terms(sentenceAt(it.Answer, d.Evidence.Start)) {
		if qs[t] && !ref[t] {
			own = append(own, t)
		}
	}
	if len(own) > 0 {
		return own
	}
	for _, f := range it.Findings {
		if f.Kind == tracker.FindDeferral && f.SubQuestion >= 0 && f.SubQuestion < len(it.SubQuestions) {
			if t := content(it.SubQuestions[f.SubQuestion].Text); len(t) > 0 {
				return t
			}
		}
	}
	return q
}

// content is rules.Terms without the words questions use to frame what
// they ask ("De minister geeft aan ...", "Wat is de concrete timing"),
// which say nothing of the subject.
func content(s string) []string {
	var out []string
	for _, t := range rules.Terms(s) {
		if !framing[t] {
			out = append(out, t)
		}
	}
	return out
}

// framing are stems of such words.
var framing = set(strings.Fields(`geeft gaf gegeven verder concret heden vlak oog zet stelt
	gesteld vermeld meldt nodig hoe tijd komend`))

// sentenceAt is the sentence of s that holds byte offset at.
func sentenceAt(s string, at int) string {
	for _, sp := range text.Sentences(s) {
		if at >= sp[0] && at < sp[1] {
			return s[sp[0]:sp[1]]
		}
	}
	return ""
}

func set(ts []string) map[string]bool {
	m := make(map[string]bool, len(ts))
	for _, t := range ts {
		m[t] = true
	}
	return m
}

// Weights gives each term its rarity: idf over n passages, where df says
// in how many a term occurs. A term in no passage weighs the most.
type Weights struct {
	N  int
	DF map[string]int
}

// Of is the weight of term t.
func (w Weights) Of(t string) float64 {
	return math.Log(1 + (float64(w.N)+1)/(float64(w.DF[t])+0.5))
}

// Shared returns the terms of q that a passage with terms p holds: the
// same term; for terms of five letters or more, a compound that holds it
// ("platform" in "ideeenplatform"); or another form of the same word that
// Snowball leaves apart ("gepromot" and "promotie", "functioneert" and
// "functionering").
func Shared(q, p []string) []string {
	ps := set(p)
	var out []string
	for _, t := range q {
		if ps[t] {
			out = append(out, t)
			continue
		}
		for _, x := range p {
			if related(t, x) {
				out = append(out, t)
				break
			}
		}
	}
	return out
}

// related reports whether a and b are forms of one word or one is part of
// a compound that is the other.
func related(a, b string) bool {
	if len(a) >= 5 && len(b) > len(a) && strings.Contains(b, a) {
		return true
	}
	return samePrefix(a, b) || samePrefix(strings.TrimPrefix(a, "ge"), b) || samePrefix(a, strings.TrimPrefix(b, "ge"))
}

// samePrefix: a common start of six letters or more that is most of the
// shorter word.
func samePrefix(a, b string) bool {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n >= 6 && float64(n) >= 0.75*float64(min(len(a), len(b)))
}

// Coverage is the share of q's weight that shared carries.
func Coverage(q, shared []string, w Weights) float64 {
	var all, got float64
	for _, t := range q {
		all += w.Of(t)
	}
	for _, t := range shared {
		got += w.Of(t)
	}
	if all == 0 {
		return 0
	}
	return got / all
}

// Addresses reports whether a passage sharing shared of q's terms bears on
// it at all: two terms, or the only one. Whether such passages together
// answer the question is for Covered.
func Addresses(q, shared []string) bool {
	return len(q) > 0 && len(shared) >= min(MinShared, len(q))
}

// Covered reports whether the terms shared by the passages that address q
// carry at least MinCoverage of its weight.
func Covered(q, shared []string, w Weights) bool {
	return Addresses(q, shared) && Coverage(q, shared, w) >= MinCoverage
}

// maxSnippet bounds a passage's snippet, in runes.
const maxSnippet = 360

// Snippet is the part of passage text to read: the sentences that show the
// shared terms, most new terms first, within maxSnippet runes, in text
// order, with "…" where text was left out.
func Snippet(passage string, shared []string) string {
	sents := text.Sentences(passage)
	if len(sents) == 0 {
		return clip(passage, maxSnippet)
	}
	terms := make([][]string, len(sents))
	for i, sp := range sents {
		terms[i] = Shared(shared, rules.Terms(passage[sp[0]:sp[1]]))
	}
	have := map[string]bool{}
	picked := make([]bool, len(sents))
	size := 0
	length := func(i int) int { return utf8.RuneCountInString(passage[sents[i][0]:sents[i][1]]) + 2 }
	for {
		best, bestGain := -1, 0
		for i := range sents {
			if picked[i] || size+length(i) > maxSnippet && size > 0 {
				continue
			}
			g := 0
			for _, t := range terms[i] {
				if !have[t] {
					g++
				}
			}
			if g > bestGain {
				best, bestGain = i, g
			}
		}
		if best < 0 {
			break
		}
		picked[best] = true
		size += length(best)
		for _, t := range terms[best] {
			have[t] = true
		}
	}
	// Room left: the sentences that follow the picked ones, for context.
	for i := 0; i < len(sents); i++ {
		if picked[i] && i+1 < len(sents) && !picked[i+1] && size+length(i+1) <= maxSnippet {
			picked[i+1] = true
			size += length(i + 1)
		}
	}
	var b strings.Builder
	gap := false
	for i := range sents {
		if !picked[i] {
			gap = true
			continue
		}
		if gap {
			if b.Len() > 0 {
				b.WriteString(" ")
			}
			b.WriteString("… ")
		} else if b.Len() > 0 {
			b.WriteString(" ")
		}
		gap = false
		b.WriteString(strings.TrimSpace(passage[sents[i][0]:sents[i][1]]))
	}
	if b.Len() == 0 {
		return clip(passage, maxSnippet)
	}
	if gap {
		b.WriteString(" …")
	}
	return clip(b.String(), maxSnippet+20)
}

func clip(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return strings.TrimSpace(string(r[:n-1])) + "…"
}

// Label names what a question is about in a word of its own text, for
// messages: an abbreviation ("VMRI") among the topic terms when there is
// one, else the longest topic word as written
// ("expertendatabank"), rarity breaking ties.
func Label(question string, topic []string, w Weights) string {
	if len(topic) == 0 {
		return ""
	}
	want := set(topic)
	type cand struct {
		word  string
		score float64
	}
	var cs []cand
	seen := map[string]bool{}
	for _, word := range strings.FieldsFunc(question, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-'
	}) {
		word = strings.Trim(word, "-")
		ts := rules.Terms(word)
		if len(ts) != 1 || !want[ts[0]] || seen[ts[0]] {
			continue
		}
		seen[ts[0]] = true
		// Subjects are mostly nouns, and Dutch compound nouns are long.
		s := float64(utf8.RuneCountInString(word)) + w.Of(ts[0])/10
		if abbreviation(word) {
			s += 100
		}
		cs = append(cs, cand{word, s})
	}
	if len(cs) == 0 {
		return topic[0]
	}
	sort.SliceStable(cs, func(i, j int) bool { return cs[i].score > cs[j].score })
	return cs[0].word
}

func abbreviation(w string) bool {
	n := 0
	for _, r := range w {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsUpper(r) {
			n++
		}
	}
	return n >= 2
}
