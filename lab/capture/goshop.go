package main

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"

	"leakhound.dev/lab/internal/labproc"
)

// escapeFlags applies -m to go-shop's own packages only (a bare -gcflags=-m would
// cover just the main package, and "all=" would drown it in gin's).
const escapeFlags = "leakhound.dev/lab/go-shop/..."

// goShop captures go-shop.
type goShop struct {
	binary       string // the binary that runs
	tmp          string
	leakProfile  bool // built with GOEXPERIMENT=goroutineleakprofile and serving it
	builtLeakBin bool
	logs         *goshopLogs
}

// prepare builds go-shop three times: with -m (escape.txt; this binary runs unless
// the next one builds), with -m -m (escape-mm.txt), and with
// GOEXPERIMENT=goroutineleakprofile for the goroutineleak profile.
func (g *goShop) prepare(ctx context.Context, c *capture) error {
	tmp, err := os.MkdirTemp("", "capture-go-shop-")
	if err != nil {
		return err
	}
	g.tmp = tmp
	build := func(name string, flags, env []string) ([]byte, error) {
		return labproc.GoBuild(ctx, labproc.BuildSpec{
			Dir: c.opts.lab, Package: "./go-shop", Output: filepath.Join(tmp, name), Flags: flags, Env: env,
		})
	}

	c.log.Printf("building go-shop with -gcflags=%s=-m", escapeFlags)
	out, err := build("go-shop", []string{"-gcflags=" + escapeFlags + "=-m"}, nil)
	if err != nil {
		return err
	}
	if err := c.writeFile("escape.txt", out); err != nil {
		return err
	}
	g.binary = filepath.Join(tmp, "go-shop")

	c.log.Printf("building go-shop with -gcflags='%s=-m -m'", escapeFlags)
	out, err = build("go-shop-mm", []string{"-gcflags=" + escapeFlags + "=-m -m"}, nil)
	if err != nil {
		return err
	}
	if err := c.writeFile("escape-mm.txt", out); err != nil {
		return err
	}

	c.log.Print("building go-shop with GOEXPERIMENT=goroutineleakprofile")
	if out, err := build("go-shop-leakprofile", nil, []string{"GOEXPERIMENT=goroutineleakprofile"}); err != nil {
		c.note("this toolchain cannot build with GOEXPERIMENT=goroutineleakprofile, so there is no goroutineleak profile: %s", firstLine(out))
	} else {
		g.binary = filepath.Join(tmp, "go-shop-leakprofile")
		g.builtLeakBin = true
	}
	c.meta.ServiceInfo["goroutineleakExperiment"] = strconv.FormatBool(g.builtLeakBin)
	return nil
}

func (g *goShop) start(ctx context.Context, c *capture) (*labproc.Process, error) {
	logs, err := newGoshopLogs(c)
	if err != nil {
		return nil, err
	}
	g.logs = logs
	args := []string{"-port", "0", "-scenarios", strings.Join(c.opts.scenarios, ","), "-leak-bytes", strconv.Itoa(c.opts.leakBytes)}
	if c.opts.memProfRate > 0 {
		args = append(args, "-mem-profile-rate", strconv.Itoa(c.opts.memProfRate))
		c.meta.ServiceInfo["memProfileRate"] = strconv.Itoa(c.opts.memProfRate)
	}
	p, err := labproc.Start(ctx, labproc.Spec{
		Path:   g.binary,
		Args:   args,
		Env:    []string{"GODEBUG=gctrace=1"},
		Stderr: logs,
		Stdout: logs,
	})
	if err != nil {
		return nil, err
	}
	if g.builtLeakBin {
		index, err := p.Client().Get(ctx, "/debug/pprof/")
		g.leakProfile = err == nil && bytes.Contains(index, []byte("goroutineleak"))
		if !g.leakProfile {
			c.note("go-shop was built with GOEXPERIMENT=goroutineleakprofile but /debug/pprof/ does not list goroutineleak")
		}
	}
	c.meta.ServiceInfo["goroutineleakProfile"] = strconv.FormatBool(g.leakProfile)
	return p, nil
}

