package parse

import "testing"

// TestFourSpaces: the needle dutchColumn searches for is four spaces,
// wherever it is kept.
func TestFourSpaces(t *testing.T) {
	if fourSpaces != "    " {
		t.Fatalf("fourSpaces = %q", fourSpaces)
	}
}
