package web

import (
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/pqtrack/pqtrack/tracker"
)

// span is a piece of answer text to mark: what found it and why.
type span struct {
	start, end int
	kind       string // a tracker.FindingKind, or "target" for a deferral's reference
	rule       string
}

// Segment is a run of answer text with the marks over it. Labels are the
// marks that end after it. Pages show only the kinds of evidence, in the
// reader's language; rule ids (Rules, Label.Rule) are for tests and
// debugging, never shown to staff.
type Segment struct {
	Text   string
	Kinds  []string
	Rules  []string
	Labels []Label
}

// Label names a rule that fired, after the text it found.
type Label struct {
	Kind, Rule string
}

// Class is the CSS class list of a marked segment.
func (s Segment) Class() string {
	out := make([]string, len(s.Kinds))
	for i, k := range s.Kinds {
		out[i] = "k-" + k
	}
	return strings.Join(out, " ")
}

// markAnswer cuts it's answer into segments at the edges of its evidence
// spans (findings, promises, the deferral's reference), so that a template
// can mark them without writing HTML itself. Spans that do not fit the
// text are looked up by their text, or left out.
func markAnswer(it *tracker.Item) []Segment {
	text := it.Answer
	var spans []span
	add := func(kind string, e tracker.Evidence) {
		start, end, ok := fit(text, e)
		if ok {
			spans = append(spans, span{start, end, kind, e.Rule})
		}
	}
	for _, f := range it.Findings {
		add(string(f.Kind), f.Evidence)
	}
	for _, p := range it.Promises {
		add("date", p.Evidence)
	}
	if d := it.Deferral; d != nil {
		add("target", d.Evidence)
	}
	if len(spans) == 0 {
		return []Segment{{Text: text}}
	}
	cuts := []int{0, len(text)}
	for _, s := range spans {
		cuts = append(cuts, s.start, s.end)
	}
	sort.Ints(cuts)
	var out []Segment
	for i := 0; i+1 < len(cuts); i++ {
		a, b := cuts[i], cuts[i+1]
		if a == b {
			continue
		}
		seg := Segment{Text: text[a:b]}
		seen := map[string]bool{}
		for _, s := range spans {
			if s.start <= a && b <= s.end {
				if !seen["k"+s.kind] {
					seen["k"+s.kind] = true
					seg.Kinds = append(seg.Kinds, s.kind)
				}
				if !seen["r"+s.rule] {
					seen["r"+s.rule] = true
					seg.Rules = append(seg.Rules, s.rule)
				}
			}
			if s.end == b && s.kind != "target" {
				seg.Labels = append(seg.Labels, Label{s.kind, s.rule})
			}
		}
		out = append(out, seg)
	}
	return out
}

// fit returns e's span in text when its offsets are sound, else where
// e.Text occurs in text.
func fit(text string, e tracker.Evidence) (int, int, bool) {
	s, t := e.Start, e.End
	if 0 <= s && s < t && t <= len(text) && boundary(text, s) && boundary(text, t) &&
		(e.Text == "" || strings.Contains(e.Text, text[s:t]) || strings.Contains(text[s:t], e.Text)) {
		return s, t, true
	}
	if e.Text != "" {
		if i := strings.Index(text, e.Text); i >= 0 {
			return i, i + len(e.Text), true
		}
	}
	return 0, 0, false
}

func boundary(s string, i int) bool {
	return i == len(s) || utf8.RuneStart(s[i])
}
