// go-shop's lab tests: they run go-shop under bounded load and check that each scenario
// behaves as labelled (a leak leaks, a control does not). Every process they start is
// stopped by t.Cleanup and listens on 127.0.0.1 only; every load run is bounded in time.
// Package-level names start with goshop; java-shop's tests share the package.

package labtest

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"leakhound.dev/lab/internal/labapi"
)

// goshopLeakBytes is large so that the leak signals (tens of MiB) dwarf the noise of a
// Go heap on a busy machine (a few MiB).
const goshopLeakBytes = 64 * goshopKiB

// TestGoShop builds go-shop once and runs every scenario check in parallel against it.
func TestGoShop(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go-shop under load for about a minute")
	}
	bin := goshopBuild(t, t.TempDir())
	checks := []struct {
		name string
		run  func(t *testing.T, bin string)
	}{
		{"map-leak retains leak-bytes per request until the end", goshopTestMapLeak},
		{"goroutine-leak parks a goroutine and its order per request", goshopTestGoroutineLeak},
		{"context-leak parks a goroutine holding the gin context per request", goshopTestContextLeak},
		{"ticker-leak keeps a ticking watcher per request", goshopTestTickerLeak},
		{"bounded-cache warms up to its cap and stays flat", goshopTestBoundedCache},
		{"load-follow rises with load and falls back after it", goshopTestLoadFollow},
		{"steady churns without retaining anything", goshopTestSteady},
		{"serves the lab contract, metrics, expvar and pprof", goshopTestEndpoints},
		{"refuses an unknown scenario", goshopTestUnknownScenario},
	}
	for _, c := range checks {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			c.run(t, bin)
		})
	}
}

// goshopCheckHeapGrowth asserts that the live heap grew by about requests*perRequest.
func goshopCheckHeapGrowth(t *testing.T, before, after labapi.Stats, perRequest int64) {
	t.Helper()
	served := after.Requests - before.Requests
	want := served * perRequest
	grew := after.HeapAfterGC - before.HeapAfterGC
	t.Logf("%d requests: live heap %s -> %s (grew %s, expected ~%s)", served,
		goshopMB(before.HeapAfterGC), goshopMB(after.HeapAfterGC), goshopMB(grew), goshopMB(want))
	if grew < want*8/10 || grew > want*3/2+8*goshopMiB {
		t.Errorf("live heap grew %s after %d requests, want about %s", goshopMB(grew), served, goshopMB(want))
	}
}

// goshopCheckGoroutineGrowth asserts that one goroutine per request stayed behind.
func goshopCheckGoroutineGrowth(t *testing.T, before, after labapi.Stats) {
	t.Helper()
	served := after.Requests - before.Requests
	grew := after.Goroutines - before.Goroutines
	t.Logf("%d requests: goroutines %d -> %d", served, before.Goroutines, after.Goroutines)
	if grew < served*95/100 || grew > served+100 {
		t.Errorf("goroutines grew by %d after %d requests, want about %d", grew, served, served)
	}
}

func goshopCheckGoroutineDump(t *testing.T, g *goshopProc, function string) {
	t.Helper()
	dump := g.get(t, "/debug/pprof/goroutine?debug=2")
	if !bytes.Contains(dump, []byte(function)) {
		t.Errorf("goroutine dump does not name %s:\n%.3000s", function, dump)
	}
}

func goshopTestMapLeak(t *testing.T, bin string) {
	g := goshopScenario(t, bin, "map-leak", goshopLeakBytes)
	before := g.settledStats(t)
	goshopLoad(t, g, "100/s for 5s")
	after := g.settledStats(t)
	goshopCheckHeapGrowth(t, before, after, goshopLeakBytes)
	if after.Requests-before.Requests < 450 {
		t.Errorf("served %d requests, want 500", after.Requests-before.Requests)
	}
	// A leak stays: a second collection a moment later frees nothing.
	time.Sleep(time.Second)
	again := g.settledStats(t)
	if again.HeapAfterGC < after.HeapAfterGC*9/10 {
		t.Errorf("live heap fell from %s to %s without load: not a leak", goshopMB(after.HeapAfterGC), goshopMB(again.HeapAfterGC))
	}
	heap := g.get(t, "/debug/pprof/heap?debug=1")
	if !bytes.Contains(heap, []byte("shop.(*SessionStore).Remember")) {
		t.Errorf("heap profile does not name (*SessionStore).Remember")
	}
}

