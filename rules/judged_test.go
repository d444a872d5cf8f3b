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
