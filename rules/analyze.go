package rules

import (
	"cmp"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/pqtrack/pqtrack/rules/dates"
	"github.com/pqtrack/pqtrack/tracker"
	"github.com/pqtrack/pqtrack/tracker/text"
)

// hit is one rule match in an answer. Start and End are byte offsets in the
// answer; fstart is the offset of the match in the folded sentence.
type hit struct {
	rule       *Rule
	start, end int
	fstart     int
	flen       int
}

// sentence is one answer sentence with what the rules found in it.
type sentence struct {
	start, end int
	text       string
	fold       string // text folded (fold.go)
	ident      bool   // fold is text byte for byte, but for case (folded.ident)
	located    bool   // says where the information is kept (locatesElsewhere)
	// marks are the wordMarks of its words, or-ed together, with
	// markRead set; 0 for a sentence not read by sentencesIn (see
	// holdsWord).
	marks wordMark
	// classes are the classes of its words, or-ed together, when marks
	// has markRead (scanner.read).
	classes uint16
	words   []word // the words of fold
	hits    []hit
	exprs   []dates.Expr // offsets relative to the sentence
	terms   []string
	// wordEnts and termEnts are the term cache entries of words and
	// terms, one each (nil for a word shorter than two bytes), that the
	// role model weighs them by; nil for a sentence not read by
	// sentencesIn.
	wordEnts, termEnts []*termEntry
	weight             float64 // content words it carries
	pointer            bool    // only points elsewhere ("Zie ook ..."): evasive only alone
	class              Kind    // "" for substance, or KindDeferral, KindPending, KindDeclined, KindContext
	sub                int     // the sub-question it replies to
	// names has bit q set when the sentence names sub-question q
	// (assign); 0 for a question of one part.
	names    uint64
	promises []tracker.Promise
	rule     Kind         // what the rules alone make of it (see classify)
	role     tracker.Role // what the model read in it
	conf     float64      // the model's probability of role
	probs    [nRoles]float64
}

// anySentence reports whether f holds for a sentence of sents: as
// slices.ContainsFunc, without copying each sentence (some 400 bytes)
// into f's argument. So do the loops over sentences: they take each by
// its address, not by value.
func anySentence(sents []sentence, f func(st *sentence) bool) bool {
	for i := range sents {
		if f(&sents[i]) {
			return true
		}
	}
	return false
}

// Analyze judges every item of doc in place: findings with their evidence,
// sub-question coverage, status, deferral target and promises. ref is the
// date relative expressions are resolved against when the document names
// no answer date (zero: unknown); failing both, the question date serves,
// as answers follow questions within weeks. A ref before the question date
// cannot be the answer's: the question date serves then too.
func (s *Set) Analyze(doc *tracker.Document, ref time.Time) {
	switch {
	case tracker.Dated(doc.Date):
		ref = doc.Date
	case !tracker.Dated(ref), tracker.Dated(doc.Asked) && ref.Before(doc.Asked):
		ref = doc.Asked
	}
	notice, postponed := doc.Postponed()
	var questions map[int]string // by number, for answers that cover several
	var shared sharedTerms
	var last *lastAnswer
	if shareSentences {
		last = new(lastAnswer)
		defer last.release()
	}
	for i := range doc.Items {
		it := &doc.Items[i]
		if len(it.AnsweredWith) > 0 && questions == nil {
			questions = make(map[int]string, len(doc.Items))
			shared = sharedTerms{}
			for _, o := range doc.Items {
				questions[o.Number] = o.Question
			}
		}
		var terms []termSet // of the questions sharing its answer
		group, nums, self := sharedGroup(it, questions)
		if group != nil {
			terms = shared.of(nums, group)
		}
		s.analyzeItem(it, ref, terms, self, last)
		if postponed && it.Status == tracker.Unanswered {
			// The document says the answers come later: owed, not missing.
			it.Status = tracker.Pending
			for j := range it.SubQuestions {
				it.SubQuestions[j].Status = tracker.Pending
			}
			it.Findings = append(it.Findings, tracker.Finding{Kind: tracker.FindPending, SubQuestion: -1,
				Evidence: tracker.Evidence{Rule: "postponement-notice", Text: notice}})
		}
	}
}

// AnalyzeItem judges one question and its answer.
func (s *Set) AnalyzeItem(it *tracker.Item, ref time.Time) { s.analyzeItem(it, ref, nil, 0, nil) }

