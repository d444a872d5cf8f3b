package tracker

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

func TestDraft(t *testing.T) {
	doc := &Document{Title: "Inburgering", Number: "342", Asker: "An Peeters", Asked: Day(2023, 1, 10), Date: Day(2023, 2, 14)}
	// The question as documents hold it: broken over lines, a blank line
	// between its parts.
	it := &Item{Number: 3, Question: "Wanneer komt de\nevaluatie?\n\n  Wie voert ze uit?", Answer: "De evaluatie volgt voor de zomer."}
	tests := []struct {
		name, lang string
		f          FollowUp
		want       string
	}{
		{"promise", "nl", FollowUp{QuestionNumber: 3, Kind: FollowPromise, Summary: "De evaluatie volgt\nvoor de zomer.", Promised: Day(2023, 6, 21)}, `Betreft: opvolging van schriftelijke vraag nr. 342 over Inburgering

In antwoord op mijn schriftelijke vraag nr. 342 van 10 januari 2023 (vraag 3: «Wanneer komt de evaluatie? Wie voert ze uit?») antwoordde u: «De evaluatie volgt voor de zomer.»

Die informatie werd beloofd tegen 21 juni 2023.
1. Werd ze intussen bezorgd? Zo ja, waar kan ik ze vinden?
2. Zo neen, waarom niet, en tegen wanneer mag ik ze verwachten?

An Peeters
`},
		{"promise", "en", FollowUp{QuestionNumber: 3, Kind: FollowPromise, Summary: "De evaluatie volgt voor de zomer.", Promised: Day(2023, 6, 21)}, `Subject: follow-up to written question nr. 342 on Inburgering

In reply to my written question nr. 342 of 10 January 2023 (question 3: «Wanneer komt de evaluatie? Wie voert ze uit?»), you answered: «De evaluatie volgt voor de zomer.»

That information was promised by 21 June 2023.
1. Has it been delivered since? If so, where can I find it?
2. If not, why not, and by when will it be delivered?

An Peeters
`},
		// A quote without a full stop of its own gets one after the quote.
		{"deferral", "nl", FollowUp{QuestionNumber: 3, Kind: FollowDeferral, Summary: "Zie de bespreking in de commissie"}, `Betreft: opvolging van schriftelijke vraag nr. 342 over Inburgering

In antwoord op mijn schriftelijke vraag nr. 342 van 10 januari 2023 (vraag 3: «Wanneer komt de evaluatie? Wie voert ze uit?») antwoordde u: «Zie de bespreking in de commissie».

U verwees voor het antwoord naar elders, maar daar vond ik het niet.
1. Kan u mijn vraag zelf alsnog beantwoorden?

An Peeters
`},
		{"deferral", "en", FollowUp{QuestionNumber: 3, Kind: FollowDeferral, Summary: "Zie de bespreking in de commissie"}, `Subject: follow-up to written question nr. 342 on Inburgering

In reply to my written question nr. 342 of 10 January 2023 (question 3: «Wanneer komt de evaluatie? Wie voert ze uit?»), you answered: «Zie de bespreking in de commissie».

You referred me elsewhere for the answer, but I did not find it there.
1. Can you now answer my question itself?

An Peeters
`},
		// Without a summary the answer is quoted.
		{"partial", "nl", FollowUp{QuestionNumber: 3, Kind: FollowPartial}, `Betreft: opvolging van schriftelijke vraag nr. 342 over Inburgering

In antwoord op mijn schriftelijke vraag nr. 342 van 10 januari 2023 (vraag 3: «Wanneer komt de evaluatie? Wie voert ze uit?») antwoordde u: «De evaluatie volgt voor de zomer.»

Uw antwoord liet een deel van mijn vraag open.
1. Kan u de onderdelen van mijn vraag die onbeantwoord bleven alsnog beantwoorden?

An Peeters
`},
		{"partial", "en", FollowUp{QuestionNumber: 3, Kind: FollowPartial}, `Subject: follow-up to written question nr. 342 on Inburgering

In reply to my written question nr. 342 of 10 January 2023 (question 3: «Wanneer komt de evaluatie? Wie voert ze uit?»), you answered: «De evaluatie volgt voor de zomer.»

Your answer left part of my question open.
1. Can you now answer the parts of my question that remained unanswered?

An Peeters
`},
	}
	for _, tt := range tests {
		got := Draft(doc, it, &tt.f, tt.lang)
		if d := cmp.Diff(tt.want, got); d != "" {
			t.Errorf("Draft(%s, %s) (-want +got):\n%s", tt.name, tt.lang, d)
		}
	}
}

