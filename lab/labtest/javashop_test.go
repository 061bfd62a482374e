package labtest

// Tests of lab/java-shop: the /lab contract, loopback-only binding, JMX reachability, and
// that each scenario behaves as labelled (leaks grow the heap floor by about leak-bytes per
// request, controls do not) on JDK 21+, plus a run on JDK 17.
//
// Signals are tens of MiB against noise of about one, and every measurement counts requests
// on the server side, so a slow or loaded machine changes durations, not verdicts.

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// javashopAllScenarios in the order of the README.
var javashopAllScenarios = []string{"static-map-leak", "listener-leak", "threadlocal-leak", "bounded-cache", "load-follow", "steady"}

func TestJavashopServesTheLabContractOnLoopbackOnlyAndStopsOnSigterm(t *testing.T) {
	shop := javashopStart(t, javashopJava(t, 21, 999), strings.Join(javashopAllScenarios, ","))

	routes := shop.routes()
	if len(routes) != len(javashopAllScenarios) {
		t.Fatalf("/lab/routes has %d routes, want one per scenario (%d): %+v", len(routes), len(javashopAllScenarios), routes)
	}
	for i, r := range routes {
		if r.Scenario != javashopAllScenarios[i] {
			t.Errorf("route %d is for %q, want %q (the order given)", i, r.Scenario, javashopAllScenarios[i])
		}
		if (r.Method != "GET" && r.Method != "POST") || !strings.HasPrefix(r.Path, "/api/") {
			t.Errorf("route %+v: want GET or POST on an /api/ path", r)
		}
		if r.Method == "POST" && !strings.HasPrefix(r.Body, "{") {
			t.Errorf("route %+v: a POST route needs a JSON body", r)
		}
	}

	before := shop.stats()
	if before.Requests != 0 || before.HeapAlloc <= 0 || before.NextGC < before.HeapAlloc || before.Goroutines < 2 ||
		before.RSS <= 0 || before.UnixMillis < time.Now().Add(-time.Minute).UnixMilli() {
		t.Errorf("implausible fresh /lab/stats: %+v", before)
	}
	for _, r := range routes {
		shop.mustDo(r.Method, r.Path, r.Body)
	}
	gcData := shop.mustDo("POST", "/lab/gc", "")
	after := javashopDecodeStats(t, gcData) // The body is a stats sample too (not part of the contract).
	if after.Requests != int64(len(routes)) {
		t.Errorf("requests = %d after one request per scenario route and some /lab calls, want %d", after.Requests, len(routes))
	}
	if after.GCCycles <= before.GCCycles {
		t.Errorf("gcCycles %d -> %d across POST /lab/gc, want an increase", before.GCCycles, after.GCCycles)
	}
	if after.HeapAfterGC <= 0 || after.HeapAfterGC > after.NextGC {
		t.Errorf("heapAfterGC %d after POST /lab/gc, want in (0, committed %d]", after.HeapAfterGC, after.NextGC)
	}
	if status, _, err := shop.do("GET", "/lab/gc", ""); err != nil || status != http.StatusMethodNotAllowed {
		t.Errorf("GET /lab/gc: status %d, err %v; want 405", status, err)
	}
	if status, _, err := shop.do("GET", "/api/nowhere", ""); err != nil || status != http.StatusNotFound {
		t.Errorf("GET /api/nowhere: status %d, err %v; want 404", status, err)
	}

	// JMX: the port speaks RMI (JRMP) on 127.0.0.1; a full JMX client check lives on the Java side.
	if err := javashopRMIHandshake(net.JoinHostPort("127.0.0.1", strconv.Itoa(shop.jmxPort))); err != nil {
		t.Errorf("JMX port %d: %v", shop.jmxPort, err)
	}

	// Exactly two listening sockets, HTTP and JMX (registry and RMI server objects share one), both loopback.
	addrs, ok := javashopListeningSockets(shop.cmd.Process.Pid)
	if !ok {
		t.Log("no /proc: loopback binding not checked")
	} else {
		want := []string{fmt.Sprintf("127.0.0.1:%d", shop.port), fmt.Sprintf("127.0.0.1:%d", shop.jmxPort)}
		got := strings.Join(addrs, " ")
		if len(addrs) != 2 || !strings.Contains(got, want[0]) || !strings.Contains(got, want[1]) {
			t.Errorf("listening on %v, want exactly %v", addrs, want)
		}
	}

	took, killed := shop.stop(10 * time.Second)
	if killed {
		t.Fatalf("java-shop ignored SIGTERM for %v", took)
	}
	if !strings.Contains(shop.stderr.String(), "stopped") {
		t.Errorf("no \"stopped\" log after SIGTERM; stderr:\n%s", shop.stderr.String())
	}
	t.Logf("stopped %v after SIGTERM", took.Round(time.Millisecond))
}

func TestJavashopLeaksGrowTheHeapFloorByLeakBytesPerRequest(t *testing.T) {
	java := javashopJava(t, 21, 999)
	for _, scenario := range []string{"static-map-leak", "listener-leak", "threadlocal-leak"} {
		t.Run(scenario, func(t *testing.T) {
			shop := javashopStart(t, java, scenario)
			routes := shop.routes()
			base := shop.floor()

			shop.mustDrive(routes, javashopLoad{rate: 100, workers: 4, maxRequests: 500, duration: 20 * time.Second}, 300)
			end := shop.floor()

			served := end.Requests - base.Requests
			want := served * javashopLeakBytes
			growth := end.HeapAfterGC - base.HeapAfterGC
			t.Logf("%d requests: heap floor %s -> %s, grew %s, want about %s", served,
				javashopMB(base.HeapAfterGC), javashopMB(end.HeapAfterGC), javashopMB(growth), javashopMB(want))
			if growth < want*8/10 || growth > want*13/10+2*javashopMiB {
				t.Errorf("heap floor grew %s over %d requests, want about %d x %d = %s (0.8x..1.3x)",
					javashopMB(growth), served, served, javashopLeakBytes, javashopMB(want))
			}
		})
	}
}

