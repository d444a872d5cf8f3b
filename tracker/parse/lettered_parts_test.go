package parse

import (
	"strings"
	"testing"
)

// Questions asked in lettered parts ("Vraag 3a", "Antwoord 3a", "Antwoord
// 8a en 8b") are one question each, their parts gathered in order.
func TestGatherParts(t *testing.T) {
	in := "Vraag 1\nKent u het bericht?\n\nAntwoord 1\nJa.\n\n" +
		"Vraag 2a\nHoeveel vestigingen sloten in 2025?\n\nAntwoord 2a\nHet waren er 31.\n\n" +
		"Vraag 2b\nWelke gemeenten zijn dat?\n\nAntwoord 2b\nDe lijst staat op de website van de KB.\n\n" +
		"Vraag 3a\nOp hoeveel scholen is er een bibliotheek?\n\nVraag 3b\nHoeveel daarvan sloten?\n\n" +
		"Antwoord 3a en 3b\nOp 4.286 scholen; geen daarvan sloot.\n\nVraag 4\nWanneer volgt de wet?\n\nAntwoord 4\nIn maart 2026.\n"
	doc, err := Read("x.txt", []byte(in))
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Items) != 4 {
		t.Fatalf("%d items, want 4: %+v", len(doc.Items), doc.Items)
	}
	tests := []struct {
		q, a []string // pieces each must hold, in order
	}{
		{[]string{"Kent u het bericht?"}, []string{"Ja."}},
		{[]string{"a) Hoeveel vestigingen", "b) Welke gemeenten"}, []string{"a) Het waren er 31.", "b) De lijst"}},
		{[]string{"a) Op hoeveel scholen", "b) Hoeveel daarvan"}, []string{"a) en b) Op 4.286 scholen"}},
		{[]string{"Wanneer volgt de wet?"}, []string{"In maart 2026."}},
	}
	for i, tt := range tests {
		it := doc.Items[i]
		if it.Number != i+1 {
			t.Errorf("item %d: number %d", i, it.Number)
		}
		inOrder(t, it.Question, tt.q)
		inOrder(t, it.Answer, tt.a)
	}
}

func inOrder(t *testing.T, s string, pieces []string) {
	t.Helper()
	at := 0
	for _, p := range pieces {
		k := strings.Index(s[at:], p)
		if k < 0 {
			t.Errorf("%q: %q missing or out of order", s, p)
			return
		}
		at += k + len(p)
	}
}

// A Flemish answer set as PDF text: every number alone on its line, a
// blank line before its text, answers numbered without a stop, one of them
// "3 en 4".
func TestLoneNumbersOverBlankLines(t *testing.T) {
	in := "SCHRIFTELIJKE VRAAG\n\nnr. 12\nvan AN PEETERS\n\n1.\n\nHoeveel dossiers waren er?\n\n2.\n\nWaarom duurt het zo lang?\n\n" +
		"3.\n\nKomt er extra personeel?\n\n4.\n\nWanneer is de achterstand weg?\n\nANTWOORD\n\n1\n\nEr waren 412 dossiers.\n\n2\n\nDe aanvragen zijn complexer geworden.\n\n" +
		"3 en 4\n\nJa, vijf medewerkers; de achterstand is eind 2026 weg.\n"
	wantItems(t, in, []qa{
		{"Hoeveel dossiers waren er?", "Er waren 412 dossiers."},
		{"Waarom duurt het zo lang?", "De aanvragen zijn complexer geworden."},
		{"Komt er extra personeel?", "Ja, vijf medewerkers; de achterstand is eind 2026 weg."},
		{"Wanneer is de achterstand weg?", "Ja, vijf medewerkers; de achterstand is eind 2026 weg."},
	})
}
