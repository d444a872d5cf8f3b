package rules

import (
	"testing"

	"github.com/pqtrack/pqtrack/tracker"
)

// An answer that only says where the matter was dealt with points there;
// one that says what was said there, or a question that asks where, is
// replied to.
func TestDisclosedElsewhere(t *testing.T) {
	q := "Hoe ver staat de hervorming van de subsidieregeling voor jeugdhuizen? Wat zijn de krachtlijnen?"
	wantStatuses(t, []statusCase{
		{q, "Op de stand van de hervorming en op de krachtlijnen ervan ben ik uitgebreid ingegaan in de commissie voor Cultuur en Jeugd van 12 oktober 2026, in antwoord op de vragen van mevrouw Janssens.",
			tracker.Deferred},
		{q, "De stand van de hervorming en de krachtlijnen heb ik op 12 oktober 2026 voorgesteld in de commissie voor Cultuur en Jeugd.",
			tracker.Deferred},
		{q, "Over de hervorming gaf ik een uitgebreide toelichting tijdens het commissiedebat van 12 oktober 2026.",
			tracker.Deferred},
		{q, "Over de hervorming heb ik tijdens het commissiedebat van 12 oktober 2026 uitvoerig met uw Kamer van gedachten gewisseld.",
			tracker.Deferred},
		// "hoe ..." names the matter; "dat" before a noun points at it;
		// the European Commission in the question is no committee.
		{"Hoe verlopen de gesprekken met de Europese Commissie over de hervorming?",
			"Op 12 oktober 2026 heb ik in de Commissie voor Cultuur uitvoerig toegelicht hoe het overleg met de Europese Commissie verloopt en welke keuzes er nog liggen.",
			tracker.Deferred},
		{q, "Beide vragen kwamen aan bod in de commissie voor Cultuur van 12 oktober 2026, waar ik uitgebreid heb geantwoord op de samengevoegde vragen over dat voorstel.",
			tracker.Deferred},
		// What was said there is given.
		{q, "Ik heb in de commissie van 12 oktober 2026 toegelicht dat de hervorming op 1 januari 2027 ingaat en dat de werkingstoelage per jeugdhuis met 8 procent stijgt.",
			tracker.Answered},
		// A pointer beside a reply.
		{q, "De hervorming gaat op 1 januari 2027 in; de werkingstoelage stijgt met 8 procent, zoals toegelicht in de commissie van 12 oktober 2026.",
			tracker.Answered},
		// Where it was dealt with is what was asked.
		{"Heeft u de hervorming al in de commissie voorgesteld?",
			"De hervorming heb ik op 12 oktober 2026 voorgesteld in de commissie voor Cultuur en Jeugd.",
			tracker.Answered},
	}, tracker.Day(2026, 11, 1))
}
