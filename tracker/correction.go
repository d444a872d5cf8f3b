package tracker

import (
	"fmt"
	"strings"
	"time"
)

// Source says where a correction was made.
type Source string

const (
	FromCommandLine Source = "cli"   // pqtrack judge
	FromDashboard   Source = "web"   // the "klopt niet" form
	FromSlack       Source = "slack" // the "Klopt niet" button of a Slack message
)

// Corrected is the outcome of a follow-up closed because staff corrected
// the judgement of its answer: what it asked about is not owed after all.
const Corrected Outcome = "corrected"

// Correction is a staff member's judgement of an answer that overrides
// pqtrack's: a label for training and the status that drives follow-ups.
// Corrections are never changed or deleted; a correction of a correction
// is a new one, and the latest of a question is the one that counts.
//
// A question is named by its document and number, which survive a
// re-ingest of a corrected version of the document.
type Correction struct {
	ID             int64
	DocumentID     int64
	Document       string // title or file, for people
	QuestionNumber int
	// SubQuestion is the 1-based sub-question the correction is about, 0
	// for the whole question; SubQuestionText is its text then.
	SubQuestion     int
	SubQuestionText string
	Was             Status // what pqtrack's analysis said
	Status          Status // what staff say it is
	Note            string
	By              string
	At              time.Time
	Source          Source

	// The question and answer as they were when corrected, for training:
	// a later version of the document may change them.
	Question, Answer string
}

// Overrides reports whether the correction disagrees with pqtrack.
func (c *Correction) Overrides() bool { return c.Status != c.Was }

// Validate checks what a correction must have before it is stored.
func (c *Correction) Validate() error {
	switch {
	case c.DocumentID <= 0:
		return fmt.Errorf("correction: %w: no document", ErrInvalid)
	case c.QuestionNumber <= 0:
		return fmt.Errorf("correction: %w: no question number", ErrInvalid)
	case !c.Status.Valid():
		return fmt.Errorf("correction: %w: status %q", ErrInvalid, c.Status)
	case c.SubQuestion < 0:
		return fmt.Errorf("correction: %w: sub-question %d", ErrInvalid, c.SubQuestion)
	case c.Source != FromCommandLine && c.Source != FromDashboard && c.Source != FromSlack:
		return fmt.Errorf("correction: %w: source %q", ErrInvalid, c.Source)
	}
	return nil
}

// CorrectionFilter selects corrections. Zero fields select all.
type CorrectionFilter struct {
	Document int64 // only this document's
	// Latest keeps only the latest correction of each question: the one
	// that counts, and the label to train on.
	Latest bool
}

// CorrectionResult is what storing a correction did to the question's
// follow-ups.
type CorrectionResult struct {
	Correction Correction
	Created    []FollowUp // derived from the corrected status
	Reopened   []FollowUp // closed by an earlier correction, owed again
	Closed     []FollowUp // no longer owed: closed as Corrected
}

// Fill checks c against doc, the document it corrects as stored, and fills
// in what the correction keeps of it: the document's name, the question
// and answer text, the text of the sub-question. Note and By are trimmed.
// A question doc lacks is an error wrapping ErrNotFound; a sub-question it
// lacks one wrapping ErrInvalid.
func (c *Correction) Fill(doc *Document) error {
	var it *Item
	for i := range doc.Items {
		if doc.Items[i].Number == c.QuestionNumber {
			it = &doc.Items[i]
			break
		}
	}
	if it == nil {
		return fmt.Errorf("no question %d: %w", c.QuestionNumber, ErrNotFound)
	}
	if c.SubQuestion > len(it.SubQuestions) {
		return fmt.Errorf("%w: sub-question %d of %d", ErrInvalid, c.SubQuestion, len(it.SubQuestions))
	}
	if c.SubQuestion > 0 {
		c.SubQuestionText = strings.Join(strings.Fields(it.SubQuestions[c.SubQuestion-1].Text), " ")
	}
	c.Document, c.Question, c.Answer = doc.Name(), it.Question, it.Answer
	c.Note, c.By = strings.TrimSpace(c.Note), strings.TrimSpace(c.By)
	return nil
}

