package web

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"mime/multipart"
	"net"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/pqtrack/pqtrack/rules"
	"github.com/pqtrack/pqtrack/seeds"
	"github.com/pqtrack/pqtrack/tracker"
	"github.com/pqtrack/pqtrack/tracker/parse"
	"github.com/pqtrack/pqtrack/tracker/sqlite"
)

// now is the tests' clock: 13 February 2023, a Monday, noon in Brussels.
var now = time.Date(2023, 2, 13, 11, 0, 0, 0, time.UTC)

func mustOpenDB(tb testing.TB) *sqlite.DB {
	tb.Helper()
	db, err := sqlite.Open(filepath.Join(tb.TempDir(), "pqtrack.db"))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { db.Close() })
	return db
}

// analyze is what cmd/pqtrack gives the server: the real parser and rules.
func analyze(tb testing.TB) func(string, []byte) (*tracker.Document, error) {
	set, err := rules.Default()
	if err != nil {
		tb.Fatal(err)
	}
	return func(name string, data []byte) (*tracker.Document, error) {
		d, err := parse.Read(name, data)
		if err != nil {
			return nil, err
		}
		set.Analyze(d, time.Time{})
		return d, nil
	}
}

// ingest is what cmd/pqtrack gives the server, without the re-resolution:
// read, analyse, store.
func ingest(tb testing.TB, db *sqlite.DB) func(context.Context, Upload) (sqlite.IngestResult, error) {
	read := analyze(tb)
	return func(ctx context.Context, u Upload) (sqlite.IngestResult, error) {
		var d *tracker.Document
		var err error
		if u.Kind == tracker.KindAnswer {
			d, err = read(u.Name, u.Data)
		} else {
			d, err = parse.ReadReport(u.Name, u.Data, parse.ReportOptions{Kind: u.Kind, Date: u.Date, Body: u.Body})
		}
		if err != nil {
			return sqlite.IngestResult{}, err
		}
		return db.Ingest(ctx, d, now)
	}
}

const evil = `<script>alert("x")</script>`

// hostileDoc is a document whose every text tries to inject HTML, with a
// promise, a deferral that was followed, and a pending answer.
func hostileDoc() *tracker.Document {
	answer := "Ik verwijs naar de commissie. Het rapport volgt op 14 februari 2023. " + evil
	date := strings.Index(answer, "14 februari 2023")
	defer0 := strings.Index(answer, "verwijs naar")
	return &tracker.Document{
		File: "hostile.txt", Kind: tracker.KindAnswer, Title: "Titel " + evil, Parliament: "Vlaams Parlement",
		Number: "nr. 66", Asker: "An " + evil, Minister: "Minister " + evil, Date: tracker.Day(2023, 1, 10),
		Layout: tracker.Grouped, Text: "hostile " + evil,
		Items: []tracker.Item{
			{
				Number: 1, Question: "Wanneer komt het rapport " + evil + "?", Answer: answer, Status: tracker.Partial,
				SubQuestions: []tracker.SubQuestion{{Text: "Wanneer komt het rapport " + evil + "?", Status: tracker.Pending}},
				Findings: []tracker.Finding{{Kind: tracker.FindDeferral, SubQuestion: 0,
					Evidence: tracker.Evidence{Rule: "defer-verwijs", Start: defer0, End: defer0 + len("verwijs naar"), Text: "verwijs naar"}}},
				Promises: []tracker.Promise{{Date: tracker.Day(2023, 2, 14), Precision: tracker.PrecisionDay, What: "rapport " + evil,
					Evidence: tracker.Evidence{Rule: "date", Start: date, End: date + len("14 februari 2023"), Text: "14 februari 2023"}}},
				Deferral: &tracker.Deferral{Kind: tracker.TargetMeeting, Ref: "commissie " + evil,
					Evidence: tracker.Evidence{Rule: "defer-verwijs", Start: 0, End: 29, Text: answer[:29]},
					Resolution: &tracker.Resolution{Verdict: tracker.Silent, Target: "verslag " + evil, TargetID: 1,
						Passages: []tracker.Passage{{DocumentID: 1, Index: 3, Snippet: "passage " + evil, Score: 1.5, Terms: []string{"rapport"}}}}},
			},
			{Number: 2, Question: "Hoeveel?", Answer: "Nog niet bekend.", Status: tracker.Pending},
		},
	}
}

