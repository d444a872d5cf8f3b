package source

import (
	"strings"
	"time"

	"github.com/pqtrack/pqtrack/tracker"
)

// Day reads the date part of a service's date or date-time ("2026-11-02",
// "2026-11-02T00:00:00+01:00", "2026-11-02T00:00:00"), as the service
// wrote it: the day in the service's own time zone. The placeholders for
// "no date" ("", "0001-01-01...") read as zero.
func Day(s string) time.Time {
	s = strings.TrimSpace(s)
	if len(s) < 10 || strings.HasPrefix(s, "0001-01-01") {
		return time.Time{}
	}
	t, err := time.Parse(tracker.DateLayout, s[:10])
	if err != nil {
		return time.Time{}
	}
	return tracker.DayOf(t)
}
