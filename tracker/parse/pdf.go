package parse

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os/exec"
	"strings"
	"time"
)

// ErrNoPDFTool is returned (wrapped) when a PDF must be read and poppler's
// pdftotext is not installed.
var ErrNoPDFTool = errors.New("pdftotext not found on PATH: install the Debian package poppler-utils (apt-get install poppler-utils)")

// Default limits of one PDF conversion. A small PDF can hold thousands of
// pages on one content stream (a "PDF bomb"): without limits pdftotext
// runs for minutes and returns gigabytes of text.
const (
	DefaultPDFTimeout = 30 * time.Second
	DefaultPDFMaxText = 20 << 20 // bytes
)

// PDFLimits bound what converting one PDF may cost. Zero fields take the
// defaults.
type PDFLimits struct {
	Timeout time.Duration // wall time of pdftotext
	MaxText int64         // bytes of text it may return
}

func (l PDFLimits) orDefault() PDFLimits {
	if l.Timeout <= 0 {
		l.Timeout = DefaultPDFTimeout
	}
	if l.MaxText <= 0 {
		l.MaxText = DefaultPDFMaxText
	}
	return l
}

// PDFLimitError says that pdftotext was stopped at a limit.
type PDFLimitError struct {
	Timeout time.Duration // set when it ran out of time
	MaxText int64         // set when its text passed this many bytes
}

func (e *PDFLimitError) Error() string {
	if e.Timeout > 0 {
		return fmt.Sprintf("pdftotext stopped after %s (time limit)", e.Timeout)
	}
	return fmt.Sprintf("pdftotext stopped: its text passed %d bytes (text limit)", e.MaxText)
}

// PDFText converts a PDF to UTF-8 text with pdftotext -layout, within
// lim, and until ctx ends. Past a limit the process group is killed and
// the error is a *PDFLimitError; at most lim.MaxText bytes are ever held.
//
// Without -layout, pdftotext joins words hyphenated across lines by
// dropping the hyphen ("ex-|inburgeraars" becomes "exinburgeraars",
// "Midden-|Nederland" "MiddenNederland") and drops the blank lines between
// paragraphs that are set only one line apart; -layout keeps both, and
// clean repairs hyphenation knowing Dutch compounds. Its padding spaces
// are collapsed by clean. Pages in two columns would be read across them;
// the one kind the parliaments print, the Chamber's bulletin with French
// beside Dutch, has its Dutch column kept (dutchColumn). Page breaks come
// out as form feeds, which clean also handles.
func PDFText(ctx context.Context, data []byte, lim PDFLimits) ([]byte, error) {
	lim = lim.orDefault()
	path, err := exec.LookPath("pdftotext")
	if err != nil {
		return nil, ErrNoPDFTool
	}
	ctx, cancel := context.WithTimeout(ctx, lim.Timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, path, "-layout", "-enc", "UTF-8", "-", "-")
	cmd.Stdin = bytes.NewReader(data)
	var stderr bytes.Buffer
	cmd.Stderr = &limitedBuffer{b: &stderr, n: 4096}
	setProcessGroup(cmd)
	cmd.WaitDelay = time.Second // stdin and stderr copies end even if a child holds them
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, fmt.Errorf("pdftotext: %w", err)
	}
	if err := cmd.Start(); err != nil {
		if errors.Is(ctx.Err(), context.DeadlineExceeded) {
			return nil, &PDFLimitError{Timeout: lim.Timeout}
		}
		return nil, fmt.Errorf("pdftotext: %w", err)
	}
	txt, rerr := io.ReadAll(io.LimitReader(out, lim.MaxText+1))
	tooMuch := int64(len(txt)) > lim.MaxText
	if tooMuch {
		cancel() // kills the group; Wait then returns
	}
	werr := cmd.Wait()
	switch {
	case tooMuch:
		return nil, &PDFLimitError{MaxText: lim.MaxText}
	case errors.Is(ctx.Err(), context.DeadlineExceeded):
		return nil, &PDFLimitError{Timeout: lim.Timeout}
	case ctx.Err() != nil:
		return nil, ctx.Err()
	case werr != nil || rerr != nil:
		msg := strings.TrimSpace(stderr.String())
		if msg == "" {
			msg = errors.Join(werr, rerr).Error()
		}
		return nil, fmt.Errorf("pdftotext: %s", firstLine(msg))
	}
	return txt, nil
}

// pdfText converts a PDF within the default limits.
func pdfText(data []byte) ([]byte, error) {
	return PDFText(context.Background(), data, PDFLimits{})
}

// limitedBuffer keeps the first n bytes written to it and drops the rest,
// so a chatty pdftotext cannot fill memory through its error output.
type limitedBuffer struct {
	b *bytes.Buffer
	n int
}

func (l *limitedBuffer) Write(p []byte) (int, error) {
	if room := l.n - l.b.Len(); room > 0 {
		l.b.Write(p[:min(room, len(p))])
	}
	return len(p), nil
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}
