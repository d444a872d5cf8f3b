package rules

import (
	"reflect"
	"strings"
	"testing"

	"github.com/pqtrack/pqtrack/rules/dates"
	"github.com/pqtrack/pqtrack/tracker"
	"github.com/pqtrack/pqtrack/tracker/parse"
	"github.com/pqtrack/pqtrack/tracker/text"
)

// TestFindFoldedOfReadSentences holds what sentencesIn gives dates.
// FindFolded, the fold of a sentence that keeps every byte in its place
// (ident), to dates.Find of the sentence: the same dates for every
// sentence of every answer and question of the guard documents, as they
// are, in capitals and with tabs, line breaks and double spaces put in.
func TestFindFoldedOfReadSentences(t *testing.T) {
	ref := tracker.Day(2024, 11, 20)
	var fb strings.Builder
	ident, found := 0, 0
	for name, b := range guardDocs() {
		d, _ := parse.Read(name, b)
		if d == nil {
			continue
		}
		for _, it := range d.Items {
			for _, s := range []string{it.Answer, it.Question} {
				for _, sp := range text.Sentences(s) {
					st := s[sp[0]:sp[1]]
					for _, v := range []string{st, strings.ToUpper(st), strings.ReplaceAll(st, " ", "\t"), strings.ReplaceAll(st, " ", "\n"), strings.ReplaceAll(st, " ", "  ")} {
						fb.Reset()
						f := foldTo(&fb, v, nil, true)
						if !f.ident {
							continue
						}
						got, want := dates.FindFolded(v, f.s, ref), dates.Find(v, ref)
						if !reflect.DeepEqual(got, want) {
							t.Fatalf("%s: %q: FindFolded %v, Find %v", name, v, got, want)
						}
						ident++
						if len(want) > 0 {
							found++
						}
					}
				}
			}
		}
	}
	if ident < 5000 || found < 300 {
		t.Errorf("only %d sentences folded in place, %d with dates", ident, found)
	}
}
