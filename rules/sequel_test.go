package rules

import (
	"testing"

	"github.com/pqtrack/pqtrack/tracker"
)

func TestSaysUnchanged(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"Sindsdien is die stand van zaken ongewijzigd.", true},
		{"Daarin is sindsdien geen verandering gekomen.", true},
		{"De cijfers zijn sinds juni niet gewijzigd.", true},
		{"Er zijn sindsdien geen nieuwe elementen te melden.", true},
		{"Na die bespreking zijn er geen nieuwe resultaten bijgekomen.", true},
		{"Dat antwoord is nog steeds actueel.", true},
		{"Die beschrijving is nog actueel.", true},
		{"Aan die regeling is in de tussentijd niets gewijzigd.", true},
		{"Wat ik toen schreef, blijft onverkort van toepassing.", true},
		{"Die afspraken blijven gelden.", true},
		{"Sinds die rapportage hebben zich geen ontwikkelingen voorgedaan die aanvulling behoeven.", true},
		{"Wat ik daar over de conclusies heb gezegd, blijft de stand van zaken.", true},
		{"De stand van de werken is gunstig.", false},
		{"Aan wat ik toen heb gezegd, heb ik op dit ogenblik niets toe te voegen.", true},
		{"Daar kan ik niets aan toevoegen.", true},
		{"Sinds die vergadering zijn er in dit dossier geen nieuwe stappen gezet.", true},
		{"In de week die sindsdien verstreken is, kwam er geen nieuw element bij.", true},
		{"Nieuwere cijfers heeft de vervoermaatschappij sindsdien niet opgemaakt.", true},
		{"Nieuwere cijfers tonen een daling van de klachten.", false},
		{"Sindsdien heeft er geen nieuw overleg met de sector plaatsgevonden.", true},
		{"Nieuwere ramingen zijn sindsdien niet gemaakt.", true},
		{"Sindsdien zijn er geen nieuwe afspraken gemaakt.", true},
		{"Op dit punt is er sindsdien geen nieuws te melden.", true},
		{"Nieuwe afspraken tonen een daling van de wachttijden.", false},
		// Not kept, or a change: these say something of their own.
		{"Er zijn geen gegevens over de reden van de sluiting.", false},
		{"Sindsdien is het aantal gestegen tot 412.", false},
		{"De regeling werd in 2024 gewijzigd.", false},
		{"Niets wijst erop dat het aantal zal dalen.", false},
		{"Het aantal is nog gestegen.", false},
	}
	for _, tt := range tests {
		st := testSentence(tt.text)
		if got := saysUnchanged(&st); got != tt.want {
			t.Errorf("saysUnchanged(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

func TestDescribesPlace(t *testing.T) {
	tests := []struct {
		text string
		want bool
		ptr  string // the pointer before it, when the test needs one
	}{
		{"Paragraaf 4 van die brief gaat specifiek over regionale en lokale media.", true, ""},
		{"Het wordt er elk kwartaal bijgewerkt.", true, ""},
		{"Daarin wordt voor elke doelstelling nagegaan in welke mate ze werd bereikt.", true, ""},
		{"Die kaart wordt elk kwartaal bijgewerkt.", true, "De kaart staat op de website van het centrum."},
		// The pointer named no kaart: a map of its own, not the place.
		{"Die kaart wordt elk kwartaal bijgewerkt.", false, "Het overzicht staat op de website van het centrum."},
		{"De regeling wordt elk jaar bijgewerkt.", false, ""},
		{"Het rapport bevat ook een vergelijking per provincie.", true, ""},
		{"Ik heb daar de krijtlijnen van het nieuwe besluit toegelicht.", true, ""},
		{"Daarin worden de maatregelen per sector beschreven.", true, ""},
		{"Daar heb ik per aanbeveling aangegeven of en hoe ik ze zal uitvoeren.", true, ""},
		{"Dat antwoord bevat ook een tabel met de vastgelegde budgetten per maatregel.", true, ""},
		{"Daarin staat per maatregel wat is gerealiseerd en wat nog openstaat.", true, ""},
		{"Het bevat de geplande maatregelen per afdeling, met de timing en de kostprijs.", true, ""},
		{"Die brief gaat op beide punten uit de vraag in.", true, ""},
		{"Daarin komen zowel de gezamenlijke inkoop als de planning aan de orde.", true, ""},
		{"Daarin komt ook de evaluatie van de proef aan bod.", true, ""},
		{"Het antwoord bevat drie elementen.", false, ""},
		{"Het plan bevat dat de kosten gedeeld worden.", false, ""},
		// "dat" gives what the place holds.
		{"Daarin heb ik toegelicht dat de kosten 4 miljoen euro bedragen.", false, ""},
		{"De provincie bevat veel kleine gemeenten.", false, ""},
	}
	for _, tt := range tests {
		st, ptr := testSentence(tt.text), testSentence(tt.ptr)
		if got := describesPlace(&st, &ptr); got != tt.want {
			t.Errorf("describesPlace(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

// A sentence that only confirms or describes what a pointer points to is
// part of the pointer; one that gives what is asked replies.
func TestPointerSequel(t *testing.T) {
	q := "Hoeveel meldingen van burenoverlast ontving de dienst in 2024?"
	tests := []struct {
		answer string
		second tracker.Role // of the sentence after the pointer
		status tracker.Status
	}{
		{"Ik verwijs naar mijn antwoord op de schriftelijke vraag nr. 311 van 4 maart 2025. Sindsdien zijn die cijfers niet gewijzigd.",
			tracker.RoleReferral, tracker.Deferred},
		{"Ik verwijs naar het jaarverslag 2024 van de dienst. Het verslag bevat ook de cijfers van de voorgaande jaren.",
			tracker.RoleReferral, tracker.Deferred},
		// What the place holds, given after "dat", replies.
		{"Ik verwijs naar het jaarverslag 2024 van de dienst. Daarin is vermeld dat de dienst in 2024 1.312 meldingen ontving.",
			tracker.RoleReply, ""},
	}
	for _, tt := range tests {
		it := judgedItem(t, q, tt.answer, tracker.Day(2025, 6, 1))
		wantSecondRole(t, it, tt.second)
		if tt.status != "" && it.Status != tt.status {
			t.Errorf("%q: %s, want %s", tt.answer, it.Status, tt.status)
		}
	}
}

// A deferral the rules read where the model reads a reply ("Uw Kamer heeft
// ... ontvangen") is borne out by a sentence after it that describes the
// place.
func TestPointerSequelRuled(t *testing.T) {
	q := "Hoe staat het met de uitvoering van het Uitvoeringsprogramma Natuurherstel? Welke doelen liggen op schema en welke niet?"
	a := "Uw Kamer heeft op 2 oktober 2026 de derde voortgangsrapportage over het uitvoeringsprogramma ontvangen (Kamerstuk 33 576, nr. 412). Daarin is per doel aangegeven hoe het ervoor staat en waar extra inzet nodig is."
	it := judgedItem(t, q, a, tracker.Day(2026, 11, 1))
	if len(it.Readings) != 2 || it.Readings[0].Role != tracker.RoleReferral || it.Readings[1].Role != tracker.RoleReferral {
		t.Errorf("read %+v, want both sentences as referrals", it.Readings)
	}
	if it.Status != tracker.Deferred {
		t.Errorf("%s, want %s", it.Status, tracker.Deferred)
	}
}

// A sentence before a pointer that only says where and when the matter
// was dealt with is part of the pointer.
func TestPointerPrelude(t *testing.T) {
	q := "Welke maatregelen neemt u om de wachttijden bij de rijexamens te verkorten?"
	tests := []struct {
		answer string
		first  tracker.Role
	}{
		{"Dit onderwerp werd op 12 februari 2026 uitgebreid besproken in de commissie voor Mobiliteit. Ik verwijs naar het verslag van die vergadering.",
			tracker.RoleReferral},
		{"Het CBR zet sinds januari 40 extra examinatoren in. Ik verwijs verder naar het verslag van de commissie voor Mobiliteit van 12 februari 2026.",
			tracker.RoleReply},
		// It says, with its date, that the place pointed to was made.
		{"Het CBR rondde de evaluatie van de examenroutes in juni 2026 af. Het evaluatierapport staat sinds 26 juni 2026 op de website van het CBR.",
			tracker.RoleReferral},
		// The pointer takes up what the sentence before it located.
		{"De maatregelen zijn opgenomen in de samenwerkingsovereenkomst met het CBR. Die overeenkomst kan worden geraadpleegd op de website van het departement.",
			tracker.RoleReferral},
		// A reply that names a thing the pointer then locates still replies.
		{"Het CBR zet 40 extra examinatoren in, zoals de overeenkomst vraagt. Die overeenkomst kan worden geraadpleegd op de website van het departement.",
			tracker.RoleReply},
	}
	for _, tt := range tests {
		it := judgedItem(t, q, tt.answer, tracker.Day(2026, 3, 1))
		if len(it.Readings) != 2 || it.Readings[0].Role != tt.first {
			t.Errorf("%q: read %+v, want the first sentence %s", tt.answer, it.Readings, tt.first)
		}
	}
}

// Asked whether it was done, the sentence that says it was done replies,
// whatever pointer follows it.
func TestPointerPreludeDone(t *testing.T) {
	q := "Is de evaluatie van de examenroutes afgerond?"
	a := "Het CBR rondde de evaluatie van de examenroutes in juni 2026 af. Het evaluatierapport staat sinds 26 juni 2026 op de website van het CBR."
	it := judgedItem(t, q, a, tracker.Day(2026, 11, 1))
	if len(it.Readings) != 2 || it.Readings[0].Role != tracker.RoleReply {
		t.Errorf("read %+v, want the first sentence a reply", it.Readings)
	}
}

// testSentence is text with its fold and words, as the scanner gives them.
func testSentence(text string) sentence {
	f := fold(text).s
	return sentence{text: text, fold: f, words: words(f, nil)}
}

// "Dat geldt ook voor ..." after a refusal refuses too; after a reply it
// replies.
func TestSameAsBefore(t *testing.T) {
	q := "Hoeveel zones hebben een geschil met de federale overheid, en over welke bedragen gaat het?"
	tests := []struct {
		answer string
		second tracker.Role
	}{
		{"Over geschillen die bij een rechtbank aanhangig zijn, laat ik mij niet uit. Dat geldt ook voor de bedragen die daarbij in het geding zijn.", tracker.RoleRefusal},
		{"Vier zones hebben een geschil aanhangig gemaakt. Dat geldt ook voor de hulpverleningszone Oost, die in januari volgde.", tracker.RoleReply},
		// The reason for a refusal is part of it.
		{"Over geschillen die bij een rechtbank aanhangig zijn, laat ik mij niet uit. Het gaat om procedures waarin de partijen recht hebben op een onpartijdige behandeling.", tracker.RoleRefusal},
		{"Over geschillen die bij een rechtbank aanhangig zijn, laat ik mij niet uit. Dat zou de positie van de federale overheid in die procedures verzwakken.", tracker.RoleRefusal},
	}
	for _, tt := range tests {
		it := judgedItem(t, q, tt.answer, tracker.Day(2026, 2, 1))
		wantSecondRole(t, it, tt.second)
	}
}
