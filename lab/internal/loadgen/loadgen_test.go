package loadgen

import (
	"context"
	"errors"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"leakhound.dev/lab/internal/labapi"
)

// labServer is a stand-in lab service on 127.0.0.1 that records the arrival times of
// scenario requests and answers them through handle.
type labServer struct {
	*httptest.Server
	mu       sync.Mutex
	arrivals []time.Time
	paths    []string
}

func newLabServer(t *testing.T, routes []labapi.Route, handle http.HandlerFunc) *labServer {
	t.Helper()
	ls := &labServer{}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /lab/routes", func(w http.ResponseWriter, r *http.Request) {
		writeRoutes(w, routes)
	})
	mux.HandleFunc("/api/", func(w http.ResponseWriter, r *http.Request) {
		ls.mu.Lock()
		ls.arrivals = append(ls.arrivals, time.Now())
		ls.paths = append(ls.paths, r.Method+" "+r.URL.Path)
		ls.mu.Unlock()
		handle(w, r)
	})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ls.Server = &httptest.Server{Listener: ln, Config: &http.Server{Handler: mux}}
	ls.Start()
	t.Cleanup(ls.Close)
	return ls
}

func writeRoutes(w http.ResponseWriter, routes []labapi.Route) {
	var b strings.Builder
	b.WriteString(`{"routes":[`)
	for i, r := range routes {
		if i > 0 {
			b.WriteString(",")
		}
		b.WriteString(`{"scenario":"` + r.Scenario + `","method":"` + r.Method + `","path":"` + r.Path + `","body":""}`)
	}
	b.WriteString("]}")
	w.Header().Set("Content-Type", "application/json")
	_, _ = w.Write([]byte(b.String()))
}

func (ls *labServer) snapshot() ([]time.Time, []string) {
	ls.mu.Lock()
	defer ls.mu.Unlock()
	return append([]time.Time(nil), ls.arrivals...), append([]string(nil), ls.paths...)
}

var twoRoutes = []labapi.Route{
	{Scenario: "a", Method: "POST", Path: "/api/a"},
	{Scenario: "b", Method: "GET", Path: "/api/b"},
}

func ok(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusOK) }

func TestRunSendsTheScheduleRoundRobinAtThePacedRate(t *testing.T) {
	srv := newLabServer(t, twoRoutes, ok)
	sched, _ := ParseSchedule("40/s for 1s, 0/s for 500ms, 20/s for 500ms")
	res, err := Run(context.Background(), Config{Target: srv.URL, Schedule: sched})
	if err != nil {
		t.Fatal(err)
	}
	if res.Sent != 50 || res.OK != 50 || res.Errors != 0 || res.Dropped != 0 {
		t.Fatalf("result %v, want 50 sent and ok", res)
	}
	arrivals, paths := srv.snapshot()
	for i, p := range paths {
		want := "POST /api/a"
		if i%2 == 1 {
			want = "GET /api/b"
		}
		if p != want {
			t.Fatalf("request %d was %q, want %q (round-robin)", i, p, want)
		}
	}
	// Open-loop pacing: the first phase spreads over about a second, and nothing
	// arrives during the idle phase. Bounds are loose for a busy machine.
	span := arrivals[39].Sub(arrivals[0])
	if span < 800*time.Millisecond || span > 3*time.Second {
		t.Errorf("40 requests at 40/s took %v, want about 975ms", span)
	}
	if gap := arrivals[40].Sub(arrivals[39]); gap < 300*time.Millisecond {
		t.Errorf("the idle phase lasted %v, want about 525ms", gap)
	}
	if res.Elapsed < 1900*time.Millisecond || res.Elapsed > 10*time.Second {
		t.Errorf("run took %v, want about 2s", res.Elapsed)
	}
}

