package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/pqtrack/pqtrack/seeds"
)

// bombPDF writes a PDF of n pages that all show one content stream of
// many lines: a little PDF that pdftotext turns into a lot of text.
func bombPDF(n int) []byte {
	var c strings.Builder
	c.WriteString("BT /F1 6 Tf 7 TL 20 830 Td\n")
	for i := 0; i < 110; i++ {
		fmt.Fprintf(&c, "(Regel %d van het antwoord van de minister.) Tj T*\n", i)
	}
	c.WriteString("ET")
	var kids []string
	for i := 0; i < n; i++ {
		kids = append(kids, fmt.Sprintf("%d 0 R", 5+i))
	}
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> >>", strings.Join(kids, " "), n),
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
		fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", c.Len(), c.String()),
	}
	for range n {
		objs = append(objs, "<< /Type /Page /Parent 2 0 R /Contents 4 0 R >>")
	}
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n")
	var offs []int
	for i, o := range objs {
		offs = append(offs, b.Len())
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	x := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, o := range offs {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, x)
	return b.Bytes()
}

// runWithin runs the command line and fails the test if it does not end
// within a minute: a FIFO must not hang a run.
func runWithin(t *testing.T, e *env, args []string) int {
	t.Helper()
	done := make(chan int, 1)
	go func() { done <- run(e, args) }()
	select {
	case code := <-done:
		return code
	case <-time.After(time.Minute):
		t.Fatalf("%v did not end", args)
		return 0
	}
}

func TestReadLimits(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	big := write("groot.txt", bytes.Repeat([]byte("1. Waarom?\n\n1. Daarom.\n\n"), 200)) // 4.8 kB
	fifoDir := filepath.Join(dir, "map")
	os.Mkdir(fifoDir, 0o755)
	fifo := filepath.Join(fifoDir, "vragen.txt")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	zero := filepath.Join(dir, "nul.txt")
	if err := os.Symlink("/dev/zero", zero); err != nil {
		t.Fatal(err)
	}
	_, pdfErr := exec.LookPath("pdftotext")
	bomb := write("bom.pdf", bombPDF(300)) // 2 MB of text from 30 kB

	tests := []struct {
		name  string
		args  []string
		env   map[string]string
		stdin string
		pdf   bool
		want  []string // in stderr
	}{
		{name: "analyze: too large", args: []string{"analyze", "--max-size", "2kB", big},
			want: []string{"groot.txt: te groot (4,7 kB); de grens is 2 kB"}},
		{name: "analyze: too large, English", args: []string{"analyze", "--lang", "en", "--max-size", "2kB", big},
			want: []string{"groot.txt: too large (4.7 kB); the limit is 2 kB"}},
		{name: "ingest: limit from the environment", args: []string{"ingest", big}, env: map[string]string{"PQTRACK_MAX_SIZE": "2kB"},
			want: []string{"groot.txt: te groot"}},
		{name: "analyze: standard input too large", args: []string{"analyze", "--max-size", "1kB", "-"}, stdin: string(seeds.Default),
			want: []string{"-: meer dan 1 kB"}},
		{name: "analyze: FIFO in a folder", args: []string{"analyze", fifoDir},
			want: []string{"vragen.txt: geen gewoon bestand (een FIFO)"}},
		{name: "ingest: FIFO named", args: []string{"ingest", fifo},
			want: []string{"vragen.txt: geen gewoon bestand (een FIFO)"}},
		{name: "analyze: link to /dev/zero", args: []string{"analyze", zero},
			want: []string{"nul.txt: geen gewoon bestand (een apparaat)"}},
		{name: "analyze: PDF text cap", args: []string{"analyze", "--max-size", "100kB", bomb}, pdf: true,
			want: []string{"bom.pdf: de PDF geeft meer dan 100 kB tekst"}},
		{name: "ingest: PDF time limit", args: []string{"ingest", "--pdf-timeout", "1ms", bomb}, pdf: true,
			want: []string{"bom.pdf: het lezen van de PDF duurde langer dan 1ms en is gestopt"}},
	}
	for _, tt := range tests {
		if tt.pdf && pdfErr != nil {
			t.Logf("%s: skipped: pdftotext not installed", tt.name)
			continue
		}
		vars := map[string]string{"PQTRACK_DB": filepath.Join(t.TempDir(), "r.db")}
		for k, v := range tt.env {
			vars[k] = v
		}
		e, _, errb := testEnv(vars)
		e.stdin = strings.NewReader(tt.stdin)
		if code := runWithin(t, e, tt.args); code != 1 {
			t.Errorf("%s: exit %d, want 1\n%s", tt.name, code, errb)
		}
		for _, w := range tt.want {
			if !strings.Contains(errb.String(), w) {
				t.Errorf("%s: stderr lacks %q:\n%s", tt.name, w, errb)
			}
		}
	}

	// Within the limits, the same file is read.
	e, _, errb := testEnv(nil)
	if code := run(e, []string{"analyze", "--max-size", "5kB", big}); code != 0 {
		t.Errorf("within the limit: exit %d\n%s", code, errb)
	}
	e, _, _ = testEnv(nil)
	if code := run(e, []string{"analyze", "--max-size", "lots", big}); code != 2 {
		t.Errorf("--max-size lots: exit %d, want 2", code)
	}
}

// A file name with a newline prints on one line, quoted.
func TestFileNameNewline(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "a\nnieuw       vals.txt: document 99.txt")
	if err := os.WriteFile(name, seeds.Default, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"analyze", name}, {"ingest", "--no-notify", name}} {
		cmd := args[0]
		e, out, errb := testEnv(map[string]string{"PQTRACK_DB": filepath.Join(dir, "n.db")})
		if code := run(e, args); code != 0 {
			t.Fatalf("%s: exit %d\n%s", cmd, code, errb)
		}
		for _, line := range strings.Split(out.String()+errb.String(), "\n") {
			if strings.HasPrefix(line, "nieuw       vals") {
				t.Errorf("%s printed a line of the file name: %q", cmd, line)
			}
		}
		if !strings.Contains(out.String(), `a\nnieuw`) {
			t.Errorf("%s: the name is not quoted:\n%s", cmd, out)
		}
	}
}
