package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"syscall"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/pqtrack/pqtrack/notify"
	"github.com/pqtrack/pqtrack/tracker"
	"github.com/pqtrack/pqtrack/tracker/parse"
)

// Documents are read within limits: a file past the size limit is refused
// before it is read, so memory stays bounded by that size; only regular
// files are read (a FIFO would hang the run, /dev/zero fill memory); a PDF
// is converted within a time limit and a cap on its text.

// defaultMaxSize is the largest document read unless --max-size or
// $PQTRACK_MAX_SIZE say otherwise. The largest real reports are a few MB.
const defaultMaxSize = 20 << 20

// reader reads documents within its limits.
type reader struct {
	maxSize    int64         // bytes of a file, and of the text of a PDF
	pdfTimeout time.Duration // of one PDF conversion
}

// readerFlags adds --max-size and --pdf-timeout to fs; the returned
// function checks them after parsing.
func readerFlags(e *env, fs *flag.FlagSet) func() (*reader, error) {
	size := fs.String("max-size", envOr(e, "PQTRACK_MAX_SIZE", "20MB"),
		"largest `SIZE` of a document (and of a PDF's text): 20MB, 500kB, in bytes without a unit (default $PQTRACK_MAX_SIZE, else 20MB)")
	timeout := fs.String("pdf-timeout", envOr(e, "PQTRACK_PDF_TIMEOUT", "30s"),
		"longest `TIME` reading one PDF may take: 30s, 2m (default $PQTRACK_PDF_TIMEOUT, else 30s)")
	return func() (*reader, error) {
		n, err := parseSize(*size)
		if err != nil {
			return nil, usageError(fmt.Errorf("--max-size %q: %v", *size, err))
		}
		d, err := time.ParseDuration(*timeout)
		if err != nil || d <= 0 {
			return nil, usageError(fmt.Errorf("--pdf-timeout %q: want a duration such as 30s or 2m", *timeout))
		}
		return &reader{maxSize: n, pdfTimeout: d}, nil
	}
}

// parseSize reads "20MB", "500kB", "1.5MB" or a number of bytes.
func parseSize(s string) (int64, error) {
	t := strings.TrimSpace(s)
	mult := int64(1)
	for _, u := range []struct {
		suffix string
		mult   int64
	}{{"GB", 1 << 30}, {"MB", 1 << 20}, {"kB", 1 << 10}, {"KB", 1 << 10}, {"G", 1 << 30}, {"M", 1 << 20}, {"k", 1 << 10}, {"K", 1 << 10}, {"B", 1}} {
		if strings.HasSuffix(t, u.suffix) {
			t, mult = strings.TrimSpace(strings.TrimSuffix(t, u.suffix)), u.mult
			break
		}
	}
	f, err := strconv.ParseFloat(t, 64)
	if err != nil || f < 1 || f*float64(mult) > 1<<40 {
		return 0, errors.New("want a size such as 20MB, 500kB or a number of bytes")
	}
	return int64(f * float64(mult)), nil
}

// readWords are the reasons a document is not read.
var readWords = words{
	"toolarge":   {"te groot (%s); de grens is %s (--max-size of PQTRACK_MAX_SIZE)", "too large (%s); the limit is %s (--max-size or PQTRACK_MAX_SIZE)"},
	"stdinlarge": {"meer dan %s; de grens is %s (--max-size of PQTRACK_MAX_SIZE)", "more than %s; the limit is %s (--max-size or PQTRACK_MAX_SIZE)"},
	"notregular": {"geen gewoon bestand (%s), niet gelezen", "not a regular file (%s), not read"},
	"pdftime":    {"het lezen van de PDF duurde langer dan %s en is gestopt (--pdf-timeout of PQTRACK_PDF_TIMEOUT)", "reading the PDF took longer than %s and was stopped (--pdf-timeout or PQTRACK_PDF_TIMEOUT)"},
	"pdftext":    {"de PDF geeft meer dan %s tekst; het lezen is gestopt (--max-size of PQTRACK_MAX_SIZE)", "the PDF gives more than %s of text; reading was stopped (--max-size or PQTRACK_MAX_SIZE)"},
	"fifo":       {"een FIFO", "a FIFO"},
	"device":     {"een apparaat", "a device"},
	"socket":     {"een socket", "a socket"},
	"dir":        {"een map", "a directory"},
	"other":      {"een bijzonder bestand", "a special file"},
	"line":       {"regel %d", "line %d"},
}

// readError is a document refused by a limit. It names the file and says
// why in the language of the run.
type readError struct {
	file string // as shown (quoted when it holds control characters)
	key  string // of readWords
	args []any  // strings, or readWords keys wrapped in wordArg
	err  error  // wrapped: tracker.ErrInvalid, or *parse.PDFLimitError
}

