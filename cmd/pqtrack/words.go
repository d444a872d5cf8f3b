package main

import (
	"fmt"

	"github.com/pqtrack/pqtrack/notify"
)

// words are the lines one command prints for staff: key to Dutch and
// English. Each command keeps its own next to its code; the words every
// message shares (statuses, kinds, outcomes, dates) come from notify's
// catalogue through notify.Lang.T and notify.Lang.Date.
type words map[string][2]string

// say writes key of w in lang, Dutch unless lang is English, formatting
// args into it. A missing key shows as itself, so a gap is visible.
func say(lang notify.Lang, w words, key string, args ...any) string {
	m, ok := w[key]
	if !ok {
		return key
	}
	s := m[0]
	if lang == notify.English && m[1] != "" {
		s = m[1]
	}
	if len(args) > 0 {
		return fmt.Sprintf(s, args...)
	}
	return s
}
