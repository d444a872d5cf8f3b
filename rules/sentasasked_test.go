package rules

import (
	"testing"

	"github.com/pqtrack/pqtrack/tracker"
)

// A letter sent, a place that holds what was asked and a note that nothing
// changed since point elsewhere; where sending was what was asked, having
// sent replies.
func TestSentAsAsked(t *testing.T) {
	wantStatuses(t, []statusCase{
		{"Hoeveel geld is er in 2025 uitgegeven aan de campagne?",
			"De uitgaven voor de campagne heb ik op 14 mei 2026 aan uw Kamer gemeld in het jaarverslag van het ministerie. Daar is sindsdien niets aan veranderd.", tracker.Deferred},
		{"Wat zijn de conclusies van de evaluatie van de regeling?",
			"Het evaluatierapport en mijn reactie daarop heb ik op 2 september 2026 aan de Kamer gezonden. In die reactie ga ik op elke aanbeveling in.", tracker.Deferred},
		{"Hoe staat het met de uitvoering van de motie over de wachtlijsten?",
			"In de voortgangsbrief van 1 juli 2026 heb ik uw Kamer per onderdeel van de motie laten weten welke stappen zijn gezet. Op dit punt is er sindsdien geen nieuws te melden.", tracker.Deferred},
		{"Welke maatregelen neemt u tegen de personeelstekorten?",
			"Alle maatregelen staan opgesomd in de werkagenda die ik op 10 oktober 2026 naar uw Kamer heb gestuurd. Sindsdien heeft er geen nieuw overleg met de sector plaatsgevonden.", tracker.Deferred},
		{"Welke afspraken zijn er gemaakt met de provincies over de aanleg van fietspaden?",
			"Over die afspraken heb ik uw Kamer in de brief van 3 juni 2026 uitgebreid bericht. Sindsdien zijn er geen nieuwe afspraken gemaakt.", tracker.Deferred},
		{"Wanneer stuurt u het evaluatierapport naar de Kamer?",
			"Het evaluatierapport heb ik op 2 september 2026 aan de Kamer gezonden.", tracker.Answered},
		{"Heeft u de stand van zaken aan de commissie gemeld?",
			"De stand van zaken heb ik op 5 november 2026 aan de commissie gemeld.", tracker.Answered},
		{"Hoe staat het met de uitvoering van het actieplan?",
			"De stand van zaken werd op 5 november 2026 aan de commissie gerapporteerd.", tracker.Deferred},
		{"Heeft u de Kamer geïnformeerd over de vertraging?",
			"Ja, dat heb ik uw Kamer op 3 maart laten weten.", tracker.Answered},
		{"Hoeveel meldingen kwamen er in 2025 binnen?",
			"De cijfers over 2024 heb ik u in mei gestuurd. Sindsdien zijn er nieuwe cijfers: in 2025 kwamen er 412 meldingen binnen.", tracker.Answered},
		{"Staat een verhoging van de premie op de agenda van de regering?",
			"Een verhoging van de premie staat niet op de agenda van de regering.", tracker.Answered},
		{"Hoeveel kost het project?",
			"De kostprijs is opgenomen in de toelichting bij de begroting: het project kost 14 miljoen euro.", tracker.Answered},
	}, tracker.Day(2026, 11, 12))
}
