package rules

import (
	"testing"

	"github.com/pqtrack/pqtrack/tracker"
)

// Two questions for a figure and one figure given: the part with no
// sentence of its own is passed over.
func TestCountsLeftOpen(t *testing.T) {
	q := "Hoeveel klachten over taxibedrijven ontving de gemeente in 2025? Hoeveel daarvan leidden tot een boete?"
	tests := []struct {
		answer string
		want   tracker.Status
	}{
		{"De gemeente ontving in 2025 412 klachten over taxibedrijven. Ze gingen vooral over de ritprijs en het gedrag van chauffeurs. " +
			"Elke klacht wordt door de afdeling handhaving beoordeeld.", tracker.Partial},
		{"De gemeente ontving in 2025 412 klachten over taxibedrijven, waarvan 37 tot een boete leidden.", tracker.Answered},
	}
	for _, tt := range tests {
		if got := judgedItem(t, q, tt.answer, tracker.Day(2026, 2, 1)).Status; got != tt.want {
			t.Errorf("%q: %s, want %s", tt.answer, got, tt.want)
		}
	}
	// One figure asked beside an open part, and none given.
	for _, tt := range []struct {
		question, answer string
		want             tracker.Status
	}{
		{"Welke teelten werden het zwaarst getroffen door de droogte? Hoeveel landbouwbedrijven meldden schade?",
			"De droogte trof vooral de teelt van prei, bloemkool en spinazie. Aardappeltelers konden meestal uitwijken naar grondwater.", tracker.Partial},
		{"Bestaat er een premie voor de omvorming van kantoren tot woningen? Zo ja, hoeveel bedraagt die premie?",
			"Het Gewest kent geen specifieke premie voor de omvorming van kantoren tot woningen. Eigenaars kunnen wel een beroep doen op de algemene renovatiepremies.", tracker.Answered},
	} {
		if got := judgedItem(t, tt.question, tt.answer, tracker.Day(2026, 2, 1)).Status; got != tt.want {
			t.Errorf("%q: %s, want %s", tt.answer, got, tt.want)
		}
	}
	// A part that asks how many, with sentences of its own that give no
	// amount, is passed over when fewer sentences give a figure than
	// parts ask for one; where each figure has a sentence, one may stand
	// under the wrong part.
	wantStatuses(t, []statusCase{
		{"Hoeveel gemeenten hebben een deelwagenaanbod? Hoeveel van die deelwagens rijden elektrisch?",
			"Op 1 juni 2026 boden 112 gemeenten samen 1.940 deelwagens aan. Gemeenten sluiten daarvoor een concessie af met een aanbieder; elektrische deelwagens krijgen daarbij voorrang bij de toewijzing van parkeerplaatsen.", tracker.Partial},
		{"Hoeveel gemeenten hebben een deelwagenaanbod? Hoeveel van die deelwagens rijden elektrisch?",
			"Op 1 juni 2026 boden 112 gemeenten deelwagens aan. Van de deelwagens rijden er 610 elektrisch, dankzij de voorrang bij de toewijzing van parkeerplaatsen.", tracker.Answered},
		{"Hoeveel gemeenten hebben een deelwagenaanbod? Hoeveel van die deelwagens rijden elektrisch?",
			"Op 1 juni 2026 boden 112 gemeenten deelwagens aan. Elektrische deelwagens zijn er nog geen, omdat de laadinfrastructuur ontbreekt.", tracker.Answered},
	}, tracker.Day(2026, 10, 1))
	// "Vindt u dat aantal voldoende?" names a figure; it does not ask for one.
	it := judgedItem(t, "Hoeveel laadpalen staan er in de gemeente? Vindt u dat aantal voldoende?",
		"Op 1 januari 2026 stonden er 1.240 laadpalen. Dat aantal vind ik voldoende voor de komende twee jaar.", tracker.Day(2026, 2, 1))
	if it.Status != tracker.Answered {
		t.Errorf("laadpalen: %s, want answered", it.Status)
	}
}

// One sentence with both figures answers both questions: the second
// figure, joined by "en", counts (or countsLeftOpen would find one figure
// for two questions).
func TestCountsCovered(t *testing.T) {
	it := judgedItem(t, "Hoeveel gezinnen kregen in 2025 een energiepremie voor isolatie? Hoeveel voor een warmtepomp?",
		"In 2025 kregen 18.204 gezinnen een premie voor isolatie en 6.930 gezinnen een premie voor een warmtepomp. "+
			"Het gaat zowel om eigenaars als om huurders die de werken zelf lieten uitvoeren.", tracker.Day(2026, 2, 1))
	if it.Status != tracker.Answered {
		t.Errorf("%s, want answered", it.Status)
	}
}

func TestFiguresIn(t *testing.T) {
	tests := []struct {
		text string
		want int
	}{
		{"Op 1 januari 2026 genoten 498.716 gezinnen het sociaal tarief voor elektriciteit en 309.284 gezinnen het sociaal tarief voor aardgas.", 2},
		{"Zie de artikelen 74 en 76 van de wet.", 0},
		{"In 2024 waren het er 12, in 2025 al 19.", 2},
		// A range is one estimate: a second "hoeveel" is not answered by it.
		{"Het gaat om naar schatting 40.000 tot 60.000 woningen, bijna allemaal van voor 1960.", 1},
		{"Het waren er 40 en daarvan 12 in de stad.", 2},
	}
	for _, tt := range tests {
		st := testSentence(tt.text)
		if got := figuresIn(&st, 5); got != tt.want {
			t.Errorf("figuresIn(%q) = %d, want %d", tt.text, got, tt.want)
		}
	}
}
