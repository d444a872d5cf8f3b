package rules

import (
	"slices"
	"strings"
	"testing"
)

// TestSearchedLiteralsFindTheSame holds next, which searches only the
// literals no other one begins (searched), to the search for every first
// literal: the same place from every byte of the test texts, for the
// anchored patterns of the rules and the deferral targets, and for lists
// with literals that begin others, given twice and alone.
func TestSearchedLiteralsFindTheSame(t *testing.T) {
	set, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	var lists [][]string
	for _, r := range set.Rules {
		for i := range r.ms {
			if at := r.ms[i].tryAt(); at != nil {
				lists = append(lists, r.ms[i].first)
			}
		}
	}
	for _, f := range []filtered{reQuestionRef, reOtherAnswers, reAnswerNum, reWritten} {
		lists = append(lists, f.first)
	}
	lists = append(lists, []string{"ga", "gaan", "gaat"}, []string{"gaan", "ga"}, []string{"vraag", "vraag"},
		[]string{"ab", "a", "abc", "b"}, []string{"x"})
	texts := tryAtTexts(t)
	for _, l := range lists {
		for _, w := range l {
			texts = append(texts, w, "de "+w+" en "+w+"en", strings.ToUpper(w)+" "+w[:len(w)-1])
		}
	}
	dropped := 0
	for _, first := range lists {
		all, some := &tryAt{first: first}, &tryAt{first: searched(first)}
		dropped += len(all.first) - len(some.first)
		for _, s := range texts {
			// From the start, from every place found (as
			// submatchIndexFrom goes on), and from the middle.
			for from := 0; from <= len(s); {
				got, want := some.next(s, from), all.next(s, from)
				if got != want {
					t.Fatalf("next(%q, %d) with %q = %d, with %q %d", s, from, some.first, got, first, want)
				}
				if got < 0 {
					break
				}
				from = got + 1
			}
			if got, want := some.next(s, len(s)/2), all.next(s, len(s)/2); got != want {
				t.Fatalf("next(%q, %d) with %q = %d, with %q %d", s, len(s)/2, some.first, got, first, want)
			}
		}
		if !slices.Equal(searched(some.first), some.first) {
			t.Errorf("searched(%q) = %q, not all of them", some.first, searched(some.first))
		}
	}
	if dropped < 10 {
		t.Errorf("only %d literals dropped", dropped)
	}
}
