package rules

import (
	"testing"

	"github.com/pqtrack/pqtrack/tracker"
)

func TestLooksBack(t *testing.T) {
	set, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	ref := tracker.Day(2025, 9, 2)
	tests := []struct {
		sentence string
		want     bool
	}{
		{"De zomer van 2025 was, na die van 1976, de droogste sinds het begin van de metingen.", true},
		{"Het tekort bedroeg in 2024 12 miljoen euro.", true},
		{"Het overleg vond op 3 maart plaats.", true},
		{"Ik zal uw Kamer voor de zomer informeren.", false},
		{"De evaluatie was gepland voor juni, maar wordt nu eind oktober verwacht.", false},
		{"Het rapport werd besproken en zal in november worden gepubliceerd.", false},
		{"De cijfers over 2024 zijn nog niet bekend.", false},
		{"De raad van bestuur beslist in december over het budget.", false},
	}
	for _, tt := range tests {
		sents := set.sentences(tt.sentence, ref)
		if len(sents) != 1 {
			t.Fatalf("%q: %d sentences", tt.sentence, len(sents))
		}
		if got := looksBack(&sents[0]); got != tt.want {
			t.Errorf("looksBack(%q) = %v, want %v", tt.sentence, got, tt.want)
		}
	}
}

// A figure with "nog" counts what is left now: a reply, not "not yet".
func TestStillCounts(t *testing.T) {
	set, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	it := tracker.Item{Number: 1,
		Question: "Hoeveel overwegen telt het spoornet nog? Wanneer zullen alle overwegen op het hoofdnet zijn afgeschaft?",
		Answer:   "Op 1 januari 2025 telde het net nog 1.612 overwegen. Op de lijnen van het hoofdnet liggen er nog 43."}
	set.AnalyzeItem(&it, tracker.Day(2025, 3, 1))
	for _, r := range it.Readings {
		if r.Role == tracker.RoleNotYet {
			t.Errorf("%q read as not yet", it.Answer[r.Start:r.End])
		}
	}
}

// A figure under "Hoeveel ...?" is the reply, wherever the sentence opens
// and whatever negation stands beside it; a figure the question gave is
// not.
func TestCountGiven(t *testing.T) {
	set, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		question, answer string
		sentence         int
		reply            bool // that sentence's role is reply
		status           tracker.Status
	}{
		{"Hoeveel gemeenten hebben inmiddels een omgevingsplan nieuwe stijl vastgesteld? Overweegt u de overgangstermijn te verlengen?",
			"Op 1 november 2025 hadden 31 van de 342 gemeenten een volledig omgevingsplan nieuwe stijl vastgesteld; " +
				"ruim tweehonderd gemeenten hebben een of meer wijzigingen van hun omgevingsplan vastgesteld. " +
				"Of een verlenging van de overgangstermijn nodig is, kan ik nu niet beoordelen. " +
				"Ik wacht eerst de tussenevaluatie af, die in het najaar van 2026 verschijnt.",
			0, true, tracker.Partial},
		// "niet ... uitgevoerd" in the clause after the figure.
		{"Hoeveel controles ter plaatse werden in 2024 uitgevoerd? In hoeveel gevallen werd daarbij fraude vastgesteld?",
			"In 2024 voerden de controleurs 1.236 controles ter plaatse uit, deels op basis van een risicoanalyse. " +
				"In 37 gevallen werd vastgesteld dat de aangegeven werken niet of niet volledig waren uitgevoerd. " +
				"In die dossiers werd de premie teruggevorderd.",
			1, true, tracker.Answered},
		{"Hoeveel leerlingen verlaten het lager onderwijs zonder dat ze 25 meter kunnen zwemmen?",
			"Hoeveel leerlingen aan het einde van het lager onderwijs geen 25 meter kunnen zwemmen, wordt niet bijgehouden.",
			0, false, tracker.Declined},
		{"Hoeveel klachten kwamen in 2025 binnen? Hoeveel daarvan gingen over de brug van Lier?",
			"In 2025 kwamen 318 klachten binnen. " +
				"Om te weten hoeveel er over de brug van Lier gingen, zou elk van de 318 dossiers moeten worden doorgenomen.",
			1, false, tracker.Partial},
		// A pointer in brackets beside the figure.
		{"Hoeveel kost het project?",
			"Het project kost 14 miljoen euro (zie ook het antwoord op vraag 2).",
			0, true, tracker.Answered},
		// A pointer alone stays one.
		{"Hoeveel kost het project?",
			"Zie het antwoord op vraag 2.",
			0, false, tracker.Deferred},
	}
	for _, tt := range tests {
		it := tracker.Item{Number: 1, Question: tt.question, Answer: tt.answer}
		set.AnalyzeItem(&it, tracker.Day(2025, 12, 2))
		if r := it.Readings[tt.sentence]; (r.Role == tracker.RoleReply) != tt.reply {
			t.Errorf("%q read as %s", it.Answer[r.Start:r.End], r.Role)
		}
		if it.Status != tt.status {
			t.Errorf("%.40q: status %s, want %s", tt.answer, it.Status, tt.status)
		}
	}
}

