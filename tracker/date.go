package tracker

import "time"

// DateLayout is how dates are written everywhere pqtrack shows or stores them.
const DateLayout = "2006-01-02"

// Day returns the calendar day y-m-d as a time at midnight UTC. All dates in
// pqtrack are days in this form, so they compare and subtract simply.
func Day(y int, m time.Month, d int) time.Time {
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// DayOf returns the calendar day of t as seen in t's own location.
func DayOf(t time.Time) time.Time {
	return Day(t.Date())
}

// ParseDay reads a date written as YYYY-MM-DD.
func ParseDay(s string) (time.Time, error) {
	return time.Parse(DateLayout, s)
}

// Precision says how exactly a resolved date was named in the text: a promise
// "voor de zomer" resolves to 21 June with precision season.
type Precision string

const (
	PrecisionDay     Precision = "day"
	PrecisionMonth   Precision = "month"
	PrecisionQuarter Precision = "quarter"
	PrecisionHalf    Precision = "half"
	PrecisionSeason  Precision = "season"
	PrecisionYear    Precision = "year"
)
