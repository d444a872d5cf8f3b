package rules

import (
	"testing"

	"github.com/pqtrack/pqtrack/tracker"
)

// A clause that says what was asked cannot be told, made or is not recorded
// leaves its part open, in whatever word order; a figure or a "wel" beside
// it, a verb that tells nothing, or a question whether it is recorded
// make it a reply.
func TestUntold(t *testing.T) {
	q := "Hoeveel inspecties voerde de dienst in 2025 uit? Wat waren de meest voorkomende overtredingen?"
	const figure = "In 2025 voerde de dienst 1.318 inspecties uit. "
	wantStatuses(t, []statusCase{
		{q, figure + "Ik kan dan ook niet aangeven welke overtredingen het vaakst voorkwamen.", tracker.Partial},
		{q, figure + "Welke overtredingen het vaakst voorkwamen, valt uit de inspectieverslagen niet af te leiden.", tracker.Partial},
		{q, figure + "De aard van de overtreding wordt in het inspectiesysteem daarbij niet vastgelegd.", tracker.Partial},
		{q, figure + "Het inspectiesysteem registreerde de aard van de overtredingen niet.", tracker.Partial},
		{q, figure + "Een rangschikking van de overtredingen kan ik om die reden niet geven, want het gaat om een steekproef.", tracker.Partial},
		{q, figure + "Een vergelijking van de overtredingen tussen de provincies kunnen wij niet maken.", tracker.Partial},
		{q, figure + "Het vaakst ging het om ontbrekende brandblussers; een volledige rangschikking kan ik niet geven, maar wel de drie meest voorkomende.", tracker.Answered},
		{q, figure + "De meeste overtredingen gingen over brandveiligheid; zonder de verslagen kunnen wij niet vaststellen of het er nu meer zijn dan vroeger.", tracker.Answered},
		{q, figure + "De meeste overtredingen gingen over brandveiligheid; wij kunnen geen afspraak maken met elke uitbater.", tracker.Answered},
		// "kan ... leiden tot" and "geen vergunning geven" tell nothing.
		{q, figure + "Een herhaalde overtreding kan niet leiden tot een sluiting, wel tot een boete; het ging vooral om ontbrekende brandblussers.", tracker.Answered},
		// Whether it is recorded is what was asked.
		{"Registreert de dienst de aard van de overtredingen?", "De dienst registreert de aard van de overtredingen niet, omdat het inspectiesysteem daarvoor geen veld heeft.", tracker.Answered},
	}, tracker.Day(2026, 11, 1))
}
