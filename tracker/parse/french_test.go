package parse

import (
	"strings"
	"testing"
)

func TestFrench(t *testing.T) {
	tests := []struct {
		text        string
		afterFrench bool
		want        bool
	}{
		{"1. Combien de bureaux du SPF Finances disposant d'un accueil physique ont été fermés depuis le 1er janvier 2024?", false, true},
		{"Réponse du vice-premier ministre et ministre des Finances du 15 décembre 2025, à la question n° 56-1342:", false, true},
		{"1. Hoeveel kantoren van de FOD Financiën (SPF Finances) werden sinds 1 januari 2024 gesloten?", false, false},
		{"De Conseil supérieur de la Justice heeft zijn advies op 3 maart gegeven.", false, false},
		// Short, after French: French too; the same line alone is not.
		{"9. Envisagez-vous de rouvrir les bureaux de Renaix et de Lommel?", true, true},
		{"9. Envisagez-vous de rouvrir les bureaux de Renaix et de Lommel?", false, false},
	}
	for _, tt := range tests {
		if got := french(tt.text, tt.afterFrench); got != tt.want {
			t.Errorf("french(%q, %v) = %v, want %v", tt.text, tt.afterFrench, got, tt.want)
		}
	}
}

// A bilingual Chamber answer with the French first: the Dutch questions
// are paired with the Dutch answers, and the French is left out.
func TestFrenchLeftOut(t *testing.T) {
	in := `Question n° 56-1400 de Madame An Peeters du 2 février 2026 (N.) au ministre de la Mobilité:

1. Combien de trains ont été supprimés en janvier 2026 sur la ligne 50A?

2. Quelles mesures la SNCB prend-elle pour améliorer la ponctualité?

Réponse du ministre de la Mobilité du 3 mars 2026, à la question n° 56-1400 de Madame An Peeters du 2 février 2026 (N.):

1. En janvier 2026, la SNCB a supprimé 212 trains sur la ligne 50A, soit 4,1 % des trains prévus.

2. La SNCB renforce la maintenance préventive et engage des conducteurs supplémentaires.

Vraag nr. 56-1400 van mevrouw An Peeters d.d. 2 februari 2026 (N.) aan de minister van Mobiliteit:

1. Hoeveel treinen werden in januari 2026 op lijn 50A afgeschaft?

2. Welke maatregelen neemt de NMBS om de stiptheid te verbeteren?

Antwoord van de minister van Mobiliteit d.d. 3 maart 2026, op de vraag nr. 56-1400 van mevrouw An Peeters d.d. 2 februari 2026 (N.):

1. In januari 2026 schrapte de NMBS 212 treinen op lijn 50A, of 4,1 % van de geplande treinen.

2. De NMBS versterkt het preventieve onderhoud en werft bijkomende treinbestuurders aan.
`
	wantItems(t, in, []qa{
		{"Hoeveel treinen werden in januari 2026 op lijn 50A afgeschaft?", "In januari 2026 schrapte de NMBS 212 treinen op lijn 50A, of 4,1 % van de geplande treinen."},
		{"Welke maatregelen neemt de NMBS om de stiptheid te verbeteren?", "De NMBS versterkt het preventieve onderhoud en werft bijkomende treinbestuurders aan."},
	})
	doc, err := Read("x.txt", []byte(in))
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, w := range doc.Warnings {
		found = found || strings.HasPrefix(w, "left out 6 paragraphs in French")
	}
	if !found {
		t.Errorf("warnings %q, want one that says 6 paragraphs in French were left out", doc.Warnings)
	}
	if strings.Contains(doc.Text, "Combien") {
		t.Errorf("the French is still in the text")
	}
}
