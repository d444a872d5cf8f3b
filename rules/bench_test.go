package rules

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/pqtrack/pqtrack/tracker"
	"github.com/pqtrack/pqtrack/tracker/parse"
)

// BenchmarkAnalyze judges every question of the development documents and
// reports questions per second.
func BenchmarkAnalyze(b *testing.B) {
	files, err := filepath.Glob("testdata/eval/docs/*.txt")
	if err != nil || len(files) == 0 {
		b.Fatal("no documents", err)
	}
	var docs []*tracker.Document
	items := 0
	for _, f := range files {
		d, err := parse.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, d)
		items += len(d.Items)
	}
	set, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	ref := tracker.Day(2024, 11, 20)
	b.ResetTimer()
	start := time.Now()
	for i := 0; i < b.N; i++ {
		for _, d := range docs {
			set.Analyze(d, ref)
		}
	}
	b.ReportMetric(float64(items*b.N)/time.Since(start).Seconds(), "questions/s")
}
