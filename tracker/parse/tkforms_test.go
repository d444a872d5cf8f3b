package parse

import (
	"errors"
	"strings"
	"testing"

	"github.com/pqtrack/pqtrack/tracker"
)

// The Tweede Kamer forms found in real answer documents (testdata/real):
// the smallest inputs that show each.
func TestTKForms(t *testing.T) {
	type qa struct{ q, a string }
	tests := []struct {
		name       string
		in         string
		items      []qa
		minister   string
		date       string
		parliament string
		warning    string // a warning that must be there (prefix)
	}{
		{
			name: "numbered with Antwoord colon",
			in: "AH 617\n\nAntwoord van minister X (Defensie) (ontvangen 20 november 2024)\n\n" +
				"1. Kunt u bevestigen dat IAI aanwezig is?\n\nAntwoord:\nJa.\n\n" +
				"2. Zijn ook andere bedrijven aanwezig?\n\nAntwoord: Nee.\n\n1. Lijst in een antwoord.\n",
			items:      []qa{{"Kunt u bevestigen dat IAI aanwezig is?", "Ja."}, {"Zijn ook andere bedrijven aanwezig?", "Nee.\n\n1. Lijst in een antwoord."}},
			minister:   "X (Defensie)",
			date:       "2024-11-20",
			parliament: "Tweede Kamer",
		},
		{
			name: "bare number line",
			in: "AH 610\nAntwoord van minister X (ontvangen 19 november 2024)\n\n1\nWelke mogelijkheden bestaan er?\n\nAntwoord\nGeen.\n\n" +
				"2\nWelke maatregelen neemt u?\n\nAntwoord\nGeen 2 maatregelen.\n",
			items:      []qa{{"Welke mogelijkheden bestaan er?", "Geen."}, {"Welke maatregelen neemt u?", "Geen 2 maatregelen."}},
			date:       "2024-11-19",
			parliament: "Tweede Kamer",
		},
		{
			name: "postponement notice after the questions",
			in: "Mededeling van Staatssecretaris X (ontvangen 15 november 2024).\nVraag 1\nBent u bekend met het bericht?\n" +
				"Vraag 2\nKunt u reageren?\nMededeling\nDe vragen kunnen tot mijn spijt niet binnen de gebruikelijke termijn worden beantwoord. " +
				"Ik zal u zo spoedig mogelijk de antwoorden doen toekomen.\n",
			items:    []qa{{"Bent u bekend met het bericht?", ""}, {"Kunt u reageren?", ""}},
			minister: "X",
			date:     "2024-11-15",
			warning:  "postponement notice: De vragen kunnen tot mijn spijt niet binnen",
		},
		{
			name: "footer after the last answer",
			in: "Antwoord van Minister X (ontvangen 18 november2024).\nVraag 1\nZijn er gevallen bekend?\nAntwoord 1\nNee.\n" +
				"Vraag 2\nHoeveel?\nAntwoord 2\nZie het antwoord op vraag 1.\nTweede Kamer, vergaderjaar 2024–2025, Aanhangsel 3\n",
			items:      []qa{{"Zijn er gevallen bekend?", "Nee."}, {"Hoeveel?", "Zie het antwoord op vraag 1."}},
			minister:   "X",
			date:       "2024-11-18",
			parliament: "Tweede Kamer",
		},
		{
			name:  "Antwoord vraag N: after Vraag N",
			in:    "Vraag 1\nBent u bekend met het bericht?\n\nAntwoord vraag 1:\nJa.\n\nVraag 2\nHoe kijkt u ernaar?\n\nAntwoord vraag 2:\nDe kans is klein.\n",
			items: []qa{{"Bent u bekend met het bericht?", "Ja."}, {"Hoe kijkt u ernaar?", "De kans is klein."}},
		},
		{
			name:  "numbered questions with Antwoord vraag N:",
			in:    "1. Bent u bekend met het bericht?\n\nAntwoord vraag 1:\nJa.\n\n2. Hoe kijkt u ernaar?\n\nAntwoord vraag 2:\nDe kans is klein.\n\n1. Een lijst in het antwoord.\n",
			items: []qa{{"Bent u bekend met het bericht?", "Ja."}, {"Hoe kijkt u ernaar?", "De kans is klein.\n\n1. Een lijst in het antwoord."}},
		},
		{
			name:  "Antwoord vragen 1 en 2",
			in:    "Vraag 1\nKunt u dit bevestigen?\n\nVraag 2\nWanneer?\n\nAntwoord vragen 1 en 2\nHet kabinet actualiseert het budget niet.\n",
			items: []qa{{"Kunt u dit bevestigen?", "Het kabinet actualiseert het budget niet."}, {"Wanneer?", "Het kabinet actualiseert het budget niet."}},
		},
		{
			name:  "bare Antwoord after Vraag N",
			in:    "Vraag 1\nBent u bekend met de druk?\n\nAntwoord\nJa.\n\nVraag 2\nDeelt u de conclusies?\n\nAntwoord:\nJa, die deel ik.\n",
			items: []qa{{"Bent u bekend met de druk?", "Ja."}, {"Deelt u de conclusies?", "Ja, die deel ik."}},
		},
		{
			name: "colophon, glued footnote and marks at a page foot",
			in: "Antwoord van Minister X (ontvangen 18 november 2024).\nVraag 1\nKent u het bericht?1\nAntwoord 1\nJa, en de cijfers\n" +
				"1NOS, 29 oktober 2024, Meer ziekenhuizen\n \nah-tk-20242025-594\nISSN 0921 - 7398’s-Gravenhage 2024Tweede Kamer, vergaderjaar 2024–2025, Aanhangsel 1\n" +
				"zijn bekend.\n2 3\nVraag 2\nHoeveel zijn het er?\nAntwoord 2\nDrie.\n-----\nh tk 20232024 387\n",
			items: []qa{{"Kent u het bericht?", "Ja, en de cijfers zijn bekend."}, {"Hoeveel zijn het er?", "Drie."}},
		},
		{
			name: "colophon and footer on one line, mid-sentence",
			in: "Vraag 1\nWat doet een plafond?\nAntwoord 1\nEen plafond kan\n" +
				"ah-tk-20252026-1083 Tweede Kamer, vergaderjaar 2025–2026 Aanhangsel van de Handelingen 2\n" +
				"ertoe leiden dat minder patiënten worden behandeld.\n",
			items: []qa{{"Wat doet een plafond?", "Een plafond kan ertoe leiden dat minder patiënten worden behandeld."}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Read("x.txt", []byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			if len(doc.Items) != len(tt.items) {
				t.Fatalf("%d items, want %d: %+v", len(doc.Items), len(tt.items), doc.Items)
			}
			for i, want := range tt.items {
				it := doc.Items[i]
				if it.Number != i+1 || it.Question != want.q || it.Answer != want.a {
					t.Errorf("item %d: %d %q / %q, want %q / %q", i+1, it.Number, it.Question, it.Answer, want.q, want.a)
				}
			}
			if tt.minister != "" && doc.Minister != tt.minister {
				t.Errorf("minister %q, want %q", doc.Minister, tt.minister)
			}
			if tt.date != "" && doc.Date.Format(tracker.DateLayout) != tt.date {
				t.Errorf("date %v, want %s", doc.Date, tt.date)
			}
			if tt.parliament != "" && doc.Parliament != tt.parliament {
				t.Errorf("parliament %q, want %q", doc.Parliament, tt.parliament)
			}
			if tt.warning != "" && !hasPrefix(doc.Warnings, tt.warning) {
				t.Errorf("warnings %q, want one starting %q", doc.Warnings, tt.warning)
			}
		})
	}
}

func hasPrefix(ws []string, p string) bool {
	for _, w := range ws {
		if strings.HasPrefix(w, p) {
			return true
		}
	}
	return false
}

// A notice with no question is still an error, which says what it is.
func TestNoticeOnly(t *testing.T) {
	in := "AH 999\n2024Z99999\nMededeling van staatssecretaris X (Landbouw) (ontvangen 20 november 2024)\n\n" +
		"Vanwege de nodige afstemming kunnen de vragen niet binnen de gebruikelijke termijn van drie weken worden beantwoord. " +
		"Ik zal de Kamer zo spoedig mogelijk de antwoorden op de vragen doen toekomen.\n"
	doc, err := Read("x.txt", []byte(in))
	if doc != nil || !errors.Is(err, tracker.ErrInvalid) {
		t.Fatalf("got %v, %v; want no document and an invalid-input error", doc, err)
	}
	if !strings.Contains(err.Error(), "no questions found") || !strings.Contains(err.Error(), "postponement notice") {
		t.Errorf("error %q does not say no questions / postponement notice", err)
	}
}

// An answer that mentions a delay is no notice: it stays the answer.
func TestNoticeNotInAnswer(t *testing.T) {
	in := "Antwoord van minister X (ontvangen 1 december 2024)\nVraag 1\nWaarom duurde het?\nAntwoord 1\n" +
		"De vragen konden niet binnen de gebruikelijke termijn worden beantwoord omdat advies nodig was.\n"
	doc, err := Read("x.txt", []byte(in))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(doc.Items[0].Answer, "gebruikelijke termijn") || hasPrefix(doc.Warnings, "postponement") {
		t.Errorf("answer %q warnings %q", doc.Items[0].Answer, doc.Warnings)
	}
}
