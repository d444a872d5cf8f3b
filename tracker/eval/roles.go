package eval

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"

	"github.com/pqtrack/pqtrack/tracker"
)

// RoleLabel is one answer sentence with the role a person gave it
// (rules/testdata/roles/README.md says what each role means).
type RoleLabel struct {
	ID       string       `json:"id"` // the record the answer belongs to
	I        int          `json:"i"`  // the sentence's place in the answer, from 0
	Role     tracker.Role `json:"role"`
	Sentence string       `json:"sentence"`
	Note     string       `json:"note,omitempty"`
	// Question is given for a sentence written for training, which has
	// no record: the question it stands under.
	Question string `json:"question,omitempty"`
}

// ReadRoleLabels reads a JSONL file of sentence role labels.
func ReadRoleLabels(path string) ([]RoleLabel, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var out []RoleLabel
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for line := 1; sc.Scan(); line++ {
		if len(bytes.TrimSpace(sc.Bytes())) == 0 {
			continue
		}
		var l RoleLabel
		dec := json.NewDecoder(bytes.NewReader(sc.Bytes()))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&l); err != nil {
			return nil, fmt.Errorf("%s: line %d: %v", path, line, err)
		}
		if !l.Role.Valid() {
			return nil, fmt.Errorf("%s: line %d: %s: unknown role %q", path, line, l.ID, l.Role)
		}
		if l.ID == "" || l.Sentence == "" {
			return nil, fmt.Errorf("%s: line %d: a label needs an id and a sentence", path, line)
		}
		out = append(out, l)
	}
	return out, sc.Err()
}
