package tracker

import "time"

// Easter returns Easter Sunday of year in the Gregorian calendar
// (the anonymous Gregorian algorithm, "Meeus/Jones/Butcher").
func Easter(year int) time.Time {
	a := year % 19
	b, c := year/100, year%100
	d, e := b/4, b%4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - d - g + 15) % 30
	i, k := c/4, c%4
	l := (32 + 2*e + 2*i - h - k) % 7
	m := (a + 11*h + 22*l) / 451
	month := (h + l - 7*m + 114) / 31
	day := (h+l-7*m+114)%31 + 1
	return Day(year, time.Month(month), day)
}

// BelgianHolidays returns the ten Belgian public holidays of year in date
// order: New Year, Easter Monday, Labour Day, Ascension, Whit Monday, the
// national holiday (21 July), Assumption (15 August), All Saints,
// Armistice (11 November) and Christmas. The movable ones follow Easter.
func BelgianHolidays(year int) []time.Time {
	e := Easter(year)
	return []time.Time{
		Day(year, time.January, 1),
		e.AddDate(0, 0, 1), // Easter Monday
		Day(year, time.May, 1),
		e.AddDate(0, 0, 39), // Ascension: Thursday, 39 days after Easter
		e.AddDate(0, 0, 50), // Whit Monday
		Day(year, time.July, 21),
		Day(year, time.August, 15),
		Day(year, time.November, 1),
		Day(year, time.November, 11),
		Day(year, time.December, 25),
	}
}

// IsBelgianHoliday reports whether the day of t is a Belgian public holiday.
// The deadline count asks it for every day, so it computes Easter only for
// the Mondays and Thursdays of March to June, where the movable ones fall.
func IsBelgianHoliday(t time.Time) bool {
	d := DayOf(t)
	switch m, day := d.Month(), d.Day(); {
	case m == time.January && day == 1, m == time.May && day == 1, m == time.July && day == 21,
		m == time.August && day == 15, m == time.November && (day == 1 || day == 11), m == time.December && day == 25:
		return true
	case m < time.March || m > time.June:
		return false
	}
	if wd := d.Weekday(); wd != time.Monday && wd != time.Thursday {
		return false
	}
	e := Easter(d.Year())
	for _, off := range []int{1, 39, 50} { // Easter Monday, Ascension, Whit Monday
		if e.AddDate(0, 0, off).Equal(d) {
			return true
		}
	}
	return false
}
