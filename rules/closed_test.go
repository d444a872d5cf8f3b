package rules

import (
	"testing"

	"github.com/pqtrack/pqtrack/tracker"
)

// A part that asks for a figure or a yes or no, gets neither and is held
// back is open, whatever is said around it.
func TestClosedLeftOpen(t *testing.T) {
	tests := []struct {
		question, answer string
		want             func(tracker.Status) bool
		say              string
	}{
		{"Klopt het dat de brandweerzone Kempenland een klacht heeft ingediend tegen de provincie? Welke gevolgen heeft dat voor de samenwerking?",
			"De samenwerking tussen de zones en de provincie is de voorbije jaren verder uitgebouwd. Over geschillen die bij de rechtbank aanhangig zijn, " +
				"doe ik geen uitspraken. Dat geldt ook voor de gevolgen ervan.",
			func(s tracker.Status) bool { return s == tracker.Declined }, "declined"},
		{"Klopt het dat de burgemeester van Westerbeek een dwangsom heeft opgelegd aan het tankstation aan de Kanaalweg?",
			"Over handhavingsbesluiten in individuele zaken doe ik geen uitspraken. In het algemeen kan een burgemeester een last onder dwangsom opleggen " +
				"wanneer een bedrijf zich niet aan de vergunning houdt. De gemeente weegt daarbij de belangen van omwonenden en van het bedrijf af.",
			func(s tracker.Status) bool { return s == tracker.Declined }, "declined"},
		{"Heeft de inspectie de school in Westerbeek na de klachten bezocht?",
			"De inspectie heeft de school in Westerbeek op 4 maart na de klachten bezocht. Op de inhoud van de gesprekken met het schoolbestuur ga ik niet in.",
			func(s tracker.Status) bool { return s != tracker.Declined }, "not declined"},
		{"Hoeveel boetes zijn in 2024 uitgeschreven voor het negeren van rood licht op fietspaden?",
			"Handhaving in het verkeer is een prioriteit van de politie, ook op fietspaden. Boetes worden per soort overtreding bijgehouden. " +
				"De plaats van de overtreding wordt daarbij niet geregistreerd.",
			func(s tracker.Status) bool { return s == tracker.Declined }, "declined"},
		{"Bent u het ermee eens dat de korting grote gevolgen kan hebben voor de brandweerzorg in de regio's?",
			"De korting van 10% betekent dat de regio's minder middelen hebben voor hun taken. Zij moeten daar vanaf 2026 in hun begrotingen rekening mee houden. " +
				"Op dit moment valt nog niet te zeggen wat de gevolgen hiervan zijn.",
			func(s tracker.Status) bool { return s == tracker.Pending }, "pending"},
		{"Deelt u de mening dat de korting grote gevolgen heeft voor de brandweerzorg?",
			"Nee. De regio's hebben voldoende reserves om de korting van 10 procent op te vangen. Of dat ook na 2027 zo blijft, is nog niet te voorspellen.",
			func(s tracker.Status) bool { return s == tracker.Answered }, "answered"},
		// An open part that a refusal speaks of: what stands beside it is
		// background.
		{"Welke zaken werden gesloten na de controleactie in de stationsbuurt van augustus? Om welke inbreuken ging het?",
			"De actie van 19 augustus in de stationsbuurt was een gezamenlijke actie van het agentschap, de politie en de stad. " +
				"Het agentschap maakt de namen van gecontroleerde ondernemingen enkel bekend wanneer een rechter dat beveelt. " +
				"Ik ga daarom niet in op de vraag welke zaken werden gesloten, noch op de inbreuken die er werden vastgesteld.",
			func(s tracker.Status) bool { return s == tracker.Declined }, "declined"},
		// A figure given beside the refusal replies.
		{"Wat kost het vervoer in het proefproject per leerling?",
			"Per leerling kostte het vervoer in het proefproject 7.840 euro. Op de kosten van individuele vervoerders ga ik niet in.",
			func(s tracker.Status) bool { return s != tracker.Declined }, "not declined"},
		// Results asked, the study described and pointed to.
		{"Wat zijn de conclusies van de studie naar zwerfafval langs autosnelwegen?",
			"De studie naar zwerfafval langs autosnelwegen werd in februari 2026 afgerond. Het eindrapport, met de conclusies en de aanbevelingen, " +
				"staat sinds 3 maart 2026 op de website van het agentschap.",
			func(s tracker.Status) bool { return s == tracker.Deferred }, "deferred"},
		{"Kunt u bevestigen dat de levering van de nieuwe treinstellen een jaar vertraging oploopt?",
			"Dat kan ik niet bevestigen. De fabrikant heeft laten weten dat de eerste treinstellen volgens plan in het voorjaar worden geleverd.",
			func(s tracker.Status) bool { return s != tracker.Declined }, "not declined"},
		{"Welke maatregelen neemt u tegen het tekort aan buschauffeurs? Hoeveel vacatures staan er open?",
			"De vervoerders krijgen steun om chauffeurs zelf op te leiden, en het rijexamen voor de bus wordt vaker afgenomen. " +
				"Het aantal openstaande vacatures bij de vervoerders wordt niet centraal bijgehouden.",
			func(s tracker.Status) bool { return s == tracker.Partial }, "partial"},
		{"Hoeveel gaf de provincie in 2024 en 2025 uit aan het onderhoud van jaagpaden?",
			"Het onderhoud van jaagpaden valt onder het programma voor recreatieve netwerken. De uitgaven daarvoor staan per jaar en per netwerk " +
				"in het jaarverslag van de provincie. Ik verwijs het lid naar die publicatie.",
			func(s tracker.Status) bool { return s == tracker.Deferred }, "deferred"},
		{"Overweegt u de inschrijvingsgelden voor het deeltijds kunstonderwijs te verlagen? Met hoeveel?",
			"Het deeltijds kunstonderwijs bereikt vandaag meer dan 180.000 leerlingen. De inschrijvingsgelden werden het laatst in 2022 aangepast. " +
				"Samen met de koepels bekijk ik hoe de drempels voor kwetsbare gezinnen kunnen dalen. Over een verlaging is nog niets beslist.",
			func(s tracker.Status) bool { return s == tracker.Pending }, "pending"},
		{"Waarom besloot het gemeentebestuur van Oudervelde de bibliotheek in de deelgemeente Hamme-Zuid te sluiten?",
			"Het gemeentebestuur beslist als inrichtende macht zelf over het aantal vestigingen van de bibliotheek. " +
				"Het moet zo'n beslissing niet aan de Vlaamse overheid voorleggen. Het komt mij niet toe om de beweegredenen van een gemeentebestuur toe te lichten.",
			func(s tracker.Status) bool { return s == tracker.Declined }, "declined"},
		{"Waarom besloot het gemeentebestuur van Oudervelde de bibliotheek in de deelgemeente Hamme-Zuid te sluiten?",
			"Het gemeentebestuur sluit de vestiging omdat het gebouw niet meer aan de brandveiligheidsnormen voldoet en een renovatie 2,1 miljoen euro zou kosten. " +
				"De leden van de bibliotheek kunnen terecht in de hoofdbibliotheek. Over individuele beslissingen van gemeentebesturen doe ik geen uitspraken.",
			func(s tracker.Status) bool { return s != tracker.Declined }, "not declined"},
		{"Wat zijn de resultaten van de proef met deelsteps in de binnenstad van Lier?",
			"De proef startte in mei 2025 met deelsteps van twee aanbieders. De stad volgt het gebruik, de overlast en de verkeersveiligheid op samen met de politie. " +
				"Die evaluatie is nog niet afgerond.",
			func(s tracker.Status) bool { return s == tracker.Pending }, "pending"},
		{"Wat zijn de resultaten van de proef met deelsteps in de binnenstad van Lier?",
			"In het eerste halfjaar werden 41.200 ritten gemaakt en kwamen 73 klachten over slecht geparkeerde steps binnen. De volledige evaluatie is nog niet afgerond.",
			func(s tracker.Status) bool { return s != tracker.Pending }, "not pending"},
		// Results still to come: who carries the work out and when its
		// report comes give none.
		{"Wat zijn de resultaten van de evaluatie van de proef met deelsteps in Lier? Welke bijsturingen stelt u op basis daarvan voor?",
			"Het Vias-instituut voert die evaluatie uit, samen met de stad en de politie. Het eindrapport wordt in het voorjaar van 2027 opgeleverd. " +
				"Pas op basis daarvan kan worden beoordeeld welke bijsturingen nodig zijn.",
			func(s tracker.Status) bool { return s == tracker.Pending }, "pending"},
		{"Wat zijn de resultaten van de evaluatie van de proef met deelsteps in Lier? Welke bijsturingen stelt u op basis daarvan voor?",
			"Het aantal klachten over slecht geparkeerde steps daalde van 412 tot 268. Het eindrapport wordt in het voorjaar van 2027 opgeleverd. " +
				"Pas op basis daarvan kan worden beoordeeld welke bijsturingen nodig zijn.",
			func(s tracker.Status) bool { return s == tracker.Partial }, "partial"},
		// A "when" held back by a not-yet, with no date given.
		{"Wanneer is de renovatie van het zwembad in Herentals klaar?",
			"Bij de afbraak van de oude kuip bleek de fundering in slechtere staat dan gedacht, en de aannemer moet een deel ervan vernieuwen. " +
				"Een einddatum kan ik daardoor vandaag nog niet geven. De stad bespreekt met de aannemer een nieuwe planning.",
			func(s tracker.Status) bool { return s == tracker.Pending }, "pending"},
		{"Wanneer is de renovatie van het zwembad in Herentals klaar?",
			"Een precieze datum kan ik nog niet geven. De aannemer mikt wel op een oplevering in september 2027, als de winter meevalt.",
			func(s tracker.Status) bool { return s != tracker.Pending }, "not pending"},
		{"Welke maatregelen neemt u tegen de wachtrijen aan het zwembad, en vanaf wanneer gelden ze?",
			"Ik neem twee maatregelen. Het zwembad krijgt twee extra kassa's, en bezoekers kunnen voortaan online een tijdslot reserveren. " +
				"Per wanneer het reservatiesysteem werkt, staat nog niet vast.",
			func(s tracker.Status) bool { return s == tracker.Partial }, "partial"},
		{"Waar is het bedrag voor de herinrichting van het station terug te vinden in de begroting?",
			"Het bedrag staat op artikel 14.02 van het Infrastructuurfonds.",
			func(s tracker.Status) bool { return s == tracker.Answered }, "answered"},
	}
	for _, tt := range tests {
		if got := judgedItem(t, tt.question, tt.answer, tracker.Day(2025, 11, 1)).Status; !tt.want(got) {
			t.Errorf("%q / %q: %s, want %s", tt.question, tt.answer, got, tt.say)
		}
	}
}

