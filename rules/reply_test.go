package rules

import (
	"slices"
	"testing"
)

func TestLeadReply(t *testing.T) {
	tests := []struct {
		question, first string
		yes, ok         bool
	}{
		{"Bent u bekend met het bericht?", "Ja.", true, true},
		{"Bent u bekend met het bericht?", "Nee, dat bericht ken ik niet.", false, true},
		{"Deelt u de aanname dat de woorden te nauw geïnterpreteerd worden?", "Ik deel deze aanname niet.", false, true},
		{"Deelt u deze mening?", "Ik deel die mening.", true, true},
		{"Bent u bekend met het artikel in De Telegraaf?", "Ik ben bekend met het artikel.", true, true},
		{"Bent u bekend met het artikel?", "Ik ben niet bekend met het artikel.", false, true},
		// The negation of a clause of its own is not the reply's.
		{"Bent u bekend met het bericht?", "Ik ben bekend met het bericht dat er geen geld is.", true, true},
		{"Klopt het dat de regeling stopt?", "Dat klopt.", true, true},
		{"Klopt het dat de regeling stopt?", "Het klopt niet dat de regeling stopt, zij wordt verlengd tot 2026.", false, true},
		{"Is het waar dat het ziekenhuis sluit?", "Dat is niet het geval.", false, true},
		{"Kent u het rapport?", "Wij kennen het rapport.", false, false}, // plural form of ken: not the echo of kent
		{"Heeft u contact gehad met de gemeente?", "Ik heb contact gehad met de burgemeester.", true, true},
		// A verb of being with "er" opens many sentences that reply
		// nothing yes or no: only a short one counts.
		{"Is er een verband tussen de twee?", "Er is onderzoek gedaan naar de samenhang tussen beide ontwikkelingen in de afgelopen jaren.", false, false},
		{"Is er een verband tussen de twee?", "Er is geen verband.", false, true},
		// Requests are no yes/no questions.
		{"Kunt u aangeven hoeveel het kost?", "Ik kan niet aangeven hoeveel het kost.", false, false},
		// Another verb, another subject: no echo.
		{"Deelt u deze mening?", "Het kabinet vindt dat de regeling werkt.", false, false},
		{"Hoeveel kost het?", "Ik ben van mening dat het te duur is.", false, false},
		// After a verb of being, the echo carries what was asked.
		{"Bent u bereid de afspraken te herzien?", "Ik ben hierover met de gemeenten in gesprek.", false, false},
		{"Bent u bereid de afspraken te herzien?", "Ik ben bereid de afspraken te herzien.", true, true},
		{"Bent u het met mij eens dat de regeling faalt?", "Ik ben het niet eens met die conclusie.", false, true},
		{"Bent u het met mij eens dat de regeling faalt?", "Ik ben van mening dat de regeling werkt.", false, false},
		// A short formula says no without "Nee", whatever the verb.
		{"Overweegt u een noodwet?", "Een noodwet is niet aan de orde.", false, true},
		{"Bent u van plan de regeling te verlengen?", "Daar zijn geen plannen voor.", false, true},
		{"Hoeveel kost het?", "Daarvan is geen sprake.", false, false}, // no yes/no question
		// A longer sentence may deny something else on its way.
		{"Overweegt u een noodwet?", "De regering werkt aan een aanpak waarin een noodwet niet aan de orde is, maar wel een reeks andere maatregelen.", false, false},
	}
	for _, tt := range tests {
		yes, ok := leadReply(tt.first, tt.question)
		if yes != tt.yes || ok != tt.ok {
			t.Errorf("leadReply(%q) after %q = %v, %v; want %v, %v", tt.first, tt.question, yes, ok, tt.yes, tt.ok)
		}
	}
}

// TestMootByEcho: a reply that echoes the question's verb settles the
// yes/no question and the branch it does not take, as "Ja" or "Nee" does.
func TestMootByEcho(t *testing.T) {
	const q = "Deelt u de aanname dat het kader te nauw wordt uitgelegd? Zo ja, welke conclusies verbindt u hieraan? Zo nee, waarom niet?"
	tests := []struct {
		first string
		want  []bool
	}{
		{"Ik deel deze aanname niet.", []bool{true, true, false}},
		{"Ik deel deze aanname.", []bool{true, false, true}},
		{"Nee.", []bool{true, true, false}},
		{"Het kader wordt op verschillende manieren gelezen.", []bool{false, false, false}},
	}
	subs := splitQuestion(q)
	if len(subs) != 3 {
		t.Fatalf("splitQuestion gives %d sub-questions, want 3", len(subs))
	}
	for _, tt := range tests {
		sents := []sentence{{text: tt.first}, {text: "Het kader is bedoeld als leidraad voor gemeenten."}}
		if got := mootSubQuestions(subs, sents); !slices.Equal(got, tt.want) {
			t.Errorf("after %q moot = %v, want %v", tt.first, got, tt.want)
		}
	}
}
