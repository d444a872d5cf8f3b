package rules

import (
	"reflect"
	"testing"

	"github.com/pqtrack/pqtrack/tracker"
	"github.com/pqtrack/pqtrack/tracker/parse"
)

// TestSharedSentencesAsRead holds Analyze, which reads an answer that
// several questions share once and splits it among them once
// (lastAnswer), and finds the targets of its deferrals once
// (targetMemo), to reading, splitting and recording it for each question:
// the same items for every document of the development set, the seed and
// tracker/parse/testdata/real.
func TestSharedSentencesAsRead(t *testing.T) {
	set, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	docs := guardDocs()
	defer func() { shareSentences = true }()
	shared, deferred := 0, 0
	for name, b := range docs {
		var got [2]*tracker.Document
		for i, share := range []bool{true, false} {
			d, _ := parse.Read(name, b)
			if d == nil {
				break
			}
			shareSentences = share
			set.Analyze(d, tracker.Day(2024, 11, 20))
			got[i] = d
		}
		if got[0] == nil {
			continue
		}
		if !reflect.DeepEqual(got[0].Items, got[1].Items) {
			t.Errorf("%s: judged otherwise when shared answers are read once", name)
		}
		for _, it := range got[0].Items {
			if len(it.AnsweredWith) > 0 {
				shared++
				if it.Deferral != nil {
					deferred++
				}
			}
		}
	}
	if shared < 20 || deferred < 3 {
		t.Errorf("only %d questions share an answer, %d of them with a deferral", shared, deferred)
	}
}
