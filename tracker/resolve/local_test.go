package resolve

import (
	"slices"
	"strings"
	"testing"

	"github.com/pqtrack/pqtrack/tracker"
)

// qa is a question with an answer of status st that, when refs is not
// empty, refers to the answers to those questions.
func qa(n int, st tracker.Status, answer string, refs ...int) tracker.Item {
	it := tracker.Item{Number: n, Question: "Hoeveel kost de renovatie van het zwembad?", Answer: answer, Status: st}
	if len(refs) > 0 {
		it.Deferral = &tracker.Deferral{Kind: tracker.TargetAnswer, Numbers: refs, Ref: "antwoord op vraag"}
	}
	return it
}

func TestLocal(t *testing.T) {
	const sub = "De renovatie van het zwembad kost 2 miljoen euro."
	tests := []struct {
		name    string
		items   []tracker.Item
		at      int // index of the item to check
		verdict tracker.Verdict
		status  tracker.Status
		items2  []int
		target  string
	}{
		{"answered target", []tracker.Item{qa(1, tracker.Answered, sub), qa(2, tracker.Deferred, "Zie antwoord vraag 1.", 1)},
			1, tracker.Addressed, tracker.Answered, []int{1}, "vraag 1"},
		{"chain", []tracker.Item{qa(1, tracker.Answered, sub), qa(2, tracker.Deferred, "Zie antwoord 1.", 1), qa(3, tracker.Deferred, "Zie antwoord 2.", 2)},
			2, tracker.Addressed, tracker.Answered, []int{2}, "vraag 2"},
		{"loop", []tracker.Item{qa(1, tracker.Deferred, "Zie antwoord 2.", 2), qa(2, tracker.Deferred, "Zie antwoord 1.", 1)},
			0, tracker.Loop, "", []int{2}, "die terugverwijst"},
		{"longer loop", []tracker.Item{qa(1, tracker.Deferred, "Zie antwoord 2.", 2), qa(2, tracker.Deferred, "Zie antwoord 3.", 3), qa(3, tracker.Deferred, "Zie antwoord 1.", 1)},
			1, tracker.Loop, "", []int{3}, "die terugverwijst"},
		{"self", []tracker.Item{qa(1, tracker.Deferred, "Zie antwoord 1.", 1)},
			0, tracker.Loop, "", []int{1}, "die terugverwijst"},
		{"no such question", []tracker.Item{qa(1, tracker.Answered, sub), qa(2, tracker.Deferred, "Zie antwoord 12.", 12)},
			1, tracker.TargetMissing, "", []int{12}, "vraag 12: niet in dit document"},
		{"one of two missing", []tracker.Item{qa(1, tracker.Answered, sub), qa(2, tracker.Deferred, "Zie antwoord 1 en 9.", 1, 9)},
			1, tracker.Addressed, tracker.Answered, []int{1, 9}, "vraag 9: niet in dit document"},
		{"pending target", []tracker.Item{qa(1, tracker.Pending, "Dat wordt onderzocht."), qa(2, tracker.Deferred, "Zie antwoord 1.", 1)},
			1, tracker.Silent, tracker.Pending, []int{1}, "vraag 1"},
		{"mixed targets", []tracker.Item{qa(1, tracker.Answered, sub), qa(2, tracker.Declined, "Daar doe ik geen uitspraken over."), qa(3, tracker.Deferred, "Zie antwoord 1 en 2.", 1, 2)},
			2, tracker.Addressed, tracker.Partial, []int{1, 2}, "vraag 1 en 2"},
		{"partial answer with its own substance stands alone", []tracker.Item{qa(1, tracker.Partial, sub, 2), qa(2, tracker.Deferred, "Zie antwoord 1.", 1)},
			1, tracker.Addressed, tracker.Partial, []int{1}, "vraag 1"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc := &tracker.Document{Items: tc.items}
			Local(doc)
			r := doc.Items[tc.at].Deferral.Resolution
			if r == nil {
				t.Fatal("no resolution")
			}
			if r.Verdict != tc.verdict || r.Status != tc.status || !slices.Equal(r.Items, tc.items2) {
				t.Errorf("got %s %q %v, want %s %q %v", r.Verdict, r.Status, r.Items, tc.verdict, tc.status, tc.items2)
			}
			if !strings.Contains(r.Target, tc.target) {
				t.Errorf("target %q, want it to say %q", r.Target, tc.target)
			}
			if r.Verdict == tracker.Addressed && (len(r.Passages) == 0 || r.Passages[0].Snippet == "") {
				t.Errorf("addressed without a passage: %+v", r.Passages)
			}
		})
	}
}

// Deferrals to other documents are not Local's business.
func TestLocalLeavesOthers(t *testing.T) {
	doc := &tracker.Document{Items: []tracker.Item{
		{Number: 1, Status: tracker.Deferred, Deferral: &tracker.Deferral{Kind: tracker.TargetMeeting}},
		{Number: 2, Status: tracker.Deferred, Deferral: &tracker.Deferral{Kind: tracker.TargetAnswer, Numbers: []int{12}, Number: "nr. 12"}},
	}}
	Local(doc)
	for _, it := range doc.Items {
		if it.Deferral.Resolution != nil {
			t.Errorf("question %d: resolved locally: %+v", it.Number, it.Deferral.Resolution)
		}
	}
}

func TestShared(t *testing.T) {
	tests := []struct {
		q, p, want []string
	}{
		{[]string{"platform"}, []string{"ideeenplatform"}, []string{"platform"}},
		{[]string{"gepromot"}, []string{"promotie"}, []string{"gepromot"}},
		{[]string{"functioneert"}, []string{"functionering"}, []string{"functioneert"}},
		{[]string{"mensenrechtenmechanism"}, []string{"mensenrechteninstitut"}, nil},
		{[]string{"vmri", "zwembad"}, []string{"vmri", "begrot"}, []string{"vmri"}},
		{[]string{"bad"}, []string{"zwembad"}, nil}, // too short to look inside compounds
	}
	for _, tc := range tests {
		if got := Shared(tc.q, tc.p); !slices.Equal(got, tc.want) {
			t.Errorf("Shared(%v, %v) = %v, want %v", tc.q, tc.p, got, tc.want)
		}
	}
}

func TestNumberKey(t *testing.T) {
	tests := []struct{ a, b string }{
		{"Kamerstuk 36600, nr. 13", "36600, nr. 13"},
		{"Kamerstuk 36 600, nr. 13", "36600, nr. 13"},
		{"schriftelijke vraag nr. 123", "nr. 123"},
		{"nr. 342", "nr. 342"},
		{"2024Z14419", "2024Z14419"},
	}
	for _, tc := range tests {
		if numberKey(tc.a) != numberKey(tc.b) || numberKey(tc.a) == "" {
			t.Errorf("numberKey(%q) = %q, numberKey(%q) = %q: want equal", tc.a, numberKey(tc.a), tc.b, numberKey(tc.b))
		}
	}
	if numberKey("Kamerstuk 36600, nr. 13") == numberKey("Kamerstuk 36600, nr. 14") {
		t.Error("different numbers share a key")
	}
}
