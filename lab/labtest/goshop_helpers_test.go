package labtest

import (
	"bytes"
	"context"
	"fmt"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"leakhound.dev/lab/internal/labapi"
	"leakhound.dev/lab/internal/labproc"
	"leakhound.dev/lab/internal/loadgen"
)

const (
	goshopKiB = 1 << 10
	goshopMiB = 1 << 20
)

// goshopBuild builds go-shop into dir (a t.TempDir of the parent test, so that the
// binary outlives the parallel subtests that share it).
func goshopBuild(t *testing.T, dir string) string {
	t.Helper()
	root, err := labproc.LabRoot()
	if err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(dir, "go-shop")
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	if _, err := labproc.GoBuild(ctx, labproc.BuildSpec{Dir: root, Package: "./go-shop", Output: bin}); err != nil {
		t.Fatal(err)
	}
	return bin
}

// goshopProc is a running go-shop with what it wrote after its listening line.
type goshopProc struct {
	*labproc.Process
	lab    *labproc.Client
	stdout *goshopBuffer
	stderr *goshopBuffer
}

// goshopStart runs bin with args and stops it when the test ends.
func goshopStart(t *testing.T, bin string, args ...string) *goshopProc {
	t.Helper()
	stdout, stderr := &goshopBuffer{}, &goshopBuffer{}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	p, err := labproc.Start(ctx, labproc.Spec{Path: bin, Args: append([]string{"-port", "0"}, args...), Stdout: stdout, Stderr: stderr})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = p.Stop() })
	return &goshopProc{Process: p, lab: p.Client(), stdout: stdout, stderr: stderr}
}

// goshopScenario starts go-shop with one scenario and the given leak size.
func goshopScenario(t *testing.T, bin, scenario string, leakBytes int, extra ...string) *goshopProc {
	t.Helper()
	args := append([]string{"-scenarios", scenario, "-leak-bytes", fmt.Sprint(leakBytes)}, extra...)
	return goshopStart(t, bin, args...)
}

// settledStats forces a full GC in the shop and returns the stats right after it, so
// HeapAfterGC is the live heap at that moment.
func (g *goshopProc) settledStats(t *testing.T) labapi.Stats {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := g.lab.GC(ctx); err != nil {
		t.Fatal(err)
	}
	st, err := g.lab.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	return st
}

// get fetches a path of the shop and fails the test on any error.
func (g *goshopProc) get(t *testing.T, path string) []byte {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	body, err := g.lab.Get(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	return body
}

// goshopLoad sends schedule to the shop with the lab's load generator and checks that
// (nearly) every request succeeded.
func goshopLoad(t *testing.T, g *goshopProc, schedule string) loadgen.Result {
	t.Helper()
	sched, err := loadgen.ParseSchedule(schedule)
	if err != nil {
		t.Fatal(err)
	}
	res, err := loadgen.Run(context.Background(), loadgen.Config{
		Target:   g.BaseURL,
		Schedule: sched,
		MaxTime:  sched.Total() + 20*time.Second,
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("load %q: %v", schedule, res)
	if res.Errors > 0 || res.OK < int64(sched.Requests())*9/10 {
		t.Fatalf("load %q: %v; shop stderr:\n%s", schedule, res, g.StderrTail())
	}
	return res
}

// goshopLoadAsync runs goshopLoad in the background; the returned channel yields the
// result once the schedule is over.
func goshopLoadAsync(t *testing.T, g *goshopProc, schedule string) <-chan loadgen.Result {
	done := make(chan loadgen.Result, 1)
	sched, err := loadgen.ParseSchedule(schedule)
	if err != nil {
		t.Fatal(err)
	}
	go func() {
		res, err := loadgen.Run(context.Background(), loadgen.Config{Target: g.BaseURL, Schedule: sched, MaxTime: sched.Total() + 20*time.Second})
		if err != nil {
			t.Error(err)
		}
		done <- res
	}()
	return done
}

// waitGoroutinesAtMost polls until the shop runs at most limit goroutines (idle
// keep-alive connections take a moment to close) and returns the last stats.
func (g *goshopProc) waitGoroutinesAtMost(t *testing.T, limit int64, within time.Duration) labapi.Stats {
	t.Helper()
	deadline := time.Now().Add(within)
	for {
		st := g.settledStats(t)
		if st.Goroutines <= limit || time.Now().After(deadline) {
			return st
		}
		time.Sleep(100 * time.Millisecond)
	}
}

func goshopMB(b int64) string { return fmt.Sprintf("%.1f MiB", float64(b)/goshopMiB) }

// goshopBuffer is a bytes.Buffer safe for the concurrent writes of a child's output.
type goshopBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *goshopBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *goshopBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// goshopStartErr starts bin expecting it to fail before listening; a process that
// does start is stopped at once.
func goshopStartErr(bin string, args ...string) (*labproc.Process, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	p, err := labproc.Start(ctx, labproc.Spec{Path: bin, Args: args})
	if err == nil {
		_ = p.Stop()
	}
	return p, err
}
