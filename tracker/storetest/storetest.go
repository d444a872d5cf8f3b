// Package storetest is the test suite every pqtrack store passes: the
// behaviours of store.Store that the pipeline, the dashboard and the
// notifications rely on, written once and run against the SQLite store
// and the PostgreSQL store (from their own tests).
package storetest

import (
	"context"
	"fmt"
	"math/rand"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/pqtrack/pqtrack/tracker"
	"github.com/pqtrack/pqtrack/tracker/store"
)

// Run runs the suite. open returns a new, empty store for one test; the
// caller closes it when that test ends (t.Cleanup).
func Run(t *testing.T, open func(t *testing.T) store.Full) {
	tests := []struct {
		name string
		fn   func(t *testing.T, db store.Full)
	}{
		{"IngestRoundTrip", testIngestRoundTrip},
		{"IngestUnchanged", testIngestUnchanged},
		{"IngestCorrectedVersion", testIngestCorrectedVersion},
		{"IngestMatchesTitleAndDate", testIngestMatchesTitleAndDate},
		{"IngestFailureChangesNothing", testIngestFailureChangesNothing},
		{"IngestConcurrent", testIngestConcurrent},
		{"DocumentsIngested", testDocumentsIngested},
		{"FollowUpLifecycle", testFollowUpLifecycle},
		{"FollowUpFilters", testFollowUpFilters},
		{"ReminderDue", testReminderDue},
		{"NotificationLog", testNotificationLog},
		{"Claim", testClaim},
		{"ClaimConcurrent", testClaimConcurrent},
		{"QueuePage", testQueuePage},
		{"DocumentPage", testDocumentPage},
		{"Stats", testStats},
		{"StatsKeptUpToDate", testStatsKeptUpToDate},
		{"Search", testSearch},
		{"CorrectDrivesFollowUps", testCorrectDrivesFollowUps},
		{"CorrectionSurvivesReingest", testCorrectionSurvivesReingest},
		{"BatchQueuesWorkAndNotices", testBatchQueuesWorkAndNotices},
		{"SearchPassages", testSearchPassages},
		{"PutFiledUpdatesAndKeeps", testPutFiledUpdatesAndKeeps},
		{"Watches", testWatches},
		{"SweepLate", testSweepLate},
		{"SweepLateConcurrent", testSweepLateConcurrent},
		{"MarkSentAll", testMarkSentAll},
		{"FetchCursor", testFetchCursor},
		{"Handle", testHandle},
		{"HandleConcurrent", testHandleConcurrent},
		{"CorrectionFromSlack", testCorrectionFromSlack},
		{"Offices", testOffices},
		{"OfficeFollowUps", testOfficeFollowUps},
		{"OfficeCorrection", testOfficeCorrection},
		{"OfficeWatches", testOfficeWatches},
		{"OfficeSendLog", testOfficeSendLog},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { tt.fn(t, open(t)) })
	}
}

var (
	day0 = tracker.Day(2023, 2, 14)
	now0 = time.Date(2023, 3, 1, 9, 30, 0, 0, time.UTC)
)

func mustIngest(tb testing.TB, db store.Full, doc *tracker.Document, now time.Time) store.IngestResult {
	tb.Helper()
	res, err := db.Ingest(context.Background(), doc, now)
	if err != nil {
		tb.Fatal(err)
	}
	return res
}

// ev makes evidence for the first occurrence of part in text.
func ev(rule, text, part string) tracker.Evidence {
	i := strings.Index(text, part)
	if i < 0 {
		panic(fmt.Sprintf("%q not in %q", part, text))
	}
	return tracker.Evidence{Rule: rule, Start: i, End: i + len(part), Text: part}
}

