// Package eval measures pqtrack's judgements against records labelled by
// hand with the rubric (docs/label-rubric.md): status per question,
// deferral dates and promised dates.
package eval

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/pqtrack/pqtrack/tracker"
)

// Record is one labelled question/answer (the rubric's JSONL format).
type Record struct {
	ID       string `json:"id"`
	Source   string `json:"source"`
	DocDate  string `json:"doc_date"`
	Layout   string `json:"layout"`
	Number   int    `json:"number"`
	Question string `json:"question"`
	Answer   string `json:"answer"`
	Status   string `json:"status"`
	Deferral *struct {
		Kind string  `json:"kind"`
		Date *string `json:"date"`
		Ref  string  `json:"ref"`
	} `json:"deferral"`
	Promises []struct {
		Date      string `json:"date"`
		Precision string `json:"precision"`
		What      string `json:"what"`
	} `json:"promises"`
	Note string `json:"note"`
}

// Document is the document a record comes from: the id without "-qN".
func (r *Record) Document() string {
	if i := strings.LastIndex(r.ID, "-q"); i > 0 {
		return r.ID[:i]
	}
	return r.ID
}

// ReadRecords reads a JSONL file of labelled records.
func ReadRecords(path string) ([]Record, error) {
	return readJSONL(path, false, func(r *Record) error {
		if !tracker.Status(r.Status).Valid() {
			return fmt.Errorf("record %s: unknown status %q", r.ID, r.Status)
		}
		return nil
	})
}

// readJSONL reads a file of one JSON object a line, blank lines allowed,
// checking each with check; errors name the file and the line.
func readJSONL[T any](path string, strict bool, check func(*T) error) ([]T, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var out []T
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for line := 1; sc.Scan(); line++ {
		if len(bytes.TrimSpace(sc.Bytes())) == 0 {
			continue
		}
		var v T
		dec := json.NewDecoder(bytes.NewReader(sc.Bytes()))
		if strict {
			dec.DisallowUnknownFields()
		}
		if err := dec.Decode(&v); err != nil {
			return nil, fmt.Errorf("%s: line %d: %v", path, line, err)
		}
		if err := check(&v); err != nil {
			return nil, fmt.Errorf("%s: line %d: %v", path, line, err)
		}
		out = append(out, v)
	}
	return out, sc.Err()
}

// Analyzer reads and judges one document file; docDate is the labelled
// document date (zero when unknown). It may return a document together with
// an error when it could read only part of it.
type Analyzer func(path string, docDate time.Time) (*tracker.Document, error)

// Run judges the documents of dir (records.jsonl and docs/<doc>.txt) and
// scores them.
func Run(dir string, analyze Analyzer) (*Result, error) {
	recs, err := ReadRecords(filepath.Join(dir, "records.jsonl"))
	if err != nil {
		return nil, err
	}
	byDoc := map[string][]Record{}
	var names []string
	for _, r := range recs {
		d := r.Document()
		if _, ok := byDoc[d]; !ok {
			names = append(names, d)
		}
		byDoc[d] = append(byDoc[d], r)
	}
	sort.Strings(names)
	res := newResult()
	for _, name := range names {
		rs := byDoc[name]
		path, err := docPath(dir, name)
		if err != nil {
			res.Errors = append(res.Errors, err.Error())
			for _, r := range rs {
				res.add(r, nil)
			}
			continue
		}
		var date time.Time
		if rs[0].DocDate != "" && rs[0].DocDate != "unknown" {
			if date, err = tracker.ParseDay(rs[0].DocDate); err != nil {
				return nil, fmt.Errorf("record %s: doc_date: %v", rs[0].ID, err)
			}
		}
		doc, err := analyze(path, date)
		if err != nil {
			// A document that cannot be read, or only in part, is scored as
			// far as it goes: its missing questions count as misjudged.
			res.Errors = append(res.Errors, err.Error())
		}
		if doc == nil {
			doc = &tracker.Document{}
		}
		items := map[int]*tracker.Item{}
		for i := range doc.Items {
			items[doc.Items[i].Number] = &doc.Items[i]
		}
		for _, r := range rs {
			res.add(r, items[r.Number])
		}
	}
	return res, nil
}

func docPath(dir, name string) (string, error) {
	for _, ext := range []string{".txt", ".pdf"} {
		p := filepath.Join(dir, "docs", name+ext)
		if _, err := os.Stat(p); err == nil {
			return p, nil
		}
	}
	return "", fmt.Errorf("%s: no document docs/%s.txt or .pdf", dir, name)
}