// cleanup flushes the logs and removes the binaries once go-shop has stopped.
func (g *goShop) cleanup() {
	if g.logs != nil {
		g.logs.Close()
	}
	if g.tmp != "" {
		os.RemoveAll(g.tmp)
	}
}

// snapshot saves the pprof profiles of a phase. The heap profile is taken with ?gc=1:
// it shows the heap as of the last completed GC, and a slowly growing heap may not
// have collected for a long while, so the snapshot forces one to be current.
func (g *goShop) snapshot(ctx context.Context, c *capture, p *labproc.Process, phase string) error {
	lab := p.Client()
	c.log.Printf("saving %s profiles", phase)
	files := []struct{ path, name string }{
		{"/debug/pprof/heap?gc=1", "heap-" + phase + ".pb.gz"},
		{"/debug/pprof/heap?gc=1&debug=1", "heap-" + phase + ".debug1.txt"},
		{"/debug/pprof/goroutine", "goroutine-" + phase + ".pb.gz"},
		{"/debug/pprof/goroutine?debug=1", "goroutine-" + phase + ".debug1.txt"},
		{"/debug/pprof/goroutine?debug=2", "goroutine-" + phase + ".debug2.txt"},
		{"/metrics", "metrics-" + phase + ".txt"},
		{"/debug/vars", "vars-" + phase + ".json"},
	}
	for _, f := range files {
		if err := c.fetch(ctx, lab, f.path, f.name); err != nil {
			return err
		}
	}
	if phase != "end" {
		return nil
	}
	if !g.leakProfile {
		return c.writeFile("goroutineleak-end.note.txt", []byte(
			"No goroutineleak profile: go-shop could not be built with GOEXPERIMENT=goroutineleakprofile\n"+
				"or did not serve /debug/pprof/goroutineleak (Go 1.26 has it behind that experiment).\n"))
	}
	// Each request runs a leak-detecting GC first; the proto and the text agree.
	if err := c.fetch(ctx, lab, "/debug/pprof/goroutineleak", "goroutineleak-end.pb.gz"); err != nil {
		return err
	}
	return c.fetch(ctx, lab, "/debug/pprof/goroutineleak?debug=1", "goroutineleak-end.debug1.txt")
}

// goshopLogs splits go-shop's stderr: gctrace lines go to gctrace.log, and every line
// (gctrace too) to service.log.
type goshopLogs struct {
	mu      sync.Mutex
	partial []byte
	gctrace *bufio.Writer
	service *bufio.Writer
	closers []io.Closer
}

func newGoshopLogs(c *capture) (*goshopLogs, error) {
	gc, err := os.Create(c.path("gctrace.log"))
	if err != nil {
		return nil, err
	}
	svc, err := os.Create(c.path("service.log"))
	if err != nil {
		gc.Close()
		return nil, err
	}
	c.wrote("gctrace.log")
	c.wrote("service.log")
	return &goshopLogs{gctrace: bufio.NewWriter(gc), service: bufio.NewWriter(svc), closers: []io.Closer{gc, svc}}, nil
}

func (l *goshopLogs) Write(b []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.partial = append(l.partial, b...)
	for {
		i := bytes.IndexByte(l.partial, '\n')
		if i < 0 {
			break
		}
		line := l.partial[:i+1]
		l.service.Write(line)
		if bytes.HasPrefix(line, []byte("gc ")) {
			l.gctrace.Write(line)
		}
		l.partial = l.partial[i+1:]
	}
	return len(b), nil
}

// Close flushes and closes both files; later writes are dropped.
func (l *goshopLogs) Close() {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.closers == nil {
		return
	}
	if len(l.partial) > 0 {
		l.service.Write(l.partial)
	}
	l.gctrace.Flush()
	l.service.Flush()
	for _, c := range l.closers {
		c.Close()
	}
	l.closers = nil
	l.gctrace.Reset(io.Discard)
	l.service.Reset(io.Discard)
}

func firstLine(b []byte) string {
	line, _, _ := strings.Cut(strings.TrimSpace(string(b)), "\n")
	return fmt.Sprintf("%.200s", line)
}
