package notify

import (
	"testing"

	"github.com/pqtrack/pqtrack/tracker"
)

// Every kind of follow-up has its name and what to do about it in both
// languages: a kind without them shows staff a raw key ("kind.commitment").
func TestCatalogueHasEveryKind(t *testing.T) {
	for _, l := range []Lang{Dutch, English} {
		for _, k := range tracker.FollowUpKinds {
			for _, key := range []string{"kind." + string(k), "todo." + string(k)} {
				if _, ok := catalogue[l][key]; !ok {
					t.Errorf("%s: no %q", l, key)
				}
			}
		}
	}
}
