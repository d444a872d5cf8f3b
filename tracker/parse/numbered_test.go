package parse

import (
	"strings"
	"testing"
)

// Numbered questions each over a bare "Antwoord": two asked one after the
// other over one label share its answer; one heading over every answer
// stays the grouped layout.
func TestNumberedAnswersShared(t *testing.T) {
	in := "1/ Hoeveel steps zijn er?\n\n**Antwoord**\n\nEr zijn er 1.150.\n\n" +
		"2/ Wanneer loopt de concessie af?\n\n3/ Komt er een nieuwe concessie?\n\n**Antwoord**\n\n" +
		"De concessie loopt af op 31 december 2026. Over een nieuwe concessie beslist de raad in juni.\n\n" +
		"4/ Is het college bereid de snelheid te beperken?\n\n**Antwoord**\n\nJa.\n"
	shared := "De concessie loopt af op 31 december 2026. Over een nieuwe concessie beslist de raad in juni."
	wantItems(t, in, []qa{
		{"Hoeveel steps zijn er?", "Er zijn er 1.150."},
		{"Wanneer loopt de concessie af?", shared},
		{"Komt er een nieuwe concessie?", shared},
		{"Is het college bereid de snelheid te beperken?", "Ja."},
	})
}

// qa is an item's question and answer.
type qa struct{ q, a string }

// wantItems reads in and checks its items' questions and answers, in
// order.
func wantItems(t *testing.T, in string, want []qa) {
	t.Helper()
	doc, err := Read("x.txt", []byte(in))
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Items) != len(want) {
		t.Fatalf("%d items, want %d: %+v", len(doc.Items), len(want), doc.Items)
	}
	for i, w := range want {
		if it := doc.Items[i]; it.Question != w.q || it.Answer != w.a {
			t.Errorf("item %d: %q / %q, want %q / %q", i+1, it.Question, it.Answer, w.q, w.a)
		}
	}
}

// Questions bulleted without numbers over numbered answers are numbered in
// their order; a bulleted list inside an answer stays the answer's.
func TestBulletedQuestions(t *testing.T) {
	in := "Schriftelijke vraag nr. 80 van An Peeters\n\nGraag een antwoord op de volgende vragen.\n\n" +
		"- Hoeveel laadpunten zijn er?\n- Hoeveel werden er in 2025 geplaatst?\n- Wanneer volgt een nieuwe doelstelling?\n\n" +
		"Antwoord\n\n1. Er zijn er 41.870, verdeeld als volgt:\n- Antwerpen: 12.406;\n- Limburg: 5.118.\n\n" +
		"2. In 2025 werden er 5.640 geplaatst.\n\n3. De nieuwe doelstelling volgt in juni 2026.\n"
	doc, err := Read("x.txt", []byte(in))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"Hoeveel laadpunten zijn er?", "Hoeveel werden er in 2025 geplaatst?", "Wanneer volgt een nieuwe doelstelling?"}
	if len(doc.Items) != len(want) {
		t.Fatalf("%d items, want %d: %+v", len(doc.Items), len(want), doc.Items)
	}
	for i, q := range want {
		it := doc.Items[i]
		if it.Question != q || it.Answer == "" {
			t.Errorf("item %d: %q / %q, want %q with its answer", i+1, it.Question, it.Answer, q)
		}
	}
	if !strings.Contains(doc.Items[0].Answer, "Limburg: 5.118") {
		t.Errorf("answer 1 lost its list: %q", doc.Items[0].Answer)
	}
}

// Bulleted answers under an answer heading pair with bulleted questions in
// their order, past a paragraph that opens the answer: "In antwoord op
// haar vragen kan ik het volgende meedelen." is no answer of its own.
func TestBulletedAnswers(t *testing.T) {
	in := "Schriftelijke vraag van mevrouw An Peeters aan de heer Jan Claes\n\nIk had graag een antwoord op de volgende vragen:\n\n" +
		"– Hoeveel laadpunten zijn er?\n\n– Hoeveel werden er in 2025 geplaatst?\n\n– Wanneer volgt een nieuwe doelstelling?\n\n" +
		"Antwoord:\n\nDe uitrol van laadpunten is een prioriteit. In antwoord op haar vragen kan ik het volgende meedelen.\n\n" +
		"– Er zijn er 41.870.\n\n– In 2025 werden er 5.640 geplaatst.\n\n– De nieuwe doelstelling volgt in juni 2027.\n"
	doc, err := Read("x.txt", []byte(in))
	if err != nil {
		t.Fatal(err)
	}
	want := []struct{ q, a string }{
		{"Hoeveel laadpunten zijn er?", "Er zijn er 41.870."},
		{"Hoeveel werden er in 2025 geplaatst?", "In 2025 werden er 5.640 geplaatst."},
		{"Wanneer volgt een nieuwe doelstelling?", "De nieuwe doelstelling volgt in juni 2027."},
	}
	if len(doc.Items) != len(want) {
		t.Fatalf("%d items, want %d: %+v", len(doc.Items), len(want), doc.Items)
	}
	for i, w := range want {
		if it := doc.Items[i]; it.Question != w.q || it.Answer != w.a {
			t.Errorf("item %d: %q / %q, want %q / %q", i+1, it.Question, it.Answer, w.q, w.a)
		}
	}
}