// SampleDoc is a hand-made analysed document with one item of each kind of
// follow-up: a promise in a partial answer (q1), a deferral to a meeting
// (q2), an answered question (q3) and a question without answer (q4).
func SampleDoc() *tracker.Document {
	q1 := "Hoeveel mensen volgden in 2022 een inburgeringstraject? Werd het traject geëvalueerd?"
	a1 := "In 2022 startten 12.500 mensen een traject. De evaluatie wordt voor de zomer aan het Vlaams Parlement bezorgd."
	q2 := "Hoe staat het met het ideeënplatform voor nieuwkomers?"
	a2 := "Hiervoor verwijs ik naar de bespreking in de commissie Inburgering van 15 november 2022."
	q3 := "Komt er een Oekraïense vertaling van de brochure?"
	a3 := "Ja. De vertaling is sinds januari beschikbaar."
	q4 := "Welke gemeenten doen mee?"
	return &tracker.Document{
		File:       "testdata/vp-342.txt",
		Kind:       tracker.KindAnswer,
		Title:      "Inburgering en ideeënplatform",
		Parliament: "Vlaams Parlement",
		Number:     "nr. 342",
		Asker:      "An Peeters",
		Minister:   "Bart Somers",
		Asked:      tracker.Day(2023, 1, 10),
		Date:       day0,
		Layout:     tracker.Grouped,
		Text:       strings.Join([]string{q1, q2, q3, q4, a1, a2, a3}, "\n"),
		Warnings:   []string{"joined a hyphenated line break"},
		Items: []tracker.Item{
			{
				Number: 1, Question: q1, Answer: a1,
				SubQuestions: []tracker.SubQuestion{
					{Text: "Hoeveel mensen volgden in 2022 een inburgeringstraject?", Start: 0, End: 55, Status: tracker.Answered},
					{Text: "Werd het traject geëvalueerd?", Start: 56, End: len(q1), Status: tracker.Pending},
				},
				Status: tracker.Partial,
				Findings: []tracker.Finding{
					{Kind: tracker.FindAnswer, Evidence: ev("answer.number", a1, "12.500 mensen"), SubQuestion: 0},
					{Kind: tracker.FindPromise, Evidence: ev("promise.deliver", a1, "wordt voor de zomer aan het Vlaams Parlement bezorgd"), SubQuestion: 1},
				},
				Promises: []tracker.Promise{{
					Date: tracker.Day(2023, 6, 21), Precision: tracker.PrecisionSeason, What: "de evaluatie",
					Evidence: ev("promise.deliver", a1, "De evaluatie wordt voor de zomer aan het Vlaams Parlement bezorgd."),
				}},
			},
			{
				Number: 2, Question: q2, Answer: a2,
				SubQuestions: []tracker.SubQuestion{{Text: q2, Start: 0, End: len(q2), Status: tracker.Deferred}},
				Status:       tracker.Deferred,
				Findings: []tracker.Finding{
					{Kind: tracker.FindDeferral, Evidence: ev("defer.meeting", a2, "verwijs ik naar de bespreking"), SubQuestion: -1},
				},
				Deferral: &tracker.Deferral{
					Kind: tracker.TargetMeeting, Date: tracker.Day(2022, 11, 15), Ref: "bespreking in de commissie",
					Body: "commissie Inburgering", Evidence: ev("defer.meeting", a2, a2),
					Resolution: &tracker.Resolution{Verdict: tracker.TargetMissing, Target: "verslag commissie Inburgering 15 november 2022"},
				},
			},
			{
				Number: 3, Question: q3, Answer: a3, AnsweredWith: []int{4},
				Status:   tracker.Answered,
				Findings: []tracker.Finding{{Kind: tracker.FindAnswer, Evidence: ev("answer.yes", a3, "Ja."), SubQuestion: 0}},
			},
			{Number: 4, Question: q4, Status: tracker.Unanswered},
		},
	}
}

// corrected is SampleDoc as corrected by the parliament: question 2 now
// gets a real answer (its deferral goes), question 4 gets a partial one.
func corrected() *tracker.Document {
	doc := SampleDoc()
	doc.Text += "\nCorrectie."
	doc.Items[1].Answer = "Het platform telt 40 deelnemers en wordt in maart opgestart."
	doc.Items[1].Status = tracker.Answered
	doc.Items[1].Deferral = nil
	doc.Items[1].Findings = nil
	doc.Items[3].Answer = "Dat wordt nog bekeken."
	doc.Items[3].Status = tracker.Partial
	return doc
}

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

// BigDoc is an analysed document of pairs question/answer pairs with
// answers of about answerWords words; seed makes its text unique.
func BigDoc(seed int64, pairs, answerWords int) *tracker.Document {
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
		// evidence cut at a rune boundary: stores may refuse broken UTF-8
		cut := func(from, to int) tracker.Evidence {
			for !utf8.RuneStart(ans[from]) {
				from--
			}
			for to < len(ans) && !utf8.RuneStart(ans[to]) {
				to++
			}
			return tracker.Evidence{Start: from, End: to, Text: ans[from:to]}
		}
		e1, e2, e3 := cut(0, 20), cut(20, 40), cut(0, 10)
		e1.Rule, e2.Rule, e3.Rule = "answer.number", "context", "defer"
		e4 := cut(0, 30)
		e4.Rule = "promise"
		it := tracker.Item{
			Number: i + 1, Question: q, Answer: ans, Status: statuses[i%len(statuses)],
			SubQuestions: []tracker.SubQuestion{{Text: q, Start: 0, End: len(q), Status: tracker.Answered}},
			Findings: []tracker.Finding{
				{Kind: tracker.FindAnswer, Evidence: e1},
				{Kind: tracker.FindContext, Evidence: e2, SubQuestion: -1},
			},
		}
		if it.Status == tracker.Deferred {
			it.Deferral = &tracker.Deferral{Kind: tracker.TargetMeeting, Ref: "commissie", Evidence: e3}
		}
		if i%7 == 0 {
			it.Promises = []tracker.Promise{{Date: doc.Date.AddDate(0, 6, 0), Precision: tracker.PrecisionMonth, What: "evaluatie",
				Evidence: e4}}
		}
		doc.Items = append(doc.Items, it)
	}
	return doc
}

// keys returns the keys of fs, in order.
func keys(fs []tracker.FollowUp) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.Key)
	}
	return out
}

func byKey(tb testing.TB, db store.Full, key string) *tracker.FollowUp {
	tb.Helper()
	all, err := db.FollowUps(context.Background(), tracker.FollowUpFilter{})
	if err != nil {
		tb.Fatal(err)
	}
	for _, f := range all {
		if f.Key == key {
			return &f
		}
	}
	tb.Fatalf("no follow-up %s in %v", key, keys(all))
	return nil
}

func contains(fs []tracker.FollowUp, id int64) bool {
	for _, f := range fs {
		if f.ID == id {
			return true
		}
	}
	return false
}
