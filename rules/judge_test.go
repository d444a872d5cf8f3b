package rules

import (
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/pqtrack/pqtrack/tracker"
	"github.com/pqtrack/pqtrack/tracker/parse"
)

// General judgements, on answers written the way ministers write (none of
// them from the development set).
func TestJudge(t *testing.T) {
	ref := tracker.Day(2024, 3, 12)
	tests := []struct {
		name     string
		question string
		answer   string
		status   tracker.Status
		subs     []tracker.Status // coverage per sub-question; nil: not checked
		deferral string           // target kind; "" for none
		numbers  []int
		promises []string // "YYYY-MM-DD precision"
	}{
		{
			name:     "plain reply",
			question: "Hoeveel aanvragen zijn er in 2023 ingediend?",
			answer:   "In 2023 zijn 1.245 aanvragen ingediend, waarvan 1.002 werden goedgekeurd.",
			status:   tracker.Answered,
		},
		{
			name:     "Zo nee no sentence speaks to, a promise beside the reply",
			question: "Bent u bereid een onderzoek in te stellen naar de wachttijden bij de keuringsartsen? Zo nee, waarom niet?",
			answer:   "De keuringsartsen werken sinds vorig jaar met een nieuw rooster. Daardoor is de gemiddelde wachttijd gedaald van negen naar vier weken. Het CBR onderzoekt nu met de artsen hoe de wachttijd verder omlaag kan. De Kamer wordt hierover in het tweede kwartaal geïnformeerd.",
			status:   tracker.Answered,
			promises: []string{"2024-06-30 quarter"},
		},
		{
			name:     "Zo nee no sentence speaks to, a promise with no date beside the reply",
			question: "Bent u bereid een onderzoek in te stellen naar de wachttijden bij de keuringsartsen? Zo nee, waarom niet?",
			answer:   "De keuringsartsen werken sinds vorig jaar met een nieuw rooster. Daardoor is de gemiddelde wachttijd gedaald van negen naar vier weken. Het CBR onderzoekt nu met de artsen hoe de wachttijd verder omlaag kan. Zodra die verkenning klaar is, wordt de Kamer geïnformeerd.",
			status:   tracker.Partial,
		},
		{
			name:     "yes",
			question: "Bent u bekend met het bericht?",
			answer:   "Ja.",
			status:   tracker.Answered,
		},
		{
			name:     "refers to another answer only",
			question: "Wat vindt u van de wachtlijsten?",
			answer:   "Ik verwijs naar mijn antwoord op vraag 2.",
			status:   tracker.Deferred,
			deferral: "answer",
			numbers:  []int{2},
		},
		{
			name:     "no, see answer",
			question: "Overweegt u een verbod?",
			answer:   "Nee, zie het antwoord op de vragen 4 en 5.",
			status:   tracker.Answered,
			deferral: "answer",
			numbers:  []int{4, 5},
		},
		{
			name:     "Flemish referring answer",
			question: "Hoeveel scholen hebben een tekort aan leerkrachten?",
			answer:   "Verwijzend antwoord: de vraag wordt beantwoord door viceminister-president Ben Weyts, bevoegd voor Onderwijs.",
			status:   tracker.Deferred,
			deferral: "answer",
		},
		{
			name:     "refers to a letter",
			question: "Hoe staat het met de uitvoering van de motie?",
			answer:   "Voor de stand van zaken verwijs ik u naar de Kamerbrief van 11 november 2023 (Kamerstuk 36200, nr. 13).",
			status:   tracker.Deferred,
			deferral: "letter",
		},
		{
			name:     "refers to a web page",
			question: "Waar kunnen ouders terecht?",
			answer:   "Zie de website www.rijksoverheid.nl/ouders.",
			status:   tracker.Deferred,
			deferral: "website",
		},
		{
			name:     "being examined, promise before the summer",
			question: "Gaat u de regeling verlengen?",
			answer:   "Dit wordt op dit moment onderzocht. Ik zal uw Kamer voor de zomer informeren over de uitkomst.",
			status:   tracker.Pending,
			promises: []string{"2024-06-21 season"},
		},
		{
			name:     "too early",
			question: "Wat zijn de eerste resultaten van de pilot?",
			answer:   "Het is nog te vroeg om daar iets over te zeggen. De pilot loopt tot eind 2024.",
			status:   tracker.Pending,
		},
		{
			name:     "not competent",
			question: "Kunt u de gemeente opdragen het zwembad open te houden?",
			answer:   "Nee. Het beheer van zwembaden is een gemeentelijke bevoegdheid.",
			status:   tracker.Declined,
		},
		{
			name:     "individual case",
			question: "Wat is de reden van het ontslag van deze medewerker?",
			answer:   "Ik kan niet ingaan op individuele gevallen.",
			status:   tracker.Declined,
		},
		{
			name:     "not known, and will be counted",
			question: "Hoeveel leerlingen volgen les in een noodlokaal?",
			answer:   "Dit is niet bekend. De inspectie brengt dit op mijn verzoek in kaart; ik verwacht de cijfers in het najaar van 2024 naar uw Kamer te sturen.",
			status:   tracker.Pending,
			promises: []string{"2024-12-20 season"},
		},
		{
			name:     "not known, no more",
			question: "Hoeveel leerlingen volgen les in een noodlokaal?",
			answer:   "Deze gegevens worden niet bijgehouden.",
			status:   tracker.Declined,
		},
		{
			name:     "two parts, one refused",
			question: "Hoeveel boetes werden opgelegd aan bedrijf X? Acht u het huidige toezicht op bedrijven voldoende?",
			answer: "Ik kan niet ingaan op boetes die aan individuele bedrijven zijn opgelegd. " +
				"Het toezicht op bedrijven is de afgelopen jaren versterkt met extra inspecteurs en ik acht het huidige toezicht voldoende.",
			status: tracker.Partial,
			subs:   []tracker.Status{tracker.Declined, tracker.Answered},
		},
		{
			name:     "context dates are no promises",
			question: "Hoe lang loopt de subsidie?",
			answer:   "De subsidie loopt tot 31 december 2025 en werd verleend voor een periode van drie jaar.",
			status:   tracker.Answered,
		},
		{
			name:     "past dates are no promises",
			question: "Heeft u de Kamer geïnformeerd?",
			answer:   "Ja, ik heb uw Kamer op 12 februari 2024 een brief gestuurd over de voortgang.",
			status:   tracker.Answered,
		},
		{
			name:     "a reply with an extra promise stays answered",
			question: "Hoeveel kost het programma?",
			answer: "Het programma kost in totaal 12 miljoen euro, verdeeld over de gemeenten naar rato van het aantal inwoners, " +
				"met een vaste voet van 50.000 euro voor kleine gemeenten en een aparte bijdrage voor de vier grote steden. " +
				"De evaluatie verwacht ik in het eerste kwartaal van 2025 naar uw Kamer te sturen.",
			status:   tracker.Answered,
			promises: []string{"2025-03-31 quarter"},
		},
		{
			name:     "a date answers a when-question",
			question: "Wanneer verwacht de minister de resultaten van de evaluatie?",
			answer:   "De evaluatie wordt eind juni 2024 afgerond en de resultaten worden dan aan het Vlaams Parlement bezorgd.",
			status:   tracker.Answered,
			promises: []string{"2024-06-30 month"},
		},
		{
			name:     "the same date to another question only promises",
			question: "Wat zijn de resultaten van de evaluatie?",
			answer:   "De evaluatie wordt eind juni 2024 afgerond en de resultaten worden dan aan het Vlaams Parlement bezorgd.",
			status:   tracker.Pending,
			promises: []string{"2024-06-30 month"},
		},
		{
			name:     "a conditional sub-question the reply makes moot",
			question: "Deelt u de mening dat dit beter kan? Zo nee, waarom niet?",
			answer:   "Ja. Zie ook het antwoord op vraag 3.",
			status:   tracker.Answered,
			subs:     []tracker.Status{tracker.Answered, tracker.Answered},
			deferral: "answer",
			numbers:  []int{3},
		},
		{
			// Flemish: "bezorgen" and "overmaken" send, "voorstellen"
			// presents.
			name:     "a Flemish promise to send",
			question: "Hoeveel aanvragen werden in 2023 goedgekeurd?",
			answer:   "De cijfers worden momenteel verzameld. Ik zal u de cijfers tegen eind dit jaar bezorgen.",
			status:   tracker.Pending,
			promises: []string{"2024-12-31 year"},
		},
		{
			name:     "a Flemish promise to present",
			question: "Welke maatregelen neemt de minister tegen de wachtlijsten?",
			answer:   "Na de zomer zal ik een actieplan aan de commissie voorstellen.",
			status:   tracker.Pending,
			promises: []string{"2024-09-30 season"},
		},
		{
			name:     "a refusal for now is pending",
			question: "Wat zegt u over de effectiviteit van de plannen?",
			answer:   "Ik kan op dit moment nog geen uitspraken doen over de effectiviteit van deze plannen omdat de plannen net zijn opgestart.",
			status:   tracker.Pending,
		},
		{
			name:     "not aware is a no",
			question: "Bent u bekend met een oproep aan de autoriteiten?",
			answer:   "Wij zijn niet bekend met een oproep aan de Tunesische autoriteiten.",
			status:   tracker.Answered,
		},
		{
			name:     "yes to a yes/no question, then a pointer",
			question: "Bent u bekend met het bericht over de wachtlijsten?",
			answer:   "Ja, hier ben ik van op de hoogte. Op 14 november jl. is de Kamer uitgebreid geïnformeerd over de aanpak van de wachtlijsten in de jeugdzorg en de ggz.",
			status:   tracker.Answered,
			deferral: "document",
		},
		{
			name:     "one question joining two, the second not known",
			question: "Welke opleidingen volgden de werkzoekenden in 2023 en hoeveel van hen vonden daarna werk?",
			answer: "De werkzoekenden volgden vooral opleidingen in de zorg, de bouw en de logistiek, samen goed voor twee derde van alle trajecten. " +
				"Hoeveel van hen daarna werk vonden, wordt door de VDAB niet afzonderlijk geregistreerd.",
			status: tracker.Partial,
			subs:   []tracker.Status{tracker.Answered, tracker.Declined},
		},
		{
			name:     "one question, a reply to part of it and not yet the rest",
			question: "Welke gevolgen heeft de hervorming van de kinderbijslag voor grote gezinnen?",
			answer: "Door de hervorming ontvangen gezinnen met drie of meer kinderen gemiddeld 38 euro per maand meer, omdat de toeslag voor het derde kind wordt verhoogd en de inkomensgrens voor de sociale toeslag wordt opgetrokken. " +
				"Welke gevolgen dat heeft voor de armoede bij grote gezinnen, kan op dit moment nog niet worden ingeschat.",
			status: tracker.Partial,
		},
		{
			name:     "a total given, its breakdown not kept",
			question: "Hoeveel ritten vielen in 2023 uit, opgesplitst per lijn?",
			answer:   "In 2023 vielen in totaal 41.000 ritten uit. Een opsplitsing per lijn is niet beschikbaar.",
			status:   tracker.Partial,
		},
		{
			name:     "not competent, with a pointer to the competent minister",
			question: "Hoeveel leefloners telt Vlaanderen?",
			answer:   "Het leefloon is een federale bevoegdheid. Ik verwijs het lid naar de bevoegde federale minister.",
			status:   tracker.Declined,
		},
		{
			name:     "yes, and when in the next sentence",
			question: "Komt er een evaluatie van het nieuwe vervoersmodel? Zo ja, wanneer?",
			answer:   "Ja, het nieuwe vervoersmodel wordt geëvalueerd na het eerste volledige schooljaar. De resultaten van die evaluatie verwacht ik in het najaar van 2026.",
			status:   tracker.Answered,
			promises: []string{"2026-12-20 season"},
		},
		{
			name:     "asked when: still under way, then the date",
			question: "Wanneer verwacht de minister de resultaten van de audit van de havenbedrijven?",
			answer:   "De audit loopt nog. De resultaten worden eind september 2025 opgeleverd.",
			status:   tracker.Answered,
			promises: []string{"2025-09-30 month"},
		},
		{
			name:     "not asked when: still under way, and the date",
			question: "Welke resultaten heeft de audit van de havenbedrijven opgeleverd?",
			answer:   "De audit loopt nog. De resultaten worden eind september 2025 opgeleverd.",
			status:   tracker.Pending,
			promises: []string{"2025-09-30 month"},
		},
		{
			name:     "asked how far: a step taken and the next one's date",
			question: "Wat is de stand van zaken van de hervorming van de lerarenopleiding?",
			answer:   "De conceptnota werd op 14 januari 2024 door de regering goedgekeurd. Het voorontwerp van decreet zal ik voor het einde van het jaar aan het parlement voorleggen.",
			status:   tracker.Answered,
			promises: []string{"2024-12-31 year"},
		},
		{
			name:     "asked how far: only the date it comes",
			question: "Wat is de stand van zaken van het veiligheidsplan?",
			answer:   "Het veiligheidsplan wordt voorbereid en zal in de loop van 2026 aan de Kamer worden voorgesteld.",
			status:   tracker.Pending,
			promises: []string{"2026-12-31 year"},
		},
		{
			name:     "asked in what stage and when: the date goes to when",
			question: "In welk stadium bevindt de herziening van het subsidiereglement zich? Wanneer kan de nieuwe regeling verwacht worden?",
			answer:   "Het advies van de Inspectie van Financiën over de herziening is inmiddels ontvangen. Ik werk nu de laatste wijzigingen aan het subsidiereglement uit. Deze zal voor het einde van dit jaar worden gepubliceerd.",
			status:   tracker.Answered,
			subs:     []tracker.Status{tracker.Answered, tracker.Answered},
			promises: []string{"2024-12-31 year"},
		},
		{
			// The rubric's partial needs a reply to some part: talks, no
			// verdict yet and a promise reply to neither.
			name:     "two parts, talks and not yet: pending, not partial",
			question: "Blijven de afspraken uit het convenant volgens u haalbaar? Bent u bereid deze afspraken zo nodig te herzien?",
			answer:   "Ik ben hierover met de gemeenten en de corporaties in gesprek, mede aan de hand van de nieuwe prognoses die in mei beschikbaar komen. Daarover kan ik op dit moment nog geen uitspraak doen. Ik zal uw Kamer voor de zomer over de uitkomst van deze gesprekken informeren.",
			status:   tracker.Pending,
			subs:     []tracker.Status{tracker.Pending, tracker.Pending},
			promises: []string{"2024-06-21 season"},
		},
		{
			// "niet bekend" with the figures asked for as its subject is
			// information missing, not "not aware" (a no).
			name:     "figures not known to the minister",
			question: "Hoeveel meldingen van fietsdiefstal kwamen in 2024 binnen?",
			answer:   "Cijfers over fietsdiefstallen worden door de politiezones bijgehouden en zijn mij niet bekend.",
			status:   tracker.Declined,
		},
		{
			name:     "no ranking can be given",
			question: "Welke gemeenten scoren het slechtst?",
			answer:   "Ik kan dan ook geen rangschikking van gemeenten geven.",
			status:   tracker.Declined,
		},
		{
			// The second sentence is a reply to the model, a pointer to
			// the rules: no sentence replies for certain, so not partial.
			name:     "an earlier answer still stands",
			question: "Is de minister bereid de subsidie voor jeugdhuizen te verhogen? Zo neen, waarom niet?",
			answer:   "Een gelijkaardige vraag werd mij eerder gesteld door volksvertegenwoordiger An Peeters (schriftelijke vraag nr. 112 van 3 maart 2025). Het antwoord dat ik haar toen gaf, blijft gelden.",
			status:   tracker.Deferred,
			deferral: "answer",
		},
		{
			// The opening of a building delivers nothing to parliament,
			// but its date replies to "Wanneer ...?".
			name:     "a planned opening answers when",
			question: "Hoeveel jongeren verblijven in de gesloten instelling? Wanneer opent de nieuwe afdeling in Mol?",
			answer:   "Op 1 oktober 2023 verbleven er 86 jongeren in een gesloten instelling, het merendeel in afwachting van een plaats in een open voorziening. De werken aan de nieuwe afdeling in Mol zijn in het voorjaar van 2023 gestart; de ingebruikname is voorzien in het najaar van 2025, met een capaciteit van 40 plaatsen.",
			status:   tracker.Answered,
		},
		{
			name:     "no answer at all",
			question: "Wat is uw reactie?",
			answer:   "",
			status:   tracker.Unanswered,
			subs:     []tracker.Status{tracker.Unanswered},
		},
	}
	set, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			it := tracker.Item{Number: 1, Question: tt.question, Answer: tt.answer}
			set.AnalyzeItem(&it, ref)
			if it.Status != tt.status {
				t.Errorf("status %s, want %s (findings %+v)", it.Status, tt.status, it.Findings)
			}
			switch it.Status {
			case tracker.Deferred, tracker.Pending, tracker.Declined:
				// Staff are shown the sentence the judgement rests on.
				if !slices.ContainsFunc(it.Readings, func(r tracker.Reading) bool { return r.Decisive }) {
					t.Errorf("no sentence shown as the one %s rests on: %+v", it.Status, it.Readings)
				}
			}
			if tt.subs != nil {
				var got []tracker.Status
				for _, sq := range it.SubQuestions {
					got = append(got, sq.Status)
				}
				if len(got) != len(tt.subs) {
					t.Fatalf("sub-questions %v, want %v", got, tt.subs)
				}
				for i := range got {
					if got[i] != tt.subs[i] {
						t.Errorf("sub-questions %v, want %v", got, tt.subs)
						break
					}
				}
			}
			kind := ""
			var nums []int
			if it.Deferral != nil {
				kind, nums = string(it.Deferral.Kind), it.Deferral.Numbers
			}
			if kind != tt.deferral {
				t.Errorf("deferral %q, want %q", kind, tt.deferral)
			}
			if tt.numbers != nil && !slices.Equal(nums, tt.numbers) {
				t.Errorf("deferral numbers %v, want %v", nums, tt.numbers)
			}
			var ps []string
			for _, p := range it.Promises {
				ps = append(ps, p.Date.Format(tracker.DateLayout)+" "+string(p.Precision))
			}
			if !slices.Equal(ps, tt.promises) {
				t.Errorf("promises %v, want %v", ps, tt.promises)
			}
		})
	}
}

