package web

import (
	"context"
	"fmt"
	"net/http"
	"strconv"

	"github.com/pqtrack/pqtrack/tracker"
)

// The "klopt niet" form on every question of the document page: staff
// give the status the answer should have, and the correction is stored as
// a label and drives the question's follow-ups (store.Corrector).

// correctionWords are the words of the form and of a corrected question.
// They join the catalogue at start-up, so this file holds all of them.
var correctionWords = map[string]map[string]string{
	"nl": {
		"correct.open":      "Klopt niet",
		"correct.status":    "Het moet zijn",
		"correct.sub":       "Over deelvraag",
		"correct.whole":     "de hele vraag",
		"correct.note":      "Waarom (voor de geschiedenis en om pqtrack bij te leren)",
		"correct.submit":    "Corrigeren",
		"correct.by":        "Gecorrigeerd door %s op %s",
		"correct.anon":      "Gecorrigeerd op %s",
		"correct.was":       "pqtrack zei: %s",
		"outcome.corrected": "gecorrigeerd",
	},
	"en": {
		"correct.open":      "Not right",
		"correct.status":    "It should be",
		"correct.sub":       "About sub-question",
		"correct.whole":     "the whole question",
		"correct.note":      "Why (for the history and to teach pqtrack)",
		"correct.submit":    "Correct",
		"correct.by":        "Corrected by %s on %s",
		"correct.anon":      "Corrected on %s",
		"correct.was":       "pqtrack said: %s",
		"outcome.corrected": "corrected",
	},
}

func init() {
	for code, m := range correctionWords {
		for k, v := range m {
			catalogue[code][k] = v
		}
	}
}

// correct stores a correction of question {n} of document {id}, then sends
// the browser back to the question.
func (s *Server) correct(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	n, err := strconv.Atoi(r.PathValue("n"))
	if err != nil || n <= 0 {
		s.fail(w, r, fmt.Errorf("question %q: %w", r.PathValue("n"), tracker.ErrNotFound))
		return
	}
	c := tracker.Correction{DocumentID: id, QuestionNumber: n, Status: tracker.Status(r.PostFormValue("status")),
		Note: r.PostFormValue("note"), By: s.user(r), At: s.cfg.Now(), Source: tracker.FromDashboard}
	if v := r.PostFormValue("sub"); v != "" && v != "0" {
		if c.SubQuestion, err = strconv.Atoi(v); err != nil {
			s.fail(w, r, fmt.Errorf("sub-question %q: %w", v, tracker.ErrInvalid))
			return
		}
	}
	if _, err := s.storeOf(r.Context()).Correct(r.Context(), c); err != nil {
		s.fail(w, r, err)
		return
	}
	s.cfg.Log.Info("web: correction", "document", id, "question", n, "status", c.Status)
	http.Redirect(w, r, fmt.Sprintf("/documents/%d#q%d", id, n), http.StatusSeeOther)
}

// latestCorrections returns the correction that counts for each corrected
// question of document id, by question number.
func (s *Server) latestCorrections(ctx context.Context, id int64) (map[int]*tracker.Correction, error) {
	cs, err := s.storeOf(ctx).Corrections(ctx, tracker.CorrectionFilter{Document: id, Latest: true})
	if err != nil {
		return nil, err
	}
	out := map[int]*tracker.Correction{}
	for i := range cs {
		out[cs[i].QuestionNumber] = &cs[i]
	}
	return out, nil
}
