package slack

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/url"

	"github.com/slack-go/slack"
)

// maxRequest bounds the body of a request from Slack.
const maxRequest = 1 << 20

// Handler answers Slack's requests over HTTP (the app's interactivity and
// slash command Request URL, both may point at it). Every request must
// carry Slack's signature made with secret, at most five minutes old
// (slack.NewSecretsVerifier compares in constant time); others get 401 and
// change nothing.
func (a *App) Handler(secret string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost {
			w.Header().Set("Allow", http.MethodPost)
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		body, err := io.ReadAll(io.LimitReader(r.Body, maxRequest+1))
		if err != nil || len(body) > maxRequest {
			http.Error(w, "bad request", http.StatusBadRequest)
			return
		}
		sv, err := slack.NewSecretsVerifier(r.Header, secret)
		if err == nil {
			_, _ = sv.Write(body)
			err = sv.Ensure()
		}
		if err != nil {
			a.log("slack: request refused", "remote", r.RemoteAddr, "err", err)
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		form, err := url.ParseQuery(string(body))
		if err != nil {
			http.Error(w, "bad request", http.StatusBadRequest)
			return
		}
		if n := r.Header.Get("X-Slack-Retry-Num"); n != "" {
			a.log("slack: retried request", "retry", n, "reason", r.Header.Get("X-Slack-Retry-Reason"))
		}
		switch {
		case form.Get("payload") != "":
			var cb slack.InteractionCallback
			if err := json.Unmarshal([]byte(form.Get("payload")), &cb); err != nil {
				http.Error(w, "bad payload", http.StatusBadRequest)
				return
			}
			resp, err := a.Interact(r.Context(), cb)
			if err != nil {
				a.logError("slack: interaction", "type", cb.Type, "err", err)
			}
			writeJSON(w, resp)
		case form.Get("command") != "":
			r.Body = io.NopCloser(bytes.NewReader(body))
			cmd, err := slack.SlashCommandParse(r)
			if err != nil {
				http.Error(w, "bad command", http.StatusBadRequest)
				return
			}
			writeJSON(w, a.Command(r.Context(), cmd))
		default:
			http.Error(w, "bad request", http.StatusBadRequest)
		}
	})
}

// writeJSON answers with v, or with an empty 200 when v is nil.
func writeJSON(w http.ResponseWriter, v any) {
	if v == nil {
		w.WriteHeader(http.StatusOK)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(v)
}
