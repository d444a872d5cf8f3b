package tracker

import (
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
