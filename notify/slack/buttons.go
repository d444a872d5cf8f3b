package slack

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/pqtrack/pqtrack/notify"
	"github.com/slack-go/slack"
)

// The actions of the buttons under a message. A button's value is
// "action:followup-id"; the date picker, which has no value, names its
// follow-up in its block's id (blockPrefix + id), as every button does too.
const (
	ActDelivered = "delivered" // close as delivered
	ActWeek      = "week"      // snooze a week
	ActDate      = "date"      // snooze until the date picked
	ActReask     = "reask"     // open the draft; its form closes as asked again
	ActWrong     = "wrong"     // open the form that corrects the judgement
	ActOpen      = "open"      // the link to the dashboard: nothing to do
)

// blockPrefix starts the block id of a follow-up's buttons.
const blockPrefix = "pqtrack:fu:"

// Buttons says how the buttons under messages look: their language and the
// dashboard their link opens.
type Buttons struct {
	Lang      notify.Lang
	Dashboard string // base URL of the dashboard, "http://host:8080"; "": no link button
}

// Block returns the buttons for follow-up id: "Geleverd", "Later" (a week,
// or a date picked), "Opnieuw vragen", "Klopt niet" and the dashboard link.
func (b Buttons) Block(id int64) *slack.ActionBlock {
	l := b.Lang
	btn := func(act string) *slack.ButtonBlockElement {
		return slack.NewButtonBlockElement(act, value(act, id), plain(say(l, "button."+act)))
	}
	delivered := btn(ActDelivered).WithStyle(slack.StylePrimary)
	picker := slack.NewDatePickerBlockElement(ActDate)
	picker.Placeholder = plain(say(l, "button."+ActDate))
	els := []slack.BlockElement{delivered, btn(ActWeek), picker, btn(ActReask), btn(ActWrong)}
	if b.Dashboard != "" {
		link := btn(ActOpen)
		link.URL = fmt.Sprintf("%s/followups/%d", strings.TrimRight(b.Dashboard, "/"), id)
		els = append(els, link)
	}
	return slack.NewActionBlock(blockID(id), els...)
}

// Attach appends the buttons of each follow-up in fs to bs: the same
// buttons on reminders, arrival messages and any other message about
// follow-ups. With more than one follow-up (an arrival message) each row
// is labelled with its follow-up and question. Rows beyond Slack's 50
// blocks are left out.
func (b Buttons) Attach(bs []slack.Block, fs []notify.FollowUpRef) []slack.Block {
	for _, f := range fs {
		id := f.ID
		need := 1
		if len(fs) > 1 {
			need = 2
		}
		if len(bs)+need > maxBlocks {
			break
		}
		if len(fs) > 1 {
			label := say(b.Lang, "followup", id)
			if f.Question > 0 {
				label = say(b.Lang, "arrival.buttons.of", id, f.Question)
			}
			bs = append(bs, slack.NewContextBlock(contextID(id), slack.NewTextBlockObject(slack.MarkdownType, escape(label), false, false)))
		}
		bs = append(bs, b.Block(id))
	}
	return bs
}

func plain(s string) *slack.TextBlockObject {
	return slack.NewTextBlockObject(slack.PlainTextType, s, false, false)
}

func blockID(id int64) string   { return blockPrefix + strconv.FormatInt(id, 10) }
func contextID(id int64) string { return "pqtrack:label:" + strconv.FormatInt(id, 10) }

func value(act string, id int64) string { return act + ":" + strconv.FormatInt(id, 10) }

// parseValue reads a button's value.
func parseValue(v string) (act string, id int64, ok bool) {
	act, n, found := strings.Cut(v, ":")
	if !found {
		return "", 0, false
	}
	id, err := strconv.ParseInt(n, 10, 64)
	return act, id, err == nil && id > 0
}

// parseBlockID reads the follow-up id of a block of buttons.
func parseBlockID(s string) (int64, bool) {
	n, found := strings.CutPrefix(s, blockPrefix)
	if !found {
		return 0, false
	}
	id, err := strconv.ParseInt(n, 10, 64)
	return id, err == nil && id > 0
}
