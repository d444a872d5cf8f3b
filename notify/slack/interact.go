package slack

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/pqtrack/pqtrack/notify"
	"github.com/pqtrack/pqtrack/tracker"
	"github.com/slack-go/slack"
)

// Callback ids of the two forms (modals) the buttons open.
const (
	formWrong = "pqtrack_wrong"
	formReask = "pqtrack_reask"
)

// Interact acts on one interaction: a button pressed under a message or a
// form sent. It returns what to answer Slack with: nil for an empty answer,
// or a *slack.ViewSubmissionResponse that keeps a form open with an error.
//
// Only permitted users act; others are told so and nothing changes. An
// interaction Slack sends again (same trigger) acts once: it is recorded
// in the store before it acts, and forgotten when acting failed.
func (a *App) Interact(ctx context.Context, cb slack.InteractionCallback) (any, error) {
	switch cb.Type {
	case slack.InteractionTypeBlockActions:
		return nil, a.forChannel(cb.Channel.ID).press(ctx, cb)
	case slack.InteractionTypeViewSubmission:
		// A form remembers the channel of the message it was opened from.
		meta, _ := parseMeta(cb.View.PrivateMetadata)
		return a.forChannel(meta.channel).submit(ctx, cb)
	}
	return nil, nil
}

// interactionKey names an interaction for the record of handled ones:
// Slack's trigger id, which a retry repeats; else the action on the message.
func interactionKey(cb slack.InteractionCallback) string {
	if cb.TriggerID != "" {
		return "trigger:" + cb.TriggerID
	}
	if cb.Type == slack.InteractionTypeViewSubmission {
		return "view:" + cb.View.ID + ":" + cb.View.Hash
	}
	act := ""
	if bas := cb.ActionCallback.BlockActions; len(bas) > 0 {
		act = bas[0].ActionID + ":" + bas[0].Value + ":" + bas[0].ActionTs
	}
	return "action:" + cb.Channel.ID + ":" + cb.Container.MessageTs + ":" + act
}

// once runs act unless the interaction was handled before; a failure of
// act forgets it, so that trying again may work.
func (a *App) once(ctx context.Context, cb slack.InteractionCallback, act func() error) error {
	key := interactionKey(cb)
	first, err := a.Store.Handle(ctx, key, a.now())
	if err != nil {
		return err
	}
	if !first {
		a.log("slack: interaction already handled, not acting again", "key", key)
		return nil
	}
	if err := act(); err != nil {
		if uerr := a.Store.Unhandle(context.WithoutCancel(ctx), key); uerr != nil {
			err = errors.Join(err, uerr)
		}
		return err
	}
	return nil
}

