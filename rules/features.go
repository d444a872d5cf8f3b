package rules

import (
	"math/bits"
	"slices"
	"time"

	"github.com/pqtrack/pqtrack/tracker"
)

// The features of a sentence are what the role model weighs. Each is a key
// in the weight file: a prefix, a colon and a value. They describe language,
// not documents: the folded words and word pairs, the stems of content
// words, the kinds of rule that matched (not their ids, so that a user's own
// rules count too), dates and their tense, where the sentence stands and how
// much of the question it takes up.
//
//	bias        every sentence
//	w:WORD      a folded word (numbers as #)
//	b:W1_W2     two words in a row
//	w0:WORD     the first word
//	s:STEM      the stem of a content word
//	neg:STEM    the first content word after a negation, stemmed
//	c:CLASS     a word of that class (lexicon.go)
//	nc:CLASS    a word of that class in a clause with a negation
//	qk:ASK      what the sub-question the sentence stands under asks
//	            (asking.go), qr:ASK_KIND with what the rules make of the
//	            sentence, qn:ASK_CLASS with each class nc: gives
//	k:KIND      a rule of that kind matched
//	r:KIND      what the rules alone make of the sentence (see classify)
//	pr:KIND     what they make of the sentence before, when not a reply
//	d:...       dates: any, future, past, promise
//	pos:...     first, last, only
//	len:N       length class by words
//	q:N         share of its content words that the question holds, in tenths
//	qwhen:...   the question asks when; with a date in the sentence

// answerContext is what a sentence's features need of its answer.
type answerContext struct {
	text     string    // the question
	question []string  // the question's content terms
	qbits    [4]uint64 // the termBit of each term of the question, as a set
	asksWhen bool
	n        int // sentences in the answer; 0: unknown (a sentence written for training)
	ref      time.Time
	sents    []sentence // the answer's sentences, classified; nil: unknown
	asks     []string   // what each sub-question asks (asking.go); nil: unknown
}

func newAnswerContext(question string, n int, ref time.Time) *answerContext {
	return newAnswerContextTerms(question, Terms(question), n, ref)
}

// newAnswerContextTerms is newAnswerContext with the question's terms
// found by the caller.
func newAnswerContextTerms(question string, terms []string, n int, ref time.Time) *answerContext {
	c := new(answerContext)
	initAnswerContext(c, question, terms, n, ref)
	return c
}

// initAnswerContext sets c to newAnswerContextTerms of the arguments.
func initAnswerContext(c *answerContext, question string, terms []string, n int, ref time.Time) {
	*c = answerContext{text: question, question: terms, n: n, ref: ref}
	for _, t := range c.question {
		b := termBit(t)
		c.qbits[b/64] |= 1 << (b % 64)
	}
	c.asksWhen = asksAboutTime(question)
}

// sink receives the features of a sentence. The words come all at once,
// in order, so that a sink can make the pairs and weigh them in a loop of
// its own; every other feature comes by its number or as a prefix and a
// value, which make its key together.
type sink interface {
	// words gives, for each word of ws in the folded text f in turn,
	// w:WORD (see featureWord), w0:WORD for the first word, and
	// b:PREV_WORD for every word after the first. ents are the words'
	// term cache entries, one each, when the caller has them (nil: none).
	words(f string, ws []word, ents []*termEntry)
	// stems gives s:STEM for each of terms in turn; ents are their term
	// cache entries, one each, or nil.
	stems(terms []string, ents []*termEntry)
	// feature gives the feature of a fixed key, featureKeys[id].
	feature(id featureID)
	// other gives the feature PREFIX+VALUE, one of no fixed key.
	other(prefix, value string)
}

