package web

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/pqtrack/pqtrack/tracker"
)

func TestMarkAnswer(t *testing.T) {
	ans := "Ik verwijs naar de commissie. Op 14 februari 2023 volgt het rapport. Geëvalueerd wordt nog niet."
	at := func(s string) (int, int) { i := strings.Index(ans, s); return i, i + len(s) }
	ev := func(rule, s string) tracker.Evidence {
		a, b := at(s)
		return tracker.Evidence{Rule: rule, Start: a, End: b, Text: s}
	}
	it := &tracker.Item{
		Answer: ans,
		Findings: []tracker.Finding{
			{Kind: tracker.FindDeferral, Evidence: ev("defer", "verwijs naar")},
			{Kind: tracker.FindPending, Evidence: ev("not-yet", "nog niet")},
			// Offsets that do not fit the text: found again by its text.
			{Kind: tracker.FindContext, Evidence: tracker.Evidence{Rule: "ctx", Start: 5000, End: 5004, Text: "rapport"}},
			// Neither offsets nor text fit: left out.
			{Kind: tracker.FindContext, Evidence: tracker.Evidence{Rule: "gone", Start: 900, End: 901, Text: "nergens"}},
		},
		Promises: []tracker.Promise{{Evidence: tracker.Evidence{Rule: "date", Start: 30, End: 49,
			Text: "Op 14 februari 2023 volgt het rapport."}}},
		Deferral: &tracker.Deferral{Evidence: ev("defer", "Ik verwijs naar de commissie.")},
	}
	segs := markAnswer(it)
	var text strings.Builder
	type mk struct {
		Text   string
		Kinds  []string
		Labels []Label
	}
	var got []mk
	for _, s := range segs {
		text.WriteString(s.Text)
		if len(s.Kinds) > 0 || len(s.Labels) > 0 {
			got = append(got, mk{s.Text, s.Kinds, s.Labels})
		}
	}
	if text.String() != ans {
		t.Fatalf("segments do not add up to the answer: %q", text.String())
	}
	want := []mk{
		{"Ik ", []string{"target"}, nil},
		{"verwijs naar", []string{"deferral", "target"}, []Label{{"deferral", "defer"}}},
		{" de commissie.", []string{"target"}, nil},
		{"Op 14 februari 2023", []string{"date"}, []Label{{"date", "date"}}},
		{"rapport", []string{"context"}, []Label{{"context", "ctx"}}},
		{"nog niet", []string{"pending"}, []Label{{"pending", "not-yet"}}},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("marks (-want +got):\n%s", diff)
	}
	if segs := markAnswer(&tracker.Item{Answer: "Ja."}); len(segs) != 1 || segs[0].Text != "Ja." || segs[0].Kinds != nil {
		t.Errorf("unmarked answer = %+v", segs)
	}
	// An offset inside a UTF-8 character is not used.
	i := strings.Index(ans, "ë")
	bad := &tracker.Item{Answer: ans, Findings: []tracker.Finding{{Kind: tracker.FindPending, Evidence: tracker.Evidence{Start: i + 1, End: i + 5}}}}
	if segs := markAnswer(bad); len(segs) != 1 {
		t.Errorf("mark inside a character: %+v", segs)
	}
}
