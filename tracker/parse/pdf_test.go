package parse

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os/exec"
	"strings"
	"testing"
	"time"

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
	return writePDF(objs)
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

// makeBomb writes a PDF of n pages that all show one content stream of
// lines lines: about 100 bytes a page that pdftotext turns into lines
// lines of text each, slowly.
func makeBomb(n, lines int) []byte {
	var c strings.Builder
	c.WriteString("BT /F1 6 Tf 7 TL 20 830 Td\n")
	for i := 0; i < lines; i++ {
		fmt.Fprintf(&c, "(Regel %d van het antwoord van de minister over de begroting.) Tj T*\n", i)
	}
	c.WriteString("ET")
	kids := make([]string, n)
	for i := range kids {
		kids[i] = fmt.Sprintf("%d 0 R", 5+i)
	}
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> >>", strings.Join(kids, " "), n),
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
		fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", c.Len(), c.String()),
	}
	for range n {
		objs = append(objs, "<< /Type /Page /Parent 2 0 R /Contents 4 0 R >>")
	}
	return writePDF(objs)
}

func TestPDFLimits(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext not installed (Debian package poppler-utils); PDF limits not tested")
	}
	// 6,000 pages of 110 lines: about 40 MB of text from 1 MB.
	bomb := makeBomb(6000, 110)
	small := makePDF(t, [][]string{{"1. Vraag?", "", "1. Antwoord."}})
	tests := []struct {
		name    string
		pdf     []byte
		lim     PDFLimits
		timeout bool // want a time-limit error
		text    bool // want a text-limit error
	}{
		{"bomb: text cap", bomb, PDFLimits{Timeout: time.Minute, MaxText: 200 << 10}, false, true},
		{"bomb: time limit", bomb, PDFLimits{Timeout: 200 * time.Millisecond, MaxText: 1 << 40}, true, false},
		{"small within limits", small, PDFLimits{Timeout: time.Minute, MaxText: 1 << 10}, false, false},
	}
	for _, tt := range tests {
		txt, err := PDFText(context.Background(), tt.pdf, tt.lim)
		var le *PDFLimitError
		got := errors.As(err, &le)
		switch {
		case tt.timeout || tt.text:
			if !got || (le.Timeout > 0) != tt.timeout || (le.MaxText > 0) != tt.text {
				t.Errorf("%s: err = %v, want a %s limit error", tt.name, err, map[bool]string{true: "time", false: "text"}[tt.timeout])
			}
			if txt != nil {
				t.Errorf("%s: %d bytes of text returned past the limit", tt.name, len(txt))
			}
		case err != nil:
			t.Errorf("%s: %v", tt.name, err)
		case !strings.Contains(string(txt), "Antwoord"):
			t.Errorf("%s: text %q", tt.name, txt)
		}
	}
	// The context of a request that ends stops it too.
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := PDFText(ctx, bomb, PDFLimits{}); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: err = %v, want context.Canceled", err)
	}
}

// writePDF writes objects 1 to n as a PDF file with its cross-reference
// table; object 1 is the catalogue.
func writePDF(objs []string) []byte {
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