// press acts on a button or the date picker.
func (a *App) press(ctx context.Context, cb slack.InteractionCallback) error {
	bas := cb.ActionCallback.BlockActions
	if len(bas) == 0 {
		return nil
	}
	ba := bas[0]
	act, id, ok := parseValue(ba.Value)
	if ba.ActionID == ActDate {
		act = ActDate
		id, ok = parseBlockID(ba.BlockID)
	}
	if !ok || act == ActOpen {
		return nil // the link opens the dashboard by itself
	}
	channel := cb.Channel.ID
	if !a.allowed(ctx, cb.User.ID) {
		a.log("slack: refused", "user", cb.User.ID, "action", act, "followup", id)
		a.ephemeral(ctx, channel, cb.User.ID, say(a.langFor(ctx, cb.User.ID), "refused"))
		return nil
	}
	return a.once(ctx, cb, func() error {
		p := a.who(ctx, cb.User.ID, cb.User.Name)
		f, err := a.Store.FollowUp(ctx, id)
		if errors.Is(err, tracker.ErrNotFound) {
			a.ephemeral(ctx, channel, p.id, say(p.lang, "notfound", id))
			return nil
		}
		if err != nil {
			return a.failed(ctx, channel, p, err)
		}
		if f.State == tracker.Done && act != ActWrong {
			a.ephemeral(ctx, channel, p.id, say(p.lang, "closed", id, p.lang.T("outcome."+string(f.Outcome))))
			return nil
		}
		now := a.now()
		ts := cb.Container.MessageTs
		if ts == "" {
			ts = cb.Message.Timestamp
		}
		var line string
		switch act {
		case ActDelivered:
			if err := a.Store.Check(ctx, id, tracker.Delivered, "", say(a.Buttons.Lang, "via"), p.name, now); err != nil {
				return a.failed(ctx, channel, p, err)
			}
			line = say(a.Buttons.Lang, "done.delivered", id, p.name, a.when(a.Buttons.Lang, now))
		case ActWeek, ActDate:
			until := tracker.DayOf(now).AddDate(0, 0, 7)
			if act == ActDate {
				d, err := tracker.ParseDay(ba.SelectedDate)
				if err != nil {
					return nil // no date picked
				}
				until = d
			}
			if !until.After(tracker.DayOf(now)) {
				a.ephemeral(ctx, channel, p.id, say(p.lang, "past", p.lang.Date(until)))
				return nil
			}
			if f.State == tracker.Snoozed && f.SnoozedUntil.Equal(until) {
				// A second press for the same day would only write history.
				a.ephemeral(ctx, channel, p.id, say(p.lang, "samedate", id, p.lang.Date(until)))
				return nil
			}
			if err := a.Store.Snooze(ctx, id, until, say(a.Buttons.Lang, "via"), p.name, now); err != nil {
				return a.failed(ctx, channel, p, err)
			}
			line = say(a.Buttons.Lang, "done.snoozed", id, a.Buttons.Lang.Date(until), p.name, a.when(a.Buttons.Lang, now))
		case ActReask:
			return a.openReask(ctx, cb, f, p, channel, ts)
		case ActWrong:
			return a.openWrong(ctx, cb, f, p, channel, ts)
		default:
			return nil
		}
		a.rewrite(ctx, channel, ts, &cb.Message, id, line)
		return nil
	})
}

// failed tells p that the change did not happen and returns err for the
// log.
func (a *App) failed(ctx context.Context, channel string, p person, err error) error {
	a.ephemeral(ctx, channel, p.id, say(p.lang, "failed"))
	return err
}

// langFor is user's language, for a reply that needs no name.
func (a *App) langFor(ctx context.Context, user string) notify.Lang {
	return a.who(ctx, user, user).lang
}

// rewrite replaces the buttons of follow-up id in the message at ts by
// line, which says what was done and by whom. msg is the message as the
// payload carried it; when it has no blocks (a form sent) it is read from
// the channel. A failure is logged: the change itself is stored.
func (a *App) rewrite(ctx context.Context, channel, ts string, msg *slack.Message, id int64, line string) {
	if channel == "" || ts == "" {
		return
	}
	if msg == nil || len(msg.Blocks.BlockSet) == 0 {
		h, err := a.Client.GetConversationHistoryContext(ctx, &slack.GetConversationHistoryParameters{
			ChannelID: channel, Latest: ts, Oldest: ts, Inclusive: true, Limit: 1, IncludeAllMetadata: true})
		if err != nil || len(h.Messages) == 0 {
			a.logError("slack: conversations.history, message to update", "channel", channel, "ts", ts, "err", err)
			return
		}
		msg = &h.Messages[0]
	}
	done := slack.NewContextBlock(fmt.Sprintf("pqtrack:done:%d", id), slack.NewTextBlockObject(slack.MarkdownType, escape(line), false, false))
	var bs []slack.Block
	replaced := false
	for _, b := range msg.Blocks.BlockSet {
		if ab, ok := b.(*slack.ActionBlock); ok && ab.BlockID == blockID(id) {
			bs = append(bs, done)
			replaced = true
			continue
		}
		bs = append(bs, b)
	}
	if !replaced && len(bs) < maxBlocks {
		bs = append(bs, done)
	}
	opts := []slack.MsgOption{slack.MsgOptionText(msg.Text, false), slack.MsgOptionBlocks(bs...)}
	if msg.Metadata.EventType != "" {
		opts = append(opts, slack.MsgOptionMetadata(msg.Metadata))
	}
	if _, _, _, err := a.Client.UpdateMessageContext(ctx, channel, ts, opts...); err != nil {
		a.logError("slack: chat.update", "channel", channel, "ts", ts, "err", err)
	}
}

