package web

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

func TestWatchesPage(t *testing.T) {
	f := newFixture(t, func(c *Config) { c.Watchlist = c.Store.(Watchlist) })
	ctx := context.Background()
	_, body := f.get(t, "/watches")
	if !strings.Contains(body, "De volglijst is leeg") || !strings.Contains(body, `action="/watches"`) || !strings.Contains(body, `href="/watches" aria-current="page"`) {
		t.Errorf("empty watch list page:\n%s", body)
	}
	tok := f.token(t, "/watches")

	// CSRF as on the other forms.
	resp, _ := f.post(t, "/watches", url.Values{"parliament": {"vp"}, "kind": {"member"}, "value": {"Jansen"}})
	if resp.StatusCode != http.StatusForbidden {
		t.Errorf("add without a token: status %d, want 403", resp.StatusCode)
	}
	tests := []struct {
		name string
		form url.Values
		code int
	}{
		{"member", url.Values{"parliament": {"vp"}, "kind": {"member"}, "value": {"Els <b>Van</b> Doesburg"}}, 303},
		{"keyword", url.Values{"parliament": {"tk"}, "kind": {"keyword"}, "value": {"stikstof"}}, 303},
		{"no value", url.Values{"parliament": {"tk"}, "kind": {"keyword"}, "value": {"  "}}, 400},
		{"bad parliament", url.Values{"parliament": {"nl"}, "kind": {"keyword"}, "value": {"x"}}, 400},
		{"bad kind", url.Values{"parliament": {"tk"}, "kind": {"party"}, "value": {"x"}}, 400},
	}
	for _, tt := range tests {
		tt.form.Set("csrf", tok)
		resp, body := f.post(t, "/watches", tt.form)
		if resp.StatusCode != tt.code || tt.code == 303 && resp.Header.Get("Location") != "/watches?saved=1" {
			t.Errorf("%s: status %d location %q, want %d\n%s", tt.name, resp.StatusCode, resp.Header.Get("Location"), tt.code, body)
		}
	}
	ws, err := f.db.Watches(ctx)
	if err != nil || len(ws) != 2 {
		t.Fatalf("watches %v, %v; want 2", ws, err)
	}
	_, body = f.get(t, "/watches?lang=en")
	for _, want := range []string{"Els &lt;b&gt;Van&lt;/b&gt; Doesburg", "Flemish Parliament", "word in the title", `action="/watches/2/remove"`} {
		if !strings.Contains(body, want) {
			t.Errorf("watch list page lacks %q", want)
		}
	}
	resp, _ = f.post(t, "/watches/2/remove", url.Values{"csrf": {tok}})
	if resp.StatusCode != http.StatusSeeOther {
		t.Errorf("remove: status %d", resp.StatusCode)
	}
	resp, _ = f.post(t, "/watches/2/remove", url.Values{"csrf": {tok}})
	if resp.StatusCode != http.StatusNotFound {
		t.Errorf("remove again: status %d, want 404", resp.StatusCode)
	}
	if ws, _ := f.db.Watches(ctx); len(ws) != 1 || ws[0].Value != "Els <b>Van</b> Doesburg" {
		t.Errorf("after remove: %v", ws)
	}

	off := newFixture(t, nil)
	if resp, body := off.get(t, "/watches"); resp.StatusCode != http.StatusNotFound || !strings.Contains(body, "De volglijst staat uit") {
		t.Errorf("without a watch list store: status %d", resp.StatusCode)
	}
}