type fixture struct {
	db   *sqlite.DB
	srv  *Server
	ts   *httptest.Server
	c    *http.Client
	doc  int64 // the hostile document
	seed int64 // the seed document
}

func newFixture(t *testing.T, mod func(*Config)) *fixture {
	t.Helper()
	db := mustOpenDB(t)
	ctx := context.Background()
	doc := hostileDoc()
	if _, err := db.Ingest(ctx, doc, now); err != nil {
		t.Fatal(err)
	}
	seed, err := analyze(t)(seeds.Name, seeds.Default)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Ingest(ctx, seed, now); err != nil {
		t.Fatal(err)
	}
	cfg := Config{Store: db, Ingest: ingest(t, db), Now: func() time.Time { return now },
		Log: slog.New(slog.NewTextHandler(io.Discard, nil))}
	if mod != nil {
		mod(&cfg)
	}
	srv, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv)
	t.Cleanup(ts.Close)
	jar, _ := cookiejar.New(nil)
	c := &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	return &fixture{db: db, srv: srv, ts: ts, c: c, doc: doc.ID, seed: seed.ID}
}

func (f *fixture) do(t *testing.T, req *http.Request) (*http.Response, string) {
	t.Helper()
	resp, err := f.c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, string(b)
}

func (f *fixture) get(t *testing.T, path string, hdr ...string) (*http.Response, string) {
	t.Helper()
	req, _ := http.NewRequest("GET", f.ts.URL+path, nil)
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	return f.do(t, req)
}

var csrfRE = regexp.MustCompile(`name="csrf" value="([^"]+)"`)

// token loads a page with a form and returns its CSRF token.
func (f *fixture) token(t *testing.T, path string) string {
	t.Helper()
	_, body := f.get(t, path)
	m := csrfRE.FindStringSubmatch(body)
	if m == nil {
		t.Fatalf("%s has no CSRF field", path)
	}
	return m[1]
}

