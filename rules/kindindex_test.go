package rules

import "testing"

// TestKindIndexAsKinds: kindIndex is each kind's place in kinds, and
// len(kinds) for any other.
func TestKindIndexAsKinds(t *testing.T) {
	for i, k := range kinds {
		if got := kindIndex(k); got != i {
			t.Errorf("kindIndex(%q) = %d, its place in kinds %d", k, got, i)
		}
	}
	for _, k := range []Kind{"", "other", "Deferral", "reply "} {
		if got := kindIndex(k); got != len(kinds) {
			t.Errorf("kindIndex(%q) = %d, want %d", k, got, len(kinds))
		}
	}
}
