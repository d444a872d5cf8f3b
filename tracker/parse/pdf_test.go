package parse

import (
	"bytes"
	"errors"
	"fmt"
	"os/exec"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
)

// makePDF writes a minimal PDF with one page per element of pages, each
// line in Helvetica (WinAnsiEncoding, so "ë" works). It is enough for
// pdftotext and keeps the test free of a PDF library.
func makePDF(t testing.TB, pages [][]string) []byte {
	t.Helper()
	var objs []string
	// 1: catalog, 2: pages, 3: font, then content+page pairs.
	kids := []string{}
	for i := range pages {
		kids = append(kids, fmt.Sprintf("%d 0 R", 5+2*i))
	}
	objs = append(objs,
		"<< /Type /Catalog /Pages 2 0 R >>",
		fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), len(pages)),
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
	)
	enc := charmap.Windows1252.NewEncoder()
	for _, lines := range pages {
		var c strings.Builder
		c.WriteString("BT /F1 10 Tf 14 TL 60 790 Td\n")
		for _, l := range lines {
			b, err := enc.String(l)
			if err != nil {
				t.Fatalf("encode %q: %v", l, err)
			}
			b = strings.NewReplacer(`\`, `\\`, "(", `\(`, ")", `\)`).Replace(b)
			fmt.Fprintf(&c, "(%s) Tj T*\n", b)
		}
		c.WriteString("ET")
		objs = append(objs,
			fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", c.Len(), c.String()),
			fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>", 4+2*(len(objs)-3)/2),
		)
	}
	var buf bytes.Buffer
	buf.WriteString("%PDF-1.4\n")
	offsets := make([]int, len(objs))
	for i, o := range objs {
		offsets[i] = buf.Len()
		fmt.Fprintf(&buf, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := buf.Len()
	fmt.Fprintf(&buf, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, off := range offsets {
		fmt.Fprintf(&buf, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&buf, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, xref)
	return buf.Bytes()
}

func TestReadPDF(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext not installed (Debian package poppler-utils); PDF reading not tested")
	}
	head := "Schriftelijke vragen Vlaams Parlement"
	pdf := makePDF(t, [][]string{
		{head, "", "1. Hoeveel middelen worden uitgetrokken voor de", "inburgering van Oekraïense vluchtelingen in 2023?", "",
			"2. De minister wil inzetten op vervolgtrajecten voor ex-", "inburgeraars. Hoe zien die er uit?", "", "1"},
		{head, "", "1. Er wordt momenteel bekeken hoeveel middelen er nodig", "zijn. De middelen zijn nog niet vastgelegd.", "",
			"2. Die worden gestandaar-", "diseerd uitgewerkt.", "", "2"},
	})
	doc, err := Read("vragen.pdf", pdf)
	if err != nil {
		t.Fatal(err)
	}
	if doc.Layout != "grouped" || len(doc.Items) != 2 {
		t.Fatalf("layout %q with %d items, want grouped with 2\n%s", doc.Layout, len(doc.Items), doc.Text)
	}
	want := []struct{ q, a string }{
		{"Hoeveel middelen worden uitgetrokken voor de inburgering van Oekraïense vluchtelingen in 2023?",
			"Er wordt momenteel bekeken hoeveel middelen er nodig zijn. De middelen zijn nog niet vastgelegd."},
		{"De minister wil inzetten op vervolgtrajecten voor ex-inburgeraars. Hoe zien die er uit?",
			"Die worden gestandaardiseerd uitgewerkt."},
	}
	for i, w := range want {
		if got := collapse(doc.Items[i].Question); got != w.q {
			t.Errorf("question %d = %q, want %q", i+1, got, w.q)
		}
		if got := collapse(doc.Items[i].Answer); got != w.a {
			t.Errorf("answer %d = %q, want %q", i+1, got, w.a)
		}
	}
	if strings.Contains(doc.Text, head) {
		t.Errorf("running header kept:\n%s", doc.Text)
	}
	if doc.Parliament != "Vlaams Parlement" || doc.File != "vragen.pdf" {
		t.Errorf("parliament %q file %q", doc.Parliament, doc.File)
	}
}

func TestReadPDFWithoutPdftotext(t *testing.T) {
	t.Setenv("PATH", "")
	_, err := Read("x.pdf", []byte("%PDF-1.4\n%%EOF\n"))
	if !errors.Is(err, ErrNoPDFTool) {
		t.Fatalf("err = %v, want ErrNoPDFTool", err)
	}
	for _, want := range []string{"x.pdf", "pdftotext", "poppler-utils"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not name %q", err, want)
		}
	}
}
