package parse

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// hasAddressPlain is hasAddress as it was written first.
func hasAddressPlain(s string) bool {
	if strings.Contains(s, "www.") || strings.Contains(s, "http://") || strings.Contains(s, "https://") {
		return true
	}
	at := strings.IndexByte(s, '@')
	return at > 0 && strings.IndexByte(s[at:], '.') > 0
}

// TestHasAddressAsPlain holds hasAddress to hasAddressPlain on every line
// of the fixtures, the real and layout documents and the evaluation
// documents, cut at every place an address literal starts, and on edge
// cases.
func TestHasAddressAsPlain(t *testing.T) {
	in := append(fastInputs(t), "www.", "ww.", "aww.x", "a.ww.", "wwww.x", ".www.", "http://", "https://", "http:/", "https:", "htt://",
		"xhttp://", "httpss://", "a@b.c", "@b.c", "a@b", "a.b@c", ":", "://", "x://", "http", "https:// ", "www", "www .")
	for _, dir := range []string{"testdata/real", "testdata/layout"} {
		paths, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
		for _, p := range paths {
			d, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			in = append(in, strings.Split(string(d), "\n")...)
		}
	}
	n, held := 0, 0
	for _, s := range in {
		cuts := []string{s}
		for _, lit := range []string{"www.", "http", ":", "@", "."} {
			for i := strings.Index(s, lit); i >= 0 && i < len(s); {
				cuts = append(cuts, s[:i], s[i:], s[:i+1], s[i+1:])
				k := strings.Index(s[i+1:], lit)
				if k < 0 {
					break
				}
				i += 1 + k
			}
		}
		for _, c := range cuts {
			n++
			got, want := hasAddress(c), hasAddressPlain(c)
			if got != want {
				t.Fatalf("hasAddress(%q) = %v, want %v", c, got, want)
			}
			if want {
				held++
			}
		}
	}
	if held < 100 {
		t.Errorf("only %d of %d lines hold an address", held, n)
	}
	t.Logf("%d lines, %d with an address", n, held)
}
