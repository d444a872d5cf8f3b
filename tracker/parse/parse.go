// Package parse reads written-question documents (plain text or PDF) into a
// tracker.Document: it repairs text-extraction faults, reads the header,
// detects the layout (grouped, interleaved or single) and pairs each
// question with its answer.
package parse

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/pqtrack/pqtrack/tracker"
)

// Error is a fault in the document itself: empty, binary, a PDF without
// text, no questions, answers that cannot be paired. It wraps
// tracker.ErrInvalid.
type Error struct {
	File string
	Line int // 1-based line of the input text; 0 when it concerns the whole file
	Msg  string
	// Partial is set when Read still returns a document: everything that
	// could be paired is in it, and Msg says what could not be.
	Partial bool
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
//
// Errors about the input are *Error and wrap tracker.ErrInvalid. Read may
// return a non-nil document together with such an error: when some
// answers have no question (more answers than questions), the document
// holds everything that could be paired, the error names the answer
// numbers left over, and its Partial field is set (see IsPartial).
// Questions without an answer are no error: they become unanswered items
// and a warning names them.
func Read(name string, data []byte) (*tracker.Document, error) {
	s, warnings, err := input(name, data)
	if err != nil {
		return nil, err
	}
	return readText(name, s, warnings)
}

// readText is Read of the decoded text s, with the warnings decoding gave.
func readText(name, s string, warnings []string) (*tracker.Document, error) {
	blocks, text, w := cleanBlocks(s)
	warnings = append(warnings, w...)
	if len(blocks) == 0 {
		return nil, &Error{File: name, Msg: "no text"}
	}
	doc := &tracker.Document{
		File: name,
		Kind: tracker.KindAnswer,
		Text: text, // joinBlocks(blocks), built once by cleanBlocks
	}

	// A postponement notice after the questions is no part of the last
	// question: it is kept as a warning, and its questions stay unanswered.
	body, notice := blocks, ""
	if k := postponement(blocks); k >= 0 {
		body, notice = blocks[:k], noticeText(blocks[k:])
	}
	res, perr := pair(splitInlineAnswers(body))
	if perr != nil {
		perr.File = name
		if notice != "" && perr.Msg == errNoQuestions {
			perr.Msg = "no questions found: the document is a postponement notice (" + excerpt(notice, 200) + ")"
		}
		return nil, perr
	}
	if notice != "" {
		warnings = append(warnings, tracker.PostponementNotice+notice)
	}
	doc.Layout = res.layout
	doc.Items = res.items
	warnings = append(warnings, res.warnings...)
	readHeader(doc, slices.Concat(blocks[:res.header], res.meta))
	readChamber(doc, body)
	var unanswered []int
	echoOnly := -1 // an item whose answer held its repeated question only
	for i := range doc.Items {
		it := &doc.Items[i]
		had := it.Answer != ""
		it.Answer = dropAnswerLabel(dropEcho(it.Answer, it.Question))
		it.SubQuestions = SubQuestions(it.Question)
		if i > 0 && echoOnly == i-1 && it.Answer != "" {
			// "5. Klopt het ...? / 6. Zo ja, ...? / Antwoord: ...": the
			// repeated questions 5 and 6 share the answer under them.
			prev := &doc.Items[i-1]
			prev.Answer = it.Answer
			prev.AnsweredWith = append(prev.AnsweredWith, it.Number)
			it.AnsweredWith = append(it.AnsweredWith, prev.Number)
			unanswered = unanswered[:len(unanswered)-1]
		}
		if it.Answer == "" {
			unanswered = append(unanswered, it.Number)
			if had {
				echoOnly = i
			}
		}
	}
	switch {
	case len(unanswered) == 0:
	case len(unanswered) == len(doc.Items) && len(doc.Items) > 1:
		warnings = append(warnings, "no answers found")
	default:
		warnings = append(warnings, "no answer to "+plural(unanswered, "question", "questions"))
	}
	doc.Warnings = warnings
	if len(res.orphans) > 0 {
		have := " have no question"
		if len(res.orphans) == 1 {
			have = " has no question"
		}
		return doc, &Error{File: name, Partial: true, Msg: plural(res.orphans, "answer", "answers") + have}
	}
	return doc, nil
}

// IsPartial reports whether err is an *Error that comes with a document
// holding what could be read (see Read).
func IsPartial(err error) bool {
	var e *Error
	return errors.As(err, &e) && e.Partial
}

// input checks and decodes the raw bytes: refuses empty and binary data,
// converts a PDF with pdftotext and decodes the character set.
func input(name string, data []byte) (string, []string, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return "", nil, &Error{File: name, Msg: "empty file"}
	}
	if bytes.HasPrefix(data, []byte("%PDF")) {
		txt, err := pdfText(data)
		if errors.Is(err, ErrNoPDFTool) {
			return "", nil, fmt.Errorf("parse %s: %w", name, err)
		}
		if err != nil {
			return "", nil, &Error{File: name, Msg: "cannot read the PDF: " + err.Error()}
		}
		if len(bytes.TrimSpace(txt)) == 0 {
			return "", nil, &Error{File: name, Msg: "no text in the PDF (a scan?)"}
		}
		data = txt
	}
	s, w, perr := decode(data)
	if perr != nil {
		perr.File = name
		return "", nil, perr
	}
	return s, w, nil
}

