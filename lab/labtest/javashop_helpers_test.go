package labtest

// Helpers for the java-shop tests: build the jar, find JDKs, start and stop the shop, read
// the /lab contract, and drive bounded load. Everything is prefixed with javashop so the
// Go-shop tests in the same package cannot clash with it. Standard library only.

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
)

const (
	javashopMiB = 1 << 20
	javashopKiB = 1 << 10
	// javashopLeakBytes is what each scenario request retains (leaks) or works with (controls).
	javashopLeakBytes = 64 * javashopKiB
	javashopHeapFlag  = "-Xmx256m"
	javashopJDKRoot   = "/usr/lib/jvm"
)

var (
	javashopBuildOnce   sync.Once
	javashopBuiltJar    string
	javashopBuildSkip   string
	javashopBuildFailed string

	javashopListenLine = regexp.MustCompile(`^listening on 127\.0\.0\.1:([0-9]+)$`)
	javashopJMXLine    = regexp.MustCompile(`^jmx (service:jmx:rmi:///jndi/rmi://127\.0\.0\.1:([0-9]+)/jmxrmi)$`)
	javashopJDKVersion = regexp.MustCompile(`(?m)^JAVA_VERSION="(1\.)?([0-9]+)`)
)

// javashopJar builds lab/bin/java-shop.jar once per test binary through build.sh and
// returns its path; it skips the test when no javac exists on the machine.
func javashopJar(t *testing.T) string {
	t.Helper()
	javashopBuildOnce.Do(func() {
		if _, err := javashopFindJavac(); err != nil {
			javashopBuildSkip = err.Error()
			return
		}
		lab, err := filepath.Abs("..")
		if err != nil {
			javashopBuildFailed = err.Error()
			return
		}
		ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
		defer cancel()
		out, err := exec.CommandContext(ctx, "bash", filepath.Join(lab, "java-shop", "build.sh")).CombinedOutput()
		if err != nil {
			javashopBuildFailed = fmt.Sprintf("lab/java-shop/build.sh: %v\n%s", err, out)
			return
		}
		javashopBuiltJar = filepath.Join(lab, "bin", "java-shop.jar")
	})
	if javashopBuildSkip != "" {
		t.Skip("java-shop tests need a JDK: " + javashopBuildSkip)
	}
	if javashopBuildFailed != "" {
		t.Fatal(javashopBuildFailed)
	}
	return javashopBuiltJar
}

// javashopFindJavac looks where build.sh looks: JAVA_HOME, /usr/lib/jvm/*, then PATH.
func javashopFindJavac() (string, error) {
	if home := os.Getenv("JAVA_HOME"); home != "" {
		if p := filepath.Join(home, "bin", "javac"); javashopExecutable(p) {
			return p, nil
		}
	}
	candidates, _ := filepath.Glob(filepath.Join(javashopJDKRoot, "*", "bin", "javac"))
	for _, p := range candidates {
		if javashopExecutable(p) {
			return p, nil
		}
	}
	if p, err := exec.LookPath("javac"); err == nil {
		return p, nil
	}
	return "", fmt.Errorf("no javac in $JAVA_HOME, %s/*/bin or PATH", javashopJDKRoot)
}

func javashopExecutable(path string) bool {
	info, err := os.Stat(path)
	return err == nil && !info.IsDir() && info.Mode()&0o111 != 0
}

// javashopJava returns the java launcher of the newest JDK under /usr/lib/jvm whose major
// version lies in [minMajor, maxMajor], or skips the test.
func javashopJava(t *testing.T, minMajor, maxMajor int) string {
	t.Helper()
	homes, _ := filepath.Glob(filepath.Join(javashopJDKRoot, "*"))
	best, bestMajor := "", 0
	for _, home := range homes {
		release, err := os.ReadFile(filepath.Join(home, "release"))
		if err != nil {
			continue
		}
		m := javashopJDKVersion.FindSubmatch(release)
		if m == nil {
			continue
		}
		major, _ := strconv.Atoi(string(m[2]))
		java := filepath.Join(home, "bin", "java")
		if major >= minMajor && major <= maxMajor && major > bestMajor && javashopExecutable(java) {
			best, bestMajor = java, major
		}
	}
	if best == "" {
		t.Skipf("no JDK with major version %d..%d under %s", minMajor, maxMajor, javashopJDKRoot)
	}
	return best
}

// javashopShop is one running java-shop process.
type javashopShop struct {
	t       *testing.T
	cmd     *exec.Cmd
	base    string // http://127.0.0.1:PORT
	port    int
	jmxURL  string
	jmxPort int
	stderr  *javashopBuffer
	client  *http.Client
	exited  chan struct{}
	waitErr error
}