// A sentence that holds a matter open and promises nothing by a date is
// not yet, not a commitment; one with a date stays a commitment.
func TestHeldOpen(t *testing.T) {
	q := "Plant u een systematische controle van alle zendingen uit die landen?"
	tests := []struct {
		answer string
		role   tracker.Role
	}{
		{"Sinds april loopt een proefproject in twee havens. Of die aanpak wordt veralgemeend, hangt af van de resultaten van dat proefproject.", tracker.RoleNotYet},
		{"Sinds april loopt een proefproject in twee havens. Ik zal uw Kamer voor de zomer over de resultaten van dat proefproject informeren.", tracker.RoleCommitment},
	}
	for _, tt := range tests {
		it := judgedItem(t, q, tt.answer, tracker.Day(2025, 11, 1))
		wantSecondRole(t, it, tt.role)
	}
}

func TestLeadsIn(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"De verdeling over de provincies ziet er als volgt uit:", true},
		{"De cijfers per jaar zijn:", true},
		{"Het advies volgt begin 2026.", false},
	}
	for _, tt := range tests {
		st := testSentence(tt.text)
		if got := leadsIn(&st); got != tt.want {
			t.Errorf("leadsIn(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

// "nog lang niet", "nog steeds niet" say how things stand now.
func TestStillState(t *testing.T) {
	set, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		question, answer string
		notYet           bool // the last sentence is read as not yet
	}{
		{"Hoeveel omroepen voldoen aan de norm? Vindt u dat aantal voldoende?",
			"Bij de laatste meting voldeden 71 van de 236 omroepen aan de norm. Mijn doel is een omroep in elke gemeente. Met deze aantallen zijn we daar nog lang niet.",
			false},
		{"Wanneer zijn de cijfers over 2025 bekend?",
			"De cijfers over 2025 zijn nog niet beschikbaar.",
			true},
	}
	for _, tt := range tests {
		it := tracker.Item{Number: 1, Question: tt.question, Answer: tt.answer}
		set.AnalyzeItem(&it, tracker.Day(2025, 12, 2))
		last := it.Readings[len(it.Readings)-1]
		if got := last.Role == tracker.RoleNotYet; got != tt.notYet {
			t.Errorf("%q read as %s", it.Answer[last.Start:last.End], last.Role)
		}
	}
}

// "Nog geen akkoord" says no to "Is er al een akkoord?", and leaves
// "Wanneer komt er een akkoord?" open.
func TestNotYetSaysNo(t *testing.T) {
	wantStatuses(t, []statusCase{
		{"Welke terreinen stelde het Gewest voor? Is daar al een akkoord over bereikt?",
			"Het Gewest stelde drie terreinen voor, in Vorst, Molenbeek en Haren. Over de twee laatste is er nog geen akkoord.",
			tracker.Answered},
		{"Heeft de regering al beslist over de verlenging van de premie?",
			"Over de verlenging is nog niet beslist.",
			tracker.Answered},
		{"Wanneer komt er een akkoord over de verdeling van de middelen?",
			"Over de verdeling bestaat binnen de regering nog geen akkoord.",
			tracker.Pending},
	}, tracker.Day(2026, 11, 1))
}
