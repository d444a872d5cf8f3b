package rules

import (
	"slices"
	"strconv"
	"testing"

	"github.com/pqtrack/pqtrack/tracker"
	"github.com/pqtrack/pqtrack/tracker/parse"
)

// TestFeatureIDsAsKeys holds the features of fixed keys given by number
// (featids.go), the words and stems given to the sink all at once, and
// negations and clause breaks read from the words' entries, to
// the keys features built before (featuresBefore, the code as it was), key
// for key and in order, for every sentence of
// every answer of the development documents, the seed and
// tracker/parse/testdata/real, with the kinds of their sub-questions; and
// the scorer, which finds their rows by number, to the sum of the rows of
// those keys looked up in the table, bit for bit.
func TestFeatureIDsAsKeys(t *testing.T) {
	set, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	docs := guardDocs()
	m := set.roleModel()
	ref := tracker.Day(2024, 11, 20)
	sentences := 0
	seen := map[featureID]bool{}
	for name, b := range docs {
		d, _ := parse.Read(name, b)
		if d == nil {
			continue
		}
		for _, it := range d.Items {
			if len(it.SubQuestions) == 0 {
				it.SubQuestions = splitQuestion(it.Question)
			}
			if isBlank(it.Answer) {
				continue
			}
			// As read does, up to readRoles.
			sents := set.sentencesIn(it.Answer, ref, new(answerBuf))
			sterms := subTerms(it.SubQuestions)
			ctx := newAnswerContextTerms(it.Question, questionTerms(it.Question, it.SubQuestions, sterms), len(sents), ref)
			for i := range sents {
				classify(&sents[i])
				sents[i].rule = sents[i].class
			}
			ctx.sents = sents
			ctx.asks = newQuestionFacts(it.SubQuestions).askKinds()
			assign(sents, it.SubQuestions, sterms)
			sc := m.newScorer()
			for i := range sents {
				st := &sents[i]
				var got, want keys
				features(st, i, ctx, &got)
				featuresBefore(st, i, ctx, &want)
				if !slices.Equal(got.out, want.out) {
					t.Fatalf("%s: %q: keys\n%q, before\n%q", name, st.text, got.out, want.out)
				}
				var ids idSink
				features(st, i, ctx, &ids)
				for _, id := range ids {
					seen[id] = true
				}
				var sum [nRoles]float64
				for _, k := range want.out {
					if r, ok := m.roles.index[k]; ok {
						for c, w := range m.roles.weights[int(r)*nRoles : int(r+1)*nRoles] {
							sum[c] += float64(w)
						}
					}
				}
				softmax(sum[:])
				if p := sc.predict(st, i, ctx); p != sum {
					t.Fatalf("%s: %q: scorer %v, rows of the keys %v", name, st.text, p, sum)
				}
				sentences++
			}
		}
	}
	if sentences < 1000 {
		t.Errorf("only %d sentences", sentences)
	}
	t.Logf("%d sentences, %d of %d numbered features seen", sentences, len(seen), nFeatures)
}

// TestFeatureKeysUnique: no two numbers share a key, and every key has a
// prefix and a value.
func TestFeatureKeysUnique(t *testing.T) {
	at := map[string]int{}
	for id, k := range featureKeys {
		if k == "" {
			t.Errorf("feature %d has no key", id)
		}
		if j, ok := at[k]; ok {
			t.Errorf("features %d and %d are both %q", j, id, k)
		}
		at[k] = id
	}
}

// idSink keeps the numbers of the features of fixed keys.
type idSink []featureID

func (s *idSink) words(string, []word, []*termEntry) {}
func (s *idSink) stems([]string, []*termEntry)       {}
func (s *idSink) feature(id featureID)               { *s = append(*s, id) }
func (s *idSink) other(string, string)               {}

