package web

import (
	"context"
	"html"
	"regexp"
	"strings"
	"testing"

	"github.com/pqtrack/pqtrack/tracker"
)

var (
	rowRE  = regexp.MustCompile(`<tr id="f(\d+)"`)
	nextRE = regexp.MustCompile(`rel="next" href="([^"]+)"`)
	prevRE = regexp.MustCompile(`rel="prev" href="([^"]+)"`)
)

// The queue's pages, followed by their next links and back by their
// previous links, show every follow-up of the tab once, in order; no
// page link counts rows to skip (keyset, not OFFSET).
func TestQueueKeysetPages(t *testing.T) {
	f := newFixture(t, func(c *Config) { c.PageSize = 3 })
	want, err := f.db.FollowUps(context.Background(), tracker.FollowUpFilter{States: []tracker.State{tracker.Open, tracker.Snoozed}})
	if err != nil || len(want) < 7 {
		t.Fatalf("%d follow-ups, %v; the test wants more than two pages", len(want), err)
	}
	var fwd []string
	var last string
	for path, pages := "/followups", 0; path != ""; pages++ {
		if pages > len(want) {
			t.Fatal("the next links go round")
		}
		resp, body := f.get(t, path)
		if resp.StatusCode != 200 {
			t.Fatalf("%s: %d", path, resp.StatusCode)
		}
		for _, m := range rowRE.FindAllStringSubmatch(body, -1) {
			fwd = append(fwd, m[1])
		}
		if strings.Contains(body, "page=") || strings.Contains(body, "offset") {
			t.Errorf("%s links by page number", path)
		}
		last, path = path, ""
		if m := nextRE.FindStringSubmatch(body); m != nil {
			path = html.UnescapeString(m[1])
		}
	}
	var bwd []string
	for path := last; path != ""; {
		_, body := f.get(t, path)
		var ids []string
		for _, m := range rowRE.FindAllStringSubmatch(body, -1) {
			ids = append(ids, m[1])
		}
		bwd = append(ids, bwd...)
		path = ""
		if m := prevRE.FindStringSubmatch(body); m != nil {
			path = html.UnescapeString(m[1])
		}
	}
	if len(fwd) != len(want) || len(bwd) != len(want) {
		t.Fatalf("%d forward, %d back, want %d", len(fwd), len(bwd), len(want))
	}
	for i, w := range want {
		if fwd[i] != itoa(w.ID) || bwd[i] != itoa(w.ID) {
			t.Fatalf("row %d: forward #%s, back #%s, want #%d", i, fwd[i], bwd[i], w.ID)
		}
	}
	_, body := f.get(t, "/followups")
	if !strings.Contains(body, itoa(int64(len(want)))+" opvolgingen") {
		t.Errorf("the first page does not say there are %d", len(want))
	}
}
