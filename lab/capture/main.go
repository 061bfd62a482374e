// Command capture runs a lab service with chosen scenarios under load and writes the
// real artifacts Leakhound reads: profiles, goroutine dumps, GC logs, escape analysis,
// class histograms, heap dumps and a once-a-second signals.csv.
//
//	capture -service go-shop -scenarios map-leak,goroutine-leak -duration 10m \
//	        -schedule "50/s for 10m" -out DIR [-leak-bytes 4096]
//	capture -service java-shop -scenarios ... -out DIR [-java /path/to/java] [-heap-dumps=false]
//
// The run lasts -duration: the load follows -schedule (cut at -duration), and signals
// are sampled until -duration has passed even if the schedule ended earlier. Services
// bind 127.0.0.1 only and are always stopped, also on Ctrl-C. See lab/README.md for
// the files written.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"leakhound.dev/lab/internal/labproc"
	"leakhound.dev/lab/internal/loadgen"
)

type options struct {
	service     string
	scenarios   []string
	duration    time.Duration
	schedule    loadgen.Schedule
	out         string // absolute
	leakBytes   int
	concurrency int
	lab         string // lab module directory
	java        string
	javaOpts    []string
	heapDumps   bool
	memProfRate int // go-shop -mem-profile-rate; 0 = its default
}

func main() {
	opts, err := parseFlags()
	if err != nil {
		fmt.Fprintln(os.Stderr, "capture:", err)
		fmt.Fprintln(os.Stderr, `usage: capture -service go-shop|java-shop -scenarios a,b -duration 10m -schedule "50/s for 10m" -out DIR`)
		os.Exit(2)
	}
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, opts); err != nil {
		fmt.Fprintln(os.Stderr, "capture:", err)
		if ctx.Err() != nil {
			os.Exit(130)
		}
		os.Exit(1)
	}
}

func parseFlags() (options, error) {
	service := flag.String("service", "", "go-shop or java-shop")
	scenarios := flag.String("scenarios", "", "comma-separated scenarios, e.g. map-leak,goroutine-leak")
	duration := flag.Duration("duration", 10*time.Minute, "length of the run")
	schedule := flag.String("schedule", "", `load schedule, e.g. "50/s for 60s, 250/s for 60s" (default "50/s for DURATION")`)
	out := flag.String("out", "", "directory to write the artifacts to (created if missing)")
	leakBytes := flag.Int("leak-bytes", 4096, "bytes leaked per request, passed to the service")
	concurrency := flag.Int("concurrency", 64, "most load requests in flight")
	lab := flag.String("lab", "", "the lab module directory (default: found from the working directory or this executable)")
	java := flag.String("java", "", "java executable for java-shop (default: the newest JDK >= 21 under /usr/lib/jvm, else java on PATH)")
	javaOpts := flag.String("java-opts", "", "extra JVM options for java-shop, space-separated, e.g. -Xmx512m")
	memProfRate := flag.Int("mem-profile-rate", 0, "go-shop: bytes per heap profile sample (0 = Go's default, 512 KiB)")
	heapDumps := flag.Bool("heap-dumps", true, "java-shop: write heap dumps at start and end")
	flag.Parse()

	var o options
	if flag.NArg() > 0 {
		return o, fmt.Errorf("unexpected arguments %v", flag.Args())
	}
	switch *service {
	case "go-shop", "java-shop":
	case "":
		return o, errors.New("-service is required (go-shop or java-shop)")
	default:
		return o, fmt.Errorf("-service %q: want go-shop or java-shop", *service)
	}
	for _, s := range strings.Split(*scenarios, ",") {
		if s = strings.TrimSpace(s); s != "" {
			o.scenarios = append(o.scenarios, s)
		}
	}
	if len(o.scenarios) == 0 {
		return o, errors.New("-scenarios is required")
	}
	if *duration <= 0 {
		return o, errors.New("-duration must be positive")
	}
	if *schedule == "" {
		*schedule = "50/s for " + duration.String()
	}
	sched, err := loadgen.ParseSchedule(*schedule)
	if err != nil {
		return o, err
	}
	if *out == "" {
		return o, errors.New("-out is required")
	}
	if o.out, err = filepath.Abs(*out); err != nil {
		return o, err
	}
	if *leakBytes <= 0 || *concurrency <= 0 {
		return o, errors.New("-leak-bytes and -concurrency must be positive")
	}
	o.lab = *lab
	if o.lab == "" {
		if o.lab, err = labproc.LabRoot(); err != nil {
			return o, err
		}
	}
	if o.lab, err = filepath.Abs(o.lab); err != nil {
		return o, err
	}
	o.service, o.duration, o.schedule = *service, *duration, sched
	o.leakBytes, o.concurrency = *leakBytes, *concurrency
	o.java, o.javaOpts, o.heapDumps = *java, strings.Fields(*javaOpts), *heapDumps
	if *memProfRate < 0 {
		return o, errors.New("-mem-profile-rate must not be negative")
	}
	o.memProfRate = *memProfRate
	return o, nil
}