// featuresBefore is features as it was before the features of fixed keys
// had numbers and the words came to the sink all at once: every feature
// built as its key, word by word.
func featuresBefore(st *sentence, i int, ctx *answerContext, out *keys) {
	out.other("bias", "")

	f, ws, ents := st.fold, st.words, st.wordEnts
	if f == "" {
		f = foldString(st.text)
		ws = words(f, nil)
	}
	if len(ents) != len(ws) {
		ents = nil
	}
	for j, x := range ws {
		w := f[x.start:x.end]
		if isNumber(w) {
			w = "#"
		}
		out.word(w, j == 0)
	}
	stems := st.termEnts
	if len(stems) != len(st.terms) {
		stems = nil
	}
	for _, t := range st.terms {
		out.stem(t)
	}
	// What a negation denies: "niet bekend", "geen gegevens", "niet
	// openbaar", "niet aan mij": the stem of the next content word within
	// a few words.
	for j, x := range ws {
		if !isNegation(f[x.start:x.end]) {
			continue
		}
		for _, y := range ws[j+1 : min(j+4, len(ws))] {
			w := f[y.start:y.end]
			if len(w) < 2 || isNegation(w) {
				continue
			}
			if e := term(w); !e.skip {
				out.other("neg:", e.stem)
				break
			}
		}
	}

	denied := classFeaturesBefore(f, ws, ents, out)
	if st.sub < len(ctx.asks) {
		// What the sentence does depends on what it replies to.
		ask := ctx.asks[st.sub]
		out.other("qk:", ask)
		r := string(st.rule)
		if r == "" {
			r = "reply"
		}
		// qr:ASK_RULE and qn:ASK_CLASS, with the prefix made once.
		qr, qn := askPrefixesBefore(ask)
		out.other(qr, r)
		for b, name := range classNames {
			if denied&(1<<b) != 0 {
				out.other(qn, name)
			}
		}
	}

	rule := string(st.rule)
	if rule == "" {
		rule = "reply"
	}
	out.other("r:", rule)
	// What the rules make of the sentence before: the reason given after
	// a refusal ("Dat valt onder de bevoegdheid van ...") is part of it.
	if i > 0 && i <= len(ctx.sents) {
		if prev := ctx.sents[i-1].rule; prev != "" {
			out.other("pr:", string(prev))
		}
	}
	var seen [16]bool
	for _, h := range st.hits {
		if x := kindIndex(h.rule.Kind); x < len(seen) && !seen[x] {
			seen[x] = true
			out.other("k:", string(h.rule.Kind))
		}
	}

	if len(st.exprs) > 0 {
		out.other("d:", "any")
		future := false
		for _, e := range st.exprs {
			future = future || !e.Past && (!tracker.Dated(ctx.ref) || !e.Date.Before(ctx.ref))
		}
		if future {
			out.other("d:", "future")
		} else {
			out.other("d:", "past")
		}
		if ctx.asksWhen {
			out.other("qwhen:", "date")
		}
	}
	if len(st.promises) > 0 {
		out.other("d:", "promise")
	}
	if ctx.asksWhen {
		out.other("qwhen:", "yes")
	}

	switch {
	case ctx.n == 0:
	case ctx.n == 1:
		out.other("pos:", "only")
	case i == 0:
		out.other("pos:", "first")
	case i == ctx.n-1:
		out.other("pos:", "last")
	}
	out.other("len:", lengthClassBefore(len(ws)))

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
		out.other("q:", strconv.Itoa(in*10/len(st.terms)/3)) // 0-2: little, some, most; 3: all
	}
}
func classFeaturesBefore(f string, ws []word, ents []*termEntry, out *keys) (denied uint16) {
	var all, clause uint16
	neg := false
	for j, x := range ws {
		w := f[x.start:x.end]
		if j > 0 && clauseBreak(f[ws[j-1].end:x.start], w) {
			if neg {
				denied |= clause
			}
			neg, clause = false, 0
		}
		if isNegation(w) {
			neg = true
			continue
		}
		if len(w) < 2 {
			continue
		}
		var e *termEntry
		if ents != nil {
			e = ents[j]
		}
		if e == nil {
			e = term(w)
		}
		all |= e.class
		clause |= e.class
	}
	if neg {
		denied |= clause
	}
	for b, name := range classNames {
		if all&(1<<b) != 0 {
			out.other("c:", name)
		}
		if denied&(1<<b) != 0 {
			out.other("nc:", name)
		}
	}
	return denied
}
func askPrefixesBefore(ask string) (qr, qn string) {
	switch ask {
	case askOpen:
		return "qr:" + askOpen + "_", "qn:" + askOpen + "_"
	case askCount:
		return "qr:" + askCount + "_", "qn:" + askCount + "_"
	case askWhen:
		return "qr:" + askWhen + "_", "qn:" + askWhen + "_"
	case askWhy:
		return "qr:" + askWhy + "_", "qn:" + askWhy + "_"
	case askYesNo:
		return "qr:" + askYesNo + "_", "qn:" + askYesNo + "_"
	}
	return "qr:" + ask + "_", "qn:" + ask + "_"
}
func lengthClassBefore(n int) string {
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
