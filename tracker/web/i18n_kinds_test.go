package web

import (
	"testing"

	"github.com/pqtrack/pqtrack/tracker"
)

// Every kind of follow-up is named in both languages on the dashboard.
func TestEveryKindNamed(t *testing.T) {
	for lang, words := range catalogue {
		for _, k := range tracker.FollowUpKinds {
			if _, ok := words["kind."+string(k)]; !ok {
				t.Errorf("%s: no name for kind %s", lang, k)
			}
		}
	}
}
