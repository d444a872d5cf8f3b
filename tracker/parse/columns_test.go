package parse

import (
	"strings"
	"testing"
)

// A bilingual page as pdftotext -layout prints it: French on the left,
// Dutch on the right, on the same lines. The Dutch column is read.
func TestDutchColumn(t *testing.T) {
	in := `Question n° 56-1200 de Madame Lise            Vraag nr. 56-1200 van mevrouw Lise
Dubois du 2 février 2026 (Fr.) au             Dubois d.d. 2 februari 2026 (Fr.) aan
ministre de la Mobilité :                     de minister van Mobiliteit:

1. Combien de trains ont été supprimés        1. Hoeveel treinen werden in januari
en janvier 2026 sur la ligne 50A ?            2026 op lijn 50A afgeschaft?

2. Quelles mesures la SNCB prend-elle         2. Welke maatregelen neemt de NMBS om
pour améliorer la ponctualité de la           de stiptheid van de lijn te verbeteren?
ligne ?

Réponse du ministre de la Mobilité du         Antwoord van de minister van Mobiliteit
3 mars 2026 :                                 d.d. 3 maart 2026:

1. En janvier 2026, la SNCB a supprimé        1. In januari 2026 schrapte de NMBS 212
212 trains sur la ligne 50A, soit 4,1 %       treinen op lijn 50A, of 4,1 % van de
des trains prévus.                            geplande treinen.

2. La SNCB renforce la maintenance            2. De NMBS versterkt het preventieve
préventive et engage des conducteurs          onderhoud en werft bijkomende
supplémentaires pour cette ligne.             treinbestuurders aan voor deze lijn.
`
	wantItems(t, in, []qa{
		{"Hoeveel treinen werden in januari 2026 op lijn 50A afgeschaft?", "In januari 2026 schrapte de NMBS 212 treinen op lijn 50A, of 4,1 % van de geplande treinen."},
		{"Welke maatregelen neemt de NMBS om de stiptheid van de lijn te verbeteren?", "De NMBS versterkt het preventieve onderhoud en werft bijkomende treinbestuurders aan voor deze lijn."},
	})
	if got := dutchColumn(in); strings.Contains(got, "Combien") || !strings.Contains(got, "Hoeveel treinen") {
		t.Errorf("dutchColumn kept the French or lost the Dutch:\n%s", got)
	}
}

// Text in two columns that are not French and Dutch (a table of figures
// beside their labels) stays as it is.
func TestDutchColumnLeavesTables(t *testing.T) {
	var b strings.Builder
	for _, r := range []string{"Provincie", "Antwerpen", "Limburg", "Oost-Vlaanderen", "Vlaams-Brabant", "West-Vlaanderen"} {
		b.WriteString(r + strings.Repeat(" ", 30-len(r)) + "1.204 meldingen in 2025\n")
	}
	if got := dutchColumn(b.String()); got != b.String() {
		t.Errorf("a table was cut:\n%s", got)
	}
}
