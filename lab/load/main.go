// Command load is the lab's bounded load generator: it discovers a lab service's
// scenario routes (GET /lab/routes) and sends them round-robin at a scheduled rate.
//
//	load -target http://127.0.0.1:8080 -schedule "50/s for 60s, 250/s for 60s" [-max-time 10m] [-concurrency 64]
//
// It refuses any target that is not loopback (exit 2), stops by itself at the end of
// the schedule or at -max-time, whichever comes first, and prints a one-line summary.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"syscall"
	"time"

	"leakhound.dev/lab/internal/loadgen"
)

func main() {
	target := flag.String("target", "", "base URL of a lab service on loopback, e.g. http://127.0.0.1:8080")
	schedule := flag.String("schedule", "", `phases "RATE/s for DURATION", comma-separated, e.g. "50/s for 60s, 250/s for 60s"`)
	maxTime := flag.Duration("max-time", 10*time.Minute, "hard cap on the run, whatever the schedule says")
	concurrency := flag.Int("concurrency", 64, "most requests in flight; requests due beyond it are dropped")
	timeout := flag.Duration("request-timeout", 10*time.Second, "timeout of one request")
	flag.Parse()

	if flag.NArg() > 0 {
		usage("unexpected arguments: %v", flag.Args())
	}
	if *target == "" {
		usage("-target is required")
	}
	if err := loadgen.CheckTarget(*target); err != nil {
		usage("%v", err)
	}
	sched, err := loadgen.ParseSchedule(*schedule)
	if err != nil {
		usage("%v", err)
	}
	if *maxTime <= 0 || *concurrency <= 0 {
		usage("-max-time and -concurrency must be positive")
	}

	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()
	res, err := loadgen.Run(ctx, loadgen.Config{
		Target:         *target,
		Schedule:       sched,
		MaxTime:        *maxTime,
		Concurrency:    *concurrency,
		RequestTimeout: *timeout,
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, "load:", err)
		if errors.Is(err, loadgen.ErrNotLoopback) {
			os.Exit(2)
		}
		os.Exit(1)
	}
	fmt.Println(res)
}

func usage(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "load: "+format+"\n", args...)
	fmt.Fprintln(os.Stderr, "usage: load -target http://127.0.0.1:PORT -schedule \"50/s for 60s\" [-max-time 10m] [-concurrency 64]")
	os.Exit(2)
}
