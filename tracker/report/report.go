// Package report gives the JSON shape in which pqtrack shows analysed
// documents, the same for `pqtrack analyze --json` and the web API.
// The field names are a published interface: add fields, never rename.
package report

import (
	"time"

	"github.com/pqtrack/pqtrack/tracker"
)

// Analysis is the top-level object of `pqtrack analyze --json`.
type Analysis struct {
	Documents []Document `json:"documents"`
}

// Document is an analysed document.
type Document struct {
	ID         int64    `json:"id,omitempty"`
	File       string   `json:"file"`
	Title      string   `json:"title"`
	Layout     string   `json:"layout"`
	Date       *string  `json:"date"`
	Kind       string   `json:"kind,omitempty"`
	Parliament string   `json:"parliament,omitempty"`
	Number     string   `json:"number,omitempty"`
	Asker      string   `json:"asker,omitempty"`
	Minister   string   `json:"minister,omitempty"`
	Asked      *string  `json:"asked,omitempty"`
	Warnings   []string `json:"warnings,omitempty"`
	Items      []Item   `json:"items"`
}

// Item is one question with its answer and the judgement.
type Item struct {
	Number       int           `json:"number"`
	Question     string        `json:"question"`
	Answer       string        `json:"answer"`
	Status       string        `json:"status"`
	AnsweredWith []int         `json:"answered_with,omitempty"`
	SubQuestions []SubQuestion `json:"subquestions"`
	Deferral     *Deferral     `json:"deferral"`
	Promises     []Promise     `json:"promises"`
	Findings     []Finding     `json:"findings"`
	Sentences    []Sentence    `json:"sentences"`
	// Open lists the sub-questions (indexes into SubQuestions) that get
	// no reply.
	Open []int `json:"open_subquestions"`
}

// SubQuestion is one '?' sentence with its coverage.
type SubQuestion struct {
	Text   string `json:"text"`
	Status string `json:"status"`
}

// Sentence is one answer sentence with the role pqtrack read in it.
type Sentence struct {
	Text        string  `json:"text"`
	Start       int     `json:"start"`
	End         int     `json:"end"`
	Role        string  `json:"role"`
	Confidence  float64 `json:"confidence"`
	SubQuestion int     `json:"subquestion"`
	Decisive    bool    `json:"decisive"`
}

// Deferral is where an answer points.
type Deferral struct {
	Kind       string           `json:"kind"`
	Date       *string          `json:"date"`
	Ref        string           `json:"ref"`
	Body       string           `json:"body,omitempty"`
	Numbers    []int            `json:"numbers,omitempty"`
	Number     string           `json:"number,omitempty"`
	URL        string           `json:"url,omitempty"`
	Evidence   tracker.Evidence `json:"evidence"`
	Resolution *Resolution      `json:"resolution,omitempty"`
}

// Resolution is what following the deferral found.
type Resolution struct {
	Verdict  string    `json:"verdict"`
	Target   string    `json:"target"`
	TargetID int64     `json:"target_id,omitempty"`
	Items    []int     `json:"items,omitempty"`
	Status   string    `json:"status,omitempty"`
	Passages []Passage `json:"passages,omitempty"`
}

// Passage is a piece of a target that may answer the question.
type Passage struct {
	DocumentID int64    `json:"document_id"`
	Index      int      `json:"index"`
	Snippet    string   `json:"snippet"`
	Score      float64  `json:"score"`
	Terms      []string `json:"terms"`
}

// Promise is a promised date.
type Promise struct {
	Date      string           `json:"date"`
	Precision string           `json:"precision"`
	What      string           `json:"what"`
	Evidence  tracker.Evidence `json:"evidence"`
}

// Finding is one rule match, with its evidence.
type Finding struct {
	Kind        string           `json:"kind"`
	SubQuestion int              `json:"subquestion"`
	Evidence    tracker.Evidence `json:"evidence"`
}

// FromDocument converts an analysed document.
func FromDocument(d *tracker.Document) Document {
	out := Document{
		ID:         d.ID,
		File:       d.File,
		Title:      d.Title,
		Layout:     string(d.Layout),
		Date:       date(d.Date),
		Kind:       string(d.Kind),
		Parliament: d.Parliament,
		Number:     d.Number,
		Asker:      d.Asker,
		Minister:   d.Minister,
		Asked:      date(d.Asked),
		Warnings:   d.Warnings,
		Items:      []Item{},
	}
	for i := range d.Items {
		out.Items = append(out.Items, FromItem(&d.Items[i]))
	}
	return out
}

// FromItem converts one analysed item.
func FromItem(it *tracker.Item) Item {
	out := Item{
		Number:       it.Number,
		Question:     it.Question,
		Answer:       it.Answer,
		Status:       string(it.Status),
		AnsweredWith: it.AnsweredWith,
		SubQuestions: []SubQuestion{},
		Promises:     []Promise{},
		Findings:     []Finding{},
		Sentences:    []Sentence{},
		Open:         []int{},
	}
	for i, sq := range it.SubQuestions {
		out.SubQuestions = append(out.SubQuestions, SubQuestion{Text: sq.Text, Status: string(sq.Status)})
		if sq.Status != tracker.Answered {
			out.Open = append(out.Open, i)
		}
	}
	for _, r := range it.Readings {
		out.Sentences = append(out.Sentences, Sentence{Text: it.Answer[r.Start:r.End], Start: r.Start, End: r.End,
			Role: string(r.Role), Confidence: r.Confidence, SubQuestion: r.SubQuestion, Decisive: r.Decisive})
	}
	if d := it.Deferral; d != nil {
		out.Deferral = &Deferral{
			Kind: string(d.Kind), Date: date(d.Date), Ref: d.Ref, Body: d.Body,
			Numbers: d.Numbers, Number: d.Number, URL: d.URL, Evidence: d.Evidence,
		}
		if r := d.Resolution; r != nil {
			res := &Resolution{Verdict: string(r.Verdict), Target: r.Target, TargetID: r.TargetID, Items: r.Items, Status: string(r.Status)}
			for _, p := range r.Passages {
				res.Passages = append(res.Passages, Passage(p))
			}
			out.Deferral.Resolution = res
		}
	}
	for _, p := range it.Promises {
		out.Promises = append(out.Promises, Promise{Date: p.Date.Format(tracker.DateLayout), Precision: string(p.Precision), What: p.What, Evidence: p.Evidence})
	}
	for _, f := range it.Findings {
		out.Findings = append(out.Findings, Finding{Kind: string(f.Kind), SubQuestion: f.SubQuestion, Evidence: f.Evidence})
	}
	return out
}

func date(t time.Time) *string {
	if t.IsZero() {
		return nil
	}
	s := t.Format(tracker.DateLayout)
	return &s
}
