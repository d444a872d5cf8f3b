package tracker

import "time"

// FollowUpFilter selects follow-ups for a listing. Zero fields select all.
type FollowUpFilter struct {
	States   []State      // e.g. Open, Snoozed; empty: all
	DueBy    time.Time    // effective due on or before this day
	Overdue  time.Time    // effective due strictly before this day
	Kind     FollowUpKind // empty: all
	Minister string
	Asker    string
	Document int64
	Limit    int
	Offset   int
}
