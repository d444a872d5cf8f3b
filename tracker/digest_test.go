package tracker

import (
	"errors"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestParseISOWeek(t *testing.T) {
	tests := []struct {
		in         string
		year, week int
		bad        bool
	}{
		{in: "2023-W07", year: 2023, week: 7},
		{in: "2023W07", year: 2023, week: 7},
		{in: "2023-w7", year: 2023, week: 7},
		{in: "2020-W53", year: 2020, week: 53}, // 2020 has 53 ISO weeks
		{in: "2023-W53", bad: true},
		{in: "2023-W00", bad: true},
		{in: "2023-07", bad: true},
		{in: "W07", bad: true},
		{in: "", bad: true},
	}
	for _, tt := range tests {
		y, w, err := ParseISOWeek(tt.in)
		if tt.bad {
			if !errors.Is(err, ErrInvalid) {
				t.Errorf("ParseISOWeek(%q) = %d, %d, %v; want ErrInvalid", tt.in, y, w, err)
			}
			continue
		}
		if err != nil || y != tt.year || w != tt.week {
			t.Errorf("ParseISOWeek(%q) = %d, %d, %v; want %d, %d", tt.in, y, w, err, tt.year, tt.week)
		}
	}
}

func TestISOWeekStart(t *testing.T) {
	tests := []struct {
		year, week int
		want       time.Time
	}{
		{2023, 7, Day(2023, time.February, 13)},
		{2023, 1, Day(2023, time.January, 2)},
		{2021, 1, Day(2021, time.January, 4)},
		{2020, 53, Day(2020, time.December, 28)},
		{2026, 1, Day(2025, time.December, 29)},
	}
	for _, tt := range tests {
		got := ISOWeekStart(tt.year, tt.week)
		if !got.Equal(tt.want) {
			t.Errorf("ISOWeekStart(%d, %d) = %s, want %s", tt.year, tt.week, got, tt.want)
		}
		if y, w := got.ISOWeek(); y != tt.year || w != tt.week || got.Weekday() != time.Monday {
			t.Errorf("ISOWeekStart(%d, %d) = %s is in %d-W%d", tt.year, tt.week, got, y, w)
		}
	}
}

func TestBuildDigest(t *testing.T) {
	brussels, err := time.LoadLocation("Europe/Brussels")
	if err != nil {
		t.Skip("no time zone data:", err)
	}
	// Week 2023-W07 runs from Monday 13 to Sunday 19 February 2023.
	fu := func(id int64, minister string, due time.Time, st State) FollowUp {
		return FollowUp{ID: id, DocumentID: 1, Kind: FollowPromise, Due: due, State: st, Minister: minister}
	}
	snoozed := fu(6, "Crevits", Day(2023, 2, 1), Snoozed)
	snoozed.SnoozedUntil = Day(2023, 2, 20) // next week: neither due nor overdue
	closed := fu(7, "Crevits", Day(2023, 2, 1), Done)
	closed.Outcome = Delivered
	followUps := []FollowUp{
		fu(1, "Crevits", Day(2023, 2, 13), Open), // Monday: due
		fu(2, "Crevits", Day(2023, 2, 19), Open), // Sunday: due
		fu(3, "Crevits", Day(2023, 2, 20), Open), // next Monday: not yet
		fu(4, "Somers", Day(2023, 2, 12), Open),  // Sunday before: overdue
		fu(5, "Crevits", Day(2023, 2, 14), Done), // done: nowhere
		snoozed, closed,
		{ID: 8, DocumentID: 9, Due: Day(2023, 2, 15), State: Open}, // minister from document
	}
	docs := []Document{
		{ID: 9, Kind: KindAnswer, Title: "Vraag over kinderopvang", Minister: "Beke",
			Items: []Item{{Status: Answered}, {Status: Pending}, {Status: Pending}}},
		{ID: 10, Kind: KindAnswer, Title: "Vraag over wegen", Minister: "Peeters",
			Items: []Item{{Status: Answered}}}, // nothing owed: counted, not listed
		{ID: 11, Kind: KindMeeting, Title: "Commissie", Minister: "Beke"}, // not an answer
	}
	at := func(d, h, m int) time.Time { return time.Date(2023, 2, d, h, m, 0, 0, brussels) }
	events := []FollowUpEvent{
		{FollowUpID: 7, At: at(6, 0, 0), Action: "done", Note: "brief ontvangen"}, // Monday of last week, 00:00: in
		{FollowUpID: 7, At: at(5, 23, 59), Action: "done"},                        // before the period
		{FollowUpID: 7, At: at(12, 23, 59), Action: "done", By: "an"},             // Sunday night Brussels: in
		{FollowUpID: 7, At: at(13, 0, 0), Action: "done"},                         // this Monday: out
		{FollowUpID: 7, At: at(8, 10, 0), Action: "snoozed"},                      // not a closure
		{FollowUpID: 99, At: at(8, 10, 0).In(time.UTC), Action: "done"},           // unknown follow-up
	}
	now := at(13, 8, 0)
	d := BuildDigest(2023, 7, brussels, followUps, docs, events, now)

	if !d.Start.Equal(Day(2023, 2, 13)) || !d.End.Equal(Day(2023, 2, 19)) {
		t.Errorf("week = %s..%s", d.Start, d.End)
	}
	ids := func(fs []FollowUp) []int64 {
		var out []int64
		for _, f := range fs {
			out = append(out, f.ID)
		}
		return out
	}
	type summary struct {
		Minister string
		Due      []int64
		Overdue  []int64
		Docs     []int64
		Closed   []time.Time
	}
	var got []summary
	for _, g := range d.Groups {
		s := summary{Minister: g.Minister, Due: ids(g.Due), Overdue: ids(g.Overdue)}
		for _, doc := range g.NewDocs {
			s.Docs = append(s.Docs, doc.ID)
		}
		for _, c := range g.Closed {
			s.Closed = append(s.Closed, c.At)
		}
		got = append(got, s)
	}
	want := []summary{
		{Minister: "Beke", Due: []int64{8}, Docs: []int64{9}},
		{Minister: "Crevits", Due: []int64{1, 2}, Closed: []time.Time{at(6, 0, 0), at(12, 23, 59)}},
		{Minister: "Somers", Overdue: []int64{4}},
		{Minister: "", Closed: []time.Time{at(8, 10, 0).In(time.UTC)}},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("groups (-want +got):\n%s", diff)
	}
	wantTotal := DigestTotal{Due: 3, Overdue: 1, Closed: 3, NewDocs: 2, Flagged: 1,
		Statuses: []StatusCount{{Answered, 2}, {Pending, 2}}}
	if diff := cmp.Diff(wantTotal, d.Total); diff != "" {
		t.Errorf("total (-want +got):\n%s", diff)
	}
	if c := d.Groups[1].Closed[0]; c.FollowUp.Outcome != Delivered || c.Note != "brief ontvangen" {
		t.Errorf("closure = %+v, want outcome and note of follow-up 7", c)
	}
	if got := d.Groups[0].NewDocs[0].Statuses; !cmp.Equal(got, []StatusCount{{Answered, 1}, {Pending, 2}}) {
		t.Errorf("document statuses = %v", got)
	}
	if d.Empty() {
		t.Error("Empty() = true")
	}
	if e := BuildDigest(2023, 7, brussels, nil, nil, nil, now); !e.Empty() || len(e.Groups) != 0 {
		t.Errorf("empty digest = %+v", e)
	}
}