// javashopBuffer is a bytes.Buffer safe for the process writer and the test reader.
type javashopBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *javashopBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *javashopBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// javashopStart starts the shop with the given JDK and scenarios, waits for its two start-up
// lines and registers a cleanup that stops it (SIGTERM, then SIGKILL).
func javashopStart(t *testing.T, java, scenarios string) *javashopShop {
	t.Helper()
	jar := javashopJar(t)
	cmd := exec.Command(java, javashopHeapFlag, "-jar", jar,
		"--port", "0", "--jmx-port", "0", "--scenarios", scenarios,
		"--leak-bytes", strconv.Itoa(javashopLeakBytes))
	s := &javashopShop{t: t, cmd: cmd, stderr: &javashopBuffer{}, exited: make(chan struct{})}
	cmd.Stderr = s.stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatalf("start %s: %v", java, err)
	}
	lines := make(chan string, 8)
	go func() {
		defer close(lines)
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			lines <- sc.Text()
		}
	}()
	go func() {
		s.waitErr = cmd.Wait()
		close(s.exited)
	}()
	t.Cleanup(func() {
		s.stop(10 * time.Second)
		if t.Failed() {
			t.Logf("java-shop stderr:\n%s", javashopTail(s.stderr.String(), 40))
		}
	})

	var got []string
	deadline := time.After(30 * time.Second)
	for len(got) < 2 {
		select {
		case line, ok := <-lines:
			if !ok {
				<-s.exited
				t.Fatalf("java-shop exited (%v) after printing %q; stderr:\n%s", s.waitErr, got, s.stderr.String())
			}
			got = append(got, line)
		case <-deadline:
			t.Fatalf("java-shop printed %q within 30s, want two lines; stderr:\n%s", got, s.stderr.String())
		}
	}
	m := javashopListenLine.FindStringSubmatch(got[0])
	if m == nil {
		t.Fatalf("first stdout line %q, want \"listening on 127.0.0.1:PORT\"", got[0])
	}
	s.port, _ = strconv.Atoi(m[1])
	s.base = "http://127.0.0.1:" + m[1]
	m = javashopJMXLine.FindStringSubmatch(got[1])
	if m == nil {
		t.Fatalf("second stdout line %q, want \"jmx service:jmx:rmi:///jndi/rmi://127.0.0.1:M/jmxrmi\"", got[1])
	}
	s.jmxURL = m[1]
	s.jmxPort, _ = strconv.Atoi(m[2])
	go func() { // Anything more on stdout breaks the contract; keep draining so the JVM never blocks.
		for line := range lines {
			t.Errorf("unexpected extra stdout line %q", line)
		}
	}()
	s.client = &http.Client{
		Timeout:   15 * time.Second,
		Transport: &http.Transport{MaxIdleConnsPerHost: 32, DisableCompression: true},
	}
	return s
}

// stop sends SIGTERM and waits up to grace for the exit, then kills. It reports how long the
// process took to exit after SIGTERM, and whether it needed SIGKILL.
func (s *javashopShop) stop(grace time.Duration) (time.Duration, bool) {
	select {
	case <-s.exited:
		return 0, false
	default:
	}
	start := time.Now()
	_ = s.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-s.exited:
		return time.Since(start), false
	case <-time.After(grace):
		_ = s.cmd.Process.Kill()
		<-s.exited
		return time.Since(start), true
	}
}

func javashopTail(s string, lines int) string {
	all := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(all) > lines {
		all = all[len(all)-lines:]
	}
	return strings.Join(all, "\n")
}

// javashopStats is GET /lab/stats; all fields are integers by contract.
type javashopStats struct {
	UnixMillis  int64 `json:"unixMillis"`
	HeapAlloc   int64 `json:"heapAlloc"`
	HeapAfterGC int64 `json:"heapAfterGC"`
	NextGC      int64 `json:"nextGC"`
	Goroutines  int64 `json:"goroutines"`
	RSS         int64 `json:"rss"`
	Requests    int64 `json:"requests"`
	GCCycles    int64 `json:"gcCycles"`
}

// javashopStatsKeys are the exact keys of /lab/stats.
var javashopStatsKeys = []string{"unixMillis", "heapAlloc", "heapAfterGC", "nextGC", "goroutines", "rss", "requests", "gcCycles"}

