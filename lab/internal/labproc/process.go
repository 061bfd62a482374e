package labproc

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"strings"
	"sync"
	"syscall"
	"time"
)

// ListeningPrefix starts the first stdout line of every lab service.
const ListeningPrefix = "listening on "

// Spec describes a lab process to start.
type Spec struct {
	Path string   // executable
	Args []string // arguments, without the program name
	Env  []string // added to this process's environment (later entries win)
	Dir  string   // working directory; "" = the current one

	Stdout io.Writer // receives every stdout line after the listening line; nil discards
	Stderr io.Writer // receives the child's stderr; nil discards (a tail is kept anyway)

	StartTimeout time.Duration // how long to wait for the listening line; default 60 s
	StopGrace    time.Duration // how long Stop waits after SIGTERM; default 10 s
}

// Process is a started lab service.
type Process struct {
	Addr    string // "127.0.0.1:PORT"
	BaseURL string // "http://127.0.0.1:PORT"

	cmd       *exec.Cmd
	stopGrace time.Duration
	lines     chan string
	tail      *tailBuffer
	done      chan struct{}
	exitErr   error
	stopOnce  sync.Once
}

// Start runs spec and waits for its listening line. On any error the child is killed.
func Start(ctx context.Context, spec Spec) (*Process, error) {
	if spec.StartTimeout <= 0 {
		spec.StartTimeout = 60 * time.Second
	}
	if spec.StopGrace <= 0 {
		spec.StopGrace = 10 * time.Second
	}
	cmd := exec.Command(spec.Path, spec.Args...)
	cmd.Dir = spec.Dir
	cmd.Env = append(os.Environ(), spec.Env...)
	cmd.SysProcAttr = childProcAttr()
	tail := &tailBuffer{max: 16 << 10}
	if spec.Stderr != nil {
		cmd.Stderr = io.MultiWriter(tail, spec.Stderr)
	} else {
		cmd.Stderr = tail
	}
	// Bounds Wait if the child leaves a grandchild holding stderr open.
	cmd.WaitDelay = 5 * time.Second
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	p := &Process{
		cmd:       cmd,
		stopGrace: spec.StopGrace,
		lines:     make(chan string, 128),
		tail:      tail,
		done:      make(chan struct{}),
	}
	listening := make(chan string, 1)
	go p.readStdout(stdout, spec.Stdout, listening)
	go func() {
		p.exitErr = cmd.Wait()
		close(p.done)
	}()

	timer := time.NewTimer(spec.StartTimeout)
	defer timer.Stop()
	select {
	case addr := <-listening:
		if err := checkLoopbackAddr(addr); err != nil {
			p.Stop()
			return nil, err
		}
		p.Addr = addr
		p.BaseURL = "http://" + addr
		return p, nil
	case <-p.done:
		return nil, fmt.Errorf("%s exited before listening (%v); stderr:\n%s", spec.Path, p.exitErr, tail.String())
	case <-timer.C:
		p.Stop()
		return nil, fmt.Errorf("%s did not print %q within %v; stderr:\n%s", spec.Path, ListeningPrefix+"ADDR", spec.StartTimeout, tail.String())
	case <-ctx.Done():
		p.Stop()
		return nil, ctx.Err()
	}
}

// readStdout finds the listening line, then forwards later lines to p.lines (dropping
// them when nobody reads) and to copyTo. It keeps draining so the child never blocks.
func (p *Process) readStdout(r io.Reader, copyTo io.Writer, listening chan<- string) {
	defer close(p.lines)
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	found := false
	for sc.Scan() {
		line := sc.Text()
		if !found {
			if addr, ok := strings.CutPrefix(strings.TrimSpace(line), ListeningPrefix); ok {
				found = true
				listening <- addr
			}
			continue
		}
		if copyTo != nil {
			fmt.Fprintln(copyTo, line)
		}
		select {
		case p.lines <- line:
		default:
		}
	}
	// A scanner error (a line over 1 MiB) must not block the child on a full pipe.
	_, _ = io.Copy(io.Discard, r)
}

// NextLine returns the next stdout line after the listening line.
func (p *Process) NextLine(ctx context.Context) (string, error) {
	select {
	case line, ok := <-p.lines:
		if !ok {
			return "", io.EOF
		}
		return line, nil
	case <-ctx.Done():
		return "", ctx.Err()
	}
}

// Pid is the child's process id.
func (p *Process) Pid() int { return p.cmd.Process.Pid }

// Done is closed once the child has exited.
func (p *Process) Done() <-chan struct{} { return p.done }

// ExitErr is the child's exit status once Done is closed (nil for exit code 0).
func (p *Process) ExitErr() error {
	select {
	case <-p.done:
		return p.exitErr
	default:
		return nil
	}
}

// StderrTail returns the last 16 KiB the child wrote to stderr.
func (p *Process) StderrTail() string { return p.tail.String() }

// Client returns a client for the process's /lab endpoints.
func (p *Process) Client() *Client { return NewClient(p.BaseURL) }

// Stop sends SIGTERM to the child's process group, waits up to the stop grace, then
// sends SIGKILL. It returns the child's exit error, if it exited on its own terms with
// one. Safe to call more than once and from several goroutines.
func (p *Process) Stop() error {
	p.stopOnce.Do(func() {
		select {
		case <-p.done:
			return
		default:
		}
		signalGroup(p.cmd.Process.Pid, syscall.SIGTERM)
		timer := time.NewTimer(p.stopGrace)
		defer timer.Stop()
		select {
		case <-p.done:
		case <-timer.C:
			signalGroup(p.cmd.Process.Pid, syscall.SIGKILL)
			<-p.done
		}
	})
	<-p.done
	return p.exitErr
}

func checkLoopbackAddr(addr string) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("bad listening address %q: %v", addr, err)
	}
	ip := net.ParseIP(host)
	if ip == nil || !ip.IsLoopback() {
		return fmt.Errorf("service listens on %q, which is not a loopback address", addr)
	}
	return nil
}

// tailBuffer keeps the last max bytes written to it.
type tailBuffer struct {
	mu  sync.Mutex
	max int
	buf []byte
}

func (t *tailBuffer) Write(b []byte) (int, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.buf = append(t.buf, b...)
	if over := len(t.buf) - t.max; over > 0 {
		t.buf = append(t.buf[:0], t.buf[over:]...)
	}
	return len(b), nil
}

func (t *tailBuffer) String() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return string(t.buf)
}
