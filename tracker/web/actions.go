package web

import (
	"bytes"
	"crypto/subtle"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/pqtrack/pqtrack/tracker"
	"github.com/pqtrack/pqtrack/tracker/parse"
)

// The forms post here; the CSRF middleware has parsed and checked them.
// Each answers with a redirect (303) so that reloading the page does not
// post again.

// done redirects after a change: back to the local page the form named, or
// to the follow-up.
func (s *Server) done(w http.ResponseWriter, r *http.Request, id int64) {
	to, ok := localPath(r.PostFormValue("back"))
	if !ok {
		to = fmt.Sprintf("/followups/%d?saved=1", id)
	}
	http.Redirect(w, r, to, http.StatusSeeOther)
}

// localPath returns back when it is a path on this site, false when it
// could lead elsewhere. Browsers drop tabs and newlines from URLs and read
// a backslash as a slash, so "/<TAB>/evil.example" and "/\evil.example"
// are "//evil.example" to them. back must parse (url.Parse) as a bare path:
// no scheme, no host, no user, no opaque part; it must start with one "/";
// and neither it nor its decoded path may hold a control character or a
// backslash.
func localPath(back string) (string, bool) {
	u, err := url.Parse(back)
	if err != nil || u.Scheme != "" || u.Host != "" || u.User != nil || u.Opaque != "" {
		return "", false
	}
	if !strings.HasPrefix(back, "/") || strings.HasPrefix(back, "//") || unsafePath(back) || unsafePath(u.Path) {
		return "", false
	}
	if p := path.Clean(u.Path); !strings.HasPrefix(p, "/") || strings.HasPrefix(p, "//") {
		return "", false
	}
	return back, true
}

// unsafePath reports whether s holds a byte browsers drop or rewrite.
func unsafePath(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c == 0x7f || c == '\\' {
			return true
		}
	}
	return false
}

// by is who made a change, for the history: the signed-in user when the
// server asks for credentials, whatever the form says (a form field must
// not speak for someone else); on a server without sign-in, which knows
// no one, the name the form gives.
func (s *Server) by(r *http.Request) string {
	if oc, ok := r.Context().Value(officeKey{}).(*officeCtx); ok {
		// Logged in per office: the office is who, unless the
		// dashboard's own user did it.
		if u := s.user(r); u != "" {
			return u
		}
		if s.cfg.HasCredentials() || oc.id != tracker.DefaultOffice {
			return oc.slug
		}
	}
	if s.cfg.HasCredentials() {
		return s.user(r)
	}
	return strings.TrimSpace(r.PostFormValue("by"))
}

// user is the basic-auth user whose password the auth middleware checked;
// "" for a token, which names no one.
func (s *Server) user(r *http.Request) string {
	u, pw, ok := r.BasicAuth()
	if !ok || s.cfg.User == "" || subtle.ConstantTimeCompare([]byte(u), []byte(s.cfg.User)) != 1 ||
		subtle.ConstantTimeCompare([]byte(pw), []byte(s.cfg.Password)) != 1 {
		return ""
	}
	return u
}

func (s *Server) check(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if _, err := s.changeable(r, id); err != nil {
		s.fail(w, r, err)
		return
	}
	outcome := tracker.Outcome(r.PostFormValue("outcome"))
	reasked := ""
	if outcome == tracker.Reasked {
		reasked = r.PostFormValue("reasked_as")
	}
	if err := s.storeOf(r.Context()).Check(r.Context(), id, outcome, reasked, r.PostFormValue("note"), s.by(r), s.cfg.Now()); err != nil {
		s.fail(w, r, err)
		return
	}
	s.done(w, r, id)
}

func (s *Server) snooze(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	until, err := tracker.ParseDay(r.PostFormValue("until"))
	if err != nil {
		s.fail(w, r, fmt.Errorf("until %q: %w", r.PostFormValue("until"), tracker.ErrInvalid))
		return
	}
	if _, err := s.changeable(r, id); err != nil {
		s.fail(w, r, err)
		return
	}
	if !until.After(tracker.DayOf(s.cfg.Now().In(s.cfg.Loc))) {
		s.fail(w, r, &pageError{http.StatusUnprocessableEntity, "error.past", []any{s.lang(w, r).Date(until)}})
		return
	}
	if err := s.storeOf(r.Context()).Snooze(r.Context(), id, until, r.PostFormValue("note"), s.by(r), s.cfg.Now()); err != nil {
		s.fail(w, r, err)
		return
	}
	s.done(w, r, id)
}

