package rules

import (
	"testing"
	"time"

	"github.com/pqtrack/pqtrack/rules/dates"
	"github.com/pqtrack/pqtrack/tracker"
)

func TestGivesFigure(t *testing.T) {
	ref := time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		text string
		want bool
	}{
		{"In 2024 maakten 187 lokale besturen gebruik van de subsidie.", true},
		{"Het budget bedraagt 4,5 miljoen euro.", true},
		{"Het aandeel steeg tot 12%.", true},
		{"In totaal namen 1.480 jongeren deel.", true},
		{"Het overleg vindt plaats op 12 februari 2025.", false},
		{"Dat werd in 2023 beslist.", false},
		{"Zie het antwoord op vraag 3 en 4.", false},
		{"Artikelen 74 en 76 van de DSA geven de Commissie die bevoegdheid.", false},
		{"Ik verwijs naar schriftelijke vraag nr. 233.", false},
		{"De vergadering begint om 21 uur.", false},
		{"Zie Kamerstuk 2024Z18294.", false},
		{"De cijfers worden niet bijgehouden.", false},
		{"Ik lichtte ze toe in de commissie (CRIV 56 COM 274, blz. 18 tot 21).", false},
		{"Zie het actieplan (Stuk 2310 (2024-2025) – Nr. 1).", false},
		{"Er waren 312 aanvallen (bron: ANB, 2024).", true},
		{"Het aantal steeg (van 240 naar 312).", true},
		{"Ze staan in programma 3 van de jaarrekening, tabel 12.", false},
	}
	for _, tt := range tests {
		st := sentence{text: tt.text, exprs: dates.Find(tt.text, ref)}
		if got := givesFigure(&st); got != tt.want {
			t.Errorf("givesFigure(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

// A figure makes an answer partial only when it comes before the evasion:
// after a refusal it stands in for what was refused.
func TestRepliesWithFigure(t *testing.T) {
	total := sentence{text: "In 2023 vielen 41.000 ritten uit.", role: tracker.RoleReply}
	words := sentence{text: "De regeling werkt goed.", role: tracker.RoleReply}
	unknown := sentence{text: "Een opsplitsing per lijn is niet beschikbaar.", role: tracker.RoleUnknown}
	refusalByRule := sentence{text: "Nee, dat is niet mogelijk.", role: tracker.RoleReply, rule: KindUnknown}
	tests := []struct {
		name  string
		sents []sentence
		want  bool
	}{
		{"figure, then not kept", []sentence{total, unknown}, true},
		{"not kept, then figure", []sentence{unknown, total}, false},
		{"refused by the rules, then figure", []sentence{refusalByRule, total}, false},
		{"no figure", []sentence{words, unknown}, false},
	}
	for _, tt := range tests {
		if got := repliesWithFigure(tt.sents); got != tt.want {
			t.Errorf("%s: %v, want %v", tt.name, got, tt.want)
		}
	}
}
