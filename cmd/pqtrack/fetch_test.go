package main

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/text/encoding/charmap"

	"github.com/pqtrack/pqtrack/tracker"
	"github.com/pqtrack/pqtrack/tracker/sqlite"
)

// services replays the two open-data services from testdata/fetch, with
// faults injected per route: an HTTP status (a 429 with Retry-After: 1),
// "malformed" (a body that is not JSON), "slow" (an answer after 2s) or
// "empty" (an empty page). Each route takes its faults in order, then
// answers normally.
type services struct {
	t      *testing.T
	srv    *httptest.Server
	pdfs   map[string][]byte // path -> answer PDF
	mu     sync.Mutex
	faults map[string][]string
	log    []string // route and query of every request
	later  bool     // serve the next day's documents: 2026Z20003 answered
}

func newServices(t *testing.T) *services {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext not installed (Debian package poppler-utils); fetching answer PDFs not tested")
	}
	s := &services{t: t, faults: map[string][]string{}}
	s.srv = httptest.NewServer(http.HandlerFunc(s.serve))
	t.Cleanup(s.srv.Close)
	s.pdfs = map[string][]byte{
		// Tweede Kamer: 2026Z20001 and 2026Z20004 are answered.
		"/tk/Document(d0c00001-0000-4000-8000-000000000002)/resource": textPDF(t, "../../tracker/parse/testdata/tk-combined.txt"),
		"/tk/Document(d0c00004-0000-4000-8000-000000000002)/resource": textPDF(t, "../../tracker/parse/testdata/single-vraag-antwoord.txt"),
		"/tk/Document(d0c00002-0000-4000-8000-000000000002)/resource": textPDF(t, "../../tracker/parse/testdata/single-alinea.txt"),
		"/tk/Document(d0c00003-0000-4000-8000-000000000003)/resource": textPDF(t, "../../tracker/parse/testdata/single-alinea.txt"),
		// Vlaams Parlement: nr. 342 is the seed.
		"/vp/files/1890123.pdf": textPDF(t, "../../seeds/vlaams-parlement-2023-gelijke-kansen-inburgering.txt"),
	}
	return s
}

func (s *services) fault(route string, fs ...string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults[route] = append(s.faults[route], fs...)
}

func (s *services) requests(route string) []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []string
	for _, r := range s.log {
		if strings.HasPrefix(r, route+" ") {
			out = append(out, r)
		}
	}
	return out
}

func (s *services) serve(w http.ResponseWriter, r *http.Request) {
	p, q := r.URL.Path, r.URL.Query()
	var route, file string
	switch {
	case p == "/tk/Zaak" && q.Get("$skiptoken") == "2":
		route, file = "tk-zaak-2", "tk/zaak-2.json"
	case p == "/tk/Document":
		route, file = "tk-documenten", "tk/empty.json"
		if s.later {
			file = "tk/document-later.json"
		}
	case p == "/tk/Zaak":
		route, file = "tk-zaak-1", "tk/zaak-1.json"
	case p == "/tk/Toezegging":
		route, file = "tk-toezegging", "tk/toezegging.json"
	case strings.HasPrefix(p, "/tk/Document("):
		route = "tk-resource"
	case strings.HasPrefix(p, "/vp/api/search/query/"):
		route, file = "vp-search", "vp/search-1.json"
	case strings.HasPrefix(p, "/vp/e/opendata/schv/"):
		route, file = "vp-schv", "vp/schv-"+strings.TrimPrefix(p, "/vp/e/opendata/schv/")+".json"
	case strings.HasPrefix(p, "/vp/files/"):
		route = "vp-file"
	default:
		http.NotFound(w, r)
		return
	}
	if ua := r.Header.Get("User-Agent"); !strings.HasPrefix(ua, "pqtrack/") {
		s.t.Errorf("%s: User-Agent %q", p, ua)
	}
	s.mu.Lock()
	s.log = append(s.log, route+" "+r.URL.RawQuery)
	fault := ""
	if fs := s.faults[route]; len(fs) > 0 {
		fault, s.faults[route] = fs[0], fs[1:]
	}
	s.mu.Unlock()
	switch fault {
	case "":
	case "slow":
		select {
		case <-time.After(2 * time.Second):
		case <-r.Context().Done():
			return
		}
	case "malformed":
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprint(w, `{"value": [{"Id": "6f1d`)
		return
	case "empty":
		file = "tk/empty.json"
	case "429":
		w.Header().Set("Retry-After", "1")
		http.Error(w, "slow down", http.StatusTooManyRequests)
		return
	default:
		var code int
		fmt.Sscan(fault, &code)
		http.Error(w, "fault", code)
		return
	}
	if file == "" {
		pdf, ok := s.pdfs[p]
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "application/pdf")
		w.Write(pdf)
		return
	}
	data, err := os.ReadFile(filepath.Join("testdata", "fetch", file))
	if err != nil {
		http.NotFound(w, r)
		return
	}
	base := s.srv.URL + "/" + file[:2]
	w.Header().Set("Content-Type", "application/json")
	w.Write(bytes.ReplaceAll(data, []byte("{{BASE}}"), []byte(base)))
}