// javashopRoute is one entry of GET /lab/routes.
type javashopRoute struct {
	Scenario string `json:"scenario"`
	Method   string `json:"method"`
	Path     string `json:"path"`
	Body     string `json:"body"`
}

func (s *javashopShop) do(method, path, body string) (int, []byte, error) {
	var rd io.Reader
	if body != "" {
		rd = strings.NewReader(body)
	}
	req, err := http.NewRequest(method, s.base+path, rd)
	if err != nil {
		return 0, nil, err
	}
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := s.client.Do(req)
	if err != nil {
		return 0, nil, err
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	return resp.StatusCode, data, err
}

// mustDo sends a request and fails the test unless it answers 200.
func (s *javashopShop) mustDo(method, path, body string) []byte {
	s.t.Helper()
	status, data, err := s.do(method, path, body)
	if err != nil {
		s.t.Fatalf("%s %s: %v", method, path, err)
	}
	if status != http.StatusOK {
		s.t.Fatalf("%s %s: status %d, body %s", method, path, status, data)
	}
	return data
}

// stats reads /lab/stats, checking the contract strictly: exactly the eight keys, integers.
func (s *javashopShop) stats() javashopStats {
	s.t.Helper()
	return javashopDecodeStats(s.t, s.mustDo("GET", "/lab/stats", ""))
}

func javashopDecodeStats(t *testing.T, data []byte) javashopStats {
	t.Helper()
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(data, &raw); err != nil {
		t.Fatalf("/lab/stats is not a JSON object: %v: %s", err, data)
	}
	var keys []string
	for k, v := range raw {
		keys = append(keys, k)
		if _, err := strconv.ParseInt(string(v), 10, 64); err != nil {
			t.Errorf("/lab/stats %q = %s, want an integer", k, v)
		}
	}
	sort.Strings(keys)
	want := append([]string(nil), javashopStatsKeys...)
	sort.Strings(want)
	if strings.Join(keys, ",") != strings.Join(want, ",") {
		t.Fatalf("/lab/stats keys %v, want exactly %v", keys, want)
	}
	var st javashopStats
	if err := json.Unmarshal(data, &st); err != nil {
		t.Fatal(err)
	}
	return st
}

// floor runs POST /lab/gc and then reads /lab/stats: heapAfterGC is the fresh heap floor.
func (s *javashopShop) floor() javashopStats {
	s.t.Helper()
	s.mustDo("POST", "/lab/gc", "")
	return s.stats()
}

func (s *javashopShop) routes() []javashopRoute {
	s.t.Helper()
	data := s.mustDo("GET", "/lab/routes", "")
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var body struct {
		Routes []javashopRoute `json:"routes"`
	}
	if err := dec.Decode(&body); err != nil {
		s.t.Fatalf("/lab/routes: %v: %s", err, data)
	}
	return body.Routes
}

// javashopLoad bounds a burst of requests: it stops at maxRequests successful answers or
// after duration, whichever comes first. rate is the paced request rate across all workers;
// 0 means closed loop (each worker sends its next request as soon as the last one returns).
type javashopLoad struct {
	rate        float64
	workers     int
	maxRequests int64
	duration    time.Duration
}

type javashopLoadResult struct {
	ok, failed int64
	firstError string
	elapsed    time.Duration
}

// drive sends load to the given routes until the bound is reached or ctx ends.
func (s *javashopShop) drive(ctx context.Context, routes []javashopRoute, load javashopLoad) javashopLoadResult {
	if len(routes) == 0 {
		s.t.Fatal("no routes to drive")
	}
	ctx, cancel := context.WithTimeout(ctx, load.duration)
	defer cancel()
	var tokens chan struct{}
	if load.rate > 0 {
		tokens = make(chan struct{}, load.workers)
		go func() {
			tick := time.NewTicker(time.Duration(float64(time.Second) / load.rate))
			defer tick.Stop()
			for {
				select {
				case <-ctx.Done():
					return
				case <-tick.C:
					select {
					case tokens <- struct{}{}:
					default: // Workers are behind: drop the tick rather than queue a burst.
					}
				}
			}
		}()
	}
	var (
		ok, failed, next atomic.Int64
		firstErr         sync.Once
		result           javashopLoadResult
		wg               sync.WaitGroup
	)
	start := time.Now()
	for w := 0; w < load.workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for ctx.Err() == nil && (load.maxRequests == 0 || ok.Load() < load.maxRequests) {
				if tokens != nil {
					select {
					case <-ctx.Done():
						return
					case <-tokens:
					}
				}
				r := routes[int(next.Add(1))%len(routes)]
				status, data, err := s.do(r.Method, r.Path, r.Body)
				if err == nil && status == http.StatusOK {
					ok.Add(1)
					continue
				}
				if ctx.Err() != nil {
					return
				}
				failed.Add(1)
				firstErr.Do(func() {
					result.firstError = fmt.Sprintf("%s %s: status %d, err %v, body %.200s", r.Method, r.Path, status, err, data)
				})
			}
		}()
	}
	wg.Wait()
	result.ok, result.failed, result.elapsed = ok.Load(), failed.Load(), time.Since(start)
	return result
}

