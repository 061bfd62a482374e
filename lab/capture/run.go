package main

import (
	"context"
	"encoding/json"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"leakhound.dev/lab/internal/labproc"
	"leakhound.dev/lab/internal/loadgen"
)

// service is what differs between go-shop and java-shop.
type service interface {
	// prepare builds or locates the service before anything runs (the build can be slow).
	prepare(ctx context.Context, c *capture) error
	// start launches it with its stderr going to c's logs.
	start(ctx context.Context, c *capture) (*labproc.Process, error)
	// snapshot writes the phase's ("start" or "end") artifacts.
	snapshot(ctx context.Context, c *capture, p *labproc.Process, phase string) error
	// cleanup runs once the service has stopped (or failed to start): it closes the
	// logs and removes temporary files.
	cleanup()
}

// capture is one capture run: its options, its output directory and its metadata.
type capture struct {
	opts options
	log  *log.Logger
	meta meta
}

// meta is written to meta.json.
type meta struct {
	Service        string            `json:"service"`
	Scenarios      []string          `json:"scenarios"`
	LeakBytes      int               `json:"leakBytes"`
	Schedule       string            `json:"schedule"`
	Duration       string            `json:"duration"`
	GoVersion      string            `json:"goVersion"`
	Start          time.Time         `json:"start"`
	End            time.Time         `json:"end"`
	StartUnixMilli int64             `json:"startUnixMillis"`
	EndUnixMilli   int64             `json:"endUnixMillis"`
	Interrupted    bool              `json:"interrupted"`
	BaseURL        string            `json:"baseURL,omitempty"`
	Pid            int               `json:"pid,omitempty"`
	Load           *loadSummary      `json:"load,omitempty"`
	ServiceInfo    map[string]string `json:"serviceInfo,omitempty"` // per-service details
	Notes          []string          `json:"notes,omitempty"`
	Files          []string          `json:"files"`
}

// loadSummary is the load generator's result in meta.json.
type loadSummary struct {
	Sent           int64   `json:"sent"`
	OK             int64   `json:"ok"`
	Errors         int64   `json:"errors"`
	Dropped        int64   `json:"dropped"`
	ElapsedSeconds float64 `json:"elapsedSeconds"`
	FirstError     string  `json:"firstError,omitempty"`
}

func run(ctx context.Context, opts options) error {
	if err := os.MkdirAll(opts.out, 0o755); err != nil {
		return err
	}
	c := &capture{
		opts: opts,
		log:  log.New(os.Stderr, "capture: ", log.Ltime),
		meta: meta{
			Service:     opts.service,
			Scenarios:   opts.scenarios,
			LeakBytes:   opts.leakBytes,
			Schedule:    opts.schedule.String(),
			Duration:    opts.duration.String(),
			GoVersion:   goVersion(ctx, opts.lab),
			ServiceInfo: map[string]string{},
		},
	}
	var svc service = &goShop{}
	if opts.service == "java-shop" {
		svc = &javaShop{}
	}
	err := svc.prepare(ctx, c)
	if err == nil {
		err = c.runService(ctx, svc)
	}
	svc.cleanup()
	if ctx.Err() != nil {
		c.meta.Interrupted = true
	}
	if werr := c.writeMeta(); err == nil {
		err = werr
	}
	if err == nil {
		c.log.Printf("wrote %d files to %s", len(c.meta.Files), opts.out)
	}
	return err
}

// runService runs the timeline: start, sample signals, start snapshot, load for the
// duration, end snapshot, stop. The service is stopped on every path out.
func (c *capture) runService(ctx context.Context, svc service) error {
	p, err := svc.start(ctx, c)
	if err != nil {
		return err
	}
	defer func() {
		// 143 = 128+SIGTERM is how a JVM reports a clean shutdown on SIGTERM.
		if err := p.Stop(); err != nil && !strings.Contains(err.Error(), "exit status 143") {
			c.log.Printf("%s exited with %v", c.opts.service, err)
		}
		c.log.Printf("%s stopped", c.opts.service)
	}()
	c.meta.BaseURL, c.meta.Pid = p.BaseURL, p.Pid()
	c.log.Printf("%s listening on %s (pid %d)", c.opts.service, p.Addr, p.Pid())

	start := time.Now()
	c.meta.Start, c.meta.StartUnixMilli = start.UTC(), start.UnixMilli()
	defer func() {
		end := time.Now()
		c.meta.End, c.meta.EndUnixMilli = end.UTC(), end.UnixMilli()
	}()

	sampler, err := startSampler(ctx, c, p.Client())
	if err != nil {
		return err
	}
	samplerStopped := false
	defer func() {
		if !samplerStopped {
			sampler.stop()
		}
	}()
	if err := svc.snapshot(ctx, c, p, "start"); err != nil {
		return err
	}

	// The run's clock starts with the load; the schedule is cut at the duration, and
	// the requests still in flight then get a few seconds to finish.
	sched := c.opts.schedule.Truncate(c.opts.duration)
	c.log.Printf("load %q, then idle until %v have passed", sched, c.opts.duration)
	loadStart := time.Now()
	res, err := loadgen.Run(ctx, loadgen.Config{
		Target:      p.BaseURL,
		Schedule:    sched,
		MaxTime:     c.opts.duration + 5*time.Second,
		Concurrency: c.opts.concurrency,
	})
	if err != nil {
		return fmt.Errorf("load: %w", err)
	}
	c.meta.Load = &loadSummary{res.Sent, res.OK, res.Errors, res.Dropped, res.Elapsed.Seconds(), res.FirstError}
	c.log.Printf("load: %v", res)
	select {
	case <-time.After(time.Until(loadStart.Add(c.opts.duration))):
	case <-ctx.Done():
		return ctx.Err()
	case <-p.Done():
		return fmt.Errorf("%s exited during the run (%v):\n%s", c.opts.service, p.ExitErr(), p.StderrTail())
	}
	if ctx.Err() != nil {
		return ctx.Err()
	}
	if err := sampler.stop(); err != nil {
		return err
	}
	samplerStopped = true
	return svc.snapshot(ctx, c, p, "end")
}

// path is the absolute path of an artifact in the output directory.
func (c *capture) path(name string) string { return filepath.Join(c.opts.out, name) }

// wrote records an artifact for meta.json.
func (c *capture) wrote(name string) {
	if !slices.Contains(c.meta.Files, name) {
		c.meta.Files = append(c.meta.Files, name)
	}
}

func (c *capture) writeFile(name string, data []byte) error {
	if err := os.WriteFile(c.path(name), data, 0o644); err != nil {
		return err
	}
	c.wrote(name)
	return nil
}

func (c *capture) note(format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	c.meta.Notes = append(c.meta.Notes, msg)
	c.log.Print(msg)
}

// fetch saves the body of GET path to the artifact name.
func (c *capture) fetch(ctx context.Context, lab *labproc.Client, path, name string) error {
	body, err := lab.Get(ctx, path)
	if err != nil {
		return err
	}
	return c.writeFile(name, body)
}

func (c *capture) writeMeta() error {
	c.wrote("meta.json")
	data, err := json.MarshalIndent(c.meta, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(c.path("meta.json"), append(data, '\n'), 0o644)
}