func TestDraftEdges(t *testing.T) {
	doc := &Document{Number: "nr. 7"}
	tests := []struct {
		name    string
		it      *Item
		f       FollowUp
		want    []string
		notWant []string
	}{
		{"no answer, no dates", &Item{Number: 1, Question: "Hoeveel?"}, FollowUp{QuestionNumber: 1, Kind: FollowUnanswered},
			[]string{"vraag nr. 7 (vraag 1: «Hoeveel?») ontving ik op deze vraag geen antwoord.\n",
				"\n1. Kan u de onderdelen van mijn vraag die onbeantwoord bleven alsnog beantwoorden?\n"},
			[]string{"nr. 7 van", "»."}},
		{"undated promise", nil, FollowUp{QuestionNumber: 1, Kind: FollowPromise, Summary: "Het volgt."},
			[]string{"antwoordde u: «Het volgt.»\n\nDie informatie werd beloofd.\n1. "}, []string{"(vraag"}},
		{"clipped quote", nil, FollowUp{QuestionNumber: 1, Kind: FollowPending, Summary: strings.Repeat("woord ", 200)},
			[]string{" …».\n\nU gaf aan dat die informatie nog niet beschikbaar was.\n1. Is ze intussen beschikbaar? Kan u ze mij bezorgen?\n2. Zo neen, tegen wanneer wel?\n"}, nil},
		{"question ends the quote", nil, FollowUp{QuestionNumber: 1, Kind: FollowDeclined, Summary: "Waarom zou ik?"},
			[]string{"«Waarom zou ik?»\n"}, []string{"?»."}},
	}
	for _, tt := range tests {
		got := Draft(doc, tt.it, &tt.f, "xx") // unknown: Dutch
		for _, w := range tt.want {
			if !strings.Contains(got, w) {
				t.Errorf("%s: lacks %q:\n%s", tt.name, w, got)
			}
		}
		for _, w := range tt.notWant {
			if strings.Contains(got, w) {
				t.Errorf("%s: holds %q:\n%s", tt.name, w, got)
			}
		}
	}
	if got := clip(strings.Repeat("ë", 400), 101); !strings.HasSuffix(got, "…") || !utf8.ValidString(got) {
		t.Errorf("clip cut a character: %q", got)
	}
}

// TestDraftFollowsResolution: the lead line of a deferral's draft says what
// following the reference found, never "not found there" of a target
// pqtrack found discussed or that has not come in.
func TestDraftFollowsResolution(t *testing.T) {
	doc := &Document{Number: "nr. 7"}
	it := &Item{Number: 1, Question: "Hoeveel?", Answer: "Zie de commissie."}
	tests := []struct {
		verdict  Verdict
		lang     string
		want     string
		notFound bool // the draft may say it was not found there
	}{
		{Addressed, "nl", "Het onderwerp kwam daar aan bod, maar een antwoord op mijn vraag zelf blijft nodig.", false},
		{Addressed, "en", "The subject was discussed there, but an answer to my question itself is still needed.", false},
		{TargetMissing, "nl", "maar dat stuk is nog niet beschikbaar.", false},
		{Silent, "nl", "maar daar vond ik het niet.", true},
		{"", "nl", "maar daar vond ik het niet.", true}, // not followed: staff looked themselves
	}
	for _, tt := range tests {
		f := FollowUp{QuestionNumber: 1, Kind: FollowDeferral}
		if tt.verdict != "" {
			f.Resolution = &Resolution{Verdict: tt.verdict}
		}
		got := Draft(doc, it, &f, tt.lang)
		if !strings.Contains(got, tt.want) {
			t.Errorf("%s/%s: draft lacks %q:\n%s", tt.verdict, tt.lang, tt.want, got)
		}
		if has := strings.Contains(got, "vond ik het niet") || strings.Contains(got, "did not find it"); has != tt.notFound {
			t.Errorf("%s/%s: says not found = %v:\n%s", tt.verdict, tt.lang, has, got)
		}
	}
}