// formMeta is what a form carries from the button to its submission.
type formMeta struct {
	id          int64
	channel, ts string
}

func (m formMeta) String() string { return fmt.Sprintf("%d|%s|%s", m.id, m.channel, m.ts) }

func parseMeta(s string) (formMeta, bool) {
	parts := strings.Split(s, "|")
	if len(parts) != 3 {
		return formMeta{}, false
	}
	id, err := strconv.ParseInt(parts[0], 10, 64)
	return formMeta{id, parts[1], parts[2]}, err == nil && id > 0
}

// item returns question n of doc, nil when it is not there.
func item(doc *tracker.Document, n int) *tracker.Item {
	for i := range doc.Items {
		if doc.Items[i].Number == n {
			return &doc.Items[i]
		}
	}
	return nil
}

// openWrong opens the form that corrects the judgement of f's question.
func (a *App) openWrong(ctx context.Context, cb slack.InteractionCallback, f *tracker.FollowUp, p person, channel, ts string) error {
	l := p.lang
	doc, err := a.Store.Document(ctx, f.DocumentID)
	if err != nil {
		return a.failed(ctx, channel, p, err)
	}
	var opts []*slack.OptionBlockObject
	now := ""
	if it := item(doc, f.QuestionNumber); it != nil {
		now = l.T("status." + string(it.Status))
	}
	for _, s := range tracker.Statuses {
		o := slack.NewOptionBlockObject(string(s), plain(l.T("status."+string(s))), nil)
		opts = append(opts, o)
	}
	sel := slack.NewOptionsSelectBlockElement(slack.OptTypeStatic, nil, "status", opts...)
	note := slack.NewPlainTextInputBlockElement(nil, "note")
	noteBlock := slack.NewInputBlock("note", plain(say(l, "modal.note")), nil, note)
	noteBlock.Optional = true
	view := slack.ModalViewRequest{
		Type:            slack.VTModal,
		Title:           plain(say(l, "modal.wrong")),
		Submit:          plain(say(l, "modal.save")),
		Close:           plain(say(l, "modal.cancel")),
		CallbackID:      formWrong,
		PrivateMetadata: formMeta{f.ID, channel, ts}.String(),
		Blocks: slack.Blocks{BlockSet: []slack.Block{
			section(say(l, "modal.now", f.QuestionNumber, escape(doc.Name()), now)),
			slack.NewInputBlock("status", plain(say(l, "modal.status")), nil, sel),
			noteBlock,
		}},
	}
	if _, err := a.Client.OpenViewContext(ctx, cb.TriggerID, view); err != nil {
		return a.failed(ctx, channel, p, err)
	}
	return nil
}

// openReask opens the form with the ready draft of the new question and
// a field for its number; sending it closes f as asked again.
func (a *App) openReask(ctx context.Context, cb slack.InteractionCallback, f *tracker.FollowUp, p person, channel, ts string) error {
	l := p.lang
	doc, err := a.Store.Document(ctx, f.DocumentID)
	if err != nil {
		return a.failed(ctx, channel, p, err)
	}
	blocks := []slack.Block{section(say(l, "modal.draft"))}
	if it := item(doc, f.QuestionNumber); it != nil {
		draft := tracker.Draft(doc, it, f, string(l))
		for _, part := range paragraphsOf(escape(draft), maxSectionText-8) {
			blocks = append(blocks, section("```"+part+"```"))
		}
	} else {
		blocks = append(blocks, section(say(l, "modal.nodraft")))
	}
	num := slack.NewPlainTextInputBlockElement(nil, "number")
	blocks = append(blocks, slack.NewInputBlock("number", plain(say(l, "modal.number")), nil, num))
	view := slack.ModalViewRequest{
		Type:            slack.VTModal,
		Title:           plain(say(l, "modal.reask")),
		Submit:          plain(say(l, "modal.reasked")),
		Close:           plain(say(l, "modal.cancel")),
		CallbackID:      formReask,
		PrivateMetadata: formMeta{f.ID, channel, ts}.String(),
		Blocks:          slack.Blocks{BlockSet: blocks},
	}
	if _, err := a.Client.OpenViewContext(ctx, cb.TriggerID, view); err != nil {
		return a.failed(ctx, channel, p, err)
	}
	return nil
}