func goshopTestGoroutineLeak(t *testing.T, bin string) {
	g := goshopScenario(t, bin, "goroutine-leak", goshopLeakBytes)
	before := g.settledStats(t)
	goshopLoad(t, g, "100/s for 5s")
	after := g.settledStats(t)
	goshopCheckHeapGrowth(t, before, after, goshopLeakBytes)
	goshopCheckGoroutineGrowth(t, before, after)
	goshopCheckGoroutineDump(t, g, "leakhound.dev/lab/go-shop/shop.awaitReservationConfirmation")
}

func goshopTestContextLeak(t *testing.T, bin string) {
	g := goshopScenario(t, bin, "context-leak", goshopLeakBytes)
	before := g.settledStats(t)
	goshopLoad(t, g, "100/s for 5s")
	after := g.settledStats(t)
	goshopCheckHeapGrowth(t, before, after, goshopLeakBytes)
	goshopCheckGoroutineGrowth(t, before, after)
	goshopCheckGoroutineDump(t, g, "leakhound.dev/lab/go-shop/shop.(*AuditTrail).shipWhenDone")
}

func goshopTestTickerLeak(t *testing.T, bin string) {
	g := goshopScenario(t, bin, "ticker-leak", goshopLeakBytes)
	before := g.settledStats(t)
	goshopLoad(t, g, "100/s for 5s")
	after := g.settledStats(t)
	goshopCheckHeapGrowth(t, before, after, goshopLeakBytes)
	goshopCheckGoroutineGrowth(t, before, after)
	goshopCheckGoroutineDump(t, g, "leakhound.dev/lab/go-shop/shop.(*PriceWatcher).refreshLoop")
}

func goshopTestBoundedCache(t *testing.T, bin string) {
	const entries = 400 // 25 MiB of pages; at 100/s of (mostly) misses, full after ~4 s
	g := goshopScenario(t, bin, "bounded-cache", goshopLeakBytes, "-cache-entries", "400")
	before := g.settledStats(t)
	done := goshopLoadAsync(t, g, "100/s for 12s")
	var floor []int64
	for range 12 {
		time.Sleep(time.Second)
		floor = append(floor, g.settledStats(t).HeapAfterGC-before.HeapAfterGC)
	}
	res := <-done
	t.Logf("load: %v; live heap growth per second: %v", res, floor)

	capBytes := int64(entries * goshopLeakBytes)
	last := floor[len(floor)*2/3:]
	lo, hi := last[0], last[0]
	for _, v := range last {
		lo, hi = min(lo, v), max(hi, v)
	}
	if lo < capBytes*7/10 || hi > capBytes*13/10+8*goshopMiB {
		t.Errorf("plateau %s..%s, want about the cap %s", goshopMB(lo), goshopMB(hi), goshopMB(capBytes))
	}
	if hi-lo > capBytes/10+2*goshopMiB {
		t.Errorf("last third of the run moved %s (%s..%s), want flat", goshopMB(hi-lo), goshopMB(lo), goshopMB(hi))
	}
}

func goshopTestLoadFollow(t *testing.T, bin string) {
	// Each request holds 8*leak-bytes = 512 KiB for 100-300 ms: at 100/s about 20 are
	// in flight, about 10 MiB.
	g := goshopScenario(t, bin, "load-follow", goshopLeakBytes)
	before := g.settledStats(t)
	done := goshopLoadAsync(t, g, "100/s for 6s")
	var peak int64
	for range 4 {
		time.Sleep(time.Second)
		peak = max(peak, g.settledStats(t).HeapAfterGC-before.HeapAfterGC)
	}
	res := <-done
	time.Sleep(500 * time.Millisecond)
	after := g.settledStats(t)
	rest := after.HeapAfterGC - before.HeapAfterGC
	t.Logf("load: %v; live heap growth: peak %s under load, %s after", res, goshopMB(peak), goshopMB(rest))
	if peak < 4*goshopMiB {
		t.Errorf("live heap grew only %s under load, want about 10 MiB", goshopMB(peak))
	}
	if rest > max(3*goshopMiB, peak*3/10) {
		t.Errorf("live heap still %s above the baseline after the load (peak %s), want it back", goshopMB(rest), goshopMB(peak))
	}
}

