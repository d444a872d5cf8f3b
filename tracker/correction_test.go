package tracker

import (
	"errors"
	"testing"
	"time"
)

func TestWithStatuses(t *testing.T) {
	doc := &Document{Date: Day(2023, 2, 14), Items: []Item{
		{Number: 1, Status: Partial, Promises: []Promise{{Date: Day(2023, 6, 1)}}},
		{Number: 2, Status: Answered},
		{Number: 3, Status: Deferred, Deferral: &Deferral{Kind: TargetMeeting}},
	}}
	keys := func(fs []FollowUp) map[string]bool {
		m := map[string]bool{}
		for _, f := range fs {
			m[f.Key] = true
		}
		return m
	}
	tests := []struct {
		name   string
		status map[int]Status
		want   []string
	}{
		{"none", nil, []string{"q1:promise:2023-06-01", "q1:partial", "q3:deferral"}},
		{"answered owes nothing", map[int]Status{1: Answered, 3: Answered}, nil},
		{"partial", map[int]Status{2: Partial}, []string{"q1:promise:2023-06-01", "q1:partial", "q2:partial", "q3:deferral"}},
		{"declined keeps the reference", map[int]Status{3: Declined}, []string{"q1:promise:2023-06-01", "q1:partial", "q3:declined", "q3:deferral"}},
		{"pending with a promise", map[int]Status{1: Pending}, []string{"q1:promise:2023-06-01", "q3:deferral"}},
		{"no such question", map[int]Status{9: Declined}, []string{"q1:promise:2023-06-01", "q1:partial", "q3:deferral"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := keys(FollowUps(WithStatuses(doc, tt.status), time.Time{}, DefaultPendingWait))
			if len(got) != len(tt.want) {
				t.Errorf("follow-ups %v, want %v", got, tt.want)
			}
			for _, k := range tt.want {
				if !got[k] {
					t.Errorf("follow-ups %v lack %s", got, k)
				}
			}
		})
	}
	if doc.Items[0].Status != Partial || doc.Items[0].Promises == nil || doc.Items[2].Deferral == nil {
		t.Errorf("WithStatuses changed the document: %+v", doc.Items)
	}
}

func TestParseStatus(t *testing.T) {
	words := map[Status][]string{Pending: {"in afwachting", "afwachting"}, Partial: {"gedeeltelijk"}}
	tests := []struct {
		in   string
		want Status
		ok   bool
	}{
		{"partial", Partial, true},
		{"Gedeeltelijk", Partial, true},
		{" in  afwachting ", Pending, true},
		{"in-afwachting", Pending, true},
		{"AFWACHTING", Pending, true},
		{"declined", Declined, true},
		{"vaag", "", false},
		{"", "", false},
	}
	for _, tt := range tests {
		got, ok := ParseStatus(tt.in, words)
		if got != tt.want || ok != tt.ok {
			t.Errorf("ParseStatus(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

// PlanCorrection: what a corrected status derives and the question lacks
// is created, what an earlier correction closed is reopened, live ones no
// longer derived are closed; others stay as they are.
func TestPlanCorrection(t *testing.T) {
	a := "Ik verwijs naar de bespreking in de commissie."
	doc := &Document{ID: 1, Title: "T", Items: []Item{{Number: 1, Question: "Hoe?", Answer: a, Status: Deferred,
		Deferral: &Deferral{Kind: TargetMeeting, Evidence: Evidence{Rule: "d", Start: 0, End: len(a), Text: a}}}}}
	at := Day(2024, 3, 1)
	derived := FollowUps(doc, at, 0)
	if len(derived) != 1 {
		t.Fatalf("the deferred question derives %d follow-ups", len(derived))
	}
	deferral := derived[0]
	deferral.ID, deferral.State = 7, Open
	tests := []struct {
		name                  string
		status                Status
		have                  []FollowUp
		create, reopen, close int
	}{
		{"answered closes the live one", Answered, []FollowUp{deferral}, 0, 0, 1},
		{"deferred again reopens the corrected one", Deferred, []FollowUp{{ID: 7, Key: deferral.Key, State: Done, Outcome: Corrected}}, 0, 1, 0},
		{"delivered stays closed", Answered, []FollowUp{{ID: 7, Key: deferral.Key, State: Done, Outcome: Delivered}}, 0, 0, 0},
		{"pending adds its own; the deferral it still has stays", Pending, []FollowUp{deferral}, 1, 0, 0},
		{"deferred with none creates it", Deferred, nil, 1, 0, 0},
	}
	for _, tt := range tests {
		p := PlanCorrection(doc, Correction{QuestionNumber: 1, Status: tt.status, At: at}, 0, tt.have)
		if len(p.Create) != tt.create || len(p.Reopen) != tt.reopen || len(p.Close) != tt.close {
			t.Errorf("%s: create %d, reopen %d, close %d; want %d, %d, %d", tt.name,
				len(p.Create), len(p.Reopen), len(p.Close), tt.create, tt.reopen, tt.close)
		}
	}
	c := Correction{QuestionNumber: 2}
	if err := c.Fill(doc); !errors.Is(err, ErrNotFound) {
		t.Errorf("a question the document lacks: %v", err)
	}
	c = Correction{QuestionNumber: 1, SubQuestion: 2, Note: " waarom "}
	if err := c.Fill(doc); !errors.Is(err, ErrInvalid) {
		t.Errorf("a sub-question the question lacks: %v", err)
	}
	c.SubQuestion = 0
	if err := c.Fill(doc); err != nil || c.Answer != a || c.Note != "waarom" || c.Document != "T" {
		t.Errorf("filled %+v, %v", c, err)
	}
}
