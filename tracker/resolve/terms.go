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
	q := rules.Terms(it.Question)
	d := it.Deferral
	if d == nil || it.Status == tracker.Deferred {
		return q
	}
	ref := set(rules.Terms(d.Ref + " " + d.Body + " " + d.Evidence.Text + " " + d.Number))
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
			if t := rules.Terms(it.SubQuestions[f.SubQuestion].Text); len(t) > 0 {
				return t
			}
		}
	}
	return q
}

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
// same term, or (for terms of five letters or more) a compound that
// contains it, so "platform" is found in "ideeenplatform".
func Shared(q, p []string) []string {
	ps := set(p)
	var out []string
	for _, t := range q {
		if ps[t] {
			out = append(out, t)
			continue
		}
		if len(t) < 5 {
			continue
		}
		for _, x := range p {
			if len(x) > len(t) && strings.Contains(x, t) {
				out = append(out, t)
				break
			}
		}
	}
	return out
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

// Addresses reports whether a passage sharing shared of q's terms answers it.
func Addresses(q, shared []string, w Weights) bool {
	need := min(MinShared, len(q))
	return len(q) > 0 && len(shared) >= need && Coverage(q, shared, w) >= MinCoverage
}

// maxSnippet bounds a passage's snippet, in runes.
const maxSnippet = 320

// Snippet is the part of passage text to read: the sentences around the
// one that holds most of the shared terms, at most maxSnippet runes, with
// "…" where it was cut.
func Snippet(passage string, shared []string) string {
	sents := text.Sentences(passage)
	if len(sents) == 0 {
		return clip(passage, maxSnippet)
	}
	best, bestN := 0, -1
	for i, sp := range sents {
		n := len(Shared(shared, rules.Terms(passage[sp[0]:sp[1]])))
		if n > bestN {
			best, bestN = i, n
		}
	}
	start, end := sents[best][0], sents[best][1]
	// Grow forward, then backward, while it fits.
	for i := best + 1; i < len(sents) && utf8.RuneCountInString(passage[start:sents[i][1]]) <= maxSnippet; i++ {
		end = sents[i][1]
	}
	for i := best - 1; i >= 0 && utf8.RuneCountInString(passage[sents[i][0]:end]) <= maxSnippet; i-- {
		start = sents[i][0]
	}
	s := clip(passage[start:end], maxSnippet)
	if start > 0 {
		s = "…" + s
	}
	if end < len(strings.TrimRight(passage, " \n")) && !strings.HasSuffix(s, "…") {
		s += " …"
	}
	return s
}

func clip(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return strings.TrimSpace(string(r[:n-1])) + "…"
}

// Label names what a question is about in a word or two of its own text,
// for messages: an abbreviation ("VMRI") or name ("Maxipac") among the
// topic terms when there is one, else the rarest topic term as written
// ("expertendatabank").
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
		s := w.Of(ts[0])
		if abbreviation(word) {
			s += 100
		} else if r, _ := utf8.DecodeRuneInString(word); unicode.IsUpper(r) && !sentenceStart(question, word) {
			s += 50
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

// sentenceStart reports whether word only occurs at the start of a
// sentence of s, where a capital says nothing.
func sentenceStart(s, word string) bool {
	for i := strings.Index(s, word); i >= 0; {
		before := strings.TrimRight(s[:i], " \n\t\"'‘“(")
		if before != "" && !strings.HasSuffix(before, ".") && !strings.HasSuffix(before, "?") &&
			!strings.HasSuffix(before, "!") && !strings.HasSuffix(before, ":") {
			return false
		}
		j := strings.Index(s[i+len(word):], word)
		if j < 0 {
			break
		}
		i += len(word) + j
	}
	return true
}