func TestAsksAboutTimeAgreesWithRegexp(t *testing.T) {
	for _, q := range []string{
		"Wanneer komt de evaluatie?", "WANNEER?", "Wat is de Timing van het project?",
		"Welke datum is voorzien?", "Op welke termijn?", "Hoe lang nog?", "hoe  lang nog",
		"Wat is de stand van zaken?", "", "Is er een planningsdocument?", "termijnen",
		"Hoe lang duurt het?", "Wat kost het tijdpad?",
	} {
		if got, want := asksAboutTime(q), whenRE.MatchString(q); got != want {
			t.Errorf("asksAboutTime(%q) = %v, whenRE says %v", q, got, want)
		}
	}
	// And every question and sub-question of the eval documents.
	files, _ := filepath.Glob("testdata/eval/*/docs/*.txt")
	asks := 0
	for _, f := range files {
		d, _ := parse.ReadFile(f)
		if d == nil {
			continue
		}
		for _, it := range d.Items {
			qs := []string{it.Question}
			for _, sq := range it.SubQuestions {
				qs = append(qs, sq.Text)
			}
			for _, q := range qs {
				got, want := asksAboutTime(q), whenRE.MatchString(q)
				if got != want {
					t.Errorf("%s: asksAboutTime(%q) = %v, whenRE says %v", f, q, got, want)
				}
				if want {
					asks++
				}
			}
		}
	}
	if asks == 0 {
		t.Error("no question of the eval documents asks when: the comparison tests nothing")
	}
}

