package text

import (
	"os"
	"path/filepath"
	"testing"
)

// realTexts returns the text of the eval documents and of the reader's real
// fixtures: what the guard tests hold new code to the code it replaced on.
func realTexts(t *testing.T) []string {
	t.Helper()
	var out []string
	for _, pat := range []string{"../../rules/testdata/eval/*/docs/*.txt", "../parse/testdata/real/*"} {
		files, _ := filepath.Glob(pat)
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, string(b))
		}
	}
	return out
}