// vars is the environment of a run against the services, on the
// database db.
func (s *services) vars(db string) map[string]string {
	return map[string]string{
		"PQTRACK_DB": db, "PQTRACK_VLPAR_URL": s.srv.URL + "/vp", "PQTRACK_TK_ODATA_URL": s.srv.URL + "/tk",
		"PQTRACK_FETCH_BACKOFF": "10ms", "PQTRACK_FETCH_TIMEOUT": "5s",
	}
}

// textPDF makes a PDF of the text file at path, 50 lines a page, in
// Helvetica (WinAnsiEncoding, so "ë" works): enough for pdftotext.
func textPDF(t testing.TB, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimRight(string(data), "\n"), "\n")
	var pages [][]string
	for len(lines) > 0 {
		n := min(50, len(lines))
		pages = append(pages, lines[:n])
		lines = lines[n:]
	}
	var objs []string
	var kids []string
	for i := range pages {
		kids = append(kids, fmt.Sprintf("%d 0 R", 5+2*i))
	}
	objs = append(objs, "<< /Type /Catalog /Pages 2 0 R >>",
		fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), len(pages)),
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
	enc := charmap.Windows1252.NewEncoder()
	for i, page := range pages {
		var c strings.Builder
		c.WriteString("BT /F1 9 Tf 14 TL 40 790 Td\n")
		for _, l := range page {
			b, err := enc.String(l)
			if err != nil {
				b = l // a character Windows-1252 lacks: pdftotext shows bytes
			}
			fmt.Fprintf(&c, "(%s) Tj T*\n", strings.NewReplacer(`\`, `\\`, "(", `\(`, ")", `\)`).Replace(b))
		}
		c.WriteString("ET")
		objs = append(objs, fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", c.Len(), c.String()),
			fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>", 4+2*i))
	}
	var buf bytes.Buffer
	buf.WriteString("%PDF-1.4\n")
	offsets := make([]int, len(objs))
	for i, o := range objs {
		offsets[i] = buf.Len()
		fmt.Fprintf(&buf, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := buf.Len()
	fmt.Fprintf(&buf, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, off := range offsets {
		fmt.Fprintf(&buf, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&buf, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, xref)
	return buf.Bytes()
}

// watching makes a database at a new path with the watch list of the
// tests: member Jansen, keyword Zuidasdok and minister Madlener in the
// Tweede Kamer, member Van Doesburg in the Flemish Parliament.
func watching(t *testing.T, vars map[string]string, parliaments ...string) {
	t.Helper()
	adds := map[string][][]string{
		tracker.TK: {{"--member", "Jansen"}, {"--keyword", "Zuidasdok"}, {"--minister", "Madlener"}},
		tracker.VP: {{"--member", "Van Doesburg"}},
	}
	for _, p := range parliaments {
		for _, a := range adds[p] {
			e, _, errb := testEnv(vars)
			if code := run(e, append([]string{"watch", "add", "--parliament", p}, a...)); code != 0 {
				t.Fatalf("watch add %v: exit %d: %s", a, code, errb)
			}
		}
	}
}

func fetch(t *testing.T, vars map[string]string, args ...string) (int, string, string) {
	t.Helper()
	e, out, errb := testEnv(vars)
	code := run(e, append([]string{"fetch", "--now", "2026-11-26", "--no-notify"}, args...))
	return code, out.String(), errb.String()
}

// dump is every row of the tables fetching writes, as text.
func dump(t *testing.T, path string) string {
	t.Helper()
	db, err := sql.Open("sqlite3", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var b strings.Builder
	for _, table := range []string{"filed_questions", "documents", "items", "followups", "fetch_state", "claims", "work", "watches"} {
		rows, err := db.Query("SELECT * FROM " + table + " ORDER BY 1")
		if err != nil {
			t.Fatal(err)
		}
		cols, _ := rows.Columns()
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := rows.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			fmt.Fprintf(&b, "%s %v\n", table, vals)
		}
		rows.Close()
	}
	return b.String()
}

func filed(t *testing.T, path string) map[string]tracker.FiledQuestion {
	t.Helper()
	db, err := sqlite.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	qs, err := db.FiledQuestions(context.Background(), sqlite.FiledFilter{})
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]tracker.FiledQuestion{}
	for _, q := range qs {
		out[q.Number] = q
	}
	return out
}

// followUps lists the follow-ups of document id (all documents when 0)
// as "kind question due" lines, sorted.
func followUps(t *testing.T, path string, id int64) []string {
	t.Helper()
	db, err := sqlite.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	fs, err := db.FollowUps(context.Background(), tracker.FollowUpFilter{})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, f := range fs {
		if id == 0 || f.DocumentID == id {
			out = append(out, fmt.Sprintf("%s %d %s", f.Kind, f.QuestionNumber, f.Due.Format(tracker.DateLayout)))
		}
	}
	sort.Strings(out)
	return out
}

// A replayed day: the watched questions are stored with their dates, the
// answers read through the ingest pipeline (the same follow-ups as
// pqtrack ingest of the same PDF), the watched minister's open
// commitments become commitment follow-ups due on their date; a second
// run stores nothing twice.
func TestFetchReplayedDay(t *testing.T) {
	s := newServices(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "f.db")
	vars := s.vars(path)
	watching(t, vars, tracker.TK, tracker.VP)

	code, out, errb := fetch(t, vars)
	if code != 0 {
		t.Fatalf("fetch: exit %d\n%s%s", code, out, errb)
	}
	for _, want := range []string{
		"Vlaams Parlement: 2 nieuwe vragen, 1 antwoord gelezen\n",
		"Tweede Kamer: 3 nieuwe vragen, 2 antwoorden gelezen, 2 nieuwe toezeggingen\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("stdout lacks %q:\n%s", want, out)
		}
	}
	got := filed(t, path)
	day := func(s string) time.Time { d, _ := tracker.ParseDay(s); return d }
	tests := []struct {
		number                           string
		filed, sent, postponed, answered time.Time
		asker, minister                  string
	}{
		{"2026Z20001", day("2026-11-02"), time.Time{}, time.Time{}, day("2026-11-20"), "J. Jansen", "minister van Infrastructuur en Waterstaat"},
		{"2026Z20003", day("2026-11-05"), time.Time{}, day("2026-11-24"), time.Time{}, "J. Jansen", "minister van Infrastructuur en Waterstaat"},
		{"2026Z20004", day("2026-11-06"), time.Time{}, time.Time{}, day("2026-11-25"), "L. de Boer", "minister van Infrastructuur en Waterstaat"},
		{"nr. 342 (2026-2027)", day("2026-10-20"), day("2026-10-21"), time.Time{}, day("2026-11-17"), "Els Van Doesburg", "Bart Somers"},
		{"nr. 377 (2026-2027)", day("2026-11-10"), day("2026-11-12"), time.Time{}, time.Time{}, "Els Van Doesburg", "Hilde Crevits"},
	}
	if len(got) != len(tests) {
		t.Errorf("%d filed questions, want %d (not watched: 2026Z20002, nr. 380; deleted: 2026Z20005): %v", len(got), len(tests), got)
	}
	for _, tt := range tests {
		q, ok := got[tt.number]
		if !ok {
			t.Errorf("%s not stored", tt.number)
			continue
		}
		if !q.Filed.Equal(tt.filed) || !q.Sent.Equal(tt.sent) || !q.Postponed.Equal(tt.postponed) || !q.Answered.Equal(tt.answered) ||
			q.Asker != tt.asker || q.Minister != tt.minister {
			t.Errorf("%s: filed %v sent %v postponed %v answered %v asker %q minister %q; want %v %v %v %v %q %q", tt.number,
				q.Filed, q.Sent, q.Postponed, q.Answered, q.Asker, q.Minister, tt.filed, tt.sent, tt.postponed, tt.answered, tt.asker, tt.minister)
		}
		if answered := !tt.answered.IsZero(); answered != (q.AnswerDocumentID != 0) {
			t.Errorf("%s: answer document %d, want one: %v", tt.number, q.AnswerDocumentID, answered)
		}
	}

	// The answer's follow-ups are those pqtrack ingest makes of the same PDF.
	pdf := filepath.Join(dir, "antwoord.pdf")
	os.WriteFile(pdf, s.pdfs["/tk/Document(d0c00001-0000-4000-8000-000000000002)/resource"], 0o644)
	other := filepath.Join(dir, "ingest.db")
	e, _, ierr := testEnv(map[string]string{"PQTRACK_DB": other})
	if code := run(e, []string{"ingest", "--now", "2026-11-26", "--no-notify", pdf}); code != 0 {
		t.Fatalf("ingest: exit %d: %s", code, ierr)
	}
	fetched, ingested := followUps(t, path, got["2026Z20001"].AnswerDocumentID), followUps(t, other, 0)
	if len(ingested) == 0 || strings.Join(fetched, "\n") != strings.Join(ingested, "\n") {
		t.Errorf("follow-ups of the fetched answer:\n%s\nwant those of pqtrack ingest:\n%s", strings.Join(fetched, "\n"), strings.Join(ingested, "\n"))
	}
	var commitments []string
	for _, f := range followUps(t, path, 0) {
		if strings.HasPrefix(f, "commitment ") {
			commitments = append(commitments, f)
		}
	}
	// TZ202611-041 is due on its DatumNakoming; TZ202611-042 has none and
	// falls due 90 days after it was made; the fulfilled one and another
	// minister's are not kept.
	if want := "commitment 1 2027-02-01\ncommitment 1 2027-02-10"; strings.Join(commitments, "\n") != want {
		t.Errorf("commitment follow-ups:\n%s\nwant\n%s", strings.Join(commitments, "\n"), want)
	}

	before := dump(t, path)
	code, out, errb = fetch(t, vars)
	if code != 0 {
		t.Fatalf("second fetch: exit %d\n%s%s", code, out, errb)
	}
	if !strings.Contains(out, "Vlaams Parlement: 0 nieuwe vragen, 0 antwoorden gelezen\n") ||
		!strings.Contains(out, "Tweede Kamer: 0 nieuwe vragen, 0 antwoorden gelezen, 0 nieuwe toezeggingen\n") {
		t.Errorf("second fetch:\n%s", out)
	}
	if n := len(s.requests("tk-resource")); n != 2 {
		t.Errorf("%d answer downloads over two runs, want 2: a stored answer is not fetched again", n)
	}
	if after := dump(t, path); rowsOf(after) != rowsOf(before) {
		t.Errorf("second fetch stored rows again:\nbefore\n%s\nafter\n%s", rowsOf(before), rowsOf(after))
	}

	// The next day the postponed question is answered: the answer is
	// linked to the Zaak, whose own change stamp stays as it was.
	s.later = true
	code, out, errb = fetch(t, vars, "--now", "2026-12-09")
	if code != 0 || !strings.Contains(out, "Tweede Kamer: 0 nieuwe vragen, 1 antwoord gelezen, 1 vraag bijgewerkt, 0 nieuwe toezeggingen\n") {
		t.Errorf("next day: exit %d\n%s%s", code, out, errb)
	}
	if q := filed(t, path)["2026Z20003"]; q.AnswerDocumentID == 0 || q.Answered.Format(tracker.DateLayout) != "2026-12-08" ||
		q.Postponed.Format(tracker.DateLayout) != "2026-11-24" {
		t.Errorf("2026Z20003 the next day: answer %d answered %v postponed %v", q.AnswerDocumentID, q.Answered, q.Postponed)
	}
}

// rowsOf counts the rows of each table in a dump.
func rowsOf(dump string) string {
	n := map[string]int{}
	for _, l := range strings.Split(strings.TrimSpace(dump), "\n") {
		table, _, _ := strings.Cut(l, " ")
		n[table]++
	}
	var out []string
	for table, c := range n {
		out = append(out, fmt.Sprintf("%s %d", table, c))
	}
	sort.Strings(out)
	return strings.Join(out, ", ")
}

// Faults of the services: a run waits out a 429 and retries a server
// error; a timeout, malformed JSON or an unreachable service fail the run
// with exit 1 and a message naming the URL, and leave the database as it
// was (nothing comes in before the first page).
func TestFetchFaults(t *testing.T) {
	tests := []struct {
		name    string
		faults  map[string][]string
		env     map[string]string
		code    int
		out     string   // in stdout
		errs    []string // in stderr
		same    bool     // the database is as it was
		retried string   // a route asked twice
	}{
		{name: "429 with Retry-After, then the page", faults: map[string][]string{"tk-zaak-1": {"429"}},
			out: "Tweede Kamer: 3 nieuwe vragen, 2 antwoorden gelezen", retried: "tk-zaak-1"},
		{name: "5xx, then the page", faults: map[string][]string{"tk-zaak-1": {"503", "502"}},
			out: "Tweede Kamer: 3 nieuwe vragen, 2 antwoorden gelezen", retried: "tk-zaak-1"},
		{name: "an empty page", faults: map[string][]string{"tk-zaak-1": {"empty"}},
			out: "Tweede Kamer: 0 nieuwe vragen, 0 antwoorden gelezen, 2 nieuwe toezeggingen"},
		{name: "a timeout", faults: map[string][]string{"tk-zaak-1": {"slow"}, "tk-toezegging": {"slow"}, "tk-documenten": {"slow"}}, env: map[string]string{"PQTRACK_FETCH_TIMEOUT": "200ms"},
			code: 1, out: "Tweede Kamer: ophalen mislukt", errs: []string{"/tk/Zaak?", "Timeout"}, same: true},
		{name: "malformed JSON", faults: map[string][]string{"tk-zaak-1": {"malformed"}, "tk-toezegging": {"malformed"}, "tk-documenten": {"malformed"}},
			code: 1, out: "Tweede Kamer: ophalen mislukt", errs: []string{"/tk/Zaak?", "malformed JSON"}, same: true},
		{name: "server errors past the retries", faults: map[string][]string{"tk-zaak-1": {"500", "500", "500", "500"}, "tk-toezegging": {"500", "500", "500", "500"}, "tk-documenten": {"500", "500", "500", "500"}},
			code: 1, errs: []string{"/tk/Zaak?", "HTTP 500"}, same: true},
		{name: "unreachable", env: map[string]string{"PQTRACK_TK_ODATA_URL": "http://127.0.0.1:1/OData"},
			code: 1, errs: []string{"http://127.0.0.1:1/OData/Zaak?", "connection refused"}, same: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newServices(t)
			path := filepath.Join(t.TempDir(), "f.db")
			vars := s.vars(path)
			for k, v := range tt.env {
				vars[k] = v
			}
			watching(t, vars, tracker.TK)
			for route, fs := range tt.faults {
				s.fault(route, fs...)
			}
			before := dump(t, path)
			code, out, errb := fetch(t, vars)
			if code != tt.code {
				t.Fatalf("exit %d, want %d\n%s%s", code, tt.code, out, errb)
			}
			if !strings.Contains(out, tt.out) {
				t.Errorf("stdout lacks %q:\n%s", tt.out, out)
			}
			for _, want := range tt.errs {
				if !strings.Contains(errb, want) {
					t.Errorf("stderr lacks %q:\n%s", want, errb)
				}
			}
			if tt.code != 0 && !strings.Contains(errb, "pqtrack fetch: ophalen mislukt") {
				t.Errorf("no Dutch exit line:\n%s", errb)
			}
			if same := dump(t, path) == before; same != tt.same {
				t.Errorf("database unchanged: %v, want %v", same, tt.same)
			}
			if tt.retried != "" && len(s.requests(tt.retried)) < 2 {
				t.Errorf("%s asked %d times, want a retry", tt.retried, len(s.requests(tt.retried)))
			}
		})
	}
}

// A run that fails half way (page 2 keeps failing) keeps page 1 and its
// cursor; the next run starts from that cursor and stores nothing twice.
func TestFetchResumes(t *testing.T) {
	s := newServices(t)
	path := filepath.Join(t.TempDir(), "f.db")
	vars := s.vars(path)
	watching(t, vars, tracker.TK)
	s.fault("tk-zaak-2", "500", "500", "500", "500")
	code, out, errb := fetch(t, vars, "--parliament", "tk")
	if code != 1 || !strings.Contains(errb, "$skiptoken=2") {
		t.Fatalf("first run: exit %d, want 1 naming page 2\n%s%s", code, out, errb)
	}
	got := filed(t, path)
	if _, ok := got["2026Z20001"]; !ok || len(got) != 1 {
		t.Fatalf("after the failed run: %v, want page 1's watched question only", got)
	}
	// Page 1's last change stamp (of a question not watched) is the cursor.
	cursor := "2026-11-21T09:00:00+01:00"
	code, out, errb = fetch(t, vars, "--parliament", "tk", "--lang", "en")
	if code != 0 {
		t.Fatalf("second run: exit %d\n%s%s", code, out, errb)
	}
	reqs := s.requests("tk-zaak-1")
	q, _ := url.ParseQuery(strings.TrimPrefix(reqs[len(reqs)-1], "tk-zaak-1 "))
	if f := q.Get("$filter"); !strings.Contains(f, "GewijzigdOp ge "+cursor) {
		t.Errorf("second run asked $filter=%q, want it from the cursor %s", f, cursor)
	}
	if !strings.Contains(out, "Tweede Kamer: 2 new questions, 1 answer read, 0 new commitments") {
		t.Errorf("second run:\n%s", out)
	}
	got = filed(t, path)
	if len(got) != 3 || got["2026Z20004"].AnswerDocumentID == 0 {
		t.Errorf("after the second run: %v, want 3 questions, 2026Z20004 answered", got)
	}
	if n := len(s.requests("tk-resource")); n != 2 {
		t.Errorf("%d answer downloads, want 2: the answer stored in the failed run is not read again", n)
	}
}

// An answer PDF that fails to download: the question is kept with where
// its answer is, the run says so and exits 1, and the next run reads it.
func TestFetchAnswerRetried(t *testing.T) {
	s := newServices(t)
	path := filepath.Join(t.TempDir(), "f.db")
	vars := s.vars(path)
	watching(t, vars, tracker.TK)
	s.fault("tk-resource", "404")
	code, out, errb := fetch(t, vars)
	if code != 1 || !strings.Contains(out, "Tweede Kamer: 1 antwoord niet binnengehaald; de volgende keer opnieuw") ||
		!strings.Contains(errb, "/resource") {
		t.Fatalf("exit %d, want 1 saying one answer did not come in\n%s%s", code, out, errb)
	}
	var missing tracker.FiledQuestion
	for _, q := range filed(t, path) {
		if q.AnswerURL != "" && q.AnswerDocumentID == 0 {
			missing = q
		}
	}
	if missing.Ref == "" || !missing.Answered.IsZero() {
		t.Fatalf("no question kept unanswered with its answer's URL: %v", filed(t, path))
	}
	code, out, errb = fetch(t, vars)
	if code != 0 || !strings.Contains(out, "1 antwoord gelezen") {
		t.Fatalf("next run: exit %d\n%s%s", code, out, errb)
	}
	q := filed(t, path)[missing.Number]
	if q.AnswerDocumentID == 0 || q.Answered.IsZero() {
		t.Errorf("%s after the retry: answer %d answered %v", q.Number, q.AnswerDocumentID, q.Answered)
	}
}

// An empty watch list keeps nothing, asks the services nothing and says so.
func TestFetchEmptyWatchList(t *testing.T) {
	s := newServices(t)
	path := filepath.Join(t.TempDir(), "f.db")
	vars := s.vars(path)
	watching(t, vars, tracker.VP)
	e, _, _ := testEnv(vars)
	if code := run(e, []string{"watch", "remove", "1"}); code != 0 {
		t.Fatal("watch remove 1 failed")
	}
	for _, tc := range []struct{ lang, want string }{
		{"", "De volglijst is leeg: er wordt niets opgehaald of bewaard."},
		{"en", "The watch list is empty: nothing is fetched or kept."},
	} {
		code, out, errb := fetch(t, vars, "--lang", tc.lang)
		if code != 0 || !strings.Contains(out, tc.want) {
			t.Errorf("--lang %q: exit %d\n%s%s", tc.lang, code, out, errb)
		}
	}
	if len(s.log) != 0 {
		t.Errorf("the services were asked %v", s.log)
	}
}

// serve fetches on its schedule, and at start when the job never ran.
func TestServeFetches(t *testing.T) {
	s := newServices(t)
	path := filepath.Join(t.TempDir(), "f.db")
	vars := s.vars(path)
	watching(t, vars, tracker.TK)
	vars["PQTRACK_WEB_ADDR"] = "127.0.0.1:0"
	e, _, errb := testEnv(map[string]string{"PQTRACK_DB": path, "PQTRACK_FETCH_SPEC": "TZ=0"})
	if code := run(e, []string{"serve", "--addr", "127.0.0.1:0"}); code != 2 || !strings.Contains(errb.String(), "--fetch-spec") {
		t.Errorf("malformed spec: exit %d\n%s", code, errb)
	}
	old := serveSignals
	defer func() { serveSignals = old }()
	serveSignals = func() (context.Context, context.CancelFunc) {
		return context.WithTimeout(context.Background(), 3*time.Second)
	}
	e, out, errb := testEnv(vars)
	if code := run(e, []string{"serve"}); code != 0 {
		t.Fatalf("serve: exit %d\n%s%s", code, out, errb)
	}
	if !strings.Contains(errb.String(), `line="Tweede Kamer: 3 nieuwe vragen, 2 antwoorden gelezen, 2 nieuwe toezeggingen"`) {
		t.Errorf("serve's log lacks the fetch:\n%s", errb)
	}
	if got := filed(t, path); len(got) != 3 {
		t.Errorf("%d questions stored by serve, want 3", len(got))
	}
}

// While another process holds the fetch lock, fetch stores nothing.
func TestFetchLocked(t *testing.T) {
	s := newServices(t)
	path := filepath.Join(t.TempDir(), "f.db")
	vars := s.vars(path)
	watching(t, vars, tracker.TK)
	db, err := sqlite.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if c, err := db.Claim(context.Background(), fetchLock, "other", time.Now(), time.Minute); err != nil || !c.Granted() {
		t.Fatalf("claim: %v %v", c, err)
	}
	db.Close()
	code, out, errb := fetch(t, vars)
	if code != 0 || !strings.Contains(out, "een andere pqtrack haalt al op; niets gedaan") {
		t.Errorf("exit %d\n%s%s", code, out, errb)
	}
	if got := filed(t, path); len(got) != 0 {
		t.Errorf("%d questions stored under another's lock", len(got))
	}
}

// A replayed day of fetched answers gives exactly one Slack alert per
// answer, however often the job runs.
func TestFetchedAnswersAlertOnce(t *testing.T) {
	s := newServices(t)
	path := filepath.Join(t.TempDir(), "f.db")
	vars := s.vars(path)
	watching(t, vars, tracker.TK, tracker.VP)
	if code, out, errb := fetch(t, vars); code != 0 {
		t.Fatalf("fetch: exit %d\n%s%s", code, out, errb)
	}
	srv := newSlackServer(t)
	db, err := sqlite.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	jobs := lateJobsFor(t, db, srv, t.TempDir())
	now := time.Date(2026, 11, 26, 10, 0, 0, 0, brussels())
	for i := 0; i < 3; i++ {
		if err := jobs["late"].Run(context.Background(), now.Add(time.Duration(i)*15*time.Minute)); err != nil {
			t.Fatal(err)
		}
	}
	got := srv.posts("answer:")
	var answered []string
	for _, q := range filed(t, path) {
		if q.AnswerDocumentID != 0 {
			answered = append(answered, "answer:"+q.Parliament+":"+q.Ref)
		}
	}
	if len(answered) != 3 || len(got) != len(answered) {
		t.Fatalf("alerts %v for answers %v", got, answered)
	}
	for _, k := range answered {
		if got[k] != 1 {
			t.Errorf("%s alerted %d times, want once", k, got[k])
		}
	}
}
