package report

import (
	"time"

	"github.com/pqtrack/pqtrack/tracker"
)

// FollowUp is a follow-up as `pqtrack followups --json` and the web API
// (/api/followups, /api/followups/{id}, /api/documents/{id}) show it.
type FollowUp struct {
	ID             int64  `json:"id"`
	DocumentID     int64  `json:"document_id"`
	Document       string `json:"document"`
	QuestionNumber int    `json:"question_number"`
	Kind           string `json:"kind"`
	Key            string `json:"key"`
	Due            string `json:"due"`
	EffectiveDue   string `json:"effective_due"`
	State          string `json:"state"`
	SnoozedUntil   string `json:"snoozed_until,omitempty"`
	Outcome        string `json:"outcome"`
	ReaskedAs      string `json:"reasked_as,omitempty"`
	Note           string `json:"note,omitempty"`
	By             string `json:"by,omitempty"`
	Summary        string `json:"summary"`
	Promised       string `json:"promised,omitempty"`
	Precision      string `json:"precision,omitempty"`
	Minister       string `json:"minister,omitempty"`
	Asker          string `json:"asker,omitempty"`
	// Resolution is what following a deferral found, or a document that
	// may deliver a promise; the shape of analyze --json.
	Resolution *Resolution `json:"resolution,omitempty"`
}

// FromFollowUp converts a follow-up. Unknown dates are empty, except Due
// and EffectiveDue, which are "-" then (as they always were).
func FromFollowUp(f *tracker.FollowUp) FollowUp {
	return FollowUp{
		ID: f.ID, DocumentID: f.DocumentID, Document: f.Document, QuestionNumber: f.QuestionNumber,
		Kind: string(f.Kind), Key: f.Key, Due: dueDay(f.Due), EffectiveDue: dueDay(f.EffectiveDue()),
		State: string(f.State), SnoozedUntil: optDay(f.SnoozedUntil),
		Outcome: string(f.Outcome), ReaskedAs: f.ReaskedAs, Note: f.Note, By: f.By, Summary: f.Summary,
		Promised: optDay(f.Promised), Precision: string(f.Precision),
		Minister: f.Minister, Asker: f.Asker,
		Resolution: FromResolution(f.Resolution),
	}
}

// FromFollowUps converts a list; an empty list is an empty array.
func FromFollowUps(fs []tracker.FollowUp) []FollowUp {
	out := make([]FollowUp, 0, len(fs))
	for i := range fs {
		out = append(out, FromFollowUp(&fs[i]))
	}
	return out
}

// FromResolution converts a resolution; nil stays nil.
func FromResolution(r *tracker.Resolution) *Resolution {
	if r == nil {
		return nil
	}
	res := &Resolution{Verdict: string(r.Verdict), Target: r.Target, TargetID: r.TargetID, Items: r.Items, Status: string(r.Status)}
	for _, p := range r.Passages {
		res.Passages = append(res.Passages, Passage(p))
	}
	return res
}

func optDay(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(tracker.DateLayout)
}

func dueDay(t time.Time) string {
	if t.IsZero() {
		return "-"
	}
	return t.Format(tracker.DateLayout)
}
