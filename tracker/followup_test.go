package tracker

import (
	"testing"
	"time"
)

func TestSentence(t *testing.T) {
	text := "Dat is zo. Er wordt momenteel bekeken hoeveel middelen nodig zijn. De rest volgt."
	i := len("Dat is zo. Er ")
	tests := []struct {
		start, end int
		want       string
	}{
		{i, i + len("wordt momenteel bekeken"), "Er wordt momenteel bekeken hoeveel middelen nodig zijn."},
		{0, 3, "Dat is zo."},
		{len(text) - 6, len(text) - 1, "De rest volgt."},
		{-1, 3, ""},
	}
	for _, tt := range tests {
		if got := Sentence(text, tt.start, tt.end); got != tt.want {
			t.Errorf("Sentence(%d, %d) = %q, want %q", tt.start, tt.end, got, tt.want)
		}
	}
}

func TestFollowUps(t *testing.T) {
	docDate := Day(2024, 11, 19)
	today := Day(2024, 11, 25)
	doc := &Document{ID: 7, Title: "Vragen over zwemles", Date: docDate, Items: []Item{
		{Number: 1, Status: Answered},
		{Number: 2, Status: Deferred, Answer: "Zie antwoord 1.",
			Deferral: &Deferral{Kind: TargetAnswer, Numbers: []int{1}, Evidence: Evidence{Text: "Zie antwoord 1."}}},
		{Number: 3, Status: Pending, Answer: "Dit wordt onderzocht.",
			Findings: []Finding{{Kind: FindPending, Evidence: Evidence{Start: 5, End: 20, Text: "wordt onderzocht"}}}},
		{Number: 4, Status: Pending, Promises: []Promise{{Date: Day(2025, 3, 31), Precision: PrecisionQuarter, Evidence: Evidence{Text: "in het eerste kwartaal van 2025"}}}},
		{Number: 5, Status: Declined, Answer: "Dat is onbekend.",
			Findings: []Finding{{Kind: FindDeclined, Evidence: Evidence{Start: 7, End: 15, Text: "onbekend"}}}},
		{Number: 6, Status: Partial, SubQuestions: []SubQuestion{{Text: "Hoeveel?", Status: Answered}, {Text: "Waarom?", Status: Unanswered}}},
		{Number: 7, Status: Unanswered},
		{Number: 8, Status: Answered, Deferral: &Deferral{Kind: TargetLetter, Evidence: Evidence{Text: "Zie mijn brief."}}},
	}}
	got := FollowUps(doc, today, 90*24*time.Hour)
	type row struct {
		q       int
		kind    FollowUpKind
		due     string
		summary string
	}
	want := []row{
		{2, FollowDeferral, "2024-11-19", "Zie antwoord 1."},
		{3, FollowPending, "2025-02-17", "Dit wordt onderzocht."},
		{4, FollowPromise, "2025-03-31", "in het eerste kwartaal van 2025"},
		{5, FollowDeclined, "2024-11-19", "Dat is onbekend."},
		{6, FollowPartial, "2024-11-19", "Waarom?"},
		{7, FollowUnanswered, "2024-11-19", ""},
		{8, FollowDeferral, "2024-11-19", "Zie mijn brief."},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d follow-ups, want %d: %+v", len(got), len(want), got)
	}
	keys := map[string]bool{}
	for i, w := range want {
		g := got[i]
		if g.QuestionNumber != w.q || g.Kind != w.kind || g.Due.Format(DateLayout) != w.due || g.Summary != w.summary || g.State != Open || g.DocumentID != 7 {
			t.Errorf("follow-up %d = q%d %s %s %q %s, want %+v", i, g.QuestionNumber, g.Kind, g.Due.Format(DateLayout), g.Summary, g.State, w)
		}
		if keys[g.Key] {
			t.Errorf("duplicate key %q", g.Key)
		}
		keys[g.Key] = true
	}
	// Without a document date, "due now" means today.
	doc.Date = time.Time{}
	if f := FollowUps(doc, today, time.Hour)[0]; !f.Due.Equal(today) {
		t.Errorf("undated document: due %v, want %v", f.Due, today)
	}
}

func TestIsDue(t *testing.T) {
	day := Day(2023, 2, 14)
	tests := []struct {
		f            FollowUp
		due, overdue bool
	}{
		{FollowUp{State: Open, Due: day}, true, false},
		{FollowUp{State: Open, Due: day.AddDate(0, 0, -1)}, true, true},
		{FollowUp{State: Open, Due: day.AddDate(0, 0, 1)}, false, false},
		{FollowUp{State: Snoozed, Due: day.AddDate(0, 0, -5), SnoozedUntil: day.AddDate(0, 0, 1)}, false, false},
		// Snoozed until today: due today, not overdue, though the original
		// due date has passed (the store's filter and the digest agree).
		{FollowUp{State: Snoozed, Due: day.AddDate(0, 0, -5), SnoozedUntil: day}, true, false},
		{FollowUp{State: Snoozed, Due: day.AddDate(0, 0, -5), SnoozedUntil: day.AddDate(0, 0, -1)}, true, true},
		{FollowUp{State: Done, Due: day}, false, false},
	}
	for i, tt := range tests {
		if got := tt.f.IsDue(day.Add(9 * time.Hour)); got != tt.due {
			t.Errorf("%d: IsDue = %v, want %v", i, got, tt.due)
		}
		if got := tt.f.IsOverdue(day); got != tt.overdue {
			t.Errorf("%d: IsOverdue = %v, want %v", i, got, tt.overdue)
		}
	}
	// A snoozed reminder gets a new key, so it is sent again when it wakes.
	a := FollowUp{ID: 3, State: Open, Due: day}
	b := a
	b.State, b.SnoozedUntil = Snoozed, day.AddDate(0, 0, 7)
	if a.ReminderKey() == b.ReminderKey() {
		t.Errorf("snoozing keeps the reminder key %q", a.ReminderKey())
	}
}
