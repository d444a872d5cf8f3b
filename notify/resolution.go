package notify

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"sort"
	"strings"

	"github.com/pqtrack/pqtrack/tracker"
)

// resolution says in one line what following a reference found, or which
// document may deliver a promise.
func (l Lang) resolution(r *tracker.Resolution) string {
	if r == nil {
		return ""
	}
	s := l.tr("resolution."+string(r.Verdict), r.Target)
	if r.Verdict == tracker.Loop || r.Verdict == tracker.TargetMissing {
		return s
	}
	if len(r.Items) > 0 && r.Status != "" {
		s += " (" + l.tr("status."+string(r.Status)) + ")"
	}
	return s
}

// passages quotes the passages of r to read, one a line.
func (l Lang) passages(r *tracker.Resolution, n int) string {
	if r == nil {
		return ""
	}
	var b strings.Builder
	for i, p := range r.Passages {
		if i == n {
			break
		}
		if i > 0 {
			b.WriteString("\n")
		}
		fmt.Fprintf(&b, "“%s” [%s]", clip(p.Snippet, 240), strings.Join(p.Terms, ", "))
	}
	return b.String()
}

// resolutionFields are the reminder fields for a follow-up's resolution.
func resolutionFields(l Lang, f *tracker.FollowUp) []Field {
	r := f.Resolution
	if r == nil {
		return nil
	}
	line := strings.ReplaceAll(l.resolution(r), " ID ", fmt.Sprintf(" %d ", f.ID))
	out := []Field{{l.tr("resolution"), line}}
	if p := l.passages(r, 2); p != "" {
		out = append(out, Field{l.tr("resolution.read"), p})
	}
	return out
}

// Arrival is what a newly stored document changed: open deferrals that
// point at it and promises it may deliver.
type Arrival struct {
	Target  tracker.Document // the document that came in (no text needed)
	Changes []ArrivalChange
}

// ArrivalChange is one follow-up that the arrival resolved.
type ArrivalChange struct {
	FollowUp tracker.FollowUp
	Label    string // what the question is about ("VMRI")
	New      *tracker.Resolution
}

// ArrivalKey is the send-log key of the arrival message a: its target and
// the follow-ups with their verdicts, in id order, hashed when long. The
// same news about the same document has the same key, however often and
// in whatever order it is found, so it is sent once; other news about
// the same target (another follow-up, another verdict) is sent too.
func ArrivalKey(a Arrival) string {
	var parts []string
	for _, c := range a.Changes {
		if c.New == nil {
			continue
		}
		parts = append(parts, fmt.Sprintf("%d=%s", c.FollowUp.ID, c.New.Verdict))
	}
	sort.Slice(parts, func(i, j int) bool {
		return parts[i] < parts[j] // any fixed order: the key must not depend on the order found
	})
	body := strings.Join(parts, ",")
	if len(body) > 80 {
		sum := sha256.Sum256([]byte(body))
		body = hex.EncodeToString(sum[:12])
	}
	return fmt.Sprintf("arrival:%d:%s", a.Target.ID, body)
}

// RenderArrival renders the message that a target came in: "Het verslag
// van 15 november 2022 is binnen: VMRI wordt besproken (...); over de
// expertendatabank staat er niets in (...)."
func RenderArrival(lang Lang, a Arrival) (Message, error) {
	title := lang.tr("arrival.title", a.Target.Name())
	if tracker.Dated(a.Target.Date) {
		switch a.Target.Kind {
		case tracker.KindMeeting, tracker.KindLetter, tracker.KindAnswer:
			title = lang.tr("arrival.title."+string(a.Target.Kind), lang.date(a.Target.Date))
		}
	}
	var parts []string
	for _, c := range a.Changes {
		f := c.FollowUp
		where := lang.tr("arrival.where", f.Document, f.QuestionNumber)
		snippet := ""
		if c.New != nil && len(c.New.Passages) > 0 {
			snippet = clip(c.New.Passages[0].Snippet, 160)
		}
		switch {
		case c.New == nil:
			continue
		case c.New.Verdict == tracker.Addressed:
			parts = append(parts, lang.tr("arrival.addressed", c.Label, where, snippet))
		case c.New.Verdict == tracker.Silent:
			parts = append(parts, lang.tr("arrival.silent", c.Label, where))
		case c.New.Verdict == tracker.PossiblyDelivered:
			parts = append(parts, lang.tr("arrival.delivered", c.Label, f.ID, snippet, f.ID))
		}
	}
	m := Message{Key: ArrivalKey(a), Title: title}
	for _, c := range a.Changes {
		if c.New != nil {
			m.FollowUps = append(m.FollowUps, FollowUpRef{c.FollowUp.ID, c.FollowUp.QuestionNumber})
		}
	}
	if len(parts) == 0 {
		return m, nil
	}
	var b bytes.Buffer
	b.WriteString(title + ": " + strings.Join(parts, "; ") + ".")
	m.Text = b.String()
	m.Markdown = []string{escapeSlack(m.Text)}
	return m, nil
}