func (f *fixture) post(t *testing.T, path string, form url.Values, hdr ...string) (*http.Response, string) {
	t.Helper()
	req, _ := http.NewRequest("POST", f.ts.URL+path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	return f.do(t, req)
}

// firstFollowUp returns the first follow-up of document doc.
func (f *fixture) followUp(t *testing.T, doc int64, kind tracker.FollowUpKind) tracker.FollowUp {
	t.Helper()
	fs, err := f.db.FollowUps(context.Background(), tracker.FollowUpFilter{Document: doc, Kind: kind})
	if err != nil || len(fs) == 0 {
		t.Fatalf("no %s follow-up of document %d: %v", kind, doc, err)
	}
	return fs[0]
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

func netListen() (net.Listener, error) { return net.Listen("tcp", "127.0.0.1:0") }

func TestCell(t *testing.T) {
	for in, want := range map[string]string{"=1+2": "'=1+2", "+31": "'+31", "-x": "'-x", "@SUM": "'@SUM", "gewoon": "gewoon", "": ""} {
		if got := cell(in); got != want {
			t.Errorf("cell(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestRoutes(t *testing.T) {
	f := newFixture(t, nil)
	doc, seed := itoa(f.doc), itoa(f.seed)
	promise := f.followUp(t, f.doc, tracker.FollowPromise)
	fu := itoa(promise.ID)
	def := itoa(f.followUp(t, f.doc, tracker.FollowDeferral).ID)
	tests := []struct {
		path   string
		hdr    []string
		code   int
		ctype  string
		want   []string
		unwant []string
	}{
		{path: "/", code: 200, want: []string{"Overzicht", "Per minister", "Minister &lt;script&gt;", "Vervalt deze week", "Achterstallig"}},
		{path: "/?lang=en", code: 200, want: []string{"Overview", "Due this week", `lang="en"`}},
		{path: "/", hdr: []string{"Accept-Language", "en-GB,en;q=0.9"}, code: 200, want: []string{"Overzicht"}},
		{path: "/", hdr: []string{"Accept-Language", "fr, nl;q=0.5"}, code: 200, want: []string{"Overzicht"}},
		{path: "/followups", code: 200, want: []string{"/followups/" + fu, "14 februari 2023", "opvolgingen"}},
		{path: "/followups?tab=done", code: 200, want: []string{"Geen opvolgingen."}},
		{path: "/followups?kind=promise&minister=Minister+" + url.QueryEscape(evil), code: 200, want: []string{"/followups/" + fu}},
		{path: "/followups?kind=declined", code: 200, want: []string{"Geen opvolgingen."}},
		{path: "/followups?dueby=2023-01-01", code: 200, want: []string{"Geen opvolgingen."}},
		{path: "/followups?tab=nonsense", code: 400},
		{path: "/followups?kind=nonsense", code: 400},
		{path: "/followups?dueby=14-02-2023", code: 400},
		{path: "/followups?after=0", code: 400},
		{path: "/followups?after=1&before=2", code: 400},
		{path: "/followups?before=999999", code: 404},
		{path: "/documents?after=x", code: 400},
		{path: "/followups/" + fu, code: 200, want: []string{"Opvolging #" + fu, "Betreft: opvolging van schriftelijke vraag", `name="csrf"`, "Geleverd"}},
		{path: "/followups/" + fu + "?lang=en", code: 200, want: []string{"Follow-up #" + fu, "Subject: follow-up to written question", "Delivered"}},
		{path: "/followups/99999", code: 404, want: []string{"Niet gevonden"}},
		// The follow-up page shows where a reference leads, as the document page does.
		{path: "/followups/" + def, code: 200, want: []string{`id="resolution"`, "Waar de verwijzing naartoe leidt",
			"de plek waarnaar verwezen wordt zegt er niets over", "verslag &lt;script&gt;", "passage &lt;script&gt;", `href="/documents/1"`}},
		{path: "/followups/" + fu, code: 200, unwant: []string{`id="resolution"`}},
		{path: "/followups/abc", code: 404},
		{path: "/documents", code: 200, want: []string{"/documents/" + doc, "/documents/" + seed}},
		{path: "/documents/" + doc, code: 200, want: []string{"Vraag 1", "gedeeltelijk", "in afwachting", `<mark class="k-date`, "14 februari 2023</mark>",
			"de plek waarnaar verwezen wordt zegt er niets over", "passage &lt;script&gt;", `<sup class="rule k-date">datum</sup>`, `title="verwijzing, waarnaar verwezen"`,
			"<dt>Parlement</dt>", "eerst alle vragen, dan alle antwoorden"},
			// No rule ids, stems or English layout names on the page.
			unwant: []string{"defer-verwijs", ": date", "grouped", "Nummer</dt><dd>Vlaams"}},
		{path: "/documents/" + seed, code: 200, want: []string{`id="q10"`, "Vraag 5"}},
		{path: "/documents/99999", code: 404},
		{path: "/search?q=inburgering", code: 200, want: []string{"<mark>", "/documents/" + seed + "#q"}},
		{path: "/search?q=zzzyyyxxx", code: 200, want: []string{"Niets gevonden voor „zzzyyyxxx”"}},
		{path: "/search?q=" + url.QueryEscape(evil), code: 200},
		{path: "/search", code: 200},
		{path: "/calendar?month=2023-02", code: 200, want: []string{"februari 2023", "/followups/" + fu, "Titel &lt;script&gt;"}},
		{path: "/calendar", code: 200, want: []string{"februari 2023"}},
		{path: "/calendar?month=2023-13", code: 400},
		{path: "/calendar.ics", code: 200, ctype: "text/calendar", want: []string{"BEGIN:VCALENDAR\r\n", "UID:followup-" + fu + "@pqtrack", "DTSTART;VALUE=DATE:20230214"}},
		{path: "/calendar.ics?from=x", code: 400},
		{path: "/followups.csv", code: 200, ctype: "text/csv", want: []string{"id,document_id,document,", ",promise,2023-02-14,2023-02-14,open,"}},
		{path: "/upload", code: 200, want: []string{`enctype="multipart/form-data"`, `name="csrf"`}},
		{path: "/static/style.css", code: 200, ctype: "text/css"},
		{path: "/static/app.js", code: 200},
		{path: "/nope", code: 404},
		{path: "/api/stats", code: 200, ctype: "application/json", want: []string{`"documents": 2`, `"overdue"`}},
		{path: "/api/followups", code: 200, ctype: "application/json", want: []string{`"total":`, `"id": ` + fu}},
		{path: "/api/followups?tab=overdue&limit=1", code: 200, want: []string{`"limit": 1`}},
		{path: "/api/followups?limit=0", code: 400, ctype: "application/json", want: []string{`"error"`}},
		{path: "/api/followups/" + fu, code: 200, want: []string{`"history"`, `"action": "created"`}},
		{path: "/api/followups/99999", code: 404, ctype: "application/json"},
		{path: "/api/followups/" + def, code: 200, want: []string{`"resolution": {`, `"verdict": "silent"`, `"passages": [`, `"history"`}},
		{path: "/api/followups?kind=deferral", code: 200, want: []string{`"resolution": {`, `"verdict": "silent"`}},
		{path: "/api/documents", code: 200, want: []string{`"owed"`}},
		{path: "/api/documents/" + doc, code: 200, want: []string{`"items"`, `"verdict": "silent"`, `"followups"`}},
		{path: "/api/documents/99999", code: 404},
		{path: "/api/search?q=inburgering", code: 200, want: []string{`"hits"`}},
		{path: "/api/search", code: 400},
		{path: "/api/calendar?from=2023-02-01&to=2023-02-28", code: 200, want: []string{`"promised": "2023-02-14"`}},
	}
	for _, tt := range tests {
		t.Run(strings.ReplaceAll(tt.path, "/", "_"), func(t *testing.T) {
			f.c.Jar, _ = cookiejar.New(nil) // no language cookie from the test before
			resp, body := f.get(t, tt.path, tt.hdr...)
			if resp.StatusCode != tt.code {
				t.Fatalf("GET %s: status %d, want %d\n%.500s", tt.path, resp.StatusCode, tt.code, body)
			}
			if tt.ctype != "" && !strings.HasPrefix(resp.Header.Get("Content-Type"), tt.ctype) {
				t.Errorf("GET %s: Content-Type %q, want %s", tt.path, resp.Header.Get("Content-Type"), tt.ctype)
			}
			for _, w := range tt.want {
				if !strings.Contains(body, w) {
					t.Errorf("GET %s lacks %q\n%s", tt.path, w, body)
				}
			}
			// Escaping: no document text ever reaches a page as markup.
			if strings.Contains(body, evil) && !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/calendar") &&
				!strings.HasPrefix(resp.Header.Get("Content-Type"), "text/csv") {
				if strings.Contains(resp.Header.Get("Content-Type"), "html") {
					t.Errorf("GET %s shows %s unescaped", tt.path, evil)
				}
			}
			for _, h := range []string{"Content-Security-Policy", "X-Content-Type-Options", "X-Frame-Options", "Referrer-Policy"} {
				if resp.Header.Get(h) == "" {
					t.Errorf("GET %s: no %s header", tt.path, h)
				}
			}
		})
	}
}

// TestEscaping looks at every page that shows the hostile document's texts.
func TestEscaping(t *testing.T) {
	f := newFixture(t, nil)
	fu := itoa(f.followUp(t, f.doc, tracker.FollowPromise).ID)
	for _, p := range []string{"/", "/followups", "/followups/" + fu, "/documents", "/documents/" + itoa(f.doc),
		"/search?q=script", "/calendar?month=2023-02", "/search?q=" + url.QueryEscape(evil)} {
		_, body := f.get(t, p)
		if strings.Contains(body, "<script>alert") {
			t.Errorf("%s holds the document's <script> as markup", p)
		}
		if p != "/search?q=script" && !strings.Contains(body, "&lt;script&gt;") {
			t.Errorf("%s does not show the document's <script> as text", p)
		}
	}
}

func TestForms(t *testing.T) {
	f := newFixture(t, nil)
	ctx := context.Background()
	fid := f.followUp(t, f.doc, tracker.FollowPromise).ID
	base := "/followups/" + itoa(fid)
	tok := f.token(t, base)

	// CSRF: no token, a wrong token, a cross-site post with a right token.
	for _, tc := range []struct {
		name string
		form url.Values
		hdr  []string
	}{
		{"no token", url.Values{"outcome": {"delivered"}}, nil},
		{"wrong token", url.Values{"outcome": {"delivered"}, "csrf": {tok + "x"}}, nil},
		{"cross-site", url.Values{"outcome": {"delivered"}, "csrf": {tok}}, []string{"Sec-Fetch-Site", "cross-site"}},
		{"other origin", url.Values{"outcome": {"delivered"}, "csrf": {tok}}, []string{"Origin", "https://evil.example"}},
	} {
		resp, body := f.post(t, base+"/check", tc.form, tc.hdr...)
		if resp.StatusCode != http.StatusForbidden || !strings.Contains(body, "formulier is verlopen") {
			t.Errorf("%s: status %d, want 403", tc.name, resp.StatusCode)
		}
	}
	if fu, _ := f.db.FollowUp(ctx, fid); fu.State != tracker.Open {
		t.Fatalf("refused posts changed the follow-up: %s", fu.State)
	}

	post := func(path string, form url.Values) (*http.Response, string) {
		form.Set("csrf", tok)
		return f.post(t, path, form)
	}
	tests := []struct {
		name  string
		path  string
		form  url.Values
		code  int
		loc   string
		state tracker.State
	}{
		{"snooze without date", base + "/snooze", url.Values{}, 400, "", tracker.Open},
		{"redate without reason", base + "/redate", url.Values{"due": {"2023-03-01"}}, 400, "", tracker.Open},
		{"redate", base + "/redate", url.Values{"due": {"2023-03-01"}, "note": {"brief kondigt uitstel aan"}}, 303, base + "?saved=1", tracker.Open},
		{"redate to the same date", base + "/redate", url.Values{"due": {"2023-03-01"}, "note": {"nog eens"}}, 422, "", tracker.Open},
		{"snooze to the past", base + "/snooze", url.Values{"until": {"2020-01-01"}}, 422, "", tracker.Open},
		{"snooze", base + "/snooze", url.Values{"until": {"2023-04-01"}, "back": {"/followups"}}, 303, "/followups", tracker.Snoozed},
		{"bad outcome", base + "/check", url.Values{"outcome": {"maybe"}}, 400, "", tracker.Snoozed},
		{"reasked without number", base + "/check", url.Values{"outcome": {"reasked"}}, 400, "", tracker.Snoozed},
		{"delivered, open redirect refused", base + "/check", url.Values{"outcome": {"delivered"}, "back": {"//evil.example/"}}, 303, base + "?saved=1", tracker.Done},
		{"delivered twice", base + "/check", url.Values{"outcome": {"delivered"}}, 409, "", tracker.Done},
		{"snooze when closed", base + "/snooze", url.Values{"until": {"2099-01-01"}}, 409, "", tracker.Done},
		{"reopen, tab redirect refused", base + "/reopen", url.Values{"note": {"toch niet"}, "back": {"/\t/evil.example"}}, 303, base + "?saved=1", tracker.Open},
		{"reasked", base + "/check", url.Values{"outcome": {"reasked"}, "reasked_as": {"nr. 77"}, "by": {"an"}}, 303, base + "?saved=1", tracker.Done},
		{"missing follow-up", "/followups/99999/check", url.Values{"outcome": {"delivered"}}, 404, "", tracker.Done},
	}
	history := func() int {
		h, err := f.db.History(ctx, fid)
		if err != nil {
			t.Fatal(err)
		}
		return len(h)
	}
	for _, tt := range tests {
		before := history()
		resp, body := post(tt.path, tt.form)
		if resp.StatusCode != tt.code {
			t.Errorf("%s: status %d, want %d\n%.300s", tt.name, resp.StatusCode, tt.code, body)
		}
		if n := history() - before; tt.code >= 400 && n != 0 {
			t.Errorf("%s: refused, but wrote %d history entries", tt.name, n)
		}
		// A Dutch page gives no English detail from the store.
		if tt.code >= 400 && (strings.Contains(body, "not found") || strings.Contains(body, "invalid")) {
			t.Errorf("%s: English detail on a Dutch page:\n%.300s", tt.name, body)
		}
		if tt.loc != "" && resp.Header.Get("Location") != tt.loc {
			t.Errorf("%s: Location %q, want %q", tt.name, resp.Header.Get("Location"), tt.loc)
		}
		if fu, _ := f.db.FollowUp(ctx, fid); fu.State != tt.state {
			t.Errorf("%s: state %s, want %s", tt.name, fu.State, tt.state)
		}
	}
	fu, _ := f.db.FollowUp(ctx, fid)
	if fu.Outcome != tracker.Reasked || fu.ReaskedAs != "nr. 77" || fu.By != "an" || !fu.Due.Equal(tracker.Day(2023, 3, 1)) {
		t.Errorf("follow-up after the forms: %+v", fu)
	}
	_, body := f.get(t, base)
	for _, w := range []string{"verplaatst", "brief kondigt uitstel aan", "heropend", "Heropenen"} {
		if !strings.Contains(body, w) {
			t.Errorf("follow-up page lacks %q in its history", w)
		}
	}
}

func (f *fixture) upload(t *testing.T, name string, data []byte, fields ...string) (*http.Response, string) {
	t.Helper()
	tok := f.token(t, "/upload")
	pr, pw := io.Pipe()
	mw := multipart.NewWriter(pw)
	go func() {
		mw.WriteField("csrf", tok)
		for i := 0; i+1 < len(fields); i += 2 {
			mw.WriteField(fields[i], fields[i+1])
		}
		w, _ := mw.CreateFormFile("file", name)
		w.Write(data)
		mw.Close()
		pw.Close()
	}()
	req, _ := http.NewRequest("POST", f.ts.URL+"/upload", pr)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	return f.do(t, req)
}

func TestUpload(t *testing.T) {
	f := newFixture(t, func(c *Config) { c.MaxUpload = 64 << 10 })
	big := []byte(strings.Repeat("Vraag 1\nWat?\nAntwoord 1\nNiets.\n", 4000))
	tests := []struct {
		name string
		file string
		data []byte
		code int
	}{
		{"seed again: same document", "seed.txt", seeds.Default, 303},
		{"interleaved text", "tk.txt", []byte("Vraag 1\nHoeveel kost het project <b>X</b>?\n\nAntwoord 1\nDat wordt momenteel onderzocht.\n"), 303},
		{"executable", "x.exe", []byte("MZ\x90\x00"), 415},
		{"binary named txt", "x.txt", []byte("abc\x00\x01\x02def"), 415},
		{"text named pdf", "x.pdf", []byte("Vraag 1\nWat?\n"), 415},
		{"too large", "big.txt", big, 413},
		{"not a document", "empty.txt", []byte("   \n"), 400},
	}
	for _, tt := range tests {
		resp, body := f.upload(t, tt.file, tt.data)
		if resp.StatusCode != tt.code {
			t.Errorf("%s: status %d, want %d\n%.300s", tt.name, resp.StatusCode, tt.code, body)
			continue
		}
		if tt.code == 303 {
			loc := resp.Header.Get("Location")
			if !strings.HasPrefix(loc, "/documents/") {
				t.Errorf("%s: redirected to %q", tt.name, loc)
				continue
			}
			r2, page := f.get(t, loc)
			if r2.StatusCode != 200 || !strings.Contains(page, `class="qa"`) {
				t.Errorf("%s: document page %d", tt.name, r2.StatusCode)
			}
		}
	}
	// Without an ingest function there is no upload.
	g := newFixture(t, func(c *Config) { c.Ingest = nil })
	if resp, _ := g.get(t, "/upload"); resp.StatusCode != 404 {
		t.Errorf("upload page without analyser: %d", resp.StatusCode)
	}
}

// The form's kind, date and body reach the pipeline; bad ones stop it.
func TestUploadKind(t *testing.T) {
	var got []Upload
	f := newFixture(t, nil)
	inner := f.srv.cfg.Ingest
	f.srv.cfg.Ingest = func(ctx context.Context, u Upload) (sqlite.IngestResult, error) {
		got = append(got, u)
		return inner(ctx, u)
	}
	meeting := []byte("Commissie voor Binnenlands Bestuur\n\nMinister Bart Somers: Het VMRI krijgt 1,9 miljoen euro.\n")
	tests := []struct {
		name   string
		fields []string
		code   int
		want   Upload
	}{
		{"answer by default", nil, 303, Upload{Kind: tracker.KindAnswer}},
		{"answer ignores meeting fields", []string{"kind", "answer", "body", "plenaire"}, 303, Upload{Kind: tracker.KindAnswer}},
		{"meeting with date and body", []string{"kind", "meeting", "date", "2022-11-15", "body", "commissie Inburgering"}, 303,
			Upload{Kind: tracker.KindMeeting, Date: tracker.Day(2022, 11, 15), Body: "commissie Inburgering"}},
		{"letter", []string{"kind", "letter", "date", "2023-03-01"}, 303, Upload{Kind: tracker.KindLetter, Date: tracker.Day(2023, 3, 1)}},
		{"unknown kind", []string{"kind", "tweet"}, 400, Upload{}},
		{"bad date", []string{"kind", "meeting", "date", "15/11/2022"}, 400, Upload{}},
	}
	for i, tt := range tests {
		got = nil
		data := append([]byte(nil), meeting...)
		if tt.want.Kind == tracker.KindAnswer {
			data = []byte(fmt.Sprintf("Vraag 1\nHoeveel kost project %d?\n\nAntwoord 1\nDat wordt onderzocht.\n", i))
		}
		data = append(data, fmt.Sprintf("\n%d\n", i)...)
		resp, body := f.upload(t, "doc.txt", data, tt.fields...)
		if resp.StatusCode != tt.code {
			t.Errorf("%s: status %d, want %d\n%.300s", tt.name, resp.StatusCode, tt.code, body)
			continue
		}
		if tt.code != 303 {
			if len(got) != 0 {
				t.Errorf("%s: the pipeline ran", tt.name)
			}
			continue
		}
		if len(got) != 1 {
			t.Fatalf("%s: pipeline ran %d times", tt.name, len(got))
		}
		g := got[0]
		if g.Kind != tt.want.Kind || !g.Date.Equal(tt.want.Date) || g.Body != tt.want.Body || g.Name != "doc.txt" || len(g.Data) != len(data) {
			t.Errorf("%s: upload %+v, want %+v", tt.name, g, tt.want)
		}
	}
	// The form offers the choice.
	_, page := f.get(t, "/upload")
	for _, w := range []string{`name="kind"`, `value="meeting"`, `name="date"`, `name="body"`} {
		if !strings.Contains(page, w) {
			t.Errorf("upload form lacks %s", w)
		}
	}
}

func TestAuth(t *testing.T) {
	tok := newFixture(t, func(c *Config) { c.Token = "t0ken-abc-0123456789" })
	basic := newFixture(t, func(c *Config) { c.User, c.Password = "staff", "pa55word" })
	open := newFixture(t, nil)
	req := func(f *fixture, path string, set func(*http.Request)) int {
		r, _ := http.NewRequest("GET", f.ts.URL+path, nil)
		if set != nil {
			set(r)
		}
		resp, _ := f.do(t, r)
		return resp.StatusCode
	}
	bearer := func(v string) func(*http.Request) {
		return func(r *http.Request) { r.Header.Set("Authorization", "Bearer "+v) }
	}
	basicAuth := func(u, p string) func(*http.Request) { return func(r *http.Request) { r.SetBasicAuth(u, p) } }
	tests := []struct {
		name string
		f    *fixture
		path string
		set  func(*http.Request)
		code int
	}{
		{"open server", open, "/", nil, 200},
		{"token: none", tok, "/", nil, 401},
		{"token: api none", tok, "/api/followups", nil, 401},
		{"token: bearer", tok, "/api/followups", bearer("t0ken-abc-0123456789"), 200},
		{"token: wrong bearer", tok, "/", bearer("t0ken-abd-0123456789"), 401},
		{"token: as basic password", tok, "/", basicAuth("wie", "t0ken-abc-0123456789"), 200},
		{"token: feed in URL", tok, "/calendar.ics?token=t0ken-abc-0123456789", nil, 200},
		{"token: csv in URL", tok, "/followups.csv?token=t0ken-abc-0123456789", nil, 200},
		{"token: page in URL refused", tok, "/followups?token=t0ken-abc-0123456789", nil, 401},
		{"token: static needs it too", tok, "/static/style.css", nil, 401},
		{"basic: none", basic, "/", nil, 401},
		{"basic: right", basic, "/", basicAuth("staff", "pa55word"), 200},
		{"basic: wrong password", basic, "/", basicAuth("staff", "pa55wort"), 401},
		{"basic: wrong user", basic, "/", basicAuth("staf", "pa55word"), 401},
		{"basic: feed token does not apply", basic, "/calendar.ics?token=pa55word", nil, 401},
	}
	for _, tt := range tests {
		if got := req(tt.f, tt.path, tt.set); got != tt.code {
			t.Errorf("%s: %s: status %d, want %d", tt.name, tt.path, got, tt.code)
		}
	}
	resp, _ := tok.get(t, "/")
	if !strings.Contains(resp.Header.Get("WWW-Authenticate"), "Basic") {
		t.Errorf("401 without WWW-Authenticate: %q", resp.Header.Get("WWW-Authenticate"))
	}
	if _, err := New(Config{Store: open.db, User: "only-user"}); err == nil {
		t.Error("New accepted a user without a password")
	}
}

func TestCheckAddr(t *testing.T) {
	tests := []struct {
		addr  string
		creds bool
		ok    bool
	}{
		{"127.0.0.1:8080", false, true},
		{"[::1]:8080", false, true},
		{"localhost:8080", false, true},
		{"127.0.0.2:0", false, true},
		{"0.0.0.0:8080", false, false},
		{":8080", false, false},
		{"192.168.1.10:8080", false, false},
		{"example.org:80", false, false},
		{"0.0.0.0:8080", true, true},
		{":8080", true, true},
		{"nonsense", true, false},
	}
	for _, tt := range tests {
		err := CheckAddr(tt.addr, tt.creds)
		if (err == nil) != tt.ok {
			t.Errorf("CheckAddr(%q, %v) = %v, want ok=%v", tt.addr, tt.creds, err, tt.ok)
		}
	}
}

func TestServeShutsDown(t *testing.T) {
	f := newFixture(t, nil)
	ln, err := netListen()
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- Serve(ctx, ln, f.srv, 5*time.Second) }()
	resp, err := http.Get("http://" + ln.Addr().String() + "/api/stats")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Errorf("status %d", resp.StatusCode)
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("Serve: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Serve did not return after its context ended")
	}
}
