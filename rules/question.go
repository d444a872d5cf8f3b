package rules

import (
	"strings"

	"github.com/pqtrack/pqtrack/tracker"
)

// questionFacts holds what judging an answer reads from its sub-questions,
// each found once: the status is judged twice (ruleStatus and read), and
// the kinds, the moot sub-questions and the opening reply all look at each
// sub-question's own sentence. Nothing of it depends on the sentences'
// classes.
type questionFacts struct {
	subs []tracker.SubQuestion
	own  []string // ownSentence of each sub-question

	first     int // firstYesNo, once firstDone
	firstDone bool

	// cond[i] is what sub-question i is asked on: 1 on "ja"/"wel", -1 on
	// another reply, 0 on none (see mootSubQuestions); nil until needed.
	cond []int8

	// when[i] is asksAboutTime of sub-question i's text: 1 yes, -1 no, 0
	// not known yet.
	when []int8

	// The last leadReply read, and its arguments.
	leadFirst, leadQuestion   string
	leadYes, leadOK, leadDone bool
}

func newQuestionFacts(subs []tracker.SubQuestion) *questionFacts {
	q := &questionFacts{subs: subs, own: make([]string, len(subs))}
	for i, sq := range subs {
		q.own[i] = ownSentence(sq.Text)
	}
	return q
}

// firstYesNo is firstYesNo of the sub-questions.
func (q *questionFacts) firstYesNo() int {
	if !q.firstDone {
		q.first, q.firstDone = -1, true
		for i, own := range q.own {
			if yesNoVerb(own) != "" {
				q.first = i
				break
			}
		}
	}
	return q.first
}

// yesNoQuestion is yesNoQuestion of an item with these sub-questions and
// question.
func (q *questionFacts) yesNoQuestion(question string) string {
	if i := q.firstYesNo(); i >= 0 {
		return q.own[i]
	}
	if len(q.subs) == 0 {
		return firstQuestion(question)
	}
	return ""
}

// leadReply is leadReply(st.text, question), kept for the next call with
// the same arguments.
func (q *questionFacts) leadReply(st *sentence, question string) (yes, ok bool) {
	if first := st.text; !q.leadDone || first != q.leadFirst || question != q.leadQuestion {
		q.leadYes, q.leadOK = leadReplyOf(st, question)
		q.leadFirst, q.leadQuestion, q.leadDone = first, question, true
	}
	return q.leadYes, q.leadOK
}

// askKinds is askKinds of the sub-questions.
func (q *questionFacts) askKinds() []string { return q.appendAskKinds(make([]string, 0, len(q.own))) }

// appendAskKinds appends askKinds to out.
func (q *questionFacts) appendAskKinds(out []string) []string {
	for _, own := range q.own {
		out = append(out, askKindOf(own))
	}
	return out
}

// conditions gives cond, reading it on first use.
func (q *questionFacts) conditions() []int8 {
	if q.cond != nil {
		return q.cond
	}
	q.cond = make([]int8, len(q.own))
	var prev []string // the condition of the sub-question before
	for i, own := range q.own {
		var c []string
		if mayBeConditional(own) {
			c = conditionalRE.FindStringSubmatch(own)
		}
		if c == nil && continues(own) {
			// "Zo nee, waarom niet en kunt u ...?": the second question
			// is asked on the same reply.
			c = prev
		}
		prev = c
		switch {
		case c == nil:
		case strings.EqualFold(c[1], "ja") || strings.EqualFold(c[1], "wel"):
			q.cond[i] = 1
		default:
			q.cond[i] = -1
		}
	}
	return q.cond
}

// asksWhen is asksAboutTime of sub-question i's text.
func (q *questionFacts) asksWhen(i int) bool {
	if q.when == nil {
		q.when = make([]int8, len(q.subs))
	}
	if q.when[i] == 0 {
		q.when[i] = -1
		if asksAboutTime(q.subs[i].Text) {
			q.when[i] = 1
		}
	}
	return q.when[i] > 0
}

// skipReSpace returns where the run of isReSpace bytes at s[i:] ends.
func skipReSpace(s string, i int) int {
	for i < len(s) && isReSpace(s[i]) {
		i++
	}
	return i
}

// mayBeConditional reports whether conditionalRE may match s: its first
// letter after white space is that of "en", "of", "zo", "indien" or "als"
// in either case, none of which another rune folds to. The regexp's
// matcher clears state in proportion to the text before it can fail, so
// most sub-questions are turned away here.
func mayBeConditional(s string) bool {
	i := skipReSpace(s, 0)
	if i == len(s) {
		return false
	}
	switch s[i] | 0x20 {
	case 'e', 'o', 'z', 'i', 'a':
		return true
	}
	return false
}

// continues is continuesRE.MatchString(s): white space, "en" or "of", and
// a white space byte.
func continues(s string) bool {
	i := skipReSpace(s, 0)
	if i+3 > len(s) || !isReSpace(s[i+2]) {
		return false
	}
	w := s[i : i+2]
	return w == "en" || w == "of"
}
