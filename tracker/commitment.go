package tracker

import (
	"strings"
	"time"
)

// CommitmentDocument is how a commitment from a parliament's register (a
// Tweede Kamer "toezegging") is stored: a document of kind commitment with
// one item, the commitment's text as its answer, pending, with its
// promised date (due, zero when the register names none) as a promise.
// The text names the due date and status, so a changed commitment is a
// new version of the same document (same parliament, number and title).
func CommitmentDocument(file, parliament, number, minister, text, status string, made, due time.Time) *Document {
	text = strings.TrimSpace(text)
	body := text + "\n\nStatus: " + status
	if Dated(due) {
		body += "\nNakoming: " + due.Format(DateLayout)
	}
	it := Item{Number: 1, Question: "Toezegging " + number, Answer: text, Status: Pending}
	if Dated(due) {
		it.Promises = []Promise{{Date: due, Precision: PrecisionDay, Evidence: Evidence{Start: 0, End: len(text), Text: text}}}
	}
	return &Document{
		File: file, Kind: KindCommitment, Title: "Toezegging " + number, Parliament: parliament,
		Number: number, Minister: minister, Date: made, Layout: Single, Text: body, Items: []Item{it},
	}
}

// commitmentFollowUps is what a commitment document leaves owed: one
// follow-up of kind commitment per item, due on its promised date, or
// pendingWait after base when the register names no date.
func commitmentFollowUps(doc *Document, base time.Time, pendingWait time.Duration) []FollowUp {
	var out []FollowUp
	for _, it := range doc.Items {
		f := FollowUp{
			DocumentID: doc.ID, Document: doc.Name(), QuestionNumber: it.Number, Kind: FollowCommitment,
			Key: "commitment", Due: base.Add(pendingWait), State: Open, Summary: it.Answer,
		}
		if len(it.Promises) > 0 {
			p := it.Promises[0]
			f.Due, f.Promised, f.Precision = p.Date, p.Date, p.Precision
		}
		out = append(out, f)
	}
	return out
}