// wordArg is an argument of a readError that is itself a readWords key.
type wordArg string

func (e *readError) Error() string { return e.say(notify.English) }

func (e *readError) say(l notify.Lang) string {
	args := make([]any, len(e.args))
	for i, a := range e.args {
		if w, ok := a.(wordArg); ok {
			a = say(l, readWords, string(w))
		}
		if n, ok := a.(int64); ok {
			a = byteSize(l, n)
		}
		args[i] = a
	}
	return e.file + ": " + say(l, readWords, e.key, args...)
}

func (e *readError) Unwrap() error { return e.err }

// message is err as staff read it: in l when it is a refusal by a limit.
func message(l notify.Lang, err error) string {
	var re *readError
	if errors.As(err, &re) {
		return re.say(l)
	}
	if pe, ok := asParseError(err); ok {
		return parseMessage(l, pe)
	}
	return err.Error()
}

// byteSize writes n bytes as people read it: "20 MB", "1,5 kB" in Dutch.
func byteSize(l notify.Lang, n int64) string {
	v, unit := float64(n), "bytes"
	switch {
	case n >= 1<<30:
		v, unit = v/(1<<30), "GB"
	case n >= 1<<20:
		v, unit = v/(1<<20), "MB"
	case n >= 1<<10:
		v, unit = v/(1<<10), "kB"
	default:
		return strconv.FormatInt(n, 10) + " bytes"
	}
	s := strconv.FormatFloat(v, 'f', 1, 64)
	s = strings.TrimSuffix(s, ".0")
	if l != notify.English {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s + " " + unit
}

// displayName is a file name as it can be printed on one line: quoted
// when it holds a control character (a newline would print a line of its
// own) or is not valid UTF-8.
func displayName(name string) string {
	if !utf8.ValidString(name) || strings.IndexFunc(name, unicode.IsControl) >= 0 {
		return strconv.Quote(name)
	}
	return name
}

// file reads the document at path: a regular file no larger than the
// limit, its PDF converted to text. name is how errors name it.
func (r *reader) file(ctx context.Context, path string) ([]byte, error) {
	name := displayName(path)
	// O_NONBLOCK: opening a FIFO for reading would wait for a writer.
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		kind := wordArg("other")
		switch m := fi.Mode(); {
		case m&os.ModeNamedPipe != 0:
			kind = "fifo"
		case m&os.ModeDevice != 0:
			kind = "device"
		case m&os.ModeSocket != 0:
			kind = "socket"
		case m.IsDir():
			kind = "dir"
		}
		return nil, &readError{file: name, key: "notregular", args: []any{kind}, err: tracker.ErrInvalid}
	}
	if fi.Size() > r.maxSize {
		return nil, &readError{file: name, key: "toolarge", args: []any{fi.Size(), r.maxSize}, err: tracker.ErrInvalid}
	}
	// The file may grow while it is read: read one byte past the limit.
	buf := bytes.NewBuffer(make([]byte, 0, fi.Size()+1))
	if _, err := buf.ReadFrom(io.LimitReader(f, r.maxSize+1)); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if int64(buf.Len()) > r.maxSize {
		return nil, &readError{file: name, key: "stdinlarge", args: []any{r.maxSize, r.maxSize}, err: tracker.ErrInvalid}
	}
	return r.text(ctx, name, buf.Bytes())
}

// stream reads a document from in (standard input) within the limit.
func (r *reader) stream(ctx context.Context, in io.Reader) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(in, r.maxSize+1))
	if err != nil {
		return nil, fmt.Errorf("read standard input: %v", err)
	}
	if int64(len(data)) > r.maxSize {
		return nil, &readError{file: "-", key: "stdinlarge", args: []any{r.maxSize, r.maxSize}, err: tracker.ErrInvalid}
	}
	return r.text(ctx, "-", data)
}

// text converts a PDF to its text within the limits; other data is
// returned as it is. When pdftotext fails for another reason than a limit
// the PDF goes to the parser as it is, which reports it in its own words.
func (r *reader) text(ctx context.Context, name string, data []byte) ([]byte, error) {
	if !bytes.HasPrefix(data, []byte("%PDF")) {
		return data, nil
	}
	txt, err := parse.PDFText(ctx, data, parse.PDFLimits{Timeout: r.pdfTimeout, MaxText: r.maxSize})
	var le *parse.PDFLimitError
	switch {
	case errors.As(err, &le) && le.Timeout > 0:
		return nil, &readError{file: name, key: "pdftime", args: []any{le.Timeout.String()}, err: le}
	case errors.As(err, &le):
		return nil, &readError{file: name, key: "pdftext", args: []any{le.MaxText}, err: le}
	case ctx.Err() != nil:
		return nil, ctx.Err()
	case err != nil || len(bytes.TrimSpace(txt)) == 0:
		return data, nil
	}
	return txt, nil
}
