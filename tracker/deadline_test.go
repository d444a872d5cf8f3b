package tracker

import (
	"testing"
	"time"
)

func TestEaster(t *testing.T) {
	for _, tc := range []struct {
		year int
		want string
	}{
		{2024, "2024-03-31"},
		{2025, "2025-04-20"},
		{2026, "2026-04-05"},
		{2027, "2027-03-28"},
		{2038, "2038-04-25"}, // the latest possible date
		{2285, "2285-03-22"}, // the earliest possible date
	} {
		if got := Easter(tc.year).Format(DateLayout); got != tc.want {
			t.Errorf("Easter(%d) = %s, want %s", tc.year, got, tc.want)
		}
	}
}

func TestBelgianHolidays(t *testing.T) {
	want := map[int][]string{
		2026: {"2026-01-01", "2026-04-06", "2026-05-01", "2026-05-14", "2026-05-25", "2026-07-21",
			"2026-08-15", "2026-11-01", "2026-11-11", "2026-12-25"},
		2027: {"2027-01-01", "2027-03-29", "2027-05-01", "2027-05-06", "2027-05-17", "2027-07-21",
			"2027-08-15", "2027-11-01", "2027-11-11", "2027-12-25"},
	}
	for year, days := range want {
		got := BelgianHolidays(year)
		if len(got) != len(days) {
			t.Fatalf("%d: %d holidays, want %d", year, len(got), len(days))
		}
		for i, d := range days {
			if g := got[i].Format(DateLayout); g != d {
				t.Errorf("%d: holiday %d = %s, want %s", year, i, g, d)
			}
			if !IsBelgianHoliday(got[i].Add(15 * time.Hour)) {
				t.Errorf("IsBelgianHoliday(%s) = false", d)
			}
		}
	}
	if IsBelgianHoliday(Day(2026, time.April, 7)) {
		t.Error("the Tuesday after Easter is no holiday")
	}
}

func day(s string) time.Time {
	d, err := ParseDay(s)
	if err != nil {
		panic(err)
	}
	return d
}

func TestDeadlines(t *testing.T) {
	summer, err := ParsePeriods("2026-07-11..2026-08-31")
	if err != nil {
		t.Fatal(err)
	}
	withRecess := DefaultDeadlines()
	withRecess.VPRecess = summer
	for _, tc := range []struct {
		name string
		d    Deadlines
		q    FiledQuestion
		want string // "" when there is no deadline
	}{
		{"vp ordinary 4 weeks", DefaultDeadlines(), FiledQuestion{Parliament: VP, Sent: day("2026-02-02")}, "2026-03-02"},
		{"vp across Easter Monday 2026", DefaultDeadlines(), FiledQuestion{Parliament: VP, Sent: day("2026-03-25")}, "2026-04-23"},
		{"vp across Easter Monday 2027", DefaultDeadlines(), FiledQuestion{Parliament: VP, Sent: day("2027-03-19")}, "2027-04-19"},
		{"vp across 1 May, Ascension, Whit Monday", DefaultDeadlines(), FiledQuestion{Parliament: VP, Sent: day("2026-04-30")}, "2026-06-02"},
		{"vp just before Christmas and New Year", DefaultDeadlines(), FiledQuestion{Parliament: VP, Sent: day("2026-12-21")}, "2027-01-20"},
		{"vp sent on a Friday counts from Monday", DefaultDeadlines(), FiledQuestion{Parliament: VP, Sent: day("2026-01-09")}, "2026-02-06"},
		{"vp sent on a holiday", DefaultDeadlines(), FiledQuestion{Parliament: VP, Sent: day("2026-11-11")}, "2026-12-09"},
		{"vp without Sent counts from Filed", DefaultDeadlines(), FiledQuestion{Parliament: VP, Filed: day("2026-03-25")}, "2026-04-23"},
		{"vp Sent wins over Filed", DefaultDeadlines(), FiledQuestion{Parliament: VP, Filed: day("2026-03-20"), Sent: day("2026-03-25")}, "2026-04-23"},
		{"vp over 21 July, no recess", DefaultDeadlines(), FiledQuestion{Parliament: VP, Sent: day("2026-07-01")}, "2026-07-30"},
		{"vp over 21 July, summer recess skipped", withRecess, FiledQuestion{Parliament: VP, Sent: day("2026-07-01")}, "2026-09-17"},
		{"vp no date", DefaultDeadlines(), FiledQuestion{Parliament: VP}, ""},
		{"tk three weeks", DefaultDeadlines(), FiledQuestion{Parliament: TK, Filed: day("2026-03-20")}, "2026-04-10"},
		{"tk no holidays skipped", DefaultDeadlines(), FiledQuestion{Parliament: TK, Filed: day("2026-12-18")}, "2027-01-08"},
		{"tk postponement notice", DefaultDeadlines(), FiledQuestion{Parliament: TK, Filed: day("2026-03-20"), Postponed: day("2026-04-09")}, "2026-04-30"},
		{"tk late postponement notice", DefaultDeadlines(), FiledQuestion{Parliament: TK, Filed: day("2026-03-20"), Postponed: day("2026-04-20")}, "2026-05-11"},
		{"tk other terms", Deadlines{TKWeeks: 6, TKPostponeWeeks: 4}, FiledQuestion{Parliament: TK, Filed: day("2026-03-20")}, "2026-05-01"},
		{"tk no date", DefaultDeadlines(), FiledQuestion{Parliament: TK}, ""},
		{"unknown parliament", DefaultDeadlines(), FiledQuestion{Parliament: "ep", Filed: day("2026-03-20")}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := tc.d.Due(tc.q)
			if tc.want == "" {
				if ok {
					t.Fatalf("Due = %s, want none", got.Format(DateLayout))
				}
				return
			}
			if !ok || got.Format(DateLayout) != tc.want {
				t.Fatalf("Due = %s %v, want %s", got.Format(DateLayout), ok, tc.want)
			}
		})
	}
}