// analyzeItem is AnalyzeItem for question self of a group of questions
// that share its answer, whose distinctive terms are shared (groupTerms;
// nil: no group, or no question of it has any). last, when not nil, keeps
// the sentences of the last shared answer for the next question that
// shares it.
func (s *Set) analyzeItem(it *tracker.Item, ref time.Time, shared []termSet, self int, last *lastAnswer) {
	it.Findings, it.Deferral, it.Promises, it.Readings = nil, nil, nil, nil
	if len(it.SubQuestions) == 0 {
		it.SubQuestions = splitQuestion(it.Question)
	}
	if isBlank(it.Answer) {
		it.Status = tracker.Unanswered
		for i := range it.SubQuestions {
			it.SubQuestions[i].Status = tracker.Unanswered
		}
		return
	}
	ab := answerPool.Get().(*answerBuf)
	defer ab.release()
	var sents []sentence
	switch {
	case last != nil && last.ab != nil && last.answer == it.Answer:
		sents = append(ab.sents[:0], last.sents...)
		ab.sents = sents
	case last != nil && len(it.AnsweredWith) > 0:
		// The first question of a group: its sentences, as read before
		// judging changes them, serve the others.
		last.release()
		lab := answerPool.Get().(*answerBuf)
		sents = s.sentencesIn(it.Answer, ref, lab)
		last.answer, last.ab, last.sents = it.Answer, lab, slices.Clone(sents)
	default:
		sents = s.sentencesIn(it.Answer, ref, ab)
	}
	if shared != nil {
		sents = last.split(it.Answer, sents, shared).part(sents, self)
	}
	m := s.roleModel()
	a := read(m, it, sents, ref, &ab.item)
	decide(m, it, a)
	coreLeftOpen(it, a)
	closedLeftOpen(it, a)
	countsLeftOpen(it, a)
	countsCovered(it, a)
	coreReferred(it, a)
	yearsLeftOpen(it, sents)
	intentLeftOpen(it, a)
	showRuleRoles(it.Status, sents)
	var memo *targetMemo
	if last != nil && last.ab != nil && last.answer == it.Answer {
		memo = &last.targets
	}
	recordWith(it, sents, memo)
}

// read gives every sentence its role and sub-question and judges the
// coverage, and returns what the status table weighs, kept in x.
func read(m *Model, it *tracker.Item, sents []sentence, ref time.Time, x *itemScratch) *answerFacts {
	// The sub-questions' terms, which assign weighs, make the question's
	// too.
	sterms := subTerms(it.SubQuestions)
	ctx := &x.ctx
	initAnswerContext(ctx, it.Question, questionTerms(it.Question, it.SubQuestions, sterms), len(sents), ref)
	for i := range sents {
		classify(&sents[i])
		sents[i].rule = sents[i].class
	}
	ctx.sents = sents
	q := x.questionFacts(it.SubQuestions)
	x.asks = q.appendAskKinds(x.asks[:0])
	ctx.asks = x.asks
	assignOwn(sents, it.SubQuestions, q.own, sterms)
	noYetClass(sents, ctx)
	x.facts = answerFacts{sents: sents, subs: it.SubQuestions, asks: ctx.asks, qterms: ctx.question, sterms: sterms, own: q.own,
		rules: ruleStatus(it, sents, q, x)}
	a := &x.facts
	x.sc = scorer{t: m.roles, fast: m.fast()}
	readRoles(&x.sc, sents, ctx)
	a.ahead = aheadNotes(sents, it.SubQuestions, ctx.asks)
	a.ahead = unknownAside(a) || a.ahead
	datesAnswerWhen(sents, it.SubQuestions, q)
	sentAsAsked(sents, it.SubQuestions, q)
	a.moot, a.onePart = judge(it, sents, q)
	a.roles = it.Status
	// The answer opens after a sentence that says how it answers ("De
	// vragen 6 en 7 beantwoord ik in samenhang.").
	lead := 0
	for lead < len(sents)-1 && saysHowAnswered(&sents[lead]) {
		lead++
	}
	if len(sents) > 0 {
		_, a.lead = q.leadReply(&sents[lead], q.yesNoQuestion(it.Question))
	}
	return a
}

// ruleStatus is the status the rules' classes alone give, as pqtrack
// judged before it learned roles: the status table weighs it.
// Its copies of the sub-questions and classes are kept in x.
func ruleStatus(it *tracker.Item, sents []sentence, q *questionFacts, x *itemScratch) tracker.Status {
	cp := *it
	x.subs = append(x.subs[:0], it.SubQuestions...)
	cp.SubQuestions = x.subs
	classes := x.classes[:0]
	for i := range sents {
		classes = append(classes, sents[i].class)
	}
	x.classes = classes
	datesAnswerWhen(sents, cp.SubQuestions, q)
	sentAsAsked(sents, cp.SubQuestions, q)
	judge(&cp, sents, q)
	for i := range sents {
		sents[i].class = classes[i]
	}
	return cp.Status
}