// mustDrive drives load and fails on any failed request or on fewer than minOK answers.
func (s *javashopShop) mustDrive(routes []javashopRoute, load javashopLoad, minOK int64) javashopLoadResult {
	s.t.Helper()
	res := s.drive(context.Background(), routes, load)
	s.t.Logf("load: %d ok, %d failed in %v (%.0f req/s)", res.ok, res.failed, res.elapsed.Round(time.Millisecond),
		float64(res.ok)/res.elapsed.Seconds())
	if res.failed > 0 {
		s.t.Fatalf("%d requests failed, first: %s", res.failed, res.firstError)
	}
	if res.ok < minOK {
		s.t.Fatalf("only %d requests answered in %v, want at least %d", res.ok, load.duration, minOK)
	}
	return res
}

// javashopMB formats bytes as MiB for messages.
func javashopMB(b int64) string {
	return fmt.Sprintf("%.1f MiB", float64(b)/javashopMiB)
}

// javashopListeningSockets returns the local addresses ("127.0.0.1:PORT" form) of the TCP
// sockets the process listens on, read from /proc; ok is false where /proc is unavailable.
func javashopListeningSockets(pid int) (addrs []string, ok bool) {
	fds, err := os.ReadDir(fmt.Sprintf("/proc/%d/fd", pid))
	if err != nil {
		return nil, false
	}
	inodes := map[string]bool{}
	for _, fd := range fds {
		target, err := os.Readlink(fmt.Sprintf("/proc/%d/fd/%s", pid, fd.Name()))
		if err == nil && strings.HasPrefix(target, "socket:[") {
			inodes[strings.TrimSuffix(strings.TrimPrefix(target, "socket:["), "]")] = true
		}
	}
	for _, table := range []string{"/proc/net/tcp", "/proc/net/tcp6"} {
		data, err := os.ReadFile(table)
		if err != nil {
			continue
		}
		for _, line := range strings.Split(string(data), "\n")[1:] {
			f := strings.Fields(line)
			if len(f) < 10 || f[3] != "0A" || !inodes[f[9]] { // 0A = LISTEN
				continue
			}
			addrs = append(addrs, javashopProcAddr(f[1]))
		}
	}
	return addrs, true
}

// javashopProcAddr decodes /proc/net/tcp{,6} "HEXIP:HEXPORT" (IP words in host byte order,
// little-endian here) into "ip:port"; IPv4-mapped IPv6 addresses come out as IPv4.
func javashopProcAddr(hexAddr string) string {
	ipHex, portHex, _ := strings.Cut(hexAddr, ":")
	port, _ := strconv.ParseUint(portHex, 16, 16)
	var ip net.IP
	for i := 0; i+8 <= len(ipHex); i += 8 {
		word, _ := strconv.ParseUint(ipHex[i:i+8], 16, 32)
		ip = append(ip, byte(word), byte(word>>8), byte(word>>16), byte(word>>24))
	}
	return net.JoinHostPort(ip.String(), strconv.FormatUint(port, 10))
}

// javashopRMIHandshake speaks the first bytes of the JRMP protocol to addr: the magic
// "JRMI", version 2, StreamProtocol; an RMI endpoint answers ProtocolAck (0x4E).
func javashopRMIHandshake(addr string) error {
	conn, err := net.DialTimeout("tcp", addr, 5*time.Second)
	if err != nil {
		return err
	}
	defer conn.Close()
	_ = conn.SetDeadline(time.Now().Add(5 * time.Second))
	if _, err := conn.Write([]byte{'J', 'R', 'M', 'I', 0x00, 0x02, 0x4B}); err != nil {
		return err
	}
	ack := make([]byte, 1)
	if _, err := io.ReadFull(conn, ack); err != nil {
		return fmt.Errorf("no JRMP answer: %w", err)
	}
	if ack[0] != 0x4E {
		return fmt.Errorf("JRMP answer 0x%02x, want ProtocolAck 0x4E", ack[0])
	}
	return nil
}
