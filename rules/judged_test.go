package rules

import (
	"testing"
	"time"

	"github.com/pqtrack/pqtrack/tracker"
)

// judgedItem is question 1 with its answer as the default rules judge it on
// ref, for the tests that check a judgement end to end.
func judgedItem(t *testing.T, question, answer string, ref time.Time) tracker.Item {
	t.Helper()
	set, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	it := tracker.Item{Number: 1, Question: question, Answer: answer}
	set.AnalyzeItem(&it, ref)
	return it
}

// statusCase is a question, an answer and the status it should get.
type statusCase struct {
	question, answer string
	want             tracker.Status
}

// wantStatuses judges each case on ref and reports those that get another
// status.
func wantStatuses(t *testing.T, tests []statusCase, ref time.Time) {
	t.Helper()
	for _, tt := range tests {
		if got := judgedItem(t, tt.question, tt.answer, ref).Status; got != tt.want {
			t.Errorf("%q: %s, want %s", tt.answer, got, tt.want)
		}
	}
}

// wantSecondRole checks that the answer of it, read as two sentences,
// gives the second the role want.
func wantSecondRole(t *testing.T, it tracker.Item, want tracker.Role) {
	t.Helper()
	if len(it.Readings) != 2 || it.Readings[1].Role != want {
		t.Errorf("%q: read %+v, want the second sentence %s", it.Answer, it.Readings, want)
	}
}

// firstRole is the role of the first sentence of answer, judged under
// question.
func firstRole(t *testing.T, question, answer string) tracker.Role {
	t.Helper()
	return judgedItem(t, question, answer, tracker.Day(2025, 12, 2)).Readings[0].Role
}