// answerBuf holds what judging one answer needs, reused from answerPool:
// the sentences and the backing arrays of their hits and terms. Nothing
// of it outlives AnalyzeItem.
type answerBuf struct {
	sents []sentence
	hits  []hit
	terms []string
	words []word
	spans [][2]int // the sentences' spans
	// wordEnts and termEnts back the sentences' fields of those names.
	wordEnts, termEnts []*termEntry
	item               itemScratch
}

// itemScratch holds what read makes for one item and judging reads until
// AnalyzeItem returns: kept in its answerBuf, they are not allocated
// anew for every item.
type itemScratch struct {
	ctx   answerContext
	q     questionFacts
	own   []string // backs q.own
	asks  []string // backs ctx.asks
	facts answerFacts
	sc    scorer
	// ruleStatus's copies of the sub-questions and the classes.
	subs    []tracker.SubQuestion
	classes []Kind
}

// questionFacts is newQuestionFacts(subs), in x.
func (x *itemScratch) questionFacts(subs []tracker.SubQuestion) *questionFacts {
	own := x.own[:0]
	for _, sq := range subs {
		own = append(own, ownSentence(sq.Text))
	}
	x.own = own
	x.q = questionFacts{subs: subs, own: own}
	return &x.q
}

var answerPool = sync.Pool{New: func() any { return new(answerBuf) }}

// release clears the buffers, so that the pool holds no answer's text,
// and puts them back.
func (ab *answerBuf) release() {
	clear(ab.sents)
	clear(ab.hits)
	clear(ab.terms)
	clear(ab.wordEnts)
	clear(ab.termEnts)
	ab.sents, ab.hits, ab.terms, ab.words = ab.sents[:0], ab.hits[:0], ab.terms[:0], ab.words[:0]
	ab.wordEnts, ab.termEnts = ab.wordEnts[:0], ab.termEnts[:0]
	x := &ab.item
	clear(x.own)
	clear(x.asks)
	clear(x.subs)
	clear(x.classes)
	*x = itemScratch{own: x.own[:0], asks: x.asks[:0], subs: x.subs[:0], classes: x.classes[:0]}
	answerPool.Put(ab)
}

// lastAnswer keeps the sentences of the last answer that several
// questions share, in Analyze: sentencesIn reads an answer the same for
// each of them (the same text, the same ref), and judging changes only the
// sentences' own fields, never what their slices hold, so each question
// judges a copy.
type lastAnswer struct {
	answer string
	ab     *answerBuf // backs sents' slices
	sents  []sentence // as sentencesIn returned them
	// sp is splitAnswer of the answer against the terms splitTerms,
	// when splitDone: each question of the group parts it the same.
	sp         answerSplit
	splitTerms []termSet
	splitDone  bool
	// targets are findTarget's answers in its sentences (recordWith).
	targets targetMemo
}

// shareSentences lets Analyze read a shared answer once (lastAnswer);
// tests turn it off to compare.
var shareSentences = true

// split is splitAnswer(answer, sents, terms), from l when it split that
// answer, as read for its group, against the same terms before (nil l:
// nothing kept). sents are a copy of those l keeps.
func (l *lastAnswer) split(answer string, sents []sentence, terms []termSet) answerSplit {
	if l == nil || l.ab == nil || l.answer != answer {
		return splitAnswer(answer, sents, terms)
	}
	if !l.splitDone || len(l.splitTerms) != len(terms) || &l.splitTerms[0] != &terms[0] {
		l.sp, l.splitTerms, l.splitDone = splitAnswer(answer, sents, terms), terms, true
	}
	return l.sp
}

func (l *lastAnswer) release() {
	if l.ab != nil {
		l.ab.release()
	}
	*l = lastAnswer{}
}

// sentences splits the answer and runs every rule and the date finder on
// each sentence.
func (s *Set) sentences(answer string, ref time.Time) []sentence {
	return s.sentencesIn(answer, ref, new(answerBuf))
}