// plural writes "question 4" or "questions 4, 7".
func plural(nums []int, one, many string) string {
	if len(nums) == 1 {
		return one + " " + strconv.Itoa(nums[0])
	}
	parts := make([]string, len(nums))
	for i, n := range nums {
		parts[i] = strconv.Itoa(n)
	}
	return many + " " + strings.Join(parts, ", ")
}

// result is what a layout reader found.
type result struct {
	layout   tracker.Layout
	items    []tracker.Item
	header   int // blocks[:header] are the header
	warnings []string
	orphans  []int   // answer numbers with no question, in order
	meta     []block // header material found after the header, such as an answer heading
}

// pair detects the layout and pairs questions with answers. Layouts are
// tried from the most to the least explicit.
func pair(blocks []block) (*result, *Error) {
	if r, err := interleaved(blocks); r != nil || err != nil {
		// "Vraag 1:" labels with no "Antwoord" label at all may head the
		// answers of numbered questions: the grouped layout, if it pairs.
		if err == nil && !answered(r) {
			if g, gerr := grouped(blocks); gerr == nil && g != nil && answered(g) {
				return g, nil
			}
			if a := askedThenAnswered(r); a != nil {
				return a, nil
			}
		}
		return r, err
	}
	if r := numberedAnswers(blocks); r != nil {
		return r, nil
	}
	if sb, ok := sectionedBlocks(blocks); ok {
		if r, err := grouped(sb); err == nil && r != nil && answered(r) {
			r.warnings = append(r.warnings, "questions numbered anew in each section I., II., ...: read as 1, 2, ...")
			return r, nil
		}
	}
	if r, err := grouped(blocks); r != nil || err != nil {
		// Numbered questions and no numbered answers, or numbered answers
		// that pair with no question (a list inside an answer, or under
		// a title that reads as an answer heading, "Antwoorden op
		// schriftelijke vragen over ..."): the answers may follow each
		// question unlabelled.
		if err == nil && (!answered(r) || len(r.orphans) > 0 || unasked(r)) {
			if e := echoed(blocks); e != nil {
				return e, nil
			}
		}
		// Answers numbered in Roman numerals: "IV. Het ...".
		if err == nil && unanswered(r) > 0 {
			if rb, ok := romanBlocks(blocks); ok {
				if g, gerr := grouped(rb); gerr == nil && g != nil && unanswered(g) < unanswered(r) {
					g.warnings = append(g.warnings, `answers numbered in Roman numerals ("IV. ..."): read as 4., 5., ...`)
					return g, nil
				}
			}
		}
		// Questions as a bulleted list over numbered answers.
		if err == nil && unanswered(r) > 0 {
			if qb, ok := bulletedBlocks(blocks); ok {
				if g, gerr := grouped(qb); gerr == nil && g != nil && unanswered(g) < unanswered(r) {
					g.warnings = append(g.warnings, `questions bulleted without numbers ("- Hoeveel ...?"): read as 1., 2., ...`)
					return g, nil
				}
			}
		}
		// Answers numbered without a stop: "1 In 2024 ...".
		if err == nil && (unanswered(r) > 0 || oneForAll(r)) {
			if bb, ok := bareNumberedBlocks(blocks); ok {
				if g, gerr := grouped(bb); gerr == nil && g != nil && (unanswered(g) < unanswered(r) || unanswered(g) == 0 && !oneForAll(g)) {
					g.warnings = append(g.warnings, `answers numbered without a stop ("1 In 2024 ..."): read as 1., 2., ...`)
					return g, nil
				}
			}
		}
		return r, err
	}
	if qb, ok := bulletedBlocks(blocks); ok {
		// Bulleted questions over an answer heading and unnumbered
		// answers ("– Hoeveel ...?" ... "Antwoord:"), a paragraph each.
		// One answer to all may repeat the questions: repeated reads it.
		if r, err := grouped(qb); err == nil && r != nil && answered(r) && !oneForAll(r) {
			r.warnings = append(r.warnings, `questions bulleted without numbers ("- Hoeveel ...?"): read as 1., 2., ...`)
			return r, nil
		}
	}
	if wb, ok := wordedAnswerBlocks(blocks); ok {
		// "Antwoord op vraag 1: ..." under questions that are not
		// numbered.
		if r, err := grouped(wb); err == nil && r != nil && answered(r) && len(r.items) >= 2 {
			return r, nil
		}
	}
	if lb, ok := letteredBlocks(blocks); ok {
		if r, err := grouped(lb); err == nil && r != nil && answered(r) {
			r.warnings = append(r.warnings, "questions lettered a), b), ...: read as 1, 2, ...")
			return r, nil
		}
	}
	if ab, ok := answersFirst(blocks); ok {
		// The answers of an e-mail reply above the questions it quotes.
		if r, err := grouped(ab); err == nil && r != nil && answered(r) {
			return r, nil
		}
	}
	if r := repeated(blocks); r != nil {
		return r, nil
	}
	if r := single(blocks); r != nil {
		return r, nil
	}
	return nil, &Error{Msg: errNoQuestions}
}

