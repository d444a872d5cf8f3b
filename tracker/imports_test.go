package tracker

import (
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// The domain knows nothing of SQL, HTTP, Slack or files, and the rules are
// pure: text in, findings out. These tests hold that line.
func TestImports(t *testing.T) {
	tests := []struct {
		dir   string
		allow func(path string) bool
	}{
		{".", func(p string) bool { return !strings.Contains(strings.Split(p, "/")[0], ".") && !forbidden(p) }},
		{"../rules", func(p string) bool {
			return !forbidden(p) && (p == "github.com/pqtrack/pqtrack/tracker" ||
				p == "github.com/pqtrack/pqtrack/tracker/text" ||
				strings.HasPrefix(p, "github.com/pqtrack/pqtrack/rules") ||
				!strings.HasPrefix(p, "github.com/pqtrack/"))
		}},
		{"../rules/dates", func(p string) bool {
			return !forbidden(p) && !strings.HasPrefix(p, "github.com/pqtrack/") || p == "github.com/pqtrack/pqtrack/tracker"
		}},
	}
	for _, tt := range tests {
		files, err := filepath.Glob(filepath.Join(tt.dir, "*.go"))
		if err != nil || len(files) == 0 {
			t.Fatalf("%s: no files (%v)", tt.dir, err)
		}
		for _, f := range files {
			if strings.HasSuffix(f, "_test.go") {
				continue
			}
			af, err := parser.ParseFile(token.NewFileSet(), f, nil, parser.ImportsOnly)
			if err != nil {
				t.Fatal(err)
			}
			for _, imp := range af.Imports {
				p, _ := strconv.Unquote(imp.Path.Value)
				if !tt.allow(p) {
					t.Errorf("%s imports %s", f, p)
				}
			}
		}
	}
}

// forbidden are the standard packages of adapters: storage, network,
// processes and the file system.
func forbidden(p string) bool {
	switch p {
	case "database/sql", "net/http", "os", "os/exec", "io/fs", "net":
		return true
	}
	return strings.HasPrefix(p, "net/")
}