// features gives the features of st, the i-th sentence of its answer, to
// out. It is the one definition of them: training (keys) and judging (the
// fast sink in model.go) both read them here.
func features(st *sentence, i int, ctx *answerContext, out sink) {
	out.feature(featBias)

	f, ws, ents := st.fold, st.words, st.wordEnts
	if f == "" {
		f = foldString(st.text)
		ws = words(f, nil)
	}
	if len(ents) != len(ws) {
		ents = nil
	}
	out.words(f, ws, ents)
	stems := st.termEnts
	if len(stems) != len(st.terms) {
		stems = nil
	}
	out.stems(st.terms, stems)
	// neg:STEM for each negation, then c:CLASS and nc:CLASS, from one
	// loop over the words.
	var denied uint16
	if ents != nil && st.marks&markRead != 0 && st.marks&markNeg == 0 {
		// No word denies: the classes of its words, which scanner.read
		// or-ed together, without a loop over them.
		denied = allClassFeatures(st.classes, out)
	} else {
		denied = classFeatures(f, ws, ents, out)
	}
	if st.sub < len(ctx.asks) {
		// What the sentence does depends on what it replies to.
		ask := ctx.asks[st.sub]
		rule := st.rule
		if rule == "" {
			rule = KindReply
		}
		if a, k := askIndex(ask), kindIndex(rule); a < len(askNames) && k < len(kinds) {
			// qk:ASK, qr:ASK_RULE and qn:ASK_CLASS by number.
			out.feature(featAsk + featureID(a))
			out.feature(featAskRule + featureID(a)*nKinds + featureID(k))
			askClassFeatures(out, a, denied)
		} else {
			out.other("qk:", ask)
			out.other("qr:"+ask+"_", string(rule))
			for b, name := range classNames {
				if denied&(1<<b) != 0 {
					out.other("qn:"+ask+"_", name)
				}
			}
		}
	}

	rule := st.rule
	if rule == "" {
		rule = KindReply
	}
	kindFeature(out, featRule, "r:", rule)
	// What the rules make of the sentence before: the reason given after
	// a refusal ("Dat valt onder de bevoegdheid van ...") is part of it.
	if i > 0 && i <= len(ctx.sents) {
		if prev := ctx.sents[i-1].rule; prev != "" {
			kindFeature(out, featPrev, "pr:", prev)
		}
	}
	var seen [16]bool
	for _, h := range st.hits {
		if x := kindIndex(h.rule.Kind); x < len(seen) && !seen[x] {
			seen[x] = true
			kindFeature(out, featKind, "k:", h.rule.Kind)
		}
	}

	if len(st.exprs) > 0 {
		out.feature(featDateAny)
		future := false
		for _, e := range st.exprs {
			future = future || !e.Past && (!tracker.Dated(ctx.ref) || !e.Date.Before(ctx.ref))
		}
		if future {
			out.feature(featDateFuture)
		} else {
			out.feature(featDatePast)
		}
		if ctx.asksWhen {
			out.feature(featWhenDate)
		}
	}
	if len(st.promises) > 0 {
		out.feature(featDatePromise)
	}
	if ctx.asksWhen {
		out.feature(featWhenYes)
	}

	switch {
	case ctx.n == 0:
	case ctx.n == 1:
		out.feature(featPosOnly)
	case i == 0:
		out.feature(featPosFirst)
	case i == ctx.n-1:
		out.feature(featPosLast)
	}
	out.feature(lengthFeature(len(ws)))

	if len(st.terms) > 0 {
		in := 0
		for j, t := range st.terms {
			// The bits spare comparing most terms with the question's.
			var b uint8
			if stems != nil {
				b = stems[j].bit
			} else {
				b = termBit(t)
			}
			if ctx.qbits[b/64]&(1<<(b%64)) != 0 && slices.Contains(ctx.question, t) {
				in++
			}
		}
		out.feature(featShare0 + featureID(in*10/len(st.terms)/3)) // 0-2: little, some, most; 3: all
	}
}

// kindFeature gives the feature of prefix and kind k, by number from
// first, the number of the range of that prefix, when k is one of kinds.
func kindFeature(out sink, first featureID, prefix string, k Kind) {
	if x := kindIndex(k); x < len(kinds) {
		out.feature(first + featureID(x))
		return
	}
	out.other(prefix, string(k))
}

// classFeatures gives neg:STEM for what each negation of the folded
// sentence f denies, in order, then c:CLASS for the class of every word
// and nc:CLASS for those in a clause with a negation (lexicon.go). ents
// are the words' term cache entries, or nil. The negations are found in
// the loop that reads the classes, where a loop of their own read every
// word again.
func classFeatures(f string, ws []word, ents []*termEntry, out sink) (denied uint16) {
	var all, clause uint16
	neg := false
	for j := range ws {
		var e *termEntry
		if ents != nil {
			e = ents[j]
		}
		// What the word is, from its entry when there is one.
		var isNeg, opens bool
		if e != nil {
			isNeg, opens = e.neg, e.opens
		} else {
			w := f[ws[j].start:ws[j].end]
			isNeg, opens = isNegation(w), opensClause(w)
		}
		if j > 0 && (opens || !singleSpace(f, ws[j-1].end, ws[j].start) && sepBreak(f[ws[j-1].end:ws[j].start])) {
			if neg {
				denied |= clause
			}
			neg, clause = false, 0
		}
		if isNeg {
			neg = true
			negated(f, ws, ents, j, out)
			continue
		}
		if e == nil {
			// A word has an entry when it has two bytes or more.
			if ws[j].end-ws[j].start < 2 {
				continue
			}
			e = term(f[ws[j].start:ws[j].end])
		}
		all |= e.class
		clause |= e.class
	}
	if neg {
		denied |= clause
	}
	classKeys(out, all, denied)
	return denied
}

