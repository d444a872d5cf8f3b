package rules

import (
	"testing"

	"github.com/pqtrack/pqtrack/tracker"
)

// A look ahead beside a reply to a question about what is or was leaves
// nothing open; where the question itself looks ahead, or nothing replies,
// it does.
func TestAheadNotes(t *testing.T) {
	tests := []struct {
		question, answer string
		status           tracker.Status
	}{
		{"Hoeveel ondergrondse containers werden in 2025 geplaatst?",
			"Van 1 januari tot 31 oktober 2025 werden 38 ondergrondse containers geplaatst. Tegen het einde van het jaar volgen er nog vijf.",
			tracker.Answered},
		{"Hoeveel personeelsleden behandelen die dossiers? Volstaat die bezetting?",
			"Binnen de directie behandelen 41 voltijdse equivalenten die dossiers. Neen, die bezetting volstaat niet. Of verdere versterking nodig is, zal bij de begrotingsopmaak 2027 worden bekeken.",
			tracker.Answered},
		{"Hoeveel ondergrondse containers werden in 2025 geplaatst?",
			"Dat wordt nog geteld. De cijfers volgen in het voorjaar van 2026.",
			tracker.Pending},
		{"Hoeveel ondergrondse containers werden in 2025 geplaatst? Wanneer volgen de andere?",
			"Van 1 januari tot 31 oktober 2025 werden 38 ondergrondse containers geplaatst. Over de planning van de andere is nog geen besluit genomen.",
			tracker.Partial},
		// The sentence that says how questions are answered replies to
		// nothing.
		{"Is het college bereid een vergunningplicht in te voeren?",
			"De vragen 5 en 6 beantwoorden wij samen. Een besluit is daarover nog niet genomen. Wij verwachten het voorstel in het tweede kwartaal van 2026 aan uw raad voor te leggen.",
			tracker.Pending},
		// A year the reply leaves to a later count is open.
		{"Hoeveel examenuitslagen zijn in 2024 en in 2025 ongeldig verklaard?",
			"In 2024 heeft DUO 312 examenuitslagen ongeldig verklaard. De cijfers over 2025 stelt DUO op na afsluiting van het kalenderjaar.",
			tracker.Partial},
	}
	for _, tt := range tests {
		if got := judgedItem(t, tt.question, tt.answer, tracker.Day(2025, 11, 1)).Status; got != tt.status {
			t.Errorf("%q / %q: %s, want %s", tt.question, tt.answer, got, tt.status)
		}
	}
}

// Results to come are what "Wat is de uitkomst ...?" asked for: the look
// ahead is no note beside a reply, and the answer is not answered.
func TestAheadLeavesResults(t *testing.T) {
	q := "Wat is de uitkomst van de externe doorlichting waartoe uw ambtsvoorganger in 2025 opdracht heeft gegeven? Welke aanbevelingen neemt u over?"
	a := "De doorlichting wordt uitgevoerd door een onafhankelijke commissie onder leiding van een hoogleraar. " +
		"De commissie heeft meer tijd gekregen dan gepland, omdat de gegevens pas dit voorjaar bruikbaar werden. " +
		"Het eindrapport verwacht ik nu in september. " +
		"Ik stuur het dan met mijn beleidsreactie aan uw Kamer, en geef daarin ook aan welke aanbevelingen ik overneem."
	it := judgedItem(t, q, a, tracker.Day(2025, 11, 1))
	if it.Status == tracker.Answered {
		t.Errorf("answered; the results are still to come")
	}
	if r := it.Readings[2]; r.Role == tracker.RoleContext {
		t.Errorf("%q read as context", it.Answer[r.Start:r.End])
	}
}

func TestAsksPast(t *testing.T) {
	tests := []struct {
		q    string
		want bool
	}{
		{"Welke maatregelen hebt u genomen?", true},
		{"Hoeveel aanvragen werden in 2024 ingediend?", true},
		{"Wat heeft de inspectie sindsdien gedaan?", true},
		// Nouns after "heeft" that begin as participles do.
		{"Welke gevolgen heeft een verblijf in een sporthal voor de gezondheid van kinderen?", false},
		{"Welke rol heeft de gemeente bij de opvang?", false},
		{"Welke invloed heeft de regeling op de gemeenten?", false},
	}
	for _, tt := range tests {
		if got := asksPast(tt.q); got != tt.want {
			t.Errorf("asksPast(%q) = %v, want %v", tt.q, got, tt.want)
		}
	}
}
