package tracker

import (
	"fmt"
	"strings"
	"time"
)

// FollowUpKind is why a follow-up exists.
type FollowUpKind string

const (
	FollowPromise    FollowUpKind = "promise"    // due on the promised date
	FollowDeferral   FollowUpKind = "deferral"   // due now: check the target
	FollowPending    FollowUpKind = "pending"    // due some time after the answer
	FollowPartial    FollowUpKind = "partial"    // due now: decide whether to ask again
	FollowDeclined   FollowUpKind = "declined"   // due now
	FollowUnanswered FollowUpKind = "unanswered" // the document has no answer
	// FollowLate: a filed question's answer deadline passed without an
	// answer; due on the deadline.
	FollowLate FollowUpKind = "late-answer"
	// FollowCommitment: a commitment made outside an answer (a Tweede Kamer
	// "toezegging" in a debate); due on its promised date.
	FollowCommitment FollowUpKind = "commitment"
)

// FollowUpKinds are all the kinds, in the order staff see them listed.
var FollowUpKinds = []FollowUpKind{FollowPromise, FollowDeferral, FollowPending, FollowPartial,
	FollowDeclined, FollowUnanswered, FollowLate, FollowCommitment}

// State is where a follow-up stands.
type State string

const (
	Open    State = "open"
	Snoozed State = "snoozed"
	Done    State = "done"
)

// Outcome is how a follow-up was closed.
type Outcome string

const (
	Delivered Outcome = "delivered" // the information came
	Reasked   Outcome = "reasked"   // a new question was filed
	Dropped   Outcome = "dropped"
)

// FollowUp is one thing still owed by an answer, for staff to check.
type FollowUp struct {
	ID             int64
	DocumentID     int64
	Document       string // title or file, for people
	QuestionNumber int
	Kind           FollowUpKind
	// Key identifies the follow-up within its document across re-analysis,
	// so a corrected document keeps its follow-ups and their history.
	Key          string
	Due          time.Time
	State        State
	SnoozedUntil time.Time
	Outcome      Outcome
	ReaskedAs    string // number of the new question, for Reasked
	Note         string
	By           string
	Summary      string    // the evasive sentence or promise, quoted
	Promised     time.Time // the promised date, for promises
	Precision    Precision
	Created      time.Time
	Updated      time.Time
	Minister     string // who owes it, from the document; for grouping in digests
	Asker        string // who asked, from the document; for listings and filters

	// Resolution is, for a deferral, what following its reference found;
	// for a promise, a document that may deliver it (Verdict
	// PossiblyDelivered), waiting for a person to confirm or reject. Nil
	// when nothing was found or the store did not load it.
	Resolution *Resolution
}

// FollowUpEvent is one change in a follow-up's history. Nothing is deleted:
// a moved due date keeps its old date and the reason.
type FollowUpEvent struct {
	FollowUpID int64
	At         time.Time
	Action     string // "created", "redated", "snoozed", "done", "reopened", "reanalysed"
	OldDue     time.Time
	NewDue     time.Time
	Note       string
	By         string
}

// DefaultPendingWait is how long after the answer a pending answer without a
// date is due for a check.
const DefaultPendingWait = 90 * 24 * time.Hour

// FollowUps derives what doc leaves owed. Follow-ups that are due "now"
// (deferrals, partial, declined and unanswered answers) are due on the
// document's date, so a digest sorts them with what they came with. An
// undated document has no such day: its follow-ups fall due on today, the
// day of the ingest that calls FollowUps. Pending answers without a date are
// due pendingWait after that same day. A commitment (KindCommitment)
// leaves one follow-up of kind commitment, due on its promised date.
func FollowUps(doc *Document, today time.Time, pendingWait time.Duration) []FollowUp {
	base := doc.Date
	if !Dated(base) {
		base = DayOf(today)
	}
	if doc.Kind == KindCommitment {
		return commitmentFollowUps(doc, base, pendingWait)
	}
	var out []FollowUp
	add := func(it *Item, kind FollowUpKind, key string, due time.Time, summary string) {
		out = append(out, FollowUp{
			DocumentID:     doc.ID,
			Document:       doc.Name(),
			QuestionNumber: it.Number,
			Kind:           kind,
			Key:            fmt.Sprintf("q%d:%s", it.Number, key),
			Due:            due,
			State:          Open,
			Summary:        summary,
		})
	}
	for i := range doc.Items {
		it := &doc.Items[i]
		for _, p := range it.Promises {
			add(it, FollowPromise, "promise:"+p.Date.Format(DateLayout), p.Date, p.Evidence.Text)
			f := &out[len(out)-1]
			f.Promised, f.Precision = p.Date, p.Precision
		}
		switch it.Status {
		case Deferred:
			s := ""
			if it.Deferral != nil {
				s = it.Deferral.Evidence.Text
			}
			add(it, FollowDeferral, "deferral", base, s)
		case Pending:
			if len(it.Promises) == 0 {
				add(it, FollowPending, "pending", base.Add(pendingWait), firstEvidence(it, FindPending))
			}
		case Partial:
			add(it, FollowPartial, "partial", base, partialSummary(it))
		case Declined:
			add(it, FollowDeclined, "declined", base, firstEvidence(it, FindDeclined))
		case Unanswered:
			add(it, FollowUnanswered, "unanswered", base, "")
		}
		// A deferral inside an otherwise answered or partial answer still
		// points somewhere staff should check.
		if it.Deferral != nil && it.Status != Deferred && it.Deferral.Kind != TargetAnswer {
			add(it, FollowDeferral, "deferral", base, it.Deferral.Evidence.Text)
		}
	}
	return out
}

