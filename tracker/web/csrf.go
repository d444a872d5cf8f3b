package web

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"net/http"
	"strings"
)

// CSRF protection is a double-submit token: a random value in a SameSite
// cookie that every form repeats in a hidden field. A page of another site
// can make the browser send the cookie, but cannot read it to fill the
// field. Go's cross-origin check (Sec-Fetch-Site, Origin) refuses
// cross-site posts as a second line.

const (
	csrfCookie = "pqtrack_csrf"
	csrfField  = "csrf"
)

// csrf refuses a POST whose form does not repeat the cookie's token.
func (s *Server) csrf(next http.Handler) http.Handler {
	cop := http.NewCrossOriginProtection()
	check := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost {
			next.ServeHTTP(w, r)
			return
		}
		limit := int64(1 << 20)
		if r.URL.Path == "/upload" {
			limit = s.cfg.MaxUpload + 1<<16 // room for the form around the file
		}
		r.Body = http.MaxBytesReader(w, r.Body, limit)
		var perr error
		if strings.HasPrefix(r.Header.Get("Content-Type"), "multipart/form-data") {
			perr = r.ParseMultipartForm(1 << 20) // larger parts go to temporary files
		} else {
			perr = r.ParseForm()
		}
		var mbe *http.MaxBytesError
		if errors.As(perr, &mbe) {
			s.fail(w, r, errTooLarge)
			return
		}
		c, err := r.Cookie(csrfCookie)
		field := r.FormValue(csrfField)
		if err != nil || len(c.Value) < 20 || subtle.ConstantTimeCompare([]byte(c.Value), []byte(field)) != 1 {
			s.fail(w, r, errCSRF)
			return
		}
		next.ServeHTTP(w, r)
	})
	cop.SetDenyHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { s.fail(w, r, errCSRF) }))
	return cop.Handler(check)
}

// csrfToken returns the request's CSRF token, setting a new cookie when
// the request has none.
func csrfToken(w http.ResponseWriter, r *http.Request) string {
	if c, err := r.Cookie(csrfCookie); err == nil && len(c.Value) >= 20 {
		return c.Value
	}
	b := make([]byte, 24)
	rand.Read(b)
	v := base64.RawURLEncoding.EncodeToString(b)
	http.SetCookie(w, &http.Cookie{Name: csrfCookie, Value: v, Path: "/", HttpOnly: true,
		SameSite: http.SameSiteStrictMode, Secure: r.TLS != nil})
	// Later reads in this request see it too.
	r.AddCookie(&http.Cookie{Name: csrfCookie, Value: v})
	return v
}