func TestRunDropsRequestsDueWhileAllSlotsAreBusy(t *testing.T) {
	release := make(chan struct{})
	srv := newLabServer(t, twoRoutes, func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-release:
		case <-r.Context().Done():
		}
		w.WriteHeader(http.StatusOK)
	})
	sched, _ := ParseSchedule("100/s for 300ms")
	done := make(chan Result, 1)
	go func() {
		res, err := Run(context.Background(), Config{Target: srv.URL, Schedule: sched, Concurrency: 3})
		if err != nil {
			t.Error(err)
		}
		done <- res
	}()
	time.Sleep(1500 * time.Millisecond) // well past the schedule: everything is sent or dropped
	close(release)
	res := <-done
	if res.Sent != 3 || res.OK != 3 || res.Dropped != 27 || res.Errors != 0 {
		t.Fatalf("result %v, want 3 sent and ok, 27 dropped", res)
	}
}

func TestRunStopsAtMaxTimeWhateverTheSchedule(t *testing.T) {
	srv := newLabServer(t, twoRoutes, ok)
	sched, _ := ParseSchedule("20/s for 1h")
	start := time.Now()
	res, err := Run(context.Background(), Config{Target: srv.URL, Schedule: sched, MaxTime: 500 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	if took := time.Since(start); took > 5*time.Second {
		t.Fatalf("Run took %v despite MaxTime 500ms", took)
	}
	if res.Sent < 5 || res.Sent > 10 {
		t.Errorf("sent %d in 500ms at 20/s, want about 10", res.Sent)
	}
}

func TestRunCountsErrorsAndKeepsTheFirst(t *testing.T) {
	srv := newLabServer(t, twoRoutes, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/api/b" {
			http.Error(w, "boom", http.StatusInternalServerError)
		}
	})
	sched, _ := ParseSchedule("50/s for 200ms")
	res, err := Run(context.Background(), Config{Target: srv.URL, Schedule: sched})
	if err != nil {
		t.Fatal(err)
	}
	if res.Sent != 10 || res.OK != 5 || res.Errors != 5 {
		t.Fatalf("result %v, want 10 sent, 5 ok, 5 errors", res)
	}
	if !strings.Contains(res.FirstError, "GET /api/b: HTTP 500") {
		t.Errorf("first error %q", res.FirstError)
	}
	if s := res.String(); !strings.HasPrefix(s, "sent=10 ok=5 errors=5 dropped=0 elapsed=") {
		t.Errorf("summary %q", s)
	}
}

func TestRunRefusesTargetsOutsideLoopback(t *testing.T) {
	sched, _ := ParseSchedule("1/s for 1s")
	for _, target := range []string{"http://10.0.0.1:8080", "http://192.168.1.5", "http://example.com", "http://[2001:db8::1]:80", "http://0.0.0.0:80"} {
		_, err := Run(context.Background(), Config{Target: target, Schedule: sched})
		if !errors.Is(err, ErrNotLoopback) {
			t.Errorf("Run(%s) = %v, want ErrNotLoopback", target, err)
		}
	}
	for _, target := range []string{"http://127.0.0.1:1", "http://127.1.2.3", "http://localhost:80", "http://[::1]:8080", "https://LOCALHOST"} {
		if err := CheckTarget(target); err != nil {
			t.Errorf("CheckTarget(%s) = %v, want nil", target, err)
		}
	}
	if err := CheckTarget("ftp://127.0.0.1"); err == nil || errors.Is(err, ErrNotLoopback) {
		t.Errorf("CheckTarget(ftp://...) = %v, want a scheme error", err)
	}
}

func TestRunReportsATargetWithoutRoutes(t *testing.T) {
	srv := newLabServer(t, nil, ok)
	sched, _ := ParseSchedule("1/s for 1s")
	_, err := Run(context.Background(), Config{Target: srv.URL, Schedule: sched})
	if err == nil || !strings.Contains(err.Error(), "serves no scenario routes") {
		t.Fatalf("err = %v", err)
	}
}