func goshopTestSteady(t *testing.T, bin string) {
	g := goshopScenario(t, bin, "steady", goshopLeakBytes)
	before := g.settledStats(t)
	res := goshopLoad(t, g, "150/s for 6s")
	after := g.waitGoroutinesAtMost(t, before.Goroutines+2, 5*time.Second)
	grew := after.HeapAfterGC - before.HeapAfterGC
	t.Logf("%d requests, %d GC cycles: live heap %s -> %s, goroutines %d -> %d", res.OK, after.GCCycles-before.GCCycles,
		goshopMB(before.HeapAfterGC), goshopMB(after.HeapAfterGC), before.Goroutines, after.Goroutines)
	if grew > 6*goshopMiB {
		t.Errorf("live heap grew %s, want flat", goshopMB(grew))
	}
	if after.Goroutines > before.Goroutines+2 {
		t.Errorf("goroutines %d -> %d, want flat", before.Goroutines, after.Goroutines)
	}
	// The churn is real: 900 requests of 5 buffers of 64 KiB must have cycled the GC.
	if after.GCCycles-before.GCCycles < 5 {
		t.Errorf("only %d GC cycles: the control does not churn", after.GCCycles-before.GCCycles)
	}
}

func goshopTestEndpoints(t *testing.T, bin string) {
	all := "map-leak,goroutine-leak,context-leak,ticker-leak,bounded-cache,load-follow,steady"
	g := goshopStart(t, bin, "-scenarios", all, "-leak-bytes", "4096")

	var routes labapi.Routes
	if err := json.Unmarshal(g.get(t, "/lab/routes"), &routes); err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, r := range routes.Routes {
		names = append(names, r.Scenario)
		if r.Method == "" || !strings.HasPrefix(r.Path, "/api/") {
			t.Errorf("route %+v", r)
		}
	}
	if strings.Join(names, ",") != all {
		t.Errorf("routes for %v, want %s", names, all)
	}

	goshopLoad(t, g, "70/s for 1s")
	st := g.settledStats(t)
	if st.Requests != 70 || st.HeapAlloc <= 0 || st.HeapAfterGC <= 0 || st.NextGC <= 0 || st.RSS <= 0 || st.GCCycles <= 0 || st.Goroutines <= 0 {
		t.Errorf("stats %+v", st)
	}
	if d := time.Since(time.UnixMilli(st.UnixMillis)); d < -time.Minute || d > time.Minute {
		t.Errorf("unixMillis %d is not now", st.UnixMillis)
	}

	metrics := string(g.get(t, "/metrics"))
	for _, want := range []string{"go_memstats_heap_alloc_bytes ", "go_goroutines ", "process_resident_memory_bytes ",
		`shop_http_requests_total{code="200",method="POST",route="/api/cart/items"} 10`,
		`shop_http_requests_total{code="202",method="POST",route="/api/inventory/reservations"} 10`} {
		if !strings.Contains(metrics, want) {
			t.Errorf("/metrics lacks %q", want)
		}
	}
	var vars map[string]json.RawMessage
	if err := json.Unmarshal(g.get(t, "/debug/vars"), &vars); err != nil {
		t.Fatal(err)
	}
	if _, ok := vars["memstats"]; !ok || string(vars["shopScenarioRequests"]) != "70" {
		t.Errorf("/debug/vars: memstats present %v, shopScenarioRequests %s", ok, vars["shopScenarioRequests"])
	}
	if heap := g.get(t, "/debug/pprof/heap"); len(heap) < 2 || heap[0] != 0x1f || heap[1] != 0x8b {
		t.Errorf("/debug/pprof/heap is not gzip: % x", heap[:min(len(heap), 8)])
	}
	dump := string(g.get(t, "/debug/pprof/goroutine?debug=2"))
	for _, fn := range []string{"shop.awaitReservationConfirmation", "shop.(*AuditTrail).shipWhenDone", "shop.(*PriceWatcher).refreshLoop"} {
		if !strings.Contains(dump, fn) {
			t.Errorf("goroutine dump lacks %s", fn)
		}
	}

	if err := g.Stop(); err != nil {
		t.Errorf("go-shop did not exit cleanly on SIGTERM: %v\n%s", err, g.StderrTail())
	}
	if out := g.stdout.String(); out != "" {
		t.Errorf("go-shop wrote to stdout after its listening line: %q", out)
	}
}

func goshopTestUnknownScenario(t *testing.T, bin string) {
	_, err := goshopStartErr(bin, "-port", "0", "-scenarios", "map-leak,heap-of-gold")
	if err == nil || !strings.Contains(err.Error(), `unknown scenario "heap-of-gold"`) {
		t.Errorf("err = %v", err)
	}
}
