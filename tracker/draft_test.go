package tracker

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestDraft(t *testing.T) {
	doc := &Document{Title: "Inburgering", Number: "342", Asker: "An Peeters", Asked: Day(2023, 1, 10), Date: Day(2023, 2, 14)}
	it := &Item{Number: 3, Question: "Wanneer komt de evaluatie?", Answer: "De evaluatie volgt voor de zomer."}
	tests := []struct {
		lang string
		f    FollowUp
		want []string
	}{
		{"nl", FollowUp{QuestionNumber: 3, Kind: FollowPromise, Summary: "De evaluatie volgt voor de zomer.", Promised: Day(2023, 6, 21)},
			[]string{"schriftelijke vraag nr. 342 van 10 januari 2023", "(vraag 3: «Wanneer komt de evaluatie?»)",
				"antwoordde u: «De evaluatie volgt voor de zomer.».", "beloofd tegen 21 juni 2023", "An Peeters"}},
		{"en", FollowUp{QuestionNumber: 3, Kind: FollowDeferral, Summary: "Zie de commissie."},
			[]string{"written question nr. 342 of 10 January 2023", "you answered: «Zie de commissie.»", "referred me elsewhere"}},
		{"nl", FollowUp{QuestionNumber: 3, Kind: FollowUnanswered},
			// no summary: the answer text is quoted
			[]string{"antwoordde u: «De evaluatie volgt voor de zomer.»", "onbeantwoord"}},
	}
	for _, tt := range tests {
		got := Draft(doc, it, &tt.f, tt.lang)
		for _, w := range tt.want {
			if !strings.Contains(got, w) {
				t.Errorf("Draft(%s, %s) lacks %q:\n%s", tt.f.Kind, tt.lang, w, got)
			}
		}
	}
	if got := clip(strings.Repeat("ë", 400), 101); !strings.HasSuffix(got, "…") || !utf8.ValidString(got) {
		t.Errorf("clip cut a character: %q", got)
	}
}
