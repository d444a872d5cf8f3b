package rules

import (
	"testing"

	"github.com/pqtrack/pqtrack/tracker"
)

// TestSharedAnswer judges questions that share one answer ("2. tot 4."):
// each on the part that speaks to it, when the answer replies to them in
// their order; on all of it when it is one answer for all.
func TestSharedAnswer(t *testing.T) {
	set, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name      string
		questions []string
		answer    string
		want      []tracker.Status
		sentences []int // sentences judged for each question
	}{
		{
			name: "replies in order",
			questions: []string{
				"Hoeveel lesuren konden in het schooljaar 2023-2024 niet worden opgevangen?",
				"Hoeveel zij-instromers startten in 2024 in het basisonderwijs?",
				"Hoeveel van die zij-instromers haakten binnen het jaar af?",
			},
			answer: "Het aantal niet-opgevangen lesuren wordt niet centraal geregistreerd. " +
				"In 2024 startten 1.216 zij-instromers in het basisonderwijs. " +
				"Van die zij-instromers haakte 18% binnen het jaar af.",
			want:      []tracker.Status{tracker.Declined, tracker.Answered, tracker.Answered},
			sentences: []int{1, 1, 1},
		},
		{
			name: "a question no sentence goes to takes its neighbour's part",
			questions: []string{
				"Hoeveel fietsdiefstallen werden in 2024 aan de stations geregistreerd?",
				"Welke stations scoren het slechtst?",
				"Hoe verloopt de samenwerking met de NMBS?",
			},
			answer: "Fietsdiefstallen worden niet per station geregistreerd. " +
				"Ik kan daarom ook geen rangschikking geven. " +
				"De samenwerking met de NMBS verloopt via een stuurgroep die vier keer per jaar samenkomt.",
			want:      []tracker.Status{tracker.Declined, tracker.Declined, tracker.Answered},
			sentences: []int{2, 2, 1},
		},
		{
			// "provincie" meets "provincies": the last sentence is the
			// third question's.
			name: "a plural in the question, the singular in the answer",
			questions: []string{
				"Hoeveel ton zwerfvuil werd in 2024 langs gewestwegen opgeruimd?",
				"Hoeveel kostte die opruiming?",
				"Welke provincies scoren het slechtst?",
			},
			answer: "In 2024 werd langs de gewestwegen 1.450 ton zwerfvuil opgeruimd, voor een kostprijs van 4,2 miljoen euro. " +
				"Een opsplitsing per provincie wordt niet bijgehouden.",
			want:      []tracker.Status{tracker.Answered, tracker.Answered, tracker.Declined},
			sentences: []int{1, 1, 1},
		},
		{
			name: "one answer for all",
			questions: []string{
				"Kunt u de brief van de artsen met de Kamer delen?",
				"Klopt het dat kinderen zijn afgevallen in de opvang in Assen?",
				"Kunt u deze vragen binnen een week beantwoorden?",
			},
			answer: "Het spijt mij dat deze reactie later komt dan gebruikelijk. " +
				"Voor de beantwoording verwijs ik naar mijn brief van 4 november over de opvang in Assen.",
			want:      []tracker.Status{tracker.Deferred, tracker.Deferred, tracker.Deferred},
			sentences: []int{2, 2, 2},
		},
		{
			// The words of the answer are not those of the questions, but
			// each question has its paragraph.
			name: "one paragraph a question",
			questions: []string{
				"Hoeveel klachten over het leerlingenvervoer ontving De Lijn in 2024?",
				"Welke maatregelen neemt de minister tegen de betrokken chauffeur?",
			},
			answer: "In 2024 kwamen 2.406 meldingen binnen bij de klantendienst, de meeste over te late bussen.\n\n" +
				"Over individuele personeelsdossiers doe ik geen uitspraken.",
			want:      []tracker.Status{tracker.Answered, tracker.Declined},
			sentences: []int{1, 1},
		},
		{
			name: "paragraphs that do not follow the questions",
			questions: []string{
				"Hoeveel vacatures stonden open bij VDAB?",
				"Hoeveel zij-instromers startten in 2024?",
			},
			answer: "In 2024 startten 1.216 zij-instromers.\n\n" +
				"Bij VDAB stonden 2.184 vacatures open.",
			want:      []tracker.Status{tracker.Answered, tracker.Answered},
			sentences: []int{2, 2},
		},
		{
			name: "back to an earlier question",
			questions: []string{
				"Hoeveel vacatures stonden open bij VDAB?",
				"Hoeveel zij-instromers startten in 2024?",
			},
			answer: "In 2024 startten 1.216 zij-instromers. " +
				"Bij VDAB stonden 2.184 vacatures open.",
			want:      []tracker.Status{tracker.Answered, tracker.Answered},
			sentences: []int{2, 2},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := &tracker.Document{}
			for i, q := range tt.questions {
				it := tracker.Item{Number: i + 1, Question: q, Answer: tt.answer}
				for j := range tt.questions {
					if j != i {
						it.AnsweredWith = append(it.AnsweredWith, j+1)
					}
				}
				doc.Items = append(doc.Items, it)
			}
			set.Analyze(doc, tracker.Day(2025, 3, 1))
			for i, it := range doc.Items {
				if it.Status != tt.want[i] {
					t.Errorf("question %d: %s, want %s", it.Number, it.Status, tt.want[i])
				}
				if len(it.Readings) != tt.sentences[i] {
					t.Errorf("question %d: judged on %d sentences, want %d", it.Number, len(it.Readings), tt.sentences[i])
				}
			}
		})
	}
}

// A shared answer with a paragraph for each question is split by its
// paragraphs even where the paragraph on a date shares more words with
// another question: it speaks to the one that asks when.
func TestParagraphSplitWhen(t *testing.T) {
	group := []string{
		"Hoeveel medewerkers handelen de terugbetalingen af?",
		"Tegen wanneer is de achterstand weggewerkt?",
	}
	answer := "Op de dienst werken 19 medewerkers.\n\nEen datum waarop de laatste terugbetaling gebeurt, kan ik nog niet geven."
	set, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	ab := answerPool.Get().(*answerBuf)
	defer ab.release()
	sents := set.sentencesIn(answer, tracker.Day(2026, 11, 1), ab)
	para, ok := paragraphSplit(answer, sents, groupTerms(group))
	if !ok || len(para) != 2 || para[1] != 1 {
		t.Errorf("paragraphSplit = %v, %v; want the date's paragraph to the question that asks when", para, ok)
	}
	// Without the "when", the paragraph goes by its words: no split.
	group[1] = "Hoe wordt de achterstand weggewerkt?"
	if _, ok := paragraphSplit(answer, sents, groupTerms(group)); ok {
		t.Errorf("split by paragraphs though the date's paragraph shares more words with the first question")
	}
}