// classKeys gives c:CLASS for each class of all and nc:CLASS for each of
// denied, class by class in the order of classNames, by their set bits.
func classKeys(out sink, all, denied uint16) {
	for d := (all | denied) & classBits; d != 0; d &= d - 1 {
		b := bits.TrailingZeros16(d)
		if all&(1<<b) != 0 {
			out.feature(featClass + featureID(b))
		}
		if denied&(1<<b) != 0 {
			out.feature(featDenied + featureID(b))
		}
	}
}

// askClassFeatures gives qn:ASK_CLASS for each class of denied, in the
// order of classNames, by their set bits: most sentences deny none, and a
// loop over every class cost more than the rest of the features of the
// question's kind.
func askClassFeatures(out sink, a int, denied uint16) {
	for d := denied & classBits; d != 0; d &= d - 1 {
		out.feature(featAskClass + featureID(a)*nClasses + featureID(bits.TrailingZeros16(d)))
	}
}

// classBits are the bits of the classes of classNames in a uint16 of
// them: the loops over a sentence's classes go over its set bits, in the
// order of classNames, which the loops over every class kept.
var classBits = uint16(1)<<len(classNames) - 1

// allClassFeatures is classFeatures of a sentence none of whose words is
// a negation and each of whose words of two bytes or more has its entry,
// the entries' classes or-ed together being all: c:CLASS for each, and
// no clause denies any (0).
func allClassFeatures(all uint16, out sink) (denied uint16) {
	for d := all & classBits; d != 0; d &= d - 1 {
		out.feature(featClass + featureID(bits.TrailingZeros16(d)))
	}
	return 0
}

// negated gives neg:STEM for what the negation ws[j] denies: "niet
// bekend", "geen gegevens", "niet openbaar", "niet aan mij": the stem of
// the next content word within a few words.
func negated(f string, ws []word, ents []*termEntry, j int, out sink) {
	for k := j + 1; k < min(j+4, len(ws)); k++ {
		y := ws[k]
		if y.end-y.start < 2 || negationAt(f, y, ents, k) {
			continue
		}
		e := entryAt(f, y, ents, k)
		if !e.skip {
			out.other("neg:", e.stem)
			return
		}
	}
}

// singleSpace reports whether f[from:to] is one space, the separator
// between most words, which sepBreak answers false for: told here by the
// length and one byte, without the call and the string.
func singleSpace(f string, from, to int) bool { return to-from == 1 && f[from] == ' ' }

// keys is the sink of training: every feature as its key.
type keys struct {
	out  []string
	prev string
}

// featureWord is the word of w:WORD for the folded word w: numbers are
// "#".
func featureWord(w string) string {
	if isNumber(w) {
		return "#"
	}
	return w
}

func (k *keys) words(f string, ws []word, _ []*termEntry) {
	for j, x := range ws {
		k.word(featureWord(f[x.start:x.end]), j == 0)
	}
}

func (k *keys) stems(terms []string, _ []*termEntry) {
	for _, t := range terms {
		k.stem(t)
	}
}

// word gives the features of one word.
func (k *keys) word(w string, first bool) {
	k.out = append(k.out, "w:"+w)
	if first {
		k.out = append(k.out, "w0:"+w)
	} else {
		k.out = append(k.out, "b:"+k.prev+"_"+w)
	}
	k.prev = w
}

func (k *keys) stem(s string) { k.out = append(k.out, "s:"+s) }

func (k *keys) feature(id featureID) { k.out = append(k.out, featureKeys[id]) }

func (k *keys) other(prefix, value string) { k.out = append(k.out, prefix+value) }

func isNumber(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < '0' || w[i] > '9' {
			return false
		}
	}
	return w != ""
}

// negationAt is isNegation of x, the j-th word of f, from its entry in
// ents (nil: none) when it has one.
func negationAt(f string, x word, ents []*termEntry, j int) bool {
	if ents != nil && ents[j] != nil {
		return ents[j].neg
	}
	return isNegation(f[x.start:x.end])
}

// entryAt is the term cache entry of x, the j-th word of f, from ents
// (nil: none) when it has one.
func entryAt(f string, x word, ents []*termEntry, j int) *termEntry {
	if ents != nil && ents[j] != nil {
		return ents[j]
	}
	return term(f[x.start:x.end])
}

// isNegation reports whether the folded word w denies what follows.
func isNegation(w string) bool {
	switch w {
	case "niet", "geen", "nooit", "niets", "noch", "nergens":
		return true
	}
	return false
}