// An answer sentence that opens with a sub-question's label replies to that
// sub-question, whatever words it shares with the others.
func TestAssignByLabel(t *testing.T) {
	subs := []tracker.SubQuestion{
		{Text: "a) Hoeveel scholen doen mee aan het project?"},
		{Text: "b) Welke scholen doen mee aan het project?"},
		{Text: "c) Wanneer wordt het project geëvalueerd?"},
	}
	set, _ := Default()
	sents := set.sentences("a) Er doen 14 scholen mee.\nc) Het project van de scholen wordt volgend jaar geëvalueerd.\nb) Het gaat om scholen in Gent en Antwerpen.", time.Time{})
	assign(sents, subs, subTerms(subs))
	var got []int
	for _, st := range sents {
		got = append(got, st.sub)
	}
	if want := []int{0, 2, 1}; !slices.Equal(got, want) {
		t.Errorf("sub-questions %v, want %v", got, want)
	}
}

// A sentence that cannot say when goes to the "Zo ja, op welke termijn?"
// that follows the question, whatever words it shares with the question;
// one that says when a plan is revised, without denying anything, stays.
func TestAssignTimeDenied(t *testing.T) {
	subs := []tracker.SubQuestion{
		{Text: "Bent u bereid met Duitsland tot een gezamenlijke aanpak voor de garnalenvisserij te komen?"},
		{Text: "Zo ja, op welke termijn?"},
	}
	set, _ := Default()
	sents := set.sentences("Ja. Ik heb de gezamenlijke aanpak van de garnalenvisserij met mijn Duitse ambtgenoot besproken. "+
		"Duitsland wil eerst een eigen onderzoek afwachten, zodat ik over het tijdpad van een gezamenlijke aanpak nog niets kan zeggen. "+
		"De planning van de gezamenlijke aanpak van de garnalenvisserij wordt in het voorjaar besproken.", time.Time{})
	assign(sents, subs, subTerms(subs))
	var got []int
	for _, st := range sents {
		got = append(got, st.sub)
	}
	if want := []int{0, 0, 1, 0}; !slices.Equal(got, want) {
		t.Errorf("sub-questions %v, want %v", got, want)
	}
}

