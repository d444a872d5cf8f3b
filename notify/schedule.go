package notify

import (
	"context"
	"fmt"
	"log"
	"log/slog"
	"time"

	"github.com/pqtrack/pqtrack/tracker"
	"github.com/robfig/cron/v3"
)

// Default schedules, in Europe/Brussels. Nothing runs between 02:00 and
// 03:00, the hour daylight saving time skips or repeats.
const (
	DefaultRemindSpec = "0 8 * * 1-5" // weekdays 08:00
	DefaultDigestSpec = "0 8 * * 1"   // Monday 08:00
	// DefaultRetrySpec retries what failed: this week's digest, work a
	// stopped run left. It runs in the 02:00 hour too: a retry skipped or
	// repeated there does no harm, as every send is claimed and logged.
	DefaultRetrySpec = "*/15 * * * *"
)

// specParser reads standard five-field specs and descriptors (@daily).
var specParser = cron.NewParser(cron.Minute | cron.Hour | cron.Dom | cron.Month | cron.Dow | cron.Descriptor)

// ParseSpec reads a cron spec, in loc unless the spec names its own zone
// with CRON_TZ=. Some malformed specs panic inside cron's parser; they are
// reported as errors.
func ParseSpec(spec string, loc *time.Location) (s cron.Schedule, err error) {
	return parseSpec(specParser, spec, loc)
}

func parseSpec(p cron.Parser, spec string, loc *time.Location) (s cron.Schedule, err error) {
	defer func() {
		if r := recover(); r != nil {
			s, err = nil, fmt.Errorf("cron spec %q: malformed (%v): %w", spec, r, tracker.ErrInvalid)
		}
	}()
	s, err = p.Parse(spec)
	if err != nil {
		return nil, fmt.Errorf("cron spec %q: %v: %w", spec, err, tracker.ErrInvalid)
	}
	// Without CRON_TZ the parser leaves time.Local, which makes Next follow
	// the zone of its argument; pin it so Next(last) is right for a last
	// run read back from the store in UTC.
	if ss, ok := s.(*cron.SpecSchedule); ok && ss.Location == time.Local {
		ss.Location = loc
	}
	return s, nil
}

// CatchUp says how a job makes up for runs missed while the service was down.
type CatchUp int

const (
	// Sweep jobs run once at every start: they work from absolute due dates
	// and a send log, so a run sends exactly what was missed.
	Sweep CatchUp = iota
	// Missed jobs run at start only if a scheduled run was missed:
	// Schedule.Next(last run) <= now.
	Missed
)

// Job is one scheduled job of the service.
type Job struct {
	Name     string
	Schedule cron.Schedule
	CatchUp  CatchUp
	Run      func(ctx context.Context, now time.Time) error
}

// RunLog keeps when each job last ran successfully.
type RunLog interface {
	LastRun(ctx context.Context, job string) (time.Time, error)
	SetLastRun(ctx context.Context, job string, at time.Time) error
}

// Service runs jobs on their schedules in Loc, after catching up at start.
type Service struct {
	Jobs []Job
	Runs RunLog
	Loc  *time.Location
	Now  func() time.Time // nil: time.Now; tests inject a clock
	Log  *slog.Logger     // nil: slog.Default()

	cron   *cron.Cron
	ctx    context.Context
	cancel context.CancelFunc
}

func (s *Service) now() time.Time {
	if s.Now != nil {
		return s.Now().In(s.Loc)
	}
	return time.Now().In(s.Loc)
}

func (s *Service) logger() *slog.Logger {
	if s.Log != nil {
		return s.Log
	}
	return slog.Default()
}

// Start catches up on missed runs, then starts the scheduler. Jobs get a
// context that Stop cancels, so they stop between messages. Catch-up
// errors are logged, not returned: a service that cannot reach Slack at
// start should still run and try again on schedule.
func (s *Service) Start(ctx context.Context) error {
	if s.Loc == nil {
		return fmt.Errorf("service: no time zone")
	}
	s.ctx, s.cancel = context.WithCancel(ctx)
	l := cron.PrintfLogger(log.New(slogWriter{s.logger()}, "", 0))
	s.cron = cron.New(
		cron.WithLocation(s.Loc),
		cron.WithLogger(l),
		// Recover innermost: the other order stops a job for good after a panic.
		cron.WithChain(cron.SkipIfStillRunning(l), cron.Recover(l)),
	)
	for _, j := range s.Jobs {
		if j.Schedule == nil {
			return fmt.Errorf("service: job %s has no schedule", j.Name)
		}
	}
	for _, j := range s.Jobs {
		if s.ctx.Err() != nil {
			break
		}
		s.catchUp(j)
	}
	for _, j := range s.Jobs {
		s.cron.Schedule(j.Schedule, cron.FuncJob(func() { s.run(j) }))
	}
	s.cron.Start()
	return nil
}

func (s *Service) catchUp(j Job) {
	now := s.now()
	if j.CatchUp == Missed {
		last, err := s.Runs.LastRun(s.ctx, j.Name)
		if err != nil {
			s.logger().Error("catch-up: last run", "job", j.Name, "err", err)
			return
		}
		// A job that never ran has missed its runs (and Next of the zero
		// time is zero for cron: it searches only five years ahead).
		if next := j.Schedule.Next(last); !last.IsZero() && next.After(now) {
			s.logger().Info("catch-up: nothing missed", "job", j.Name, "next", next)
			return
		}
	}
	s.logger().Info("catch-up", "job", j.Name)
	s.run(j)
}

// run runs j once at the service's now and records the run if it succeeded.
func (s *Service) run(j Job) {
	now := s.now()
	if err := j.Run(s.ctx, now); err != nil {
		s.logger().Error("job failed", "job", j.Name, "err", err)
		return
	}
	if err := s.Runs.SetLastRun(context.WithoutCancel(s.ctx), j.Name, now); err != nil {
		s.logger().Error("job ran, last run not recorded", "job", j.Name, "err", err)
	}
}

// Stop stops the scheduler, lets the job in flight finish its message and
// waits for it.
func (s *Service) Stop() {
	if s.cron == nil {
		return
	}
	s.cancel()
	<-s.cron.Stop().Done()
}

// slogWriter turns cron's printf logging into structured log lines.
type slogWriter struct{ l *slog.Logger }

func (w slogWriter) Write(p []byte) (int, error) {
	w.l.Info(string(trimNewline(p)), "component", "cron")
	return len(p), nil
}

func trimNewline(p []byte) []byte {
	for len(p) > 0 && (p[len(p)-1] == '\n' || p[len(p)-1] == '\r') {
		p = p[:len(p)-1]
	}
	return p
}
