package main

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"sync"
	"time"

	"leakhound.dev/lab/internal/labapi"
	"leakhound.dev/lab/internal/labproc"
)

const signalsHeader = "time,heap_alloc,heap_after_gc,next_gc,goroutines,rss,requests,gc_cycles"

// sampler writes one row of /lab/stats to signals.csv every second.
type sampler struct {
	cancel context.CancelFunc
	done   chan struct{}
	once   sync.Once
	err    error
}

func startSampler(ctx context.Context, c *capture, lab *labproc.Client) (*sampler, error) {
	f, err := os.Create(c.path("signals.csv"))
	if err != nil {
		return nil, err
	}
	c.wrote("signals.csv")
	w := bufio.NewWriter(f)
	fmt.Fprintln(w, signalsHeader)

	ctx, cancel := context.WithCancel(ctx)
	s := &sampler{cancel: cancel, done: make(chan struct{})}
	go func() {
		defer close(s.done)
		ticker := time.NewTicker(time.Second)
		defer ticker.Stop()
		failures := 0
		for {
			reqCtx, cancelReq := context.WithTimeout(ctx, 5*time.Second)
			st, err := lab.Stats(reqCtx)
			cancelReq()
			if err == nil {
				writeSignalRow(w, st)
				w.Flush() // so that a capture cut short still has its rows
			} else if ctx.Err() == nil {
				if failures++; failures <= 3 {
					c.log.Printf("signals: %v", err)
				}
			}
			select {
			case <-ticker.C:
			case <-ctx.Done():
				if err := w.Flush(); err != nil {
					s.err = err
				}
				if err := f.Close(); err != nil && s.err == nil {
					s.err = err
				}
				return
			}
		}
	}()
	return s, nil
}

// stop ends the sampling and closes signals.csv.
func (s *sampler) stop() error {
	s.once.Do(func() {
		s.cancel()
		<-s.done
	})
	return s.err
}

func writeSignalRow(w *bufio.Writer, st labapi.Stats) {
	fmt.Fprintf(w, "%d,%d,%d,%d,%d,%d,%d,%d\n", st.UnixMillis/1000, st.HeapAlloc, st.HeapAfterGC,
		st.NextGC, st.Goroutines, st.RSS, st.Requests, st.GCCycles)
}

// goVersion is the version of the go toolchain that builds go-shop.
func goVersion(ctx context.Context, lab string) string {
	cmd := exec.CommandContext(ctx, "go", "env", "GOVERSION")
	cmd.Dir = lab
	if out, err := cmd.Output(); err == nil {
		return strings.TrimSpace(string(out))
	}
	return runtime.Version()
}