func TestAsksWhetherKept(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"Zijn er cijfers over het aantal huisuitzettingen?", true},
		{"Heeft u zicht op het aantal meldingen?", true},
		{"Is bekend hoeveel scholen het betreft?", true},
		{"Hoeveel scholen betreft het?", false},
		{"Kunt u een overzicht geven van de kosten?", false},
	}
	for _, tt := range tests {
		if got := asksWhetherKept(tt.text); got != tt.want {
			t.Errorf("asksWhetherKept(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

func TestRefersToFigure(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"Hoe verhouden deze aantallen zich tot 2024?", true},
		{"Vindt u dat bedrag redelijk?", true},
		{"Hoeveel van deze aantallen betreffen jongeren?", false},
		{"Kunt u een overzicht geven van de kosten?", false},
	}
	for _, tt := range tests {
		if got := refersToFigure(tt.text); got != tt.want {
			t.Errorf("refersToFigure(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

func TestAsksResults(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"Wat zijn de resultaten van de evaluatie?", true},
		{"Welke lessen trekt u uit het incident?", true},
		{"Zijn de resultaten al bekend?", false},
		{"Wat is de stand van zaken?", false},
	}
	for _, tt := range tests {
		if got := asksResults(tt.text); got != tt.want {
			t.Errorf("asksResults(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

func TestAsksOpinion(t *testing.T) {
	tests := []struct {
		q    string
		want bool
	}{
		{"Bent u het ermee eens dat dit grootschalige effecten kan hebben?", true},
		{"Bent u het met de burgemeester eens dat de regels te streng zijn?", true},
		{"Deelt u de zorg van de sector over de wachttijden?", true},
		{"Vindt u het wenselijk dat scholen zelf hun tarieven bepalen?", true},
		{"Verwacht u dat de doelstelling wordt gehaald?", true},
		// Facts and intentions, which other checks read.
		{"Bent u bekend met het bericht?", false},
		{"Is het rapport al verschenen?", false},
		{"Bent u bereid de regeling te verlengen?", false},
	}
	for _, tt := range tests {
		if got := asksOpinion(tt.q); got != tt.want {
			t.Errorf("asksOpinion(%q) = %v, want %v", tt.q, got, tt.want)
		}
	}
}

// A part that asks for a view is answered by a view given before "verder
// doe ik geen uitspraken": refusesPart leaves it alone (without this,
// cross-validation on tune fell from a mean of 0.727 to 0.725).
func TestAsksView(t *testing.T) {
	tests := []struct {
		q    string
		want bool
	}{
		{"Wat vindt u ervan dat de busbouwer failliet dreigt te gaan?", true},
		{"Hoe beoordeelt u de plannen van de busbouwer?", true},
		{"Wat is uw reactie op het rapport?", true},
		{"Welke zaken werden na de controleactie gesloten?", false},
		{"Om welke inbreuken ging het?", false},
	}
	for _, tt := range tests {
		if got := asksView(tt.q); got != tt.want {
			t.Errorf("asksView(%q) = %v, want %v", tt.q, got, tt.want)
		}
	}
}

func TestOpensWhen(t *testing.T) {
	tests := []struct {
		q    string
		want bool
	}{
		{"Wanneer is de renovatie klaar?", true},
		{"Tegen wanneer wordt de vergunning verleend?", true},
		{"Op welke termijn komt er een beslissing?", true},
		{"Welke maatregelen neemt u, en per wanneer gaan die gelden?", false},
		{"Hoeveel kost de renovatie?", false},
	}
	for _, tt := range tests {
		if got := opensWhen(tt.q); got != tt.want {
			t.Errorf("opensWhen(%q) = %v, want %v", tt.q, got, tt.want)
		}
	}
}
