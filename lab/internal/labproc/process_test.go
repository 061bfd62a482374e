package labproc

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/signal"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// The test binary doubles as a fake lab service when LABPROC_FAKE is set.
func TestMain(m *testing.M) {
	switch os.Getenv("LABPROC_FAKE") {
	case "":
		os.Exit(m.Run())
	case "serve":
		fakeService()
	case "print":
		fmt.Println("warming up")
		fmt.Println("listening on " + os.Getenv("LABPROC_ADDR"))
		time.Sleep(time.Minute)
	case "crash":
		fmt.Fprintln(os.Stderr, "boom: no such scenario")
		os.Exit(3)
	case "parent":
		// Starts a child service, reports its pid, and waits to be killed.
		child, err := Start(context.Background(), Spec{Path: os.Args[0], Env: []string{"LABPROC_FAKE=print", "LABPROC_ADDR=127.0.0.1:4242"}})
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		fmt.Printf("listening on 127.0.0.1:4243\n%d\n", child.Pid())
		time.Sleep(time.Minute)
	case "stubborn":
		signal.Ignore(syscall.SIGTERM)
		fmt.Println("listening on 127.0.0.1:1")
		time.Sleep(time.Minute)
	}
}

func fakeService() {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		os.Exit(1)
	}
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, syscall.SIGTERM)
	fmt.Println("listening on " + ln.Addr().String())
	fmt.Println("jmx service:jmx:rmi:///jndi/rmi://127.0.0.1:9999/jmxrmi")
	mux := http.NewServeMux()
	mux.HandleFunc("GET /lab/stats", func(w http.ResponseWriter, _ *http.Request) {
		fmt.Fprint(w, `{"unixMillis":1,"heapAlloc":2,"heapAfterGC":3,"nextGC":4,"goroutines":5,"rss":6,"requests":7,"gcCycles":8}`)
	})
	mux.HandleFunc("GET /lab/routes", func(w http.ResponseWriter, _ *http.Request) {
		fmt.Fprint(w, `{"routes":[{"scenario":"map-leak","method":"POST","path":"/api/cart/items","body":"{}"}]}`)
	})
	mux.HandleFunc("POST /lab/gc", func(http.ResponseWriter, *http.Request) {})
	srv := &http.Server{Handler: mux}
	go func() {
		<-sig
		srv.Close()
	}()
	_ = srv.Serve(ln)
	os.Exit(0)
}

func startFake(t *testing.T, mode string, env ...string) (*Process, error) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	p, err := Start(ctx, Spec{
		Path:         os.Args[0],
		Env:          append([]string{"LABPROC_FAKE=" + mode}, env...),
		StartTimeout: 10 * time.Second,
		StopGrace:    5 * time.Second,
	})
	if err == nil {
		t.Cleanup(func() { p.Stop() })
	}
	return p, err
}

func TestStartWaitsForTheListeningLineAndTheClientSpeaksTheLabContract(t *testing.T) {
	p, err := startFake(t, "serve")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(p.BaseURL, "http://127.0.0.1:") {
		t.Fatalf("BaseURL %q", p.BaseURL)
	}
	ctx := context.Background()
	line, err := p.NextLine(ctx)
	if err != nil || !strings.HasPrefix(line, "jmx service:") {
		t.Fatalf("NextLine = %q, %v", line, err)
	}
	st, err := p.Client().Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.UnixMillis != 1 || st.HeapAfterGC != 3 || st.GCCycles != 8 || st.Requests != 7 {
		t.Errorf("stats %+v", st)
	}
	routes, err := p.Client().Routes(ctx)
	if err != nil || len(routes) != 1 || routes[0].Path != "/api/cart/items" {
		t.Errorf("routes %+v, %v", routes, err)
	}
	if err := p.Client().GC(ctx); err != nil {
		t.Error(err)
	}
	_, err = p.Client().Get(ctx, "/missing")
	if se, ok := err.(*StatusError); !ok || se.Status != 404 {
		t.Errorf("Get(/missing) = %v, want a 404 StatusError", err)
	}
	if err := p.Stop(); err != nil {
		t.Errorf("Stop = %v, want a clean exit", err)
	}
	if err := p.Stop(); err != nil {
		t.Errorf("second Stop = %v", err)
	}
}

func TestStartSkipsLinesBeforeListeningAndRefusesNonLoopback(t *testing.T) {
	if _, err := startFake(t, "print", "LABPROC_ADDR=127.0.0.1:4242"); err != nil {
		t.Errorf("loopback address refused: %v", err)
	}
	_, err := startFake(t, "print", "LABPROC_ADDR=0.0.0.0:4242")
	if err == nil || !strings.Contains(err.Error(), "not a loopback address") {
		t.Errorf("err = %v, want a loopback refusal", err)
	}
}

func TestStartReportsAnEarlyExitWithItsStderr(t *testing.T) {
	_, err := startFake(t, "crash")
	if err == nil || !strings.Contains(err.Error(), "boom: no such scenario") {
		t.Fatalf("err = %v", err)
	}
}

func TestStopKillsAProcessThatIgnoresSIGTERM(t *testing.T) {
	p, err := startFake(t, "stubborn")
	if err != nil {
		t.Fatal(err)
	}
	p.stopGrace = time.Second
	start := time.Now()
	_ = p.Stop()
	if took := time.Since(start); took > 10*time.Second {
		t.Errorf("Stop took %v", took)
	}
	select {
	case <-p.Done():
	default:
		t.Error("process still running after Stop")
	}
}

func TestLabRootFindsTheLabModule(t *testing.T) {
	root, err := LabRoot()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(root + "/go-shop"); err != nil {
		t.Errorf("LabRoot = %s, which has no go-shop: %v", root, err)
	}
}

func TestAChildDiesWithItsParent(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("parent-death signal is Linux only")
	}
	parent, err := startFake(t, "parent")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	line, err := parent.NextLine(ctx)
	if err != nil {
		t.Fatal(err)
	}
	child, err := strconv.Atoi(line)
	if err != nil {
		t.Fatalf("child pid line %q", line)
	}
	t.Cleanup(func() { _ = syscall.Kill(child, syscall.SIGKILL) })
	if err := syscall.Kill(parent.Pid(), syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	<-parent.Done()
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		// Signal 0 probes; a zombie counts as gone, so also read /proc state.
		if err := syscall.Kill(child, 0); err != nil || isZombie(child) {
			return
		}
	}
	t.Errorf("child %d still runs 5s after its parent was killed", child)
}

func isZombie(pid int) bool {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return true
	}
	_, rest, _ := strings.Cut(string(data), ") ")
	return strings.HasPrefix(rest, "Z")
}
