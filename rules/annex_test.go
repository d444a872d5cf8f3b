package rules

import (
	"testing"

	"github.com/pqtrack/pqtrack/tracker"
)

// An annex of the answer gives what was asked; an annex of another
// document, or a letter it was sent with, points there.
func TestAnnexOfAnswer(t *testing.T) {
	q := "Hoeveel plaatsen in de kinderopvang kwamen er in 2025 bij, per gemeente?"
	wantStatuses(t, []statusCase{
		{q, "In bijlage vindt het lid een overzicht per gemeente van het aantal plaatsen.", tracker.Answered},
		{q, "Het overzicht per gemeente heb ik op 3 juli 2026 als bijlage bij de zevende voortgangsbrief aan uw Kamer gezonden.", tracker.Deferred},
		{q, "Het overzicht per gemeente staat in bijlage 4 van het jaarverslag 2025 van Opgroeien.", tracker.Deferred},
	}, tracker.Day(2026, 11, 12))
}
