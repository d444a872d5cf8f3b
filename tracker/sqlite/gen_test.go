package sqlite

import (
	"fmt"
	"math/rand"
	"strings"

	"github.com/pqtrack/pqtrack/tracker"
)

var vocabulary = strings.Fields(`inburgering traject nieuwkomers gemeente stad minister budget evaluatie
	onderzoek cijfers verslag commissie parlement huisvesting onderwijs werk taal cursus attest
	Oekraïense vluchtelingen opvang ideeënplatform samenleving gelijke kansen discriminatie armoede
	subsidie project middelen jaar maand beleid maatregel decreet agentschap integratie partner
	lokale besturen overleg resultaten monitoring doelgroep wachtlijst capaciteit kwaliteit`)

// sentence makes a Dutch-looking sentence of n words.
func sentence(r *rand.Rand, n int) string {
	w := make([]string, n)
	for i := range w {
		w[i] = vocabulary[r.Intn(len(vocabulary))]
	}
	return strings.ToUpper(w[0][:1]) + strings.Join(w, " ")[1:] + "."
}

// bigDoc is an analysed document of pairs question/answer pairs with
// answers of about answerWords words; seed makes its text unique.
func bigDoc(seed int64, pairs, answerWords int) *tracker.Document {
	r := rand.New(rand.NewSource(seed))
	doc := &tracker.Document{
		File: fmt.Sprintf("big-%d.txt", seed), Kind: tracker.KindAnswer,
		Title: fmt.Sprintf("Groot document %d", seed), Parliament: "Vlaams Parlement",
		Number: fmt.Sprintf("nr. %d", seed), Asker: "An Peeters", Minister: "Bart Somers",
		Date: tracker.Day(2023, 1, 1).AddDate(0, 0, int(seed%365)), Layout: tracker.Grouped,
		Text: fmt.Sprintf("document %d", seed),
	}
	statuses := []tracker.Status{tracker.Answered, tracker.Answered, tracker.Partial, tracker.Pending, tracker.Deferred}
	for i := 0; i < pairs; i++ {
		q := sentence(r, 12) + " " + strings.TrimSuffix(sentence(r, 8), ".") + "?"
		var a strings.Builder
		for a.Len() < answerWords*8 {
			a.WriteString(sentence(r, 14))
			a.WriteByte(' ')
		}
		ans := a.String()
		it := tracker.Item{
			Number: i + 1, Question: q, Answer: ans, Status: statuses[i%len(statuses)],
			SubQuestions: []tracker.SubQuestion{{Text: q, Start: 0, End: len(q), Status: tracker.Answered}},
			Findings: []tracker.Finding{
				{Kind: tracker.FindAnswer, Evidence: tracker.Evidence{Rule: "answer.number", Start: 0, End: 20, Text: ans[:20]}},
				{Kind: tracker.FindContext, Evidence: tracker.Evidence{Rule: "context", Start: 20, End: 40, Text: ans[20:40]}, SubQuestion: -1},
			},
		}
		if it.Status == tracker.Deferred {
			it.Deferral = &tracker.Deferral{Kind: tracker.TargetMeeting, Ref: "commissie", Evidence: tracker.Evidence{Rule: "defer", Start: 0, End: 10, Text: ans[:10]}}
		}
		if i%7 == 0 {
			it.Promises = []tracker.Promise{{Date: doc.Date.AddDate(0, 6, 0), Precision: tracker.PrecisionMonth, What: "evaluatie",
				Evidence: tracker.Evidence{Rule: "promise", Start: 0, End: 30, Text: ans[:30]}}}
		}
		doc.Items = append(doc.Items, it)
	}
	return doc
}
