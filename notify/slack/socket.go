package slack

import (
	"context"

	"github.com/slack-go/slack"
	"github.com/slack-go/slack/socketmode"
)

// RunSocket answers Slack over Socket Mode until ctx ends: sm's client
// opens the connection with the app-level token (xapp-...), so no public
// URL is needed. A pressed button is acknowledged before it is acted on
// (Slack sends again what is not acknowledged within three seconds); a
// form and a command are acknowledged with their answer.
func (a *App) RunSocket(ctx context.Context, sm *socketmode.Client) error {
	done := make(chan struct{})
	defer func() { <-done }()
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	go func() {
		defer close(done)
		for {
			select {
			case <-ctx.Done():
				return
			case evt, ok := <-sm.Events:
				if !ok {
					return
				}
				a.socketEvent(ctx, sm, evt)
			}
		}
	}()
	return sm.RunContext(ctx)
}

func (a *App) socketEvent(ctx context.Context, sm *socketmode.Client, evt socketmode.Event) {
	ack := func(payload any) {
		if evt.Request == nil {
			return
		}
		if err := sm.Ack(*evt.Request, payload); err != nil {
			a.logError("slack: socket mode ack", "err", err)
		}
	}
	switch evt.Type {
	case socketmode.EventTypeInteractive:
		cb, ok := evt.Data.(slack.InteractionCallback)
		if !ok {
			ack(nil)
			return
		}
		if evt.Request.RetryAttempt > 0 {
			a.log("slack: retried envelope", "retry", evt.Request.RetryAttempt, "reason", evt.Request.RetryReason)
		}
		if cb.Type == slack.InteractionTypeBlockActions {
			ack(nil)
		}
		resp, err := a.Interact(ctx, cb)
		if err != nil {
			a.logError("slack: interaction", "type", cb.Type, "err", err)
		}
		if cb.Type != slack.InteractionTypeBlockActions {
			ack(resp)
		}
	case socketmode.EventTypeSlashCommand:
		cmd, ok := evt.Data.(slack.SlashCommand)
		if !ok {
			ack(nil)
			return
		}
		ack(a.Command(ctx, cmd))
	case socketmode.EventTypeConnectionError, socketmode.EventTypeInvalidAuth:
		a.logError("slack: socket mode", "event", evt.Type)
	default:
		if evt.Request != nil && evt.Request.EnvelopeID != "" {
			ack(nil) // events pqtrack does not ask for: Slack would send them again
		}
	}
}
