// Package loadgen is the lab's bounded load generator: it sends a lab service's
// scenario routes round-robin at a scheduled rate and always stops by itself.
//
// Pacing is open-loop: request i of a phase is due at phaseStart + i/rate whatever the
// target's latency, so a slow target sees the load it was promised rather than less.
// At most Config.Concurrency requests are in flight; a request that is due while all
// slots are busy is dropped and counted, never queued. Only loopback targets are
// accepted (see CheckTarget), both when the URL is read and when a connection is made.
//
// Run is safe to call from several goroutines at once; each call has its own client.
package loadgen

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"leakhound.dev/lab/internal/labapi"
	"leakhound.dev/lab/internal/labproc"
)

// Config describes one load run.
type Config struct {
	Target         string         // base URL, e.g. http://127.0.0.1:8080
	Schedule       Schedule       // what to send, and when
	MaxTime        time.Duration  // hard cap on the whole run; 0 = the schedule's length plus RequestTimeout
	Concurrency    int            // most requests in flight; 0 = 64
	RequestTimeout time.Duration  // per request; 0 = 10 s
	Routes         []labapi.Route // routes to send; nil = discover them with GET /lab/routes
}

// Result counts what a run did.
type Result struct {
	Sent       int64 // requests started
	OK         int64 // answered with a 2xx status
	Errors     int64 // failed, timed out, or answered with another status
	Dropped    int64 // due while Concurrency requests were already in flight
	Elapsed    time.Duration
	FirstError string // the first error seen, for the summary
}

// String is the one-line summary the load command prints.
func (r Result) String() string {
	s := fmt.Sprintf("sent=%d ok=%d errors=%d dropped=%d elapsed=%s", r.Sent, r.OK, r.Errors, r.Dropped, r.Elapsed.Round(time.Millisecond))
	if r.FirstError != "" {
		s += fmt.Sprintf(" first-error=%q", r.FirstError)
	}
	return s
}

// Run sends cfg.Schedule to cfg.Target and returns when the schedule is over (and the
// requests in flight have finished or timed out), when cfg.MaxTime has passed, or when
// ctx is cancelled, whichever comes first. The error is about setup (target, routes);
// request failures are counted in the Result.
func Run(ctx context.Context, cfg Config) (Result, error) {
	if err := CheckTarget(cfg.Target); err != nil {
		return Result{}, err
	}
	if len(cfg.Schedule) == 0 {
		return Result{}, errors.New("empty schedule")
	}
	if cfg.Concurrency <= 0 {
		cfg.Concurrency = 64
	}
	if cfg.RequestTimeout <= 0 {
		cfg.RequestTimeout = 10 * time.Second
	}
	if cfg.MaxTime <= 0 {
		cfg.MaxTime = cfg.Schedule.Total() + cfg.RequestTimeout
	}
	start := time.Now()
	ctx, cancel := context.WithDeadline(ctx, start.Add(cfg.MaxTime))
	defer cancel()

	client := newClient(cfg.Concurrency, cfg.RequestTimeout)
	defer client.CloseIdleConnections()
	target := strings.TrimRight(cfg.Target, "/")

	routes := cfg.Routes
	if routes == nil {
		lab := &labproc.Client{BaseURL: target, HTTP: client}
		var err error
		if routes, err = lab.Routes(ctx); err != nil {
			return Result{}, fmt.Errorf("discovering routes: %w", err)
		}
	}
	if len(routes) == 0 {
		return Result{}, fmt.Errorf("%s serves no scenario routes (was it started without -scenarios?)", target)
	}

	r := &runner{client: client, target: target, routes: routes}
	r.pace(ctx, start, cfg)
	res := r.result()
	res.Elapsed = time.Since(start)
	return res, nil
}

// runner holds one run's counters; they are updated by the request goroutines.
type runner struct {
	client   *http.Client
	target   string
	routes   []labapi.Route
	sent     atomic.Int64
	ok       atomic.Int64
	errs     atomic.Int64
	dropped  atomic.Int64
	errOnce  sync.Once
	firstErr string
}

func (r *runner) pace(ctx context.Context, start time.Time, cfg Config) {
	slots := make(chan struct{}, cfg.Concurrency)
	var inFlight sync.WaitGroup
	defer inFlight.Wait()

	timer := time.NewTimer(0)
	defer timer.Stop()
	<-timer.C
	next := 0
	for offset := range cfg.Schedule.offsets {
		if offset >= cfg.MaxTime {
			return
		}
		if wait := time.Until(start.Add(offset)); wait > 0 {
			timer.Reset(wait)
			select {
			case <-timer.C:
			case <-ctx.Done():
				return
			}
		} else if ctx.Err() != nil {
			return
		}
		select {
		case slots <- struct{}{}:
		default:
			r.dropped.Add(1)
			continue
		}
		route := r.routes[next%len(r.routes)]
		next++
		r.sent.Add(1)
		inFlight.Add(1)
		go func() {
			defer inFlight.Done()
			defer func() { <-slots }()
			r.send(ctx, route)
		}()
	}
}

func (r *runner) send(ctx context.Context, route labapi.Route) {
	var body io.Reader
	if route.Body != "" {
		body = strings.NewReader(route.Body)
	}
	req, err := http.NewRequestWithContext(ctx, route.Method, r.target+route.Path, body)
	if err != nil {
		r.fail(err)
		return
	}
	if route.Body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := r.client.Do(req)
	if err != nil {
		r.fail(err)
		return
	}
	// Drain so the connection goes back to the pool instead of a new one per request.
	_, _ = io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	if resp.StatusCode/100 != 2 {
		r.fail(fmt.Errorf("%s %s: HTTP %d", route.Method, route.Path, resp.StatusCode))
		return
	}
	r.ok.Add(1)
}

func (r *runner) fail(err error) {
	r.errs.Add(1)
	r.errOnce.Do(func() { r.firstErr = err.Error() })
}

func (r *runner) result() Result {
	res := Result{Sent: r.sent.Load(), OK: r.ok.Load(), Errors: r.errs.Load(), Dropped: r.dropped.Load()}
	// Called after every request goroutine has finished, so firstErr is settled.
	res.FirstError = r.firstErr
	return res
}

// newClient keeps one idle connection per possible in-flight request, so a steady
// load reuses connections instead of exhausting ephemeral ports, dials loopback only,
// and never follows redirects.
func newClient(concurrency int, timeout time.Duration) *http.Client {
	dialer := &net.Dialer{Timeout: 5 * time.Second, Control: loopbackOnly}
	transport := &http.Transport{
		DialContext:         dialer.DialContext,
		MaxIdleConns:        concurrency,
		MaxIdleConnsPerHost: concurrency,
		IdleConnTimeout:     30 * time.Second,
		DisableCompression:  true,
	}
	return &http.Client{
		Transport:     transport,
		Timeout:       timeout,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
}
