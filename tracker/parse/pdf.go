package parse

import (
	"bytes"
	"errors"
	"fmt"
	"os/exec"
	"strings"
)

// ErrNoPDFTool is returned (wrapped) when a PDF must be read and poppler's
// pdftotext is not installed.
var ErrNoPDFTool = errors.New("pdftotext not found on PATH: install the Debian package poppler-utils (apt-get install poppler-utils)")

// pdfText converts a PDF to UTF-8 text with pdftotext -layout. Without
// -layout, pdftotext joins words hyphenated across lines by dropping the
// hyphen ("ex-|inburgeraars" becomes "exinburgeraars", "Midden-|Nederland"
// "MiddenNederland") and drops the blank lines between paragraphs that are
// set only one line apart; -layout keeps both, and clean repairs
// hyphenation knowing Dutch compounds. Its padding spaces are collapsed by
// clean. (Multi-column pages would be read across the columns; the
// parliaments' question documents are single-column.) Page breaks come out
// as form feeds, which clean also handles.
func pdfText(data []byte) ([]byte, error) {
	path, err := exec.LookPath("pdftotext")
	if err != nil {
		return nil, ErrNoPDFTool
	}
	cmd := exec.Command(path, "-layout", "-enc", "UTF-8", "-", "-")
	cmd.Stdin = bytes.NewReader(data)
	var out, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &stderr
	if err := cmd.Run(); err != nil {
		msg := strings.TrimSpace(stderr.String())
		if msg == "" {
			msg = err.Error()
		}
		return nil, fmt.Errorf("pdftotext: %s", firstLine(msg))
	}
	return out.Bytes(), nil
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}