// paragraphsOf cuts s at line ends into pieces of at most n bytes.
func paragraphsOf(s string, n int) []string {
	var out []string
	for len(s) > n {
		i := strings.LastIndex(s[:n+1], "\n") // a line end right after n bytes will do
		if i <= 0 {
			for i = n; i > 0 && !utf8.RuneStart(s[i]); i-- {
			}
		}
		out = append(out, s[:i])
		s = strings.TrimLeft(s[i:], "\n")
	}
	return append(out, s)
}

// submit acts on a form sent: the correction or the new question's number.
func (a *App) submit(ctx context.Context, cb slack.InteractionCallback) (any, error) {
	if cb.View.CallbackID != formWrong && cb.View.CallbackID != formReask {
		return nil, nil
	}
	meta, ok := parseMeta(cb.View.PrivateMetadata)
	if !ok {
		return nil, fmt.Errorf("slack form %s: bad metadata %q", cb.View.CallbackID, cb.View.PrivateMetadata)
	}
	field := "status"
	if cb.View.CallbackID == formReask {
		field = "number"
	}
	if !a.allowed(ctx, cb.User.ID) {
		return slack.NewErrorsViewSubmissionResponse(map[string]string{field: say(a.langFor(ctx, cb.User.ID), "refused")}), nil
	}
	var resp any
	err := a.once(ctx, cb, func() error {
		p := a.who(ctx, cb.User.ID, cb.User.Name)
		var err error
		resp, err = a.submitForm(ctx, cb, meta, p)
		return err
	})
	return resp, err
}

func (a *App) submitForm(ctx context.Context, cb slack.InteractionCallback, meta formMeta, p person) (any, error) {
	values := map[string]map[string]slack.BlockAction{}
	if cb.View.State != nil {
		values = cb.View.State.Values
	}
	fail := func(field, text string) *slack.ViewSubmissionResponse {
		return slack.NewErrorsViewSubmissionResponse(map[string]string{field: text})
	}
	f, err := a.Store.FollowUp(ctx, meta.id)
	if errors.Is(err, tracker.ErrNotFound) {
		return fail("status", say(p.lang, "notfound", meta.id)), nil
	}
	if err != nil {
		return fail("status", say(p.lang, "failed")), err
	}
	now := a.now()
	l := a.Buttons.Lang
	var line string
	switch cb.View.CallbackID {
	case formWrong:
		st := tracker.Status(values["status"]["status"].SelectedOption.Value)
		c := tracker.Correction{DocumentID: f.DocumentID, QuestionNumber: f.QuestionNumber, Status: st,
			Note: strings.TrimSpace(values["note"]["note"].Value), By: p.name, At: now, Source: tracker.FromSlack}
		if _, err := a.Store.Correct(ctx, c); err != nil {
			if errors.Is(err, tracker.ErrInvalid) {
				return fail("status", say(p.lang, "samestatus")), nil
			}
			return fail("status", say(p.lang, "failed")), err
		}
		line = say(l, "done.corrected", f.ID, l.T("status."+string(st)), p.name, a.when(l, now))
	case formReask:
		num := strings.TrimSpace(values["number"]["number"].Value)
		if f.State == tracker.Done {
			return fail("number", say(p.lang, "closed", f.ID, p.lang.T("outcome."+string(f.Outcome)))), nil
		}
		if err := a.Store.Check(ctx, f.ID, tracker.Reasked, num, say(l, "via"), p.name, now); err != nil {
			if errors.Is(err, tracker.ErrInvalid) {
				return fail("number", say(p.lang, "modal.nonumber")), nil
			}
			return fail("number", say(p.lang, "failed")), err
		}
		line = say(l, "done.reasked", f.ID, num, p.name, a.when(l, now))
	}
	a.rewrite(ctx, meta.channel, meta.ts, nil, f.ID, line)
	return nil, nil
}
