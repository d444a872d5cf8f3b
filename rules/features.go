package rules

import (
	"strconv"
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
//	k:KIND      a rule of that kind matched
//	r:KIND      what the rules alone make of the sentence (see classify)
//	d:...       dates: any, future, past, promise
//	pos:...     first, last, only
//	len:N       length class by words
//	q:N         share of its content words that the question holds, in tenths
//	qwhen:...   the question asks when; with a date in the sentence

// answerContext is what a sentence's features need of its answer.
type answerContext struct {
	question map[string]bool // the question's content terms
	asksWhen bool
	n        int // sentences in the answer
	ref      time.Time
}

func newAnswerContext(question string, n int, ref time.Time) *answerContext {
	c := &answerContext{question: map[string]bool{}, n: n, ref: ref}
	for _, t := range Terms(question) {
		c.question[t] = true
	}
	c.asksWhen = asksAboutTime(question)
	return c
}

// features calls emit with the key of each feature of st, the i-th
// sentence of its answer, in a buffer that emit must not keep.
func features(st *sentence, i int, ctx *answerContext, emit func(key []byte)) {
	var kb [96]byte
	k := kb[:0]
	put := func(prefix string, parts ...string) {
		k = append(k[:0], prefix...)
		for j, p := range parts {
			if j > 0 {
				k = append(k, '_')
			}
			k = append(k, p...)
		}
		emit(k)
	}
	put("bias")

	f := foldString(st.text)
	var wb [64]word
	ws := words(f, wb[:0])
	prev := ""
	for j, x := range ws {
		w := f[x.start:x.end]
		if isNumber(w) {
			w = "#"
		}
		put("w:", w)
		if j == 0 {
			put("w0:", w)
		} else {
			put("b:", prev, w)
		}
		prev = w
	}
	for _, t := range st.terms {
		put("s:", t)
	}

	rule := string(st.rule)
	if rule == "" {
		rule = "reply"
	}
	put("r:", rule)
	var seen [16]bool
	for _, h := range st.hits {
		if x := kindIndex(h.rule.Kind); x < len(seen) && !seen[x] {
			seen[x] = true
			put("k:", string(h.rule.Kind))
		}
	}

	if len(st.exprs) > 0 {
		put("d:any")
		future := false
		for _, e := range st.exprs {
			future = future || !e.Past && (!tracker.Dated(ctx.ref) || !e.Date.Before(ctx.ref))
		}
		if future {
			put("d:future")
		} else {
			put("d:past")
		}
		if ctx.asksWhen {
			put("qwhen:date")
		}
	}
	if len(st.promises) > 0 {
		put("d:promise")
	}
	if ctx.asksWhen {
		put("qwhen:yes")
	}

	switch {
	case ctx.n == 1:
		put("pos:only")
	case i == 0:
		put("pos:first")
	case i == ctx.n-1:
		put("pos:last")
	}
	put("len:", lengthClass(len(ws)))

	if len(st.terms) > 0 {
		in := 0
		for _, t := range st.terms {
			if ctx.question[t] {
				in++
			}
		}
		put("q:", strconv.Itoa(in*10/len(st.terms)/3)) // 0-2: little, some, most; 3: all
	}
}

// lengthClass groups sentence lengths in words: a bare "Ja." differs from a
// paragraph, the exact count does not.
func lengthClass(n int) string {
	switch {
	case n <= 3:
		return "1-3"
	case n <= 8:
		return "4-8"
	case n <= 20:
		return "9-20"
	}
	return "21+"
}

func isNumber(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < '0' || w[i] > '9' {
			return false
		}
	}
	return w != ""
}