func TestJavashopBoundedCachePlateausAtItsCap(t *testing.T) {
	const capEntries = 400 // ProductPageCache.MAX_ENTRIES
	shop := javashopStart(t, javashopJava(t, 21, 999), "bounded-cache")
	routes := shop.routes()
	base := shop.floor()
	load := javashopLoad{rate: 100, workers: 4, maxRequests: 3 * capEntries / 2, duration: 20 * time.Second}

	shop.mustDrive(routes, load, load.maxRequests) // Warm-up: 1.5x the cap of mostly-distinct products.
	warm := shop.floor()
	shop.mustDrive(routes, load, load.maxRequests) // As many again: an unbounded cache would add ~37 MiB.
	later := shop.floor()

	full := int64(capEntries * javashopLeakBytes)
	warmGrowth := warm.HeapAfterGC - base.HeapAfterGC
	plateauGrowth := later.HeapAfterGC - warm.HeapAfterGC
	t.Logf("heap floor %s -> %s (warm, %d requests) -> %s (%d requests); cap %s",
		javashopMB(base.HeapAfterGC), javashopMB(warm.HeapAfterGC), warm.Requests,
		javashopMB(later.HeapAfterGC), later.Requests, javashopMB(full))
	if warmGrowth < full*7/10 || warmGrowth > full*13/10+2*javashopMiB {
		t.Errorf("warm-up grew the floor by %s, want about the cache cap %s", javashopMB(warmGrowth), javashopMB(full))
	}
	if plateauGrowth > 3*javashopMiB || plateauGrowth < -3*javashopMiB {
		t.Errorf("a full cache moved the floor by %s over %d more requests, want flat (within 3 MiB)",
			javashopMB(plateauGrowth), later.Requests-warm.Requests)
	}
}

func TestJavashopLoadFollowFallsBackWhenLoadStops(t *testing.T) {
	const workers = 8 // Requests in flight under closed-loop load, each holding a 16 x 64 KiB workspace.
	shop := javashopStart(t, javashopJava(t, 21, 999), "load-follow")
	routes := shop.routes()
	base := shop.floor()

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var res javashopLoadResult
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		res = shop.drive(ctx, routes, javashopLoad{workers: workers, duration: 15 * time.Second})
	}()
	time.Sleep(3 * time.Second)
	busy := shop.floor()
	time.Sleep(time.Second)
	cancel()
	wg.Wait()
	if res.failed > 0 {
		t.Fatalf("%d requests failed, first: %s", res.failed, res.firstError)
	}
	time.Sleep(500 * time.Millisecond) // Let requests cut off by the cancel finish on the server.
	idle := shop.floor()

	served := idle.Requests - base.Requests
	t.Logf("%d requests: heap floor %s idle -> %s busy -> %s idle again", served,
		javashopMB(base.HeapAfterGC), javashopMB(busy.HeapAfterGC), javashopMB(idle.HeapAfterGC))
	if served < 40 {
		t.Fatalf("only %d reports rendered, want at least 40", served)
	}
	if busy.HeapAfterGC-base.HeapAfterGC < 3*javashopMiB {
		t.Errorf("floor under load %s is not above the idle floor %s by 3 MiB: load is not followed",
			javashopMB(busy.HeapAfterGC), javashopMB(base.HeapAfterGC))
	}
	if idle.HeapAfterGC-base.HeapAfterGC > 2*javashopMiB {
		t.Errorf("floor after load %s did not fall back to the idle floor %s (within 2 MiB)",
			javashopMB(idle.HeapAfterGC), javashopMB(base.HeapAfterGC))
	}
}

func TestJavashopSteadyChurnsWithoutGrowing(t *testing.T) {
	javashopCheckSteady(t, javashopJava(t, 21, 999), 800)
}

func TestJavashopRunsOnJDK17(t *testing.T) {
	javashopCheckSteady(t, javashopJava(t, 17, 17), 300)
}

// javashopCheckSteady runs the steady scenario for a number of requests and checks that the
// heap floor stays flat while collections happen, and that JMX answers.
func javashopCheckSteady(t *testing.T, java string, requests int64) {
	shop := javashopStart(t, java, "steady")
	if err := javashopRMIHandshake(net.JoinHostPort("127.0.0.1", strconv.Itoa(shop.jmxPort))); err != nil {
		t.Errorf("JMX port %d: %v", shop.jmxPort, err)
	}
	routes := shop.routes()
	base := shop.floor()
	shop.mustDrive(routes, javashopLoad{rate: 100, workers: 4, maxRequests: requests, duration: 20 * time.Second}, requests*6/10)
	end := shop.floor()

	served := end.Requests - base.Requests
	growth := end.HeapAfterGC - base.HeapAfterGC
	churnGCs := end.GCCycles - base.GCCycles - 1 // Minus the explicit one.
	t.Logf("%s: %d requests, heap floor %s -> %s, %d collections from churn", java, served,
		javashopMB(base.HeapAfterGC), javashopMB(end.HeapAfterGC), churnGCs)
	if growth > 3*javashopMiB {
		t.Errorf("heap floor grew %s over %d requests, want flat (within 3 MiB; a 64 KiB/request leak would be %s)",
			javashopMB(growth), served, javashopMB(served*javashopLeakBytes))
	}
	if churnGCs < 2 {
		t.Errorf("%d collections besides the explicit one over %d requests, want allocation churn to cause some", churnGCs, served)
	}
}
