package resolve

import (
	"context"
	"fmt"
	"strings"
	"time"
	"unicode"

	"github.com/pqtrack/pqtrack/rules"
	"github.com/pqtrack/pqtrack/tracker"
)

// RunStore is what re-resolution needs of the store.
type RunStore interface {
	Store
	OpenFollowUps(ctx context.Context, kind tracker.FollowUpKind) ([]tracker.FollowUp, error)
	Document(ctx context.Context, id int64) (*tracker.Document, error)
	SetResolution(ctx context.Context, docID int64, question int, r *tracker.Resolution) (bool, error)
	SetDelivery(ctx context.Context, id, docID int64, r *tracker.Resolution, at time.Time) (bool, error)
}

// Change is a follow-up whose resolution changed in a run: a deferral whose
// target came in (or went), or a promise a new document may deliver.
type Change struct {
	FollowUp tracker.FollowUp
	Question string // the question text
	Label    string // what the question is about, in its own words ("VMRI")
	Old, New *tracker.Resolution
}

// Run resolves every open deferral again against what st holds now and
// looks, for every open promise, for a document that may deliver it. It
// stores the results and returns what changed. Nothing is closed: a
// possible delivery waits for a person.
func Run(ctx context.Context, st RunStore, now time.Time) ([]Change, error) {
	r, err := New(ctx, st)
	if err != nil {
		return nil, err
	}
	docs := map[int64]*tracker.Document{}
	load := func(id int64) (*tracker.Document, error) {
		if d, ok := docs[id]; ok {
			return d, nil
		}
		d, err := st.Document(ctx, id)
		if err != nil {
			return nil, err
		}
		docs[id] = d
		return d, nil
	}

	defs, err := st.OpenFollowUps(ctx, tracker.FollowDeferral)
	if err != nil {
		return nil, fmt.Errorf("resolve: %w", err)
	}
	var out []Change
	done := map[int64]bool{} // documents resolved
	for _, f := range defs {
		doc, err := load(f.DocumentID)
		if err != nil {
			return out, fmt.Errorf("resolve follow-up %d: %w", f.ID, err)
		}
		if !done[doc.ID] {
			done[doc.ID] = true
			if err := r.Document(ctx, doc); err != nil {
				return out, err
			}
			for i := range doc.Items {
				it := &doc.Items[i]
				if it.Deferral == nil || it.Deferral.Resolution == nil {
					continue
				}
				if _, err := st.SetResolution(ctx, doc.ID, it.Number, it.Deferral.Resolution); err != nil {
					return out, err
				}
			}
		}
		it := item(doc, f.QuestionNumber)
		if it == nil || it.Deferral == nil {
			continue
		}
		nr := it.Deferral.Resolution
		if same(f.Resolution, nr) {
			continue
		}
		w, _ := r.weights(ctx, Topic(it))
		out = append(out, Change{FollowUp: f, Question: it.Question, Label: Label(it.Question+" "+it.Answer, Topic(it), w), Old: f.Resolution, New: nr})
	}

	proms, err := st.OpenFollowUps(ctx, tracker.FollowPromise)
	if err != nil {
		return out, fmt.Errorf("resolve: %w", err)
	}
	for _, f := range proms {
		doc, err := load(f.DocumentID)
		if err != nil {
			return out, fmt.Errorf("resolve follow-up %d: %w", f.ID, err)
		}
		it := item(doc, f.QuestionNumber)
		question := ""
		if it != nil {
			question = it.Question
		}
		topic := PromiseTopic(f.Summary, question)
		for _, c := range r.deliverers(doc, &f) {
			ps, err := r.Passages(ctx, c.ID, topic)
			if err != nil {
				return out, fmt.Errorf("resolve follow-up %d: %w", f.ID, err)
			}
			if len(ps) == 0 {
				continue
			}
			res := &tracker.Resolution{Verdict: tracker.PossiblyDelivered, Target: Describe(c), TargetID: c.ID, Passages: ps}
			isNew, err := st.SetDelivery(ctx, f.ID, c.ID, res, now)
			if err != nil {
				return out, err
			}
			if isNew {
				w, _ := r.weights(ctx, topic)
				out = append(out, Change{FollowUp: f, Question: question, Label: Label(f.Summary+" "+question, topic, w), Old: f.Resolution, New: res})
			}
		}
	}
	return out, nil
}

func item(doc *tracker.Document, n int) *tracker.Item {
	for i := range doc.Items {
		if doc.Items[i].Number == n {
			return &doc.Items[i]
		}
	}
	return nil
}

// same reports whether two resolutions say the same to staff: verdict and
// target.
func same(a, b *tracker.Resolution) bool {
	if a == nil || b == nil {
		return a == b
	}
	return a.Verdict == b.Verdict && a.TargetID == b.TargetID && a.Target == b.Target
}

// PromiseTopic is what a promise is about: the content words of the
// promising sentence without its dates, narrowed to those the question
// shares when there are at least two.
func PromiseTopic(sentence, question string) []string {
	var ts []string
	for _, t := range content(sentence) {
		if !dateWord(t) {
			ts = append(ts, t)
		}
	}
	qs := set(rules.Terms(question))
	var both []string
	for _, t := range ts {
		if qs[t] {
			both = append(both, t)
		}
	}
	if len(both) >= 2 {
		return both
	}
	return ts
}

func dateWord(t string) bool {
	if strings.IndexFunc(t, func(r rune) bool { return !unicode.IsDigit(r) }) < 0 {
		return true
	}
	for _, m := range []string{"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
		"september", "oktober", "november", "december", "voorjar", "zomer", "najar", "winter", "kwartal", "eind", "begin", "medio"} {
		if strings.HasPrefix(t, m) || strings.HasPrefix(m, t) && len(t) >= 4 {
			return true
		}
	}
	return false
}

// deliveryGrace is how long after the promised date a document still
// counts as the delivery: promises are often kept a little late.
const deliveryGrace = 31 * 24 * time.Hour

// deliverers lists the stored documents that may deliver promise f of
// doc: meetings and letters dated from the start of the promised period
// (and not before the answer) to a month after its end.
func (r *Resolver) deliverers(doc *tracker.Document, f *tracker.FollowUp) []*tracker.Document {
	if !tracker.Dated(f.Promised) {
		return nil
	}
	from := periodStart(f.Promised, f.Precision)
	if tracker.Dated(doc.Date) && doc.Date.After(from) {
		from = doc.Date
	}
	to := f.Promised.Add(deliveryGrace)
	var out []*tracker.Document
	for i := range r.docs {
		c := &r.docs[i]
		if c.ID == doc.ID || c.Kind == tracker.KindAnswer || !tracker.Dated(c.Date) {
			continue
		}
		if !c.Date.Before(from) && !c.Date.After(to) {
			out = append(out, c)
		}
	}
	return out
}

// periodStart is the first day of the period a promised date with
// precision p ends.
func periodStart(t time.Time, p tracker.Precision) time.Time {
	switch p {
	case tracker.PrecisionMonth:
		return tracker.Day(t.Year(), t.Month(), 1)
	case tracker.PrecisionQuarter, tracker.PrecisionSeason:
		return t.AddDate(0, -3, 0)
	case tracker.PrecisionHalf:
		return t.AddDate(0, -6, 0)
	case tracker.PrecisionYear:
		return tracker.Day(t.Year(), 1, 1)
	}
	return t.AddDate(0, 0, -7) // a day: a week early still counts
}
