package sqlite

import (
	"context"
	"strings"
	"testing"

	"github.com/pqtrack/pqtrack/tracker"
)

func TestSearchPassages(t *testing.T) {
	db := MustOpenDB(t)
	ctx := context.Background()
	for _, id := range []int64{1, 2} {
		if _, err := db.db.Exec(`INSERT INTO documents (id, hash, ingested, updated) VALUES (?, ?, '', '')`, id, id); err != nil {
			t.Fatal(err)
		}
	}
	ps := func(texts ...string) []tracker.Passage {
		var out []tracker.Passage
		for i, s := range texts {
			out = append(out, tracker.Passage{Index: i + 1, Snippet: s, Terms: strings.Fields(s)})
		}
		return out
	}
	if err := db.SetPassages(ctx, 1, ps("vmri begrot middel", "ideeenplatform expert profiel", "jobroad event")); err != nil {
		t.Fatal(err)
	}
	if err := db.SetPassages(ctx, 2, ps("vmri platform", "maxipac")); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		doc       int64
		terms     []string
		compounds bool
		want      []int // passage indexes, any order
	}{
		{1, []string{"vmri"}, false, []int{1}},
		{2, []string{"vmri"}, false, []int{1}}, // only the asked document
		{1, []string{"platform"}, false, nil},
		{1, []string{"platform"}, true, []int{2}}, // inside a compound
		{1, []string{"maxipac"}, true, nil},
		{1, []string{`"; DROP`, "jobroad"}, false, []int{3}}, // no FTS syntax gets through
		{3, []string{"vmri"}, true, nil},                     // no passages at all
	}
	for _, tc := range tests {
		got, err := db.SearchPassages(ctx, tc.doc, tc.terms, 10, tc.compounds)
		if err != nil {
			t.Errorf("%d %v: %v", tc.doc, tc.terms, err)
			continue
		}
		var idx []int
		for _, p := range got {
			idx = append(idx, p.Index)
			if p.DocumentID != tc.doc || p.Snippet == "" || len(p.Terms) == 0 {
				t.Errorf("%d %v: incomplete passage %+v", tc.doc, tc.terms, p)
			}
		}
		if len(idx) != len(tc.want) || len(idx) > 0 && idx[0] != tc.want[0] {
			t.Errorf("%d %v (compounds %v): passages %v, want %v", tc.doc, tc.terms, tc.compounds, idx, tc.want)
		}
	}
	// Replacing a document's passages drops the old ones from the index.
	if err := db.SetPassages(ctx, 1, ps("nieuw")); err != nil {
		t.Fatal(err)
	}
	if got, _ := db.SearchPassages(ctx, 1, []string{"vmri"}, 10, true); len(got) != 0 {
		t.Errorf("after replace: %+v", got)
	}
	n, df, err := db.TermStats(ctx, []string{"vmri", "nieuw", "absent"})
	if err != nil || n != 3 || df["vmri"] != 1 || df["nieuw"] != 1 || df["absent"] != 0 {
		t.Errorf("TermStats = %d %v %v, want 3 passages, vmri 1, nieuw 1, absent 0", n, df, err)
	}
}
