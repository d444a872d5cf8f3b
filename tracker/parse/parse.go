// Package parse reads written-question documents (plain text or PDF) into a
// tracker.Document: it repairs text-extraction faults, reads the header,
// detects the layout (grouped, interleaved or single) and pairs each
// question with its answer.
package parse

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"strings"

	"github.com/pqtrack/pqtrack/tracker"
)

// Error is a fault in the document itself: empty, binary, no questions,
// answers that cannot be paired. It wraps tracker.ErrInvalid.
type Error struct {
	File string
	Line int // 1-based line of the input text; 0 when it concerns the whole file
	Msg  string
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("parse %s: line %d: %s", e.File, e.Line, e.Msg)
	}
	return fmt.Sprintf("parse %s: %s", e.File, e.Msg)
}

// Unwrap lets callers test errors.Is(err, tracker.ErrInvalid).
func (e *Error) Unwrap() error { return tracker.ErrInvalid }

// ReadFile reads the document at path.
func ReadFile(path string) (*tracker.Document, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("parse %s: %w", path, err)
	}
	return Read(path, data)
}

// Read parses the raw bytes of a document. name is used for Document.File
// and in errors ("-" for standard input). PDF input (starting with "%PDF")
// is converted to text with poppler's pdftotext.
func Read(name string, data []byte) (*tracker.Document, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, &Error{File: name, Msg: "empty input"}
	}
	var warnings []string
	if bytes.HasPrefix(data, []byte("%PDF")) {
		txt, err := pdfText(data)
		if err != nil {
			return nil, fmt.Errorf("parse %s: %w", name, err)
		}
		data = txt
	}
	s, w, err := decode(data)
	if err != nil {
		err.File = name
		return nil, err
	}
	warnings = append(warnings, w...)
	blocks, w := clean(s)
	warnings = append(warnings, w...)
	if len(blocks) == 0 {
		return nil, &Error{File: name, Msg: "no text"}
	}
	doc := &tracker.Document{
		File: name,
		Kind: tracker.KindAnswer,
		Text: joinBlocks(blocks),
	}
	sum := sha256.Sum256([]byte(doc.Text))
	doc.Hash = hex.EncodeToString(sum[:])

	res, perr := pair(blocks)
	if perr != nil {
		perr.File = name
		return nil, perr
	}
	doc.Layout = res.layout
	doc.Items = res.items
	warnings = append(warnings, res.warnings...)
	readHeader(doc, blocks[:res.header])
	for i := range doc.Items {
		doc.Items[i].SubQuestions = SubQuestions(doc.Items[i].Question)
	}
	doc.Warnings = warnings
	return doc, nil
}

// result is what a layout reader found.
type result struct {
	layout   tracker.Layout
	items    []tracker.Item
	header   int // blocks[:header] are the header
	warnings []string
}

// pair detects the layout and pairs questions with answers. Layouts are
// tried from the most to the least explicit.
func pair(blocks []block) (*result, *Error) {
	if r, err := interleaved(blocks); r != nil || err != nil {
		return r, err
	}
	if r, err := grouped(blocks); r != nil || err != nil {
		return r, err
	}
	if r := single(blocks); r != nil {
		return r, nil
	}
	return nil, &Error{Msg: "no questions found (no \"Vraag 1\"/\"Antwoord 1\" labels, no numbered questions, no question ending in '?')"}
}

// joinBlocks is the document text: paragraphs separated by a blank line.
// Item texts are made the same way, so they are substrings of it.
func joinBlocks(bs []block) string {
	var b strings.Builder
	for i, bl := range bs {
		if i > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(bl.text)
	}
	return b.String()
}
