package text

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestSentences(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"simple", "Ja. De dalende trend is niet gekeerd.", []string{"Ja.", "De dalende trend is niet gekeerd."}},
		{"questions", "Hoe zien die er uit? Hoe wil hij dat verbeteren?", []string{"Hoe zien die er uit?", "Hoe wil hij dat verbeteren?"}},
		{"exclamation", "Neem het op! Daarna volgt meer.", []string{"Neem het op!", "Daarna volgt meer."}},
		{"footnote after question", "Is dit besproken?1 Zo ja, wanneer?", []string{"Is dit besproken?1", "Zo ja, wanneer?"}},
		{"quote after question", "Kent u het artikel «Een goedkoop ticket»? Ja.", []string{"Kent u het artikel «Een goedkoop ticket»?", "Ja."}},
		{"dhr", "Ik sprak dhr. Jansen gisteren. Hij was kort.", []string{"Ik sprak dhr. Jansen gisteren.", "Hij was kort."}},
		{"mevr", "Mevr. De Vries antwoordde. Goed.", []string{"Mevr. De Vries antwoordde.", "Goed."}},
		{"dd", "De brief d.d. 12 maart is verstuurd. Zie ook art. 12 van de wet.", []string{"De brief d.d. 12 maart is verstuurd.", "Zie ook art. 12 van de wet."}},
		{"nr and blz", "Zie Kamerstuk 36600, nr. 13, blz. 4. Dat volstaat.", []string{"Zie Kamerstuk 36600, nr. 13, blz. 4.", "Dat volstaat."}},
		{"bijv and oa", "Bijv. in het project van UC-Limburg, o.a. met vaders. Daarna meer.", []string{"Bijv. in het project van UC-Limburg, o.a. met vaders.", "Daarna meer."}},
		{"mbt ivm tav", "Vragen m.b.t. de begroting i.v.m. de inflatie t.a.v. de minister. Klaar.", []string{"Vragen m.b.t. de begroting i.v.m. de inflatie t.a.v. de minister.", "Klaar."}},
		{"enz not final", "Taal, werk enz. zijn belangrijk. Goed.", []string{"Taal, werk enz. zijn belangrijk.", "Goed."}},
		{"enz final", "Werkplekleren, jobcoaching, enz. Om dit te realiseren, wordt gewerkt.", []string{"Werkplekleren, jobcoaching, enz.", "Om dit te realiseren, wordt gewerkt."}},
		{"initial", "Volgens J. Jansen klopt dit. Ik deel dat.", []string{"Volgens J. Jansen klopt dit.", "Ik deel dat."}},
		{"numbers", "Het aantal was 1.200 in 2023 en steeg 3.5 procent. In 2022 was dit 6.125.", []string{"Het aantal was 1.200 in 2023 en steeg 3.5 procent.", "In 2022 was dit 6.125."}},
		{"item labels", "a) Er doen 14 scholen mee.\nb) het gaat om Gent. c) blijft.", []string{"a) Er doen 14 scholen mee.", "b) het gaat om Gent. c) blijft."}},
		{"list number", "1. Op 1 juli 2022 werd het decreet goedgekeurd.\n\nKan de minister dat toelichten?", []string{"1. Op 1 juli 2022 werd het decreet goedgekeurd.", "Kan de minister dat toelichten?"}},
		{"url", "Zie www.vlaamsparlement.be/nl/document voor meer. Of https://zoek.officielebekendmakingen.nl/ah-tk.html. Klaar.", []string{"Zie www.vlaamsparlement.be/nl/document voor meer.", "Of https://zoek.officielebekendmakingen.nl/ah-tk.html.", "Klaar."}},
		{"blank line", "Geen punt hier\n\nNieuwe alinea", []string{"Geen punt hier", "Nieuwe alinea"}},
		{"bullets", "Twee projecten:\n- Maxipac (01/11/2021 – 30/10/2024) - 249.000 euro;\n- Jobroad - 400.000 euro.", []string{"Twee projecten:", "- Maxipac (01/11/2021 – 30/10/2024) - 249.000 euro;", "- Jobroad - 400.000 euro."}},
		{"dot bullet", "Zoals:\n• de lessen\n• de cursus", []string{"Zoals:", "• de lessen", "• de cursus"}},
		{"wrapped line", "Hoeveel middelen worden\nuitgetrokken? Nog iets.", []string{"Hoeveel middelen worden\nuitgetrokken?", "Nog iets."}},
		{"ca and min", "Het duurt ca. 20 min. per sessie. Dat is kort.", []string{"Het duurt ca. 20 min. per sessie.", "Dat is kort."}},
		{"unknown abbreviation lower", "Dit geldt o.b.v. de regels. Klaar.", []string{"Dit geldt o.b.v. de regels.", "Klaar."}},
		{"citation", "Zie het verslag (Parl.St. Vl.Parl. 2025-26, nr. 2211/1). Daar staat het. Ook Parl. St. Kamer 2023-24, nr. 55 1234/001. Klaar.", []string{"Zie het verslag (Parl.St. Vl.Parl. 2025-26, nr. 2211/1).", "Daar staat het.", "Ook Parl. St. Kamer 2023-24, nr. 55 1234/001.", "Klaar."}},
		{"jl", "Op 11 november jl. verscheen het artikel. Ik ken het.", []string{"Op 11 november jl. verscheen het artikel.", "Ik ken het."}},
		{"glued full stop", "De groepen worden getoetst.Voor meer informatie verwijs ik naar de briefing.", []string{"De groepen worden getoetst.", "Voor meer informatie verwijs ik naar de briefing."}},
		{"glued but no stop", "Zie o.a.De Lijn, www.vlaanderen.Be en J.Jansen of bijv.Gent.", []string{"Zie o.a.De Lijn, www.vlaanderen.Be en J.Jansen of bijv.Gent."}},
		{"whitespace trimmed", "  Ja.  \n  Nee.  ", []string{"Ja.", "Nee."}},
		{"ellipsis", "Het bericht «Verguisde stalvloer...» klopt niet. Zeker.", []string{"Het bericht «Verguisde stalvloer...» klopt niet.", "Zeker."}},
		{"empty", "   ", nil},
		{"no punctuation", "Kunt u dit toelichten", []string{"Kunt u dit toelichten"}},
		{"closing bracket", "Het gaat om de NOvA (zie bijlage.) Verder niets.", []string{"Het gaat om de NOvA (zie bijlage.)", "Verder niets."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, sp := range Sentences(tt.in) {
				got = append(got, tt.in[sp[0]:sp[1]])
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Sentences(%q) mismatch (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}

func TestSentencesSpansInOrder(t *testing.T) {
	s := "Eén. Twee? Drie!\n\nVier."
	prev := 0
	for _, sp := range Sentences(s) {
		if sp[0] < prev || sp[1] <= sp[0] || sp[1] > len(s) {
			t.Fatalf("bad span %v after %d", sp, prev)
		}
		prev = sp[1]
	}
}

// TestIsSpaceByte holds isSpaceByte to the six white space bytes, for every
// byte value.
func TestIsSpaceByte(t *testing.T) {
	for c := 0; c < 256; c++ {
		b := byte(c)
		want := b == ' ' || b == '\n' || b == '\t' || b == '\r' || b == '\f' || b == '\v'
		if got := isSpaceByte(b); got != want {
			t.Errorf("isSpaceByte(%#x) = %v, want %v", b, got, want)
		}
	}
}