func (s *Server) redate(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	to, err := tracker.ParseDay(r.PostFormValue("due"))
	if err != nil {
		s.fail(w, r, fmt.Errorf("due %q: %w", r.PostFormValue("due"), tracker.ErrInvalid))
		return
	}
	f, err := s.changeable(r, id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if to.Equal(tracker.DayOf(f.Due)) {
		s.fail(w, r, &pageError{http.StatusUnprocessableEntity, "error.samedate", []any{id, s.lang(w, r).Date(to)}})
		return
	}
	if err := s.storeOf(r.Context()).Redate(r.Context(), id, to, r.PostFormValue("note"), s.by(r), s.cfg.Now()); err != nil {
		s.fail(w, r, err)
		return
	}
	s.done(w, r, id)
}

// changeable reads follow-up id for a change, refusing a closed one: a
// second close, or a snooze of a closed one, would write history for nothing.
func (s *Server) changeable(r *http.Request, id int64) (*tracker.FollowUp, error) {
	f, err := s.storeOf(r.Context()).FollowUp(r.Context(), id)
	if err != nil {
		return nil, err
	}
	if f.State == tracker.Done {
		return nil, &pageError{http.StatusConflict, "error.done", []any{id}}
	}
	return f, nil
}

func (s *Server) reopen(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if err := s.storeOf(r.Context()).Reopen(r.Context(), id, r.PostFormValue("note"), s.by(r), s.cfg.Now()); err != nil {
		s.fail(w, r, err)
		return
	}
	s.done(w, r, id)
}

func (s *Server) uploadForm(w http.ResponseWriter, r *http.Request) {
	if s.cfg.Ingest == nil {
		s.fail(w, r, errNoUpload)
		return
	}
	s.render(w, r, http.StatusOK, "upload", "upload", "upload.title", map[string]any{"MaxMB": s.cfg.MaxUpload >> 20})
}

func (s *Server) upload(w http.ResponseWriter, r *http.Request) {
	if s.cfg.Ingest == nil {
		s.fail(w, r, errNoUpload)
		return
	}
	u := Upload{Kind: tracker.Kind(r.PostFormValue("kind")), Body: strings.TrimSpace(r.PostFormValue("body"))}
	switch u.Kind {
	case "":
		u.Kind = tracker.KindAnswer
	case tracker.KindAnswer, tracker.KindMeeting, tracker.KindLetter:
	default:
		s.fail(w, r, fmt.Errorf("upload: kind %q: %w", u.Kind, tracker.ErrInvalid))
		return
	}
	if v := strings.TrimSpace(r.PostFormValue("date")); v != "" {
		d, err := tracker.ParseDay(v)
		if err != nil {
			s.fail(w, r, fmt.Errorf("upload: date %q: %w", v, tracker.ErrInvalid))
			return
		}
		u.Date = d
	}
	if u.Kind == tracker.KindAnswer {
		u.Body = "" // the form's meeting fields, left filled in
	}
	file, hdr, err := r.FormFile("file")
	if err != nil {
		s.fail(w, r, fmt.Errorf("upload: no file: %w", tracker.ErrInvalid))
		return
	}
	defer file.Close()
	data, err := io.ReadAll(io.LimitReader(file, s.cfg.MaxUpload+1))
	if err != nil {
		s.fail(w, r, fmt.Errorf("upload: %w", err))
		return
	}
	if int64(len(data)) > s.cfg.MaxUpload {
		s.fail(w, r, errTooLarge)
		return
	}
	name := filepath.Base(filepath.Clean("/" + strings.ReplaceAll(hdr.Filename, `\`, "/")))
	u.Name = displayName(name)
	if err := checkType(name, data); err != nil {
		s.fail(w, r, err)
		return
	}
	u.Data = data
	res, err := s.cfg.Ingest(r.Context(), u)
	var le *parse.PDFLimitError
	if errors.As(err, &le) {
		// A PDF bomb or a stuck pdftotext: stopped, and said so.
		s.cfg.Log.Warn("web: upload: PDF stopped at a limit", "file", u.Name, "err", err)
		pe := &pageError{http.StatusUnprocessableEntity, "error.pdftext", []any{u.Name, megabytes(le.MaxText)}}
		if le.Timeout > 0 {
			pe.key, pe.args[1] = "error.pdftime", le.Timeout.String()
		}
		s.fail(w, r, pe)
		return
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.cfg.Log.Info("web: upload", "file", u.Name, "kind", u.Kind, "document", res.DocumentID, "action", res.Action, "followups", res.New)
	http.Redirect(w, r, fmt.Sprintf("/documents/%d", res.DocumentID), http.StatusSeeOther)
}

// displayName is a file name as it can be shown and logged on one line:
// quoted when it holds a control character or is not valid UTF-8.
func displayName(name string) string {
	if !utf8.ValidString(name) || strings.IndexFunc(name, unicode.IsControl) >= 0 {
		return strconv.Quote(name)
	}
	return name
}

// megabytes writes n bytes in MB, or kB below one MB.
func megabytes(n int64) string {
	if n < 1<<20 {
		return strconv.FormatInt((n+1<<10-1)>>10, 10) + " kB"
	}
	return strconv.FormatInt((n+1<<20-1)>>20, 10) + " MB"
}

// checkType accepts PDF (by its magic number) and plain text (UTF-8 or a
// one-byte encoding, no control bytes but white space), named .pdf or .txt
// to match.
func checkType(name string, data []byte) error {
	ext := strings.ToLower(filepath.Ext(name))
	if bytes.HasPrefix(data, []byte("%PDF-")) {
		if ext != ".pdf" {
			return errType
		}
		return nil
	}
	if ext != ".txt" && ext != ".text" {
		return errType
	}
	if http.DetectContentType(data) != "text/plain; charset=utf-8" && !utf8.Valid(data) {
		// Latin-1 and Windows-1252 text sniffs as octet-stream only when
		// it holds control bytes; allow the rest for the parser to decode.
		for _, c := range data {
			if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' {
				return errType
			}
		}
	}
	for _, c := range data {
		if c == 0 {
			return errType
		}
	}
	return nil
}
