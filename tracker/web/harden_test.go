package web

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"mime/multipart"
	"net/http"
	"net/textproto"
	"net/url"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/pqtrack/pqtrack/tracker"
	"github.com/pqtrack/pqtrack/tracker/parse"
	"github.com/pqtrack/pqtrack/tracker/sqlite"
)

// A page of another site whose name resolves to 127.0.0.1 (DNS
// rebinding) sends its own name as Host: the server must not answer it.
func TestHostNames(t *testing.T) {
	f := newFixture(t, nil)
	named := newFixture(t, func(c *Config) { c.Hosts = []string{"PQtrack.intern"} })
	fu := f.followUp(t, f.doc, tracker.FollowPromise)
	tests := []struct {
		f    *fixture
		host string
		path string
		code int
	}{
		{f, "attacker.example", "/", 421},
		{f, "attacker.example:8080", "/api/followups", 421},
		{f, "localhost.attacker.example", "/api/stats", 421},
		{f, "127.0.0.1.nip.io", "/", 421},
		{f, "localhost", "/", 200},
		{f, "localhost:8080", "/api/stats", 200},
		{f, "LOCALHOST.:8080", "/", 200},
		{f, "127.0.0.1:8080", "/", 200},
		{f, "[::1]:8080", "/", 200},
		{f, "pqtrack.intern", "/", 421},
		{named, "pqtrack.intern:443", "/", 200},
		{named, "attacker.example", "/", 421},
	}
	for _, tt := range tests {
		req, _ := http.NewRequest("GET", tt.f.ts.URL+tt.path, nil)
		req.Host = tt.host
		resp, body := tt.f.do(t, req)
		if resp.StatusCode != tt.code {
			t.Errorf("Host %q %s: status %d, want %d", tt.host, tt.path, resp.StatusCode, tt.code)
		}
		if tt.code == 421 && tt.path == "/" && !strings.Contains(body, "Deze server antwoordt niet op die naam") {
			t.Errorf("Host %q: the page does not say why:\n%s", tt.host, body)
		}
	}

	// A form posted through the rebound name changes nothing.
	tok := f.token(t, "/followups/"+itoa(fu.ID))
	req, _ := http.NewRequest("POST", f.ts.URL+"/followups/"+itoa(fu.ID)+"/check",
		strings.NewReader(url.Values{"csrf": {tok}, "outcome": {"dropped"}}.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Host = "attacker.example"
	if resp, _ := f.do(t, req); resp.StatusCode != 421 {
		t.Errorf("form post for attacker.example: status %d, want 421", resp.StatusCode)
	}
	if got, _ := f.db.FollowUp(context.Background(), fu.ID); got.State != tracker.Open {
		t.Errorf("follow-up %d is %s after a refused post", fu.ID, got.State)
	}
}

func TestSearchQueryLength(t *testing.T) {
	f := newFixture(t, nil)
	long := strings.Repeat("inburgering ", 40) // 480 characters
	for _, tt := range []struct {
		path string
		code int
		want string
	}{
		{"/search?q=" + url.QueryEscape(long), 400, "De zoekvraag is te lang: ten hoogste 200 tekens."},
		{"/api/search?q=" + url.QueryEscape(long), 400, "te lang"},
		{"/search?lang=en&q=" + url.QueryEscape(long), 400, "The search query is too long: 200 characters at most."},
		{"/search?q=" + url.QueryEscape(strings.Repeat("é", 200)), 200, ""},
		{"/search?q=inburgering", 200, "inburgering"},
	} {
		resp, body := f.get(t, tt.path)
		if resp.StatusCode != tt.code || !strings.Contains(body, tt.want) {
			t.Errorf("%.60s: status %d, want %d with %q\n%.300s", tt.path, resp.StatusCode, tt.code, tt.want, body)
		}
	}
	if _, err := f.db.Search(context.Background(), long, 10); !errors.Is(err, tracker.ErrInvalid) {
		t.Errorf("Search of %d characters: err = %v, want ErrInvalid", len(long), err)
	}
}

// The history names who is signed in, whatever the form says.
func TestHistoryByAuthenticatedUser(t *testing.T) {
	basic := newFixture(t, func(c *Config) { c.User, c.Password = "staff", "pa55word" })
	open := newFixture(t, nil)
	for _, tt := range []struct {
		name string
		f    *fixture
		auth bool
		want string
	}{
		{"signed in", basic, true, "staff"},
		{"no sign-in on loopback", open, false, "mallory"},
	} {
		fu := tt.f.followUp(t, tt.f.doc, tracker.FollowPromise)
		path := "/followups/" + itoa(fu.ID)
		req, _ := http.NewRequest("GET", tt.f.ts.URL+path, nil)
		if tt.auth {
			req.SetBasicAuth("staff", "pa55word")
		}
		_, page := tt.f.do(t, req)
		m := csrfRE.FindStringSubmatch(page)
		if m == nil {
			t.Fatalf("%s: no CSRF field", tt.name)
		}
		if tt.auth && strings.Contains(page, `name="by"`) {
			t.Errorf("%s: the form asks who you are", tt.name)
		}
		req, _ = http.NewRequest("POST", tt.f.ts.URL+path+"/snooze",
			strings.NewReader(url.Values{"csrf": {m[1]}, "until": {"2023-03-01"}, "by": {"mallory"}}.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		if tt.auth {
			req.SetBasicAuth("staff", "pa55word")
		}
		if resp, body := tt.f.do(t, req); resp.StatusCode != 303 {
			t.Fatalf("%s: snooze: status %d\n%s", tt.name, resp.StatusCode, body)
		}
		hist, err := tt.f.db.History(context.Background(), fu.ID)
		if err != nil || len(hist) == 0 {
			t.Fatal(err)
		}
		if got := hist[len(hist)-1].By; got != tt.want {
			t.Errorf("%s: history says by %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestSmallHardening(t *testing.T) {
	tok := "t0ken-abc-0123456789"
	f := newFixture(t, func(c *Config) { c.Token = tok })
	open := newFixture(t, nil)
	get := func(f *fixture, path string, hdr ...string) *http.Response {
		resp, _ := f.get(t, path, hdr...)
		return resp
	}
	// Authorization schemes are case-insensitive.
	for _, scheme := range []string{"Bearer", "bearer", "BEARER"} {
		if c := get(f, "/api/stats", "Authorization", scheme+" "+tok).StatusCode; c != 200 {
			t.Errorf("%s token: status %d, want 200", scheme, c)
		}
	}
	if c := get(f, "/api/stats", "Authorization", "bearer wrong-0123456789abcdef").StatusCode; c != 401 {
		t.Errorf("wrong bearer token: status %d, want 401", c)
	}
	// /static/ lists nothing.
	if c := get(open, "/static/").StatusCode; c != 404 {
		t.Errorf("/static/: status %d, want 404", c)
	}
	if c := get(open, "/static/style.css").StatusCode; c != 200 {
		t.Errorf("/static/style.css: status %d, want 200", c)
	}
	// A short token is refused at start-up.
	for _, short := range []string{"x", "s3cret", strings.Repeat("a", MinTokenLength-1)} {
		if _, err := New(Config{Store: open.db, Token: short}); err == nil {
			t.Errorf("New accepted a token of %d characters", len(short))
		}
	}
	if _, err := New(Config{Store: open.db, Token: strings.Repeat("a", MinTokenLength)}); err != nil {
		t.Errorf("New refused a token of %d characters: %v", MinTokenLength, err)
	}
	// Nothing but the static files may be kept by a cache.
	fu := open.followUp(t, open.doc, tracker.FollowPromise)
	csrf := open.token(t, "/followups/"+itoa(fu.ID))
	post, _ := open.post(t, "/followups/"+itoa(fu.ID)+"/snooze", url.Values{"csrf": {csrf}, "until": {"2023-03-01"}})
	host, _ := http.NewRequest("GET", open.ts.URL+"/", nil)
	host.Host = "attacker.example"
	refused, _ := open.do(t, host)
	for _, tt := range []struct {
		name string
		resp *http.Response
	}{
		{"overview", get(open, "/")},
		{"queue", get(open, "/followups")},
		{"not found", get(open, "/followups/99999")},
		{"csv", get(open, "/followups.csv")},
		{"calendar feed", get(open, "/calendar.ics")},
		{"api", get(open, "/api/stats")},
		{"401", get(f, "/")},
		{"redirect after a form", post},
		{"421", refused},
	} {
		if cc := tt.resp.Header.Get("Cache-Control"); cc != "no-store" {
			t.Errorf("%s (%d): Cache-Control %q, want no-store", tt.name, tt.resp.StatusCode, cc)
		}
	}
	if cc := get(open, "/static/style.css").Header.Get("Cache-Control"); strings.Contains(cc, "no-store") {
		t.Errorf("static file: Cache-Control %q", cc)
	}
}

// onePagePDF is a PDF of one line of text, written by hand.
const onePagePDF = "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n" +
	"2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n" +
	"3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >> endobj\n" +
	"4 0 obj << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> endobj\n" +
	"5 0 obj << /Length 60 >> stream\nBT /F1 12 Tf 72 720 Td (1. Waarom? Antwoord: daarom.) Tj ET\nendstream endobj\n" +
	"trailer << /Root 1 0 R >>\n%%EOF\n"

// An upload whose PDF pdftotext cannot read within the limits is refused
// with a page that says so, naming the file, and a log line. (The limits
// themselves are tested in tracker/parse on a PDF bomb; cmd/pqtrack sets
// them from --pdf-timeout and --max-size.)
func TestUploadPDFLimits(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext not installed (Debian package poppler-utils)")
	}
	for _, tt := range []struct {
		name string
		lim  parse.PDFLimits
		want string
	}{
		{"time", parse.PDFLimits{Timeout: time.Nanosecond}, "vragen.pdf: het lezen van de PDF duurde langer dan 1ns en is gestopt."},
		{"text", parse.PDFLimits{MaxText: 8}, "vragen.pdf: de PDF geeft meer dan 1 kB tekst; het lezen is gestopt."},
	} {
		var log bytes.Buffer
		f := newFixture(t, func(c *Config) {
			c.Log = slog.New(slog.NewTextHandler(&log, nil))
			c.Ingest = func(ctx context.Context, u Upload) (sqlite.IngestResult, error) {
				_, err := parse.PDFText(ctx, u.Data, tt.lim)
				return sqlite.IngestResult{}, err
			}
		})
		resp, body := f.upload(t, "vragen.pdf", []byte(onePagePDF))
		if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, tt.want) {
			t.Errorf("%s: status %d, want 422 saying %q:\n%s", tt.name, resp.StatusCode, tt.want, body)
		}
		if !strings.Contains(log.String(), "PDF stopped at a limit") || !strings.Contains(log.String(), "vragen.pdf") {
			t.Errorf("%s: log %q", tt.name, log.String())
		}
	}
}

// A file name with a newline is stored and shown quoted, on one line.
func TestUploadNameNewline(t *testing.T) {
	f := newFixture(t, nil)
	// Browsers send such a name encoded (RFC 7578, 4.2; RFC 2231), and
	// the server decodes it.
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	mw.WriteField("csrf", f.token(t, "/upload"))
	w, _ := mw.CreatePart(textproto.MIMEHeader{"Content-Disposition": {`form-data; name="file"; filename*=UTF-8''a%0Anieuw%20vals.txt`}})
	w.Write([]byte("Vraag 1\nWaarom?\n\nAntwoord 1\nDaarom.\n"))
	mw.Close()
	req, _ := http.NewRequest("POST", f.ts.URL+"/upload", &buf)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	resp, body := f.do(t, req)
	if resp.StatusCode != 303 {
		t.Fatalf("status %d\n%s", resp.StatusCode, body)
	}
	docs, err := f.db.Documents(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range docs {
		if strings.Contains(d.File, "vals") && d.File != `"a\nnieuw vals.txt"` {
			t.Errorf("stored as %q, want it quoted", d.File)
		}
	}
}
