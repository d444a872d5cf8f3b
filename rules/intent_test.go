package rules

import (
	"testing"

	"github.com/pqtrack/pqtrack/tracker"
)

func TestIntentLeftOpen(t *testing.T) {
	wantStatuses(t, []statusCase{
		// The study or advice that comes first, and no yes or no.
		{"Overweegt u de beslistermijn op bezwaar tijdelijk te verlengen? Zo ja, per wanneer?",
			"De dienst heeft op mijn verzoek een uitvoeringstoets gemaakt van drie varianten, waaronder een tijdelijke verlenging. " +
				"Omdat een langere termijn de rechtspositie van de burger raakt, leg ik die varianten eerst voor aan de Nationale ombudsman. " +
				"Hun reacties weeg ik mee voordat ik een besluit neem.", tracker.Pending},
		{"Bent u bereid de ijzeren voorraad te verlengen van vijf naar acht weken? Zo ja, per wanneer?",
			"De voorraadplicht geldt sinds 2024 en vangt korte leveringsproblemen op. " +
				"Ik heb het RIVM gevraagd na te gaan wat een langere termijn betekent voor de beschikbaarheid en de kosten. " +
				"Het RIVM verwacht dat onderzoek in het tweede kwartaal van 2027 af te ronden.", tracker.Pending},
		{"Bent u van plan de personeelsnormen aan te passen aan de zorgzwaarte? Zo ja, wanneer?",
			"De huidige normen dateren van 2010. Ik heb de adviesraad gevraagd samen met de sector een voorstel voor een nieuwe normering uit te werken. " +
				"Dat advies verwacht ik in maart 2027. Pas met dat advies in handen kan ik beoordelen of en hoe de normen worden bijgesteld.", tracker.Pending},
		{"Gaat u de voorlichting aan zwangere vrouwen over listeria uitbreiden? Zo ja, op welke termijn?",
			"Zwangere vrouwen krijgen nu via de verloskundige en de huisarts advies over welke producten zij beter laten staan. " +
				"De Gezondheidsraad brengt zijn advies over voedselveiligheid in de zwangerschap in het tweede kwartaal van 2027 uit; op basis daarvan bepaal ik welke aanpassingen nodig zijn.",
			tracker.Pending},
		// A question of one part: the same, when no step is taken yet.
		{"Bent u bereid het tarief voor kleine afnemers te verlagen?",
			"Een lager tarief helpt kleine afnemers, maar verschuift de kosten naar de andere gebruikers. " +
				"Ik laat de netbeheerder de gevolgen van twee varianten doorrekenen. " +
				"Mijn standpunt deel ik in de loop van het voorjaar met uw Kamer.", tracker.Pending},
		{"Is de minister het eens met de aanbeveling van de Raad om de inspecties te bundelen?",
			"De aanbeveling hangt samen met de andere voorstellen van de Raad over het toezicht. " +
				"De regering bereidt een reactie op het advies als geheel voor. " +
				"Of de inspecties gebundeld worden, ligt daarom nog volledig open.", tracker.Pending},
		{"Bent u bereid het tarief voor kleine afnemers te verlagen?",
			"Op 1 maart werd het tarief voor kleine afnemers al met 5 procent verlaagd, en de netbeheerders hebben die verlaging intussen doorgevoerd. " +
				"Over een verdere verlaging beslis ik pas na de evaluatie van die eerste stap.", tracker.Partial},
		{"Overweegt u de wettelijke beslistermijn tijdelijk te verlengen? Zo ja, per wanneer?",
			"Nee. Een langere termijn raakt de rechtspositie van de burger, en daarover neem ik geen besluit voordat de achterstand is weggewerkt.",
			tracker.Answered},
	}, tracker.Day(2026, 11, 1))
}

// A yes in the question's own words, or a study asked for and under way,
// is no decision still to come.
func TestIntentLeftOpenGuards(t *testing.T) {
	for _, tt := range []struct{ question, answer string }{
		{"Komt er een nieuwe oproep voor buurtsportprojecten? Zo ja, wanneer kunnen gemeenten een aanvraag indienen?",
			"Er komt een nieuwe oproep. Gemeenten kunnen hun aanvraag tussen 1 oktober en 15 december 2026 indienen. " +
				"Welke projecten steun krijgen, beslis ik pas na de beoordeling van de aanvragen."},
		{"Bent u bereid een onderzoek in te stellen naar fraude met stamboeken van honden? Zo nee, waarom niet?",
			"Zoals vermeld in het antwoord op vraag 2 ligt een afgerond strafrechtelijk onderzoek naar het vervalsen van stamboeken bij het Openbaar Ministerie. " +
				"De werkelijke omvang van de fraude is lastig te bepalen. " +
				"De inspectie is bezig met een onderzoek naar de hele fokketen om in beeld te krijgen waar de grootste risico's liggen. " +
				"Naar aanleiding van die resultaten wordt bekeken welke verdere stappen nodig zijn."},
	} {
		if got := judgedItem(t, tt.question, tt.answer, tracker.Day(2026, 11, 1)).Status; got == tracker.Pending {
			t.Errorf("%q: %s", tt.answer, got)
		}
	}
}

func TestEchoesIntent(t *testing.T) {
	tests := []struct {
		question, answer string
		want             bool
	}{
		{"Komt er een nieuwe programmatieronde?", "Er komt een nieuwe programmatieronde.", true},
		{"Bent u bereid de termijn te verlengen?", "Ik ben daartoe niet bereid.", true},
		{"Overweegt u de termijn te verlengen?", "Ik overweeg dat niet.", true},
		{"Bent u het eens met de Raad?", "Ik ben het niet eens met die conclusie.", true},
		{"Overweegt u de termijn te verlengen?", "De dienst heeft een uitvoeringstoets gemaakt.", false},
		{"Bent u bereid de termijn te verlengen?", "Ik heb het RIVM gevraagd na te gaan wat dat kost.", false},
	}
	for _, tt := range tests {
		st := testSentence(tt.answer)
		if got := echoesIntent(&st, questionWords(tt.question)); got != tt.want {
			t.Errorf("echoesIntent(%q, %q) = %v, want %v", tt.answer, tt.question, got, tt.want)
		}
	}
}

func TestFramesAhead(t *testing.T) {
	tests := []struct {
		sentence string
		want     bool
	}{
		{"Hun reacties weeg ik mee voordat ik een besluit neem.", true},
		{"Ik wacht het advies af voor ik een keuze maak.", true},
		{"Een besluit is nog niet genomen.", true},
		{"Zolang het kader er niet ligt, kies ik geen positie.", true},
		// "voor" as a preposition puts nothing after a decision.
		{"Ik kies ervoor de middelen te houden waar ze het verschil maken voor de gemeenten.", false},
		// A view given, or a decision left to others.
		{"Mijn standpunt is dat een verhoging pas zinvol is als de buurlanden meedoen.", false},
		{"Ik vraag de gemeenten om op basis daarvan te bepalen wat nodig is.", false},
	}
	for _, tt := range tests {
		st := testSentence(tt.sentence)
		if got := namesDecision(&st) && framesAhead(&st); got != tt.want {
			t.Errorf("%q: %v, want %v", tt.sentence, got, tt.want)
		}
	}
}