func TestIsLate(t *testing.T) {
	d := DefaultDeadlines()
	q := FiledQuestion{Parliament: VP, Sent: day("2026-03-25")} // due 2026-04-23
	for _, tc := range []struct {
		name string
		q    FiledQuestion
		now  string
		want bool
	}{
		{"on the deadline", q, "2026-04-23", false},
		{"the day after", q, "2026-04-24", true},
		{"answered", FiledQuestion{Parliament: VP, Sent: q.Sent, Answered: day("2026-04-28")}, "2026-04-30", false},
		{"answer document stored", FiledQuestion{Parliament: VP, Sent: q.Sent, AnswerDocumentID: 3}, "2026-04-30", false},
		{"no date", FiledQuestion{Parliament: VP}, "2030-01-01", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if _, got := d.IsLate(tc.q, day(tc.now).Add(9*time.Hour)); got != tc.want {
				t.Errorf("IsLate = %v, want %v", got, tc.want)
			}
		})
	}
}

func TestParsePeriods(t *testing.T) {
	ps, err := ParsePeriods(" 2026-07-11..2026-08-31, 2026-12-24 ")
	if err != nil {
		t.Fatal(err)
	}
	if len(ps) != 2 || !ps[0].Holds(day("2026-07-11")) || !ps[0].Holds(day("2026-08-31")) || ps[0].Holds(day("2026-09-01")) ||
		!ps[1].Holds(day("2026-12-24")) || ps[1].Holds(day("2026-12-25")) {
		t.Errorf("ParsePeriods = %+v", ps)
	}
	for _, bad := range []string{"2026-07-11..", "juli", "2026-08-31..2026-07-11"} {
		if _, err := ParsePeriods(bad); err == nil {
			t.Errorf("ParsePeriods(%q): no error", bad)
		}
	}
}

func BenchmarkDueFlemish(b *testing.B) {
	d := DefaultDeadlines()
	q := FiledQuestion{Parliament: VP, Sent: day("2026-12-21")}
	for b.Loop() {
		d.Due(q)
	}
}

// IsBelgianHoliday, which skips work on most days, agrees with the list on
// every day of 2020 to 2040.
func TestIsBelgianHolidayAgreesWithList(t *testing.T) {
	for y := 2020; y <= 2040; y++ {
		list := map[time.Time]bool{}
		for _, h := range BelgianHolidays(y) {
			list[h] = true
		}
		for d := Day(y, 1, 1); d.Year() == y; d = d.AddDate(0, 0, 1) {
			if IsBelgianHoliday(d) != list[d] {
				t.Errorf("IsBelgianHoliday(%s) = %v", d.Format(DateLayout), !list[d])
			}
		}
	}
}
