package loadgen

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// Phase sends Rate requests per second for Duration. A rate of 0 is an idle phase.
type Phase struct {
	Rate     float64
	Duration time.Duration
}

// Schedule is a sequence of phases, run one after the other.
type Schedule []Phase

// ParseSchedule reads a schedule such as "50/s for 60s, 250/s for 1m30s, 0/s for 20s":
// comma-separated phases, each "RATE/s for DURATION" with a non-negative decimal RATE
// (requests per second) and a positive Go duration.
func ParseSchedule(s string) (Schedule, error) {
	if strings.TrimSpace(s) == "" {
		return nil, fmt.Errorf("empty schedule: want phases like %q", "50/s for 60s, 250/s for 60s")
	}
	var sched Schedule
	for i, text := range strings.Split(s, ",") {
		p, err := parsePhase(strings.TrimSpace(text))
		if err != nil {
			return nil, fmt.Errorf("schedule phase %d (%q): %v", i+1, strings.TrimSpace(text), err)
		}
		sched = append(sched, p)
	}
	return sched, nil
}

func parsePhase(text string) (Phase, error) {
	const want = `want "RATE/s for DURATION", e.g. "50/s for 60s"`
	fields := strings.Fields(text)
	if len(fields) != 3 || fields[1] != "for" {
		return Phase{}, fmt.Errorf("%s", want)
	}
	rateText, ok := strings.CutSuffix(fields[0], "/s")
	if !ok {
		return Phase{}, fmt.Errorf("rate %q must end in /s; %s", fields[0], want)
	}
	rate, err := strconv.ParseFloat(rateText, 64)
	if err != nil || math.IsNaN(rate) || math.IsInf(rate, 0) || rate < 0 {
		return Phase{}, fmt.Errorf("rate %q is not a non-negative number", rateText)
	}
	d, err := time.ParseDuration(fields[2])
	if err != nil {
		return Phase{}, fmt.Errorf("duration %q: want a Go duration such as 60s, 2m or 1m30s", fields[2])
	}
	if d <= 0 {
		return Phase{}, fmt.Errorf("duration %q must be positive", fields[2])
	}
	return Phase{Rate: rate, Duration: d}, nil
}

// Total is the schedule's length.
func (s Schedule) Total() time.Duration {
	var t time.Duration
	for _, p := range s {
		t += p.Duration
	}
	return t
}

// Requests is how many requests the schedule sends when nothing is cut short.
func (s Schedule) Requests() int {
	n := 0
	for _, p := range s {
		n += p.count()
	}
	return n
}

// Truncate returns the part of s that falls within its first d.
func (s Schedule) Truncate(d time.Duration) Schedule {
	var out Schedule
	for _, p := range s {
		if d <= 0 {
			break
		}
		p.Duration = min(p.Duration, d)
		d -= p.Duration
		out = append(out, p)
	}
	return out
}

// String formats s the way ParseSchedule reads it.
func (s Schedule) String() string {
	parts := make([]string, len(s))
	for i, p := range s {
		parts[i] = strconv.FormatFloat(p.Rate, 'f', -1, 64) + "/s for " + p.Duration.String()
	}
	return strings.Join(parts, ", ")
}

// count is the number of sends in the phase: one every 1/Rate seconds from its start,
// strictly before its end.
func (p Phase) count() int {
	if p.Rate == 0 {
		return 0
	}
	return int(math.Ceil(p.Rate*p.Duration.Seconds() - 1e-9))
}

// offsets calls yield with the offset from the schedule's start of every send, in
// order, until yield returns false. Offsets are computed from the phase start rather
// than accumulated, so pacing does not drift.
func (s Schedule) offsets(yield func(time.Duration) bool) {
	var phaseStart time.Duration
	for _, p := range s {
		for i := range p.count() {
			at := phaseStart + time.Duration(float64(i)/p.Rate*float64(time.Second))
			if !yield(at) {
				return
			}
		}
		phaseStart += p.Duration
	}
}
