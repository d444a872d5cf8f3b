package tracker

import (
	"fmt"
	"strings"
	"time"
)

// LateAnswer is a filed question whose answer is overdue: no answer came
// in and its deadline passed.
type LateAnswer struct {
	Question FiledQuestion
	Deadline time.Time
}

// LateSweep is what a lateness sweep changes in the store.
type LateSweep struct {
	// Late questions each get their question document and one late-answer
	// follow-up, due on the deadline.
	Late []LateAnswer
	// OnTime questions are unanswered with their deadline still ahead: a
	// late-answer follow-up they have from before a postponement notice
	// moves to the new deadline.
	OnTime []LateAnswer
	// Answered questions have their late-answer follow-up, if they have
	// one, closed as delivered.
	Answered []FiledQuestion
}

// Sweep sorts filed questions for the lateness sweep on day now: those
// late at now, those still on time, and those answered. Questions without
// a date to count from are in none.
func (d Deadlines) Sweep(qs []FiledQuestion, now time.Time) LateSweep {
	var s LateSweep
	for _, q := range qs {
		if q.HasAnswer() {
			s.Answered = append(s.Answered, q)
			continue
		}
		due, late := d.IsLate(q, now)
		switch {
		case late:
			s.Late = append(s.Late, LateAnswer{Question: q, Deadline: due})
		case Dated(due):
			s.OnTime = append(s.OnTime, LateAnswer{Question: q, Deadline: due})
		}
	}
	return s
}

// LateKey is the key of a late-answer follow-up within its question
// document: there is one per document.
const LateKey = "late-answer"

// QuestionHash is the hash under which q's question document is stored:
// the parliament and its own id, so each sweep finds the same document.
func QuestionHash(q FiledQuestion) string {
	return "filed:" + q.Parliament + ":" + q.Ref
}

// ParliamentName is how documents name parliament code p.
func ParliamentName(p string) string {
	switch p {
	case VP:
		return "Vlaams Parlement"
	case TK:
		return "Tweede Kamer"
	}
	return p
}

// QuestionDocument is the document of kind question a late-answer
// follow-up hangs on: what staff need to know of the question (title,
// number, asker, minister, date filed). It has no items.
func QuestionDocument(q FiledQuestion) Document {
	title := q.Title
	if title == "" {
		title = strings.TrimSpace(ParliamentName(q.Parliament) + " " + q.Number)
	}
	var b strings.Builder
	for _, l := range [][2]string{{"", title}, {"Nummer: ", q.Number}, {"Vraagsteller: ", q.Asker},
		{"Minister: ", q.Minister}, {"Ingediend: ", dayText(q.Filed)}} {
		if l[1] != "" {
			fmt.Fprintf(&b, "%s%s\n", l[0], l[1])
		}
	}
	return Document{
		Hash:       QuestionHash(q),
		Kind:       KindQuestion,
		Title:      title,
		Parliament: ParliamentName(q.Parliament),
		Number:     q.Number,
		Asker:      q.Asker,
		Minister:   q.Minister,
		Asked:      q.Filed,
		Text:       b.String(),
	}
}

func dayText(t time.Time) string {
	if !Dated(t) {
		return ""
	}
	return t.Format(DateLayout)
}

// LateFollowUp is the late-answer follow-up of l, due on its deadline.
func LateFollowUp(l LateAnswer) FollowUp {
	return FollowUp{
		Kind:    FollowLate,
		Key:     LateKey,
		Due:     l.Deadline,
		State:   Open,
		Summary: QuestionDocument(l.Question).Title,
	}
}
