package rules

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pqtrack/pqtrack/seeds"
	"github.com/pqtrack/pqtrack/tracker/parse"
	"github.com/pqtrack/pqtrack/tracker/report"
)

var update = flag.Bool("update", false, "rewrite the golden judgements in testdata/golden")

// TestGolden pins every judgement (statuses, findings with their spans,
// deferrals, promises) of the seed and the sample documents, so that work
// on speed cannot change a single one. Run with -update only when a rule
// change is meant to change judgements, and read the diff.
func TestGolden(t *testing.T) {
	set, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob("testdata/eval/tune/docs/*.txt")
	names := append([]string{"seed"}, files...)
	for _, name := range names {
		data := seeds.Default
		if name != "seed" {
			if data, err = os.ReadFile(name); err != nil {
				t.Fatal(err)
			}
		}
		d, err := parse.Read(filepath.Base(name), data)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		set.Analyze(d, time.Time{})
		got, err := json.MarshalIndent(struct {
			Report report.Document
			Items  any
		}{report.FromDocument(d), d.Items}, "", " ")
		if err != nil {
			t.Fatal(err)
		}
		golden := filepath.Join("testdata", "golden", strings.TrimSuffix(filepath.Base(name), ".txt")+".json")
		if *update {
			os.MkdirAll(filepath.Dir(golden), 0o755)
			if err := os.WriteFile(golden, append(got, '\n'), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatalf("%v (run go test -run Golden -update to create)", err)
		}
		if !bytes.Equal(bytes.TrimSpace(want), got) {
			t.Errorf("%s: judgements differ from %s", name, golden)
		}
	}
}
