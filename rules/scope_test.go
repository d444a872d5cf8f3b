package rules

import (
	"testing"

	"github.com/pqtrack/pqtrack/tracker"
)

// A sentence that says what the figures just given leave out withholds
// nothing; one that says the figures are not there does.
func TestScopeNote(t *testing.T) {
	tests := []struct {
		answer string
		status tracker.Status
	}{
		{"In 2024 ontving de gemeente 63 meldingen. Meldingen die rechtstreeks bij de politie binnenkomen, zitten niet in deze cijfers.", tracker.Answered},
		{"In 2024 ontving de gemeente 63 meldingen. Anonieme meldingen zijn in die cijfers niet meegeteld.", tracker.Answered},
		{"In 2024 ontving de gemeente 63 meldingen. Een melding die later werd ingetrokken, is niet meegeteld.", tracker.Answered},
		{"Meldingen die rechtstreeks bij de politie binnenkomen, zitten niet in onze cijfers.", tracker.Declined},
		{"In 2024 ontving de gemeente 63 meldingen. Dat cijfer moet als een ondergrens worden gelezen: anonieme meldingen worden niet altijd geregistreerd.", tracker.Answered},
		{"In 2024 ontving de gemeente 63 meldingen. Niet elke melder geeft zijn adres op, zodat het werkelijke aantal mogelijk hoger ligt.", tracker.Answered},
		{"In 2024 ontving de gemeente 63 meldingen. Omdat melden niet verplicht is, onderschat dat cijfer vermoedelijk het werkelijke aantal.", tracker.Answered},
	}
	for _, tt := range tests {
		if got := judgedItem(t, "Hoeveel meldingen van overlast ontving de gemeente in 2024?", tt.answer, tracker.Day(2025, 3, 1)).Status; got != tt.status {
			t.Errorf("%q: %s, want %s", tt.answer, got, tt.status)
		}
	}
}

// A figure given as provisional is still given: "wordt nog bijgesteld"
// promises nothing.
func TestProvisionalFigure(t *testing.T) {
	wantStatuses(t, []statusCase{
		{"Hoeveel bedrijven in de horeca zijn in de eerste helft van 2026 failliet verklaard, en hoe verhoudt zich dat tot 2025?",
			"In de eerste helft van 2026 gingen 412 horecabedrijven failliet, tegen 350 een jaar eerder. Het cijfer over juni is voorlopig en wordt bij een volgende publicatie nog bijgesteld.",
			tracker.Answered},
		{"Hoe staat het met de personeelsbezetting van de centra? a) Hoeveel voltijdse equivalenten waren er op 1 september in dienst? b) Hoeveel vacatures stonden bij de start van het schooljaar open? c) Hoeveel daarvan betreffen artsen en hoeveel psychologen?",
			"Op 1 september 2026 waren er in de 44 centra samen 3.412 VTE in dienst. Bij de start van het schooljaar stonden er 96 vacatures open, waarvan 31 voor een arts en 22 voor een psycholoog. " +
				"Die telling is een momentopname: een deel van de vacatures is intussen ingevuld, maar over een recentere telling beschik ik niet.",
			tracker.Answered},
	}, tracker.Day(2026, 11, 1))
}

// What is not kept but was not asked leaves nothing open beside a reply
// that settles every part; a breakdown of the figure given, or a word of
// the question, was asked.
// A refusal that opens with "Die" or "Deze" holds back what the sentence
// before it spoke of: an item of the question that is left open.
func TestRefusalOfWhatCameBefore(t *testing.T) {
	q := "Kunt u aangeven a) hoeveel reizigers de veerdienst in 2025 vervoerde, b) met hoeveel procent de tarieven stegen en c) welk deel van die stijging aan de brandstofprijs toe te schrijven is?"
	a := "a) In 2025 vervoerde de veerdienst 812.000 reizigers. b) De tarieven stegen sinds 2023 met 14 procent. " +
		"c) De veerdienst legt mij bij elke tariefaanvraag een opbouw van de kostprijs voor. " +
		"Deze gegevens zijn bedrijfsvertrouwelijk en worden niet openbaar gemaakt."
	if got := judgedItem(t, q, a, tracker.Day(2026, 2, 1)).Status; got == tracker.Answered {
		t.Errorf("%q: %s, want not answered", a, got)
	}
}

func TestUnknownAside(t *testing.T) {
	q := "Hoeveel kandidaten slaagden in 2025 voor het examen?"
	tests := []struct {
		answer string
		status tracker.Status
	}{
		{"In 2025 slaagden 3.148 kandidaten. Hoeveel geslaagden uiteindelijk bij een korps in dienst treden, wordt niet centraal bijgehouden.", tracker.Answered},
		{"In 2025 slaagden 3.148 kandidaten. Een verdeling per provincie wordt niet bijgehouden.", tracker.Partial},
		{"In 2025 slaagden 3.148 kandidaten. Hoeveel van hen een tweede poging nodig hadden, wordt niet bijgehouden.", tracker.Partial},
		// It shares only the question's topic, which the reply holds too.
		{"In 2025 slaagden 3.148 kandidaten. Hoeveel kandidaten daarnaast een privécursus volgden, wordt niet centraal bijgehouden.", tracker.Answered},
		// It names a word of the question that no reply holds.
		{"Er slaagden 3.148 kandidaten. Hoeveel dat in 2025 waren, wordt niet bijgehouden.", tracker.Partial},
		// Refused or not yet, of something not asked.
		{"Het examen bestaat uit een theoretisch en een praktisch deel. In 2025 slaagden 3.148 kandidaten, in 2024 waren dat er 2.911. " +
			"Een datum voor de hervorming van de opleiding kan ik vandaag niet meedelen. Het tempo hangt immers af van de middelen in de volgende begroting. " +
			"De regering verwacht die begroting tegen het einde van dit jaar goed te keuren.", tracker.Answered},
	}
	for _, tt := range tests {
		if got := judgedItem(t, q, tt.answer, tracker.Day(2026, 2, 1)).Status; got != tt.status {
			t.Errorf("%q: %s, want %s", tt.answer, got, tt.status)
		}
	}
}