// sentencesIn is sentences with the sentences, their hits and terms in ab.
func (s *Set) sentencesIn(answer string, ref time.Time, ab *answerBuf) []sentence {
	spans := text.AppendSentences(ab.spans[:0], answer)
	ab.spans = spans
	out := ab.sents[:0]
	sc := s.scanner()
	ss := scanPool.Get().(*scanState)
	defer scanPool.Put(ss)
	// The sentences share one folded string, and their hits and terms
	// a few slices.
	var fb strings.Builder
	fb.Grow(len(answer) + len(answer)/8)
	// A sentence's hits and terms are full slices of these: when they
	// grow, earlier sentences keep the old arrays, which nothing changes.
	hits, ws := ab.hits[:0], ab.words[:0]
	tb := termBuf{terms: ab.terms[:0], words: ab.wordEnts[:0], stems: ab.termEnts[:0]}
	for _, sp := range spans {
		st := sentence{start: sp[0], end: sp[1], text: answer[sp[0]:sp[1]]}
		f := foldTo(&fb, st.text, ss.pos, true)
		ss.pos = f.pos
		st.fold, st.ident = f.s, f.ident
		sc.read(f.s, ss)
		st.marks, st.classes = ss.marks, ss.classes
		if mayHoldDate(f, ss) {
			if f.ident {
				// The fold keeps every byte in its place: for
				// printable ASCII it is the fold the dates are read
				// from, which Find need not make again.
				st.exprs = dates.FindFolded(st.text, f.s, ref)
			} else {
				st.exprs = dates.Find(st.text, ref)
			}
		}
		ss.hits = ss.hits[:0]
		sc.match(f.s, len(st.exprs) > 0, ss, func(r *Rule, start, end int) {
			a, b := f.span(start, end)
			ss.hits = append(ss.hits, hit{rule: r, start: st.start + a, end: st.start + b, fstart: start, flen: end - start})
		})
		k := len(hits)
		if hits = dropContained(hits, ss.hits); len(hits) > k {
			st.hits = hits[k:len(hits):len(hits)]
		}
		k = len(ws)
		ws = append(ws, ss.ws...)
		st.words = ws[k:len(ws):len(ws)]
		k, kw := len(tb.terms), len(tb.words)
		tb.addRead(ss)
		st.wordEnts = tb.words[kw:len(tb.words):len(tb.words)]
		if len(tb.terms) > k {
			st.terms = tb.terms[k:len(tb.terms):len(tb.terms)]
			st.termEnts = tb.stems[k:len(tb.stems):len(tb.stems)]
		}
		st.promises = findPromises(&st, ref, func(lo, hi int) bool { return sc.hasPast(f.s, ss, lo, hi, f.span) })
		out = append(out, st)
	}
	ab.sents, ab.hits, ab.terms, ab.words = out, hits, tb.terms, ws
	ab.wordEnts, ab.termEnts = tb.words, tb.stems
	return out
}

// dropContained appends to dst the matches of hs, in order of their
// start, but for one that lies inside a longer match of another kind:
// "nog niet bekend" (pending) wins over "niet bekend" (declined).
func dropContained(dst, hs []hit) []hit {
	k := len(dst)
	for i, h := range hs {
		inside := false
		for j, o := range hs {
			if i == j || o.rule.Kind == h.rule.Kind || !evasive(o.rule.Kind) || !evasive(h.rule.Kind) {
				continue
			}
			if h.rule.Kind == KindPending && o.rule.Kind == KindDeclined {
				continue // "kan nog geen uitspraken doen": classify weighs the time
			}
			if o.fstart <= h.fstart && h.fstart+h.flen <= o.fstart+o.flen && o.flen > h.flen {
				inside = true
				break
			}
		}
		if !inside {
			dst = append(dst, h)
		}
	}
	slices.SortStableFunc(dst[k:], func(a, b hit) int { return cmp.Compare(a.start, b.start) })
	return dst
}

func evasive(k Kind) bool {
	return k == KindDeferral || k == KindPending || k == KindDeclined || k == KindUnknown || k == KindReference
}

func isBlank(s string) bool {
	for _, r := range s {
		if r != ' ' && r != '\n' && r != '\t' && r != '\r' {
			return false
		}
	}
	return true
}

// splitQuestion makes sub-questions when the reader did not: each '?'
// sentence with the context sentences before it, split where it joins
// questions (text.Asks), as parse.SubQuestions does.
func splitQuestion(q string) []tracker.SubQuestion {
	var out []tracker.SubQuestion
	start := -1
	spans := text.Sentences(q)
	for i, sp := range spans {
		if start < 0 {
			start = sp[0]
		}
		t := q[sp[0]:sp[1]]
		last := i == len(spans)-1
		if hasQuestionMark(t) || last {
			if !hasQuestionMark(t) && len(out) > 0 {
				out[len(out)-1].End = sp[1]
				out[len(out)-1].Text = q[out[len(out)-1].Start:sp[1]]
			} else {
				for _, at := range text.Asks(t) {
					end := text.TrimEnd(q, start, sp[0]+at)
					out = append(out, tracker.SubQuestion{Text: q[start:end], Start: start, End: end})
					start = sp[0] + at
				}
				out = append(out, tracker.SubQuestion{Text: q[start:sp[1]], Start: start, End: sp[1]})
			}
			start = -1
		}
	}
	if len(out) == 0 {
		out = append(out, tracker.SubQuestion{Text: q, Start: 0, End: len(q)})
	}
	return out
}

func hasQuestionMark(s string) bool {
	for i := len(s) - 1; i >= 0; i-- {
		switch c := s[i]; {
		case c == '?':
			return true
		case c >= '0' && c <= '9', c == ' ', c == ')', c == '"', c == '\'':
			continue
		default:
			return false
		}
	}
	return false
}
