package rules

import (
	"testing"

	"github.com/pqtrack/pqtrack/tracker"
)

func TestSettledLater(t *testing.T) {
	tests := []struct {
		question, answer string
		want             tracker.Role
	}{
		{"Komt er een nieuwe oproep voor buurtprojecten?", "Of er een nieuwe oproep voor buurtprojecten komt, beslis ik op basis van de evaluatie van de eerste oproep.", tracker.RoleNotYet},
		{"Hoeveel ritten vielen in maart uit?", "Hoeveel ritten in maart volledig uitvielen, wordt nu per vervoerregio nagekeken.", tracker.RoleNotYet},
		{"Overweegt u de regeling uit te breiden?", "Of de regeling wordt uitgebreid, hangt af van de ruimte in de begroting van volgend jaar.", tracker.RoleNotYet},
		{"Plant u een herziening van de verdeelcriteria?", "Of de verdeelcriteria worden herzien, legt de Vlaamse Regering vast op basis van die doorlichting.", tracker.RoleNotYet},
		{"Komt er cameratoezicht op het plein?", "Of er cameratoezicht op het plein komt, beslist de burgemeester.", tracker.RoleRefusal},
		// Looking back, conditions and reasons reply.
		{"Hoe vaak werden de regels overtreden?", "Hoe vaak de regels werden overtreden, heeft de inspectie per regio nagegaan: 41 keer.", tracker.RoleReply},
		{"Hoe lang duurt de behandeling van een onvolledige aanvraag?", "Wanneer een aanvraag onvolledig is, beslist het agentschap na ontvangst van de ontbrekende stukken.", tracker.RoleReply},
		{"Waarom stijgen de wachttijden?", "Waarom de wachttijden stijgen, hangt samen met het tekort aan artsen, omdat veel artsen met pensioen gaan.", tracker.RoleReply},
	}
	for _, tt := range tests {
		if got := firstRole(t, tt.question, tt.answer); got != tt.want {
			t.Errorf("%q read as %s, want %s", tt.answer, got, tt.want)
		}
	}
}