// A promise to inform the members, in any form of its verb, does not reply
// to "Wanneer ...?": its date is when they hear.
func TestInformsMembers(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"Ik zal uw Kamer hierover in het voorjaar informeren.", true},
		{"Uw Kamer wordt vóór 1 juni 2026 over mijn afweging geïnformeerd.", true},
		{"Het rapport wordt de commissie na de zomer toegestuurd.", true},
		{"De resultaten worden u in maart toegezonden.", true},
		{"Ik stuur u die prognose voor het einde van het jaar.", true},
		{"Ik houd de Kamer op de hoogte.", true},
		// No one informed, or no one named.
		{"Het maximum geldt vanaf 1 januari 2027.", false},
		{"De ACM wordt in maart geïnformeerd over de uitkomst.", false},
		{"De commissie heeft geen informatie over de kosten.", false},
	}
	for _, tt := range tests {
		st := testSentence(tt.text)
		if got := informsMembers(&st); got != tt.want {
			t.Errorf("informsMembers(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

// A date on which a decision falls replies to a question about the
// decision, not to one about what will be decided; a lower bound replies
// to neither.
func TestDecidesThen(t *testing.T) {
	set, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		question, answer string
		want             tracker.Status
	}{
		{"Tegen wanneer moet de achterstand volledig zijn weggewerkt?",
			"Eind februari 2026 maak ik met het agentschap de balans op, en dan bepaal ik een streefdatum.", tracker.Pending},
		{"Wanneer neemt de regering een besluit over de verlenging?",
			"De regering beslist eind februari 2026 over de verlenging.", tracker.Answered},
		{"Wanneer wordt het wetsontwerp in het Parlement ingediend?",
			"Het ontwerp zal ten vroegste in het najaar van 2026 in het Parlement kunnen worden ingediend.", tracker.Pending},
		{"Wanneer wordt het federale aandeel opgetrokken?",
			"Ik verwacht dat de regering daarover bij de begrotingscontrole van maart 2026 een beslissing neemt.", tracker.Pending},
		{"Wanneer treedt de nieuwe regeling in werking?",
			"Het besluit treedt op 1 januari 2026 in werking.", tracker.Answered},
		{"Wanneer gaat de nieuwe brug open?",
			"De nieuwe brug gaat eind februari 2026 open.", tracker.Answered},
	}
	for _, tt := range tests {
		it := tracker.Item{Number: 1, Question: tt.question, Answer: tt.answer}
		set.AnalyzeItem(&it, tracker.Day(2025, 12, 2))
		if it.Status != tt.want {
			t.Errorf("%q: %s, want %s", tt.answer, it.Status, tt.want)
		}
	}
}

// Asked when, an answer that says it cannot tell yet and promises the
// members a planning by a date has not told when: the date is when they
// hear, not when it happens.
func TestUntimedPromise(t *testing.T) {
	q := "Wanneer verwacht u dat de achterstand bij de bezwaarschriften is weggewerkt?"
	tests := []struct {
		answer string
		want   tracker.Status
	}{
		{"Wanneer de achterstand is weggewerkt, kan ik op dit moment niet zeggen. Ik neem een herijkte planning op in de volgende voortgangsrapportage, die uw Kamer in juni ontvangt.",
			tracker.Pending},
		{"De achterstand is naar verwachting eind juni weggewerkt.", tracker.Answered},
	}
	for _, tt := range tests {
		it := judgedItem(t, q, tt.answer, tracker.Day(2026, 3, 1))
		if it.Status != tt.want {
			t.Errorf("%q: %s, want %s", tt.answer, it.Status, tt.want)
		}
	}
}