// firstEvidence quotes the sentence of the first finding of kind (any
// evasive kind when kind is empty), for staff to read in a reminder.
func firstEvidence(it *Item, kind FindingKind) string {
	for _, f := range it.Findings {
		evasive := f.Kind == FindDeferral || f.Kind == FindPending || f.Kind == FindDeclined
		if kind == "" && evasive || f.Kind == kind {
			return Sentence(it.Answer, f.Evidence.Start, f.Evidence.End)
		}
	}
	return ""
}

// partialSummary quotes what is missing from a partial answer: its first
// evasive sentence, else the first sub-question it leaves open.
func partialSummary(it *Item) string {
	if s := firstEvidence(it, ""); s != "" {
		return s
	}
	for _, sq := range it.SubQuestions {
		if sq.Status != Answered {
			return strings.Join(strings.Fields(sq.Text), " ")
		}
	}
	return ""
}

// Sentence returns the sentence of text that holds the span start..end:
// from the previous sentence end to the next one, trimmed.
func Sentence(text string, start, end int) string {
	if start < 0 || end > len(text) || start > end {
		return ""
	}
	a := start
	for a > 0 {
		c := text[a-1]
		if (c == '.' || c == '?' || c == '!') && a < len(text) && (text[a] == ' ' || text[a] == '\n') || c == '\n' && a >= 2 && text[a-2] == '\n' {
			break
		}
		a--
	}
	b := end
	for b < len(text) {
		c := text[b]
		b++
		if (c == '.' || c == '?' || c == '!') && (b == len(text) || text[b] == ' ' || text[b] == '\n') {
			break
		}
	}
	return strings.Join(strings.Fields(text[a:b]), " ")
}

// Name is how people refer to the document: its title, else its file.
func (d *Document) Name() string {
	if d.Title != "" {
		return d.Title
	}
	return d.File
}

// EffectiveDue is the day f next needs attention: its due date, or the end
// of its snooze when that is later.
func (f *FollowUp) EffectiveDue() time.Time {
	if f.State == Snoozed && f.SnoozedUntil.After(f.Due) {
		return f.SnoozedUntil
	}
	return f.Due
}

// IsDue reports whether f needs attention on day now: not done, and its
// effective due date on or before now.
func (f *FollowUp) IsDue(now time.Time) bool {
	return f.State != Done && !f.EffectiveDue().After(DayOf(now))
}

// IsOverdue reports whether f's effective due date is before day now and
// f is not done. Like the store's filter and the digest, it goes by
// EffectiveDue: a follow-up snoozed until today is due today, not overdue.
func (f *FollowUp) IsOverdue(now time.Time) bool {
	return f.IsDue(now) && f.EffectiveDue().Before(DayOf(now))
}

// ReminderKey is the key a reminder for f is logged under, so that a
// reminder for the same follow-up and due date is never sent twice, while a
// moved or snoozed one is reminded again on its new date.
func (f *FollowUp) ReminderKey() string {
	return fmt.Sprintf("reminder:%d:%s", f.ID, f.EffectiveDue().Format(DateLayout))
}

// DigestKey is the key the digest of an ISO week is logged under.
func DigestKey(year, week int) string {
	return fmt.Sprintf("digest:%04d-W%02d", year, week)
}
