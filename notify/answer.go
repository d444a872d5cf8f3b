package notify

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"github.com/pqtrack/pqtrack/tracker"
)

// AnswerKey is the send-log key of the alert that filed question q's
// answer came in: one alert per question, ever.
func AnswerKey(q tracker.FiledQuestion) string {
	return "answer:" + q.Parliament + ":" + q.Ref
}

// AnswerArrival is the answer to a filed question, come in.
type AnswerArrival struct {
	Question tracker.FiledQuestion
	Answer   tracker.Document // the ingested answer with its analysis
	URL      string           // the dashboard page of the answer document; "" for none
	// FollowUps are the answer's live follow-ups: a chat puts its buttons
	// under the alert for each (see Message.FollowUps).
	FollowUps []tracker.FollowUp
}

var answerWords = map[Lang]map[string]string{
	Dutch: {
		"title":    "Antwoord binnen: %s",
		"by":       "Geantwoord door",
		"asker":    "Vraagsteller",
		"received": "Ontvangen",
		"counts":   "Oordeel",
		"promised": "Beloofde datums",
		"none":     "geen vragen gelezen",
		"link":     "Bekijk het antwoord: %s",
	},
	English: {
		"title":    "Answer in: %s",
		"by":       "Answered by",
		"asker":    "Asked by",
		"received": "Received",
		"counts":   "Judgement",
		"promised": "Promised dates",
		"none":     "no questions read",
		"link":     "See the answer: %s",
	},
}

// RenderAnswer renders the alert that a filed question's answer came in:
// who answered, how many of its questions were answered, partial,
// deferred, pending or declined, the dates promised, and a link.
func RenderAnswer(lang Lang, a AnswerArrival) Message {
	w := answerWords[lang.known()]
	q, d := a.Question, a.Answer
	name := q.Title
	if name == "" {
		name = d.Name()
	}
	if q.Number != "" {
		name += " (" + q.Number + ")"
	}
	m := Message{Key: AnswerKey(q), Title: fmt.Sprintf(w["title"], name)}
	by := d.Minister
	if by == "" {
		by = q.Minister
	}
	if by != "" {
		m.Fields = append(m.Fields, Field{w["by"], by})
	}
	if q.Asker != "" {
		m.Fields = append(m.Fields, Field{w["asker"], q.Asker})
	}
	if tracker.Dated(q.Answered) {
		m.Fields = append(m.Fields, Field{w["received"], lang.date(q.Answered)})
	}
	counts := map[tracker.Status]int{}
	var promised []string
	seen := map[string]bool{}
	for _, it := range d.Items {
		counts[it.Status]++
		for _, p := range it.Promises {
			s := lang.promised(p.Date, p.Precision)
			if !seen[s] {
				seen[s] = true
				promised = append(promised, s)
			}
		}
	}
	var parts []string
	for _, s := range tracker.Statuses {
		if n := counts[s]; n > 0 || s != tracker.Unanswered {
			parts = append(parts, fmt.Sprintf("%d %s", n, lang.tr("status."+string(s))))
		}
	}
	if len(d.Items) == 0 {
		parts = []string{w["none"]}
	}
	m.Fields = append(m.Fields, Field{w["counts"], strings.Join(parts, ", ")})
	if len(promised) > 0 {
		m.Fields = append(m.Fields, Field{w["promised"], strings.Join(promised, ", ")})
	}
	if a.URL != "" {
		m.Footer = fmt.Sprintf(w["link"], a.URL)
	}
	lines := []string{m.Title, ""}
	for _, f := range m.Fields {
		lines = append(lines, f.Label+": "+f.Value)
	}
	if m.Footer != "" {
		lines = append(lines, "", m.Footer)
	}
	m.Text = strings.Join(lines, "\n") + "\n"
	for _, f := range a.FollowUps {
		if f.State != tracker.Done {
			m.FollowUps = append(m.FollowUps, FollowUpRef{ID: f.ID, Question: f.QuestionNumber})
		}
	}
	return m
}

// AnswerStore is what arrival alerts need of the store.
type AnswerStore interface {
	// Answered lists the filed questions whose answer document is stored.
	Answered(ctx context.Context) ([]tracker.FiledQuestion, error)
	Document(ctx context.Context, id int64) (*tracker.Document, error)
	FollowUps(ctx context.Context, f tracker.FollowUpFilter) ([]tracker.FollowUp, error)
	SendLog
}

// AnswerWindow is how recent an answer must be to get an alert: a first
// fetch that brings in a parliament's backlog of answered questions does
// not post each of them.
const AnswerWindow = 14 * 24 * time.Hour

// Answers alerts staff once per filed question whose answer came in, from
// fetching or from the inbox alike.
type Answers struct {
	Store    AnswerStore
	Notifier Notifier
	Lang     Lang
	// DocumentURL returns the dashboard page of a document; nil: no link.
	DocumentURL func(id int64) string
	Log         *slog.Logger
	Owner       string
	Lease       time.Duration

	shown map[string]bool // previewed by this process: shown once, not every run
}

// Run sends the alerts not sent yet, for answers received within
// AnswerWindow of now (or with no date of receipt). It returns how many
// were delivered. A preview records nothing.
func (a *Answers) Run(ctx context.Context, now time.Time) (int, error) {
	qs, err := a.Store.Answered(ctx)
	if err != nil {
		return 0, fmt.Errorf("answer alerts: %w", err)
	}
	from := tracker.DayOf(now).Add(-AnswerWindow)
	once := &Once{Log: a.Store, Notifier: a.Notifier, Owner: a.Owner, Lease: a.Lease}
	var errs []error
	sent := 0
	for _, q := range qs {
		if q.AnswerDocumentID == 0 || tracker.Dated(q.Answered) && q.Answered.Before(from) {
			continue
		}
		key := AnswerKey(q)
		if a.shown[key] {
			continue
		}
		if done, err := a.Store.WasSent(ctx, key); err != nil || done {
			errs = append(errs, err)
			continue
		}
		doc, err := a.Store.Document(ctx, q.AnswerDocumentID)
		if err != nil {
			errs = append(errs, fmt.Errorf("answer alert %s: %w", key, err))
			continue
		}
		fs, err := a.Store.FollowUps(ctx, tracker.FollowUpFilter{Document: doc.ID, States: []tracker.State{tracker.Open, tracker.Snoozed}})
		if err != nil {
			errs = append(errs, fmt.Errorf("answer alert %s: %w", key, err))
			continue
		}
		arr := AnswerArrival{Question: q, Answer: *doc, FollowUps: fs}
		if a.DocumentURL != nil {
			arr.URL = a.DocumentURL(doc.ID)
		}
		m := RenderAnswer(a.Lang, arr)
		how, err := once.Send(ctx, m, func(ctx context.Context) error { return a.Store.MarkSent(ctx, key, time.Now()) })
		if err != nil {
			errs = append(errs, fmt.Errorf("answer alert %s (retried at the next run): %w", key, err))
			continue
		}
		switch how {
		case Delivered:
			sent++
		case Shown:
			if a.shown == nil {
				a.shown = map[string]bool{}
			}
			a.shown[key] = true
		}
	}
	if a.Log != nil && sent > 0 {
		a.Log.Info("answer alerts", "sent", sent)
	}
	return sent, errors.Join(errs...)
}