// CorrectionPlan is what a correction does to its question's follow-ups.
type CorrectionPlan struct {
	Create []FollowUp // derived from the corrected status and missing
	Reopen []FollowUp // closed by an earlier correction, derived again
	Close  []FollowUp // open or snoozed, no longer derived
}

// PlanCorrection returns what correction c of doc does to have, the
// follow-ups its question has now: the follow-ups the corrected status
// derives (FollowUps of WithStatuses, due as of c.At, pending ones after
// wait) that the question lacks are created; those an earlier correction
// closed are reopened; live ones it no longer derives are closed as
// Corrected. Each list keeps the order of derivation or of have.
func PlanCorrection(doc *Document, c Correction, wait time.Duration, have []FollowUp) CorrectionPlan {
	derived := map[string]FollowUp{}
	var keys []string
	for _, f := range FollowUps(WithStatuses(doc, map[int]Status{c.QuestionNumber: c.Status}), c.At, wait) {
		if f.QuestionNumber != c.QuestionNumber {
			continue
		}
		if _, ok := derived[f.Key]; !ok {
			keys = append(keys, f.Key)
		}
		derived[f.Key] = f
	}
	existing := map[string]FollowUp{}
	for _, f := range have {
		existing[f.Key] = f
	}
	var p CorrectionPlan
	for _, k := range keys {
		old, ok := existing[k]
		switch {
		case !ok:
			p.Create = append(p.Create, derived[k])
		case old.State == Done && old.Outcome == Corrected:
			p.Reopen = append(p.Reopen, old)
		}
	}
	for _, f := range have {
		if _, ok := derived[f.Key]; !ok && f.State != Done {
			p.Close = append(p.Close, f)
		}
	}
	return p
}

// WithStatuses returns a copy of doc whose items have the statuses in
// status (question number to status), for deriving the follow-ups staff's
// judgement leaves: FollowUps of the copy is what pqtrack leaves when it
// judges so. An item staff judge answered owes nothing, so its promises
// and deferral are left out of the copy: staff have read the answer and
// found it complete. doc is not changed.
func WithStatuses(doc *Document, status map[int]Status) *Document {
	if len(status) == 0 {
		return doc
	}
	c := *doc
	c.Items = append([]Item(nil), doc.Items...)
	for i := range c.Items {
		it := &c.Items[i]
		if s, ok := status[it.Number]; ok {
			it.Status = s
			if s == Answered {
				it.Promises, it.Deferral = nil, nil
			}
		}
	}
	return &c
}

// Overrides counts how often staff overrode pqtrack, for the office's
// report.
type Overrides struct {
	// Judged is how many stored questions pqtrack judged, by its status.
	Judged map[Status]int
	// Cells count the questions whose latest correction moves them from
	// one status to another (From != To).
	Cells []OverrideCell
	// Months, oldest first.
	Months []MonthOverrides
}

// OverrideCell is one cell of the confusion table: N questions pqtrack
// judged From that staff say are To.
type OverrideCell struct {
	From, To Status
	N        int
}

// MonthOverrides is one month of the report.
type MonthOverrides struct {
	Month       time.Time // the first day of the month
	Judged      int       // questions of documents first stored in the month
	Overridden  int       // of those, the ones whose latest correction overrides pqtrack
	Corrections int       // corrections made in the month, corrections of corrections included
}

// Cell returns the count of questions moved from one status to another.
func (o *Overrides) Cell(from, to Status) int {
	for _, c := range o.Cells {
		if c.From == from && c.To == to {
			return c.N
		}
	}
	return 0
}

// ParseStatus reads a status as staff write it: the English name or the
// Dutch word of the catalogue, case and spacing ignored. words maps each
// status to the words that name it besides its own name.
func ParseStatus(s string, words map[Status][]string) (Status, bool) {
	norm := func(s string) string {
		s = strings.ToLower(strings.NewReplacer("-", " ", "_", " ").Replace(s))
		return strings.Join(strings.Fields(s), " ")
	}
	s = norm(s)
	for _, st := range Statuses {
		if s == string(st) {
			return st, true
		}
		for _, w := range words[st] {
			if s == norm(w) {
				return st, true
			}
		}
	}
	return "", false
}
