package web

import (
	"context"
	"fmt"
	"net/http"
	"strings"

	"github.com/pqtrack/pqtrack/tracker"
)

// Watchlist is the office's watch list as the dashboard shows and edits
// it; *sqlite.DB has it.
type Watchlist interface {
	Watches(ctx context.Context) ([]tracker.Watch, error)
	AddWatch(ctx context.Context, w tracker.Watch) (int64, error)
	RemoveWatch(ctx context.Context, id int64) error
}

var errNoWatchlist = &pageError{http.StatusNotFound, "error.nowatchlist", nil}

// watchKinds are the kinds the add form offers, in its order.
var watchKinds = []tracker.WatchKind{tracker.WatchMember, tracker.WatchMinister, tracker.WatchCommittee, tracker.WatchKeyword}

func (s *Server) watches(w http.ResponseWriter, r *http.Request) {
	if s.cfg.Watchlist == nil {
		s.fail(w, r, errNoWatchlist)
		return
	}
	ws, err := s.watchlistOf(r.Context()).Watches(r.Context())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "watches", "watches", "watches.title", map[string]any{
		"Watches": ws, "Kinds": watchKinds, "Saved": r.URL.Query().Get("saved") == "1",
	})
}

func (s *Server) addWatch(w http.ResponseWriter, r *http.Request) {
	if s.cfg.Watchlist == nil {
		s.fail(w, r, errNoWatchlist)
		return
	}
	wt := tracker.Watch{
		Parliament: r.PostFormValue("parliament"), Kind: tracker.WatchKind(r.PostFormValue("kind")),
		Value: strings.TrimSpace(r.PostFormValue("value")), Created: s.cfg.Now(), By: s.by(r),
	}
	if len(wt.Value) > 200 {
		s.fail(w, r, fmt.Errorf("watch: value too long: %w", tracker.ErrInvalid))
		return
	}
	// The store checks parliament, kind and value (tracker.ErrInvalid: 400).
	if _, err := s.watchlistOf(r.Context()).AddWatch(r.Context(), wt); err != nil {
		s.fail(w, r, err)
		return
	}
	http.Redirect(w, r, "/watches?saved=1", http.StatusSeeOther)
}

func (s *Server) removeWatch(w http.ResponseWriter, r *http.Request) {
	if s.cfg.Watchlist == nil {
		s.fail(w, r, errNoWatchlist)
		return
	}
	id, err := pathID(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if err := s.watchlistOf(r.Context()).RemoveWatch(r.Context(), id); err != nil {
		s.fail(w, r, err)
		return
	}
	http.Redirect(w, r, "/watches?saved=1", http.StatusSeeOther)
}
