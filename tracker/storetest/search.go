package storetest

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"testing"

	"github.com/pqtrack/pqtrack/tracker"
	"github.com/pqtrack/pqtrack/tracker/store"
)

func testSearch(t *testing.T, db store.Full) {
	ctx := context.Background()
	mustIngest(t, db, SampleDoc(), now0)
	other := &tracker.Document{
		Title: "Inburgering in Gent", Number: "nr. 77", Text: "x", Date: day0,
		Items: []tracker.Item{
			{Number: 1, Question: "Hoeveel inburgering? Inburgering, inburgering en nog eens inburgering?", Answer: "Veel."},
			{Number: 2, Question: "Wat kost het?", Answer: "De inburgering kost veel, net als de huisvesting, het onderwijs, de zorg, de mobiliteit, de cultuur en nog veel meer in de stad en de rand."},
		},
	}
	mustIngest(t, db, other, now0)

	tests := []struct {
		query string
		want  []string // "title#number/field", in rank order; nil: no hits
	}{
		// accents folded both ways
		{"geevalueerd", []string{"Inburgering en ideeënplatform#1/question"}},
		{"GEËVALUEERD", []string{"Inburgering en ideeënplatform#1/question"}},
		{"oekraiense", []string{"Inburgering en ideeënplatform#3/question"}},
		// inside a compound, through the trigram index
		{"platform", []string{"Inburgering en ideeënplatform#2/question"}},
		{"ideeenplatform", []string{"Inburgering en ideeënplatform#2/question"}},
		// every word required
		{"vlaams parlement", []string{"Inburgering en ideeënplatform#1/answer"}},
		{"vlaams gent", nil},
		// prefix
		{"inburgerings*", []string{"Inburgering en ideeënplatform#1/question"}},
		// ranking: four mentions in a short question beat one in a short
		// answer, which beats one in a long answer; the match inside
		// "inburgeringstraject" comes last, from the trigram index
		{"inburgering", []string{"Inburgering in Gent#1/question", "Inburgering en ideeënplatform#2/answer",
			"Inburgering in Gent#2/answer", "Inburgering en ideeënplatform#1/question"}},
		// no query syntax gets through
		{`"NEAR( OR *`, nil},
		{`a' | b & !c:*`, nil},
		{"", nil},
	}
	for _, tt := range tests {
		hits, err := db.Search(ctx, tt.query, 10)
		if err != nil {
			t.Errorf("Search(%q): %v", tt.query, err)
			continue
		}
		var got []string
		for _, h := range hits {
			got = append(got, h.Document+"#"+strconv.Itoa(h.QuestionNumber)+"/"+h.Field)
		}
		if strings.Join(got, "; ") != strings.Join(tt.want, "; ") {
			t.Errorf("Search(%q) = %q, want %q", tt.query, got, tt.want)
		}
	}

	hits, _ := db.Search(ctx, "inburgering", 10)
	if len(hits) < 3 {
		t.Fatalf("Search(inburgering) = %d hits", len(hits))
	}
	for i := 1; i < 3; i++ {
		if !(hits[i-1].Score > hits[i].Score) {
			t.Errorf("scores not decreasing: %v, %v", hits[i-1].Score, hits[i].Score)
		}
	}
	for _, h := range hits[:3] {
		if !strings.Contains(h.Snippet, store.SnippetStart+"inburgering"+store.SnippetEnd) && !strings.Contains(h.Snippet, store.SnippetStart+"Inburgering"+store.SnippetEnd) {
			t.Errorf("snippet %q does not mark the match", h.Snippet)
		}
	}
	hits, _ = db.Search(ctx, "platform", 10)
	if len(hits) != 1 || !strings.Contains(hits[0].Snippet, "ideeën"+store.SnippetStart+"platform"+store.SnippetEnd) {
		t.Errorf("trigram snippet = %+v, want the match marked inside the word", hits)
	}
	if hits, _ := db.Search(ctx, "inburgering", 1); len(hits) != 1 {
		t.Errorf("limit 1: %d hits", len(hits))
	}
	if _, err := db.Search(ctx, strings.Repeat("a", store.MaxQuery+1), 10); !errors.Is(err, tracker.ErrInvalid) {
		t.Errorf("a query over MaxQuery: %v, want ErrInvalid", err)
	}
}