const errNoQuestions = "no questions found (no \"Vraag 1\"/\"Antwoord 1\" labels, no numbered questions, no question ending in '?')"

// unanswered counts the items of r without an answer.
func unanswered(r *result) int {
	n := 0
	for _, it := range r.items {
		if it.Answer == "" {
			n++
		}
	}
	return n
}

// oneForAll reports whether r gives its questions, two or more, one
// answer.
func oneForAll(r *result) bool {
	if len(r.items) < 2 {
		return false
	}
	for _, it := range r.items[1:] {
		if it.Answer != r.items[0].Answer {
			return false
		}
	}
	return true
}

// unasked reports whether some item of r has no question.
func unasked(r *result) bool {
	for _, it := range r.items {
		if strings.TrimSpace(it.Question) == "" {
			return true
		}
	}
	return false
}

// answered reports whether some item of r has an answer.
func answered(r *result) bool {
	for _, it := range r.items {
		if it.Answer != "" {
			return true
		}
	}
	return false
}

// excerpt shortens s to about n bytes at a word boundary.
func excerpt(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) <= n {
		return s
	}
	if i := strings.LastIndexByte(s[:n], ' '); i > 0 {
		n = i
	}
	return s[:n] + " …"
}

// rejoinBlocks joins bs as joinBlocks does and cuts each block's text
// from the joined text again, as joinLines leaves them.
func rejoinBlocks(bs []block) string {
	joined := joinBlocks(bs)
	off := 0
	for i := range bs {
		n := len(bs[i].text)
		bs[i].text = joined[off : off+n]
		off += n + 2
	}
	return joined
}

// joinBlocks is the document text: paragraphs separated by a blank line.
// Item texts are made the same way, so they are substrings of it.
func joinBlocks(bs []block) string {
	var b strings.Builder
	n := 2 * len(bs)
	for _, bl := range bs {
		n += len(bl.text)
	}
	b.Grow(n)
	for i, bl := range bs {
		if i > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(bl.text)
	}
	return b.String()
}

// inlineAnswerRE finds an answer label inside a question's paragraph,
// right after its question mark: "1. Hoeveel ...? Antwoord: In 2024 ...".
var inlineAnswerRE = regexp.MustCompile(`^\?\s+(?:Antwoord|ANTWOORD)(?:\s+\d{1,3})?\s*:\s+\S`)

// inlineAnswer returns where the question mark before an inline answer
// label stands in t, or -1. It looks only after question marks, which are
// rare, so that it costs little on every paragraph, and gives the regexp
// only those followed by white space and the word it needs.
func inlineAnswer(t string) int {
	for at := 0; ; {
		i := strings.IndexByte(t[at:], '?')
		if i < 0 {
			return -1
		}
		at += i
		if w := strings.TrimLeft(t[at+1:], " \t\n\f\r"); len(w) < len(t)-at-1 && (strings.HasPrefix(w, "Antwoord") || strings.HasPrefix(w, "ANTWOORD")) &&
			inlineAnswerRE.MatchString(t[at:min(len(t), at+40)]) {
			return at
		}
		at++
	}
}

// splitInlineAnswers gives an answer set in its question's paragraph
// ("1. Hoeveel ...? Antwoord: ...") a paragraph of its own, as the
// layouts expect, when two paragraphs or more are written so, or when the
// paragraph starts with the question's number ("6. Vraag: ...? Antwoord:
// Ja."): one alone in other text may be a quotation.
func splitInlineAnswers(blocks []block) []block {
	n, numbered := 0, 0
	for _, b := range blocks {
		if inlineAnswer(b.text) >= 0 {
			n++
			if startsNumbered(b.text) {
				numbered++
			}
		}
	}
	if n < 2 && numbered == 0 {
		return blocks
	}
	out := make([]block, 0, len(blocks)+n)
	for _, b := range blocks {
		i := inlineAnswer(b.text)
		if i >= 0 && n < 2 && !startsNumbered(b.text) {
			i = -1
		}
		if i < 0 {
			out = append(out, b)
			continue
		}
		q := b.text[:i+1]
		a := strings.TrimLeft(b.text[i+1:], " \t\n")
		out = append(out, block{text: q, line: b.line}, block{text: a, line: b.line})
	}
	return out
}

// startsNumbered reports whether a paragraph starts with a question's
// number or label: "6. ", "6) ", "Vraag 6".
func startsNumbered(t string) bool {
	if l, ok := parseLabel(t); ok {
		return !l.answer
	}
	return t != "" && isDigit(t[0]) && itemRE.MatchString(t)
}
