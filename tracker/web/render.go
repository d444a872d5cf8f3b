package web

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"path"
	"strings"
	"sync"
	"time"

	"github.com/pqtrack/pqtrack/tracker"
)

// Errors with their own status code and message key.
type pageError struct {
	code int
	key  string // catalogue key of the message shown
	args []any  // formatted into it
}

func (e *pageError) Error() string { return e.key }

var (
	errCSRF     = &pageError{http.StatusForbidden, "error.csrf", nil}
	errTooLarge = &pageError{http.StatusRequestEntityTooLarge, "error.toolarge", nil}
	errType     = &pageError{http.StatusUnsupportedMediaType, "error.type", nil}
	errNoUpload = &pageError{http.StatusNotFound, "error.noupload", nil}
	errHost     = &pageError{http.StatusMisdirectedRequest, "error.host", nil}
	errQuery    = &pageError{http.StatusBadRequest, "error.query", []any{maxQuery}}
)

// page is what every template gets: the language, the CSRF token for its
// forms, the active menu entry, and the page's own data.
type page struct {
	L     *Lang
	CSRF  string
	Nav   string
	Title string
	Today time.Time
	Data  any
	// Offices are those the user may switch between, Office the active
	// one; none when the server serves one office.
	Offices []tracker.Office
	Office  int64
}

var funcs = template.FuncMap{
	"iso": func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return t.Format(tracker.DateLayout)
	},
	"dated":   tracker.Dated,
	"statusN": statusN,
	"add":     func(a, b int) int { return a + b },
	"list":    func(v ...string) []string { return v },
	"dict": func(kv ...any) map[string]any {
		m := map[string]any{}
		for i := 0; i+1 < len(kv); i += 2 {
			m[fmt.Sprint(kv[i])] = kv[i+1]
		}
		return m
	},
	// A pointer, not a copy: templates call these once or twice a row,
	// and the range over a slice of follow-ups hands them addressable rows.
	"overdue": func(f *tracker.FollowUp, today time.Time) bool { return f.IsOverdue(today) },
	"due":     func(f *tracker.FollowUp, today time.Time) bool { return f.IsDue(today) },
	"owed":    func(s tracker.Status) bool { return s.Valid() && s.Owed() },
	// snippet shows a search snippet with its matched terms marked, the
	// text escaped.
	"snippet": func(s string) template.HTML {
		var b strings.Builder
		for {
			i := strings.Index(s, "[")
			j := strings.Index(s, "]")
			if i < 0 || j < i {
				b.WriteString(template.HTMLEscapeString(s))
				return template.HTML(b.String())
			}
			b.WriteString(template.HTMLEscapeString(s[:i]))
			b.WriteString("<mark>")
			b.WriteString(template.HTMLEscapeString(s[i+1 : j]))
			b.WriteString("</mark>")
			s = s[j+1:]
		}
	},
}

// parsePages parses each page template together with the layout.
func parsePages() (map[string]*template.Template, error) {
	names, err := fs.Glob(templateFS, "templates/*.html")
	if err != nil {
		return nil, err
	}
	base, err := template.New("layout.html").Funcs(funcs).ParseFS(templateFS, "templates/layout.html", "templates/partials.html")
	if err != nil {
		return nil, fmt.Errorf("web: templates: %w", err)
	}
	pages := map[string]*template.Template{}
	for _, n := range names {
		name := path.Base(n)
		if name == "layout.html" || name == "partials.html" {
			continue
		}
		t, err := template.Must(base.Clone()).ParseFS(templateFS, n)
		if err != nil {
			return nil, fmt.Errorf("web: templates: %w", err)
		}
		pages[strings.TrimSuffix(name, ".html")] = t
	}
	return pages, nil
}

// pageBuffers keeps the buffers pages are rendered into: a page of the
// queue is some 40 KB, and growing a new buffer to that size at every
// request made about a quarter of the garbage a request leaves.
var pageBuffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// maxPooledBuffer is the largest buffer kept for the next page; a rare
// huge page (a long document) is left to the collector.
const maxPooledBuffer = 1 << 20

// render writes page name with data, in the request's language.
func (s *Server) render(w http.ResponseWriter, r *http.Request, code int, name, nav, title string, data any) {
	l := s.lang(w, r)
	p := page{L: l, CSRF: csrfToken(w, r), Nav: nav, Title: l.T(title), Today: s.today(), Data: data}
	if oc, ok := r.Context().Value(officeKey{}).(*officeCtx); ok {
		p.Offices, p.Office = oc.choices, oc.id
	}
	buf := pageBuffers.Get().(*bytes.Buffer)
	defer func() {
		if buf.Cap() <= maxPooledBuffer {
			buf.Reset()
			pageBuffers.Put(buf)
		}
	}()
	if err := s.pages[name].ExecuteTemplate(buf, "layout.html", p); err != nil {
		s.cfg.Log.Error("web: render", "page", name, "err", err)
		http.Error(w, "500 internal server error", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(code)
	buf.WriteTo(w)
}

// fail answers with err: a page for people, JSON under /api/.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	code := httpStatus(err)
	key := "error.internal"
	var args []any
	var pe *pageError
	switch {
	case errors.As(err, &pe):
		code, key, args = pe.code, pe.key, pe.args
	case code == http.StatusNotFound:
		key = "error.notfound"
	case code == http.StatusBadRequest:
		key = "error.invalid"
	}
	msg := ""
	if code == http.StatusInternalServerError {
		s.cfg.Log.Error("web", "method", r.Method, "path", r.URL.Path, "err", err)
	}
	l := s.lang(w, r)
	if code != http.StatusInternalServerError && pe == nil && l.Code == "en" {
		// Errors of the store name what was wrong; they hold no secrets,
		// but they are English: a Dutch page keeps to its own message.
		msg = err.Error()
	}
	if strings.HasPrefix(r.URL.Path, "/api/") {
		writeJSON(w, code, map[string]string{"error": l.T(key, args...), "detail": msg})
		return
	}
	s.render(w, r, code, "error", "", "error.title", map[string]any{"Code": code, "Msg": l.T(key, args...), "Detail": msg})
}

func writeJSON(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(code)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.Encode(v)
}
