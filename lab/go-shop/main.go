// Command go-shop is a small web shop whose handlers leak memory on purpose, one
// scenario at a time or several at once, so that Leakhound can be tested on a real
// Go service instead of synthetic data.
//
//	go-shop -port 0 -scenarios map-leak,steady -leak-bytes 4096
//
// It listens on 127.0.0.1 only, prints exactly one line to stdout
// ("listening on 127.0.0.1:PORT") and logs everything else to stderr.
// SIGINT or SIGTERM stop it cleanly.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log"
	"net"
	"net/http"
	"os"
	"os/signal"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"time"

	"leakhound.dev/lab/go-shop/shop"
)

func main() {
	port := flag.Int("port", 8080, "TCP port on 127.0.0.1 (0 = choose a free port)")
	scenarios := flag.String("scenarios", "", "comma-separated scenarios to enable: "+strings.Join(shop.ScenarioNames(), ", "))
	leakBytes := flag.Int("leak-bytes", 4096, "bytes leaked (or held, for the controls) per request")
	cacheEntries := flag.Int("cache-entries", shop.DefaultCacheEntries, "capacity of the bounded-cache scenario's LRU, in entries")
	memProfileRate := flag.Int("mem-profile-rate", runtime.MemProfileRate, "bytes allocated per heap profile sample on average (runtime.MemProfileRate)")
	flag.Parse()
	// Set before the shop allocates anything worth profiling; a lower rate gives denser
	// heap profiles for short lab runs.
	runtime.MemProfileRate = *memProfileRate

	log.SetOutput(os.Stderr)
	log.SetPrefix("go-shop: ")
	if err := run(*port, *scenarios, *leakBytes, *cacheEntries); err != nil {
		log.Print(err)
		os.Exit(1)
	}
}

func run(port int, scenarioList string, leakBytes, cacheEntries int) error {
	names := splitList(scenarioList)
	cfg := shop.Config{Scenarios: names, LeakBytes: leakBytes, CacheEntries: cacheEntries}
	handler, err := shop.New(cfg)
	if err != nil {
		return err
	}

	// Loopback only: the lab is driven by a load generator, and nothing outside this
	// machine may reach a service that leaks on purpose.
	ln, err := net.Listen("tcp", net.JoinHostPort("127.0.0.1", strconv.Itoa(port)))
	if err != nil {
		return err
	}
	// The one line on stdout is the contract with labproc and capture.
	fmt.Printf("listening on %s\n", ln.Addr())
	log.Printf("scenarios=%v leak-bytes=%d", names, leakBytes)

	srv := &http.Server{Handler: handler, ReadHeaderTimeout: 10 * time.Second}
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()

	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()

	select {
	case err := <-served:
		return err
	case <-ctx.Done():
	}
	log.Print("shutting down")
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil && !errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	return nil
}

func splitList(s string) []string {
	var out []string
	for _, part := range strings.Split(s, ",") {
		if part = strings.TrimSpace(part); part != "" {
			out = append(out, part)
		}
	}
	return out
}
