package rules

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/pqtrack/pqtrack/seeds"
	"github.com/pqtrack/pqtrack/tracker"
	"github.com/pqtrack/pqtrack/tracker/parse"
)

// benchDocs are the seed and the development documents, raw.
func benchDocs(b *testing.B) (names []string, data [][]byte) {
	files, err := filepath.Glob("testdata/eval/*/docs/*.txt")
	if err != nil || len(files) == 0 {
		b.Fatal("no documents", err)
	}
	names = append(names, "seed")
	data = append(data, seeds.Default)
	for _, f := range files {
		d, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		if doc, err := parse.Read(f, d); doc == nil {
			b.Logf("left out: %v", err)
			continue
		}
		names = append(names, f)
		data = append(data, d)
	}
	// The first read loads the Dutch word list, once for the process:
	// not in the timed part.
	if _, err := parse.Read(names[0], data[0]); err != nil {
		b.Fatal(err)
	}
	return names, data
}

// BenchmarkAnalyze judges every question of the seed and the development
// documents and reports questions per second; parsing is done in setup.
func BenchmarkAnalyze(b *testing.B) {
	names, data := benchDocs(b)
	var docs []*tracker.Document
	items := 0
	for i := range names {
		d, err := parse.Read(names[i], data[i])
		if d == nil {
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

// BenchmarkParseAnalyze is the speed requirement: bytes of raw documents
// read and judged per second (run with -cpu 1 for one core).
//
//	go test ./rules -run '^$' -bench ParseAnalyze -cpu 1
func BenchmarkParseAnalyze(b *testing.B) {
	names, data := benchDocs(b)
	set, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	size, items := 0, 0
	for _, d := range data {
		size += len(d)
	}
	ref := tracker.Day(2024, 11, 20)
	b.SetBytes(int64(size))
	b.ResetTimer()
	start := time.Now()
	cpu0, cpuOK := cpuTime()
	for i := 0; i < b.N; i++ {
		for j := range names {
			d, err := parse.Read(names[j], data[j])
			if d == nil {
				b.Fatal(err) // a document read in part is judged as far as it goes
			}
			set.Analyze(d, ref)
			items += len(d.Items)
		}
	}
	b.ReportMetric(float64(items)/time.Since(start).Seconds(), "questions/s")
	reportCPU(b, cpu0, cpuOK, size)
}

// reportCPU adds the processor time of the timed part to a benchmark's
// figures, a pass and as MB/s: on a shared machine wall time counts the
// other processes' turns too, processor time far less. size is the bytes
// a pass reads; cpu0 is cpuTime at the start.
func reportCPU(b *testing.B, cpu0 time.Duration, ok bool, size int) {
	cpu1, ok1 := cpuTime()
	if !ok || !ok1 || b.N == 0 {
		return
	}
	pass := (cpu1 - cpu0).Seconds() / float64(b.N)
	b.ReportMetric(pass*1e3, "cpu-ms/op")
	if pass > 0 {
		b.ReportMetric(float64(size)/1e6/pass, "cpu-MB/s")
	}
}

// BenchmarkParse is the share of parsing alone, for comparison.
func BenchmarkParse(b *testing.B) {
	names, data := benchDocs(b)
	size := 0
	for _, d := range data {
		size += len(d)
	}
	b.SetBytes(int64(size))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for j := range names {
			if _, err := parse.Read(names[j], data[j]); err != nil {
				b.Fatal(err)
			}
		}
	}
}
