package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"

	"leakhound.dev/lab/internal/labproc"
)

// javaShop captures java-shop (written to the contract in lab/README.md): gc.log from
// -Xlog, class histograms and heap dumps through jcmd.
type javaShop struct {
	java string // resolved java executable
	jcmd string // the jcmd next to it
	jar  string
	logf *os.File
}

func (j *javaShop) prepare(ctx context.Context, c *capture) error {
	j.jar = filepath.Join(c.opts.lab, "bin", "java-shop.jar")
	if _, err := os.Stat(j.jar); err != nil {
		return fmt.Errorf("%s does not exist: build it with %s", j.jar, filepath.Join(c.opts.lab, "build"))
	}
	java, err := findJava(c.opts.java)
	if err != nil {
		return err
	}
	j.java = java
	j.jcmd = filepath.Join(filepath.Dir(java), "jcmd")
	if _, err := os.Stat(j.jcmd); err != nil {
		return fmt.Errorf("no jcmd next to %s (a JRE rather than a JDK?): choose a JDK with -java", java)
	}
	if strings.ContainsAny(c.opts.out, ":,= ") {
		return fmt.Errorf("-out %q: the JVM's -Xlog file option cannot take a path with ':', ',', '=' or spaces", c.opts.out)
	}
	c.meta.ServiceInfo["java"] = java
	c.meta.ServiceInfo["javaVersion"] = javaVersion(ctx, java)
	c.log.Printf("using %s (%s)", java, c.meta.ServiceInfo["javaVersion"])
	return nil
}

func (j *javaShop) start(ctx context.Context, c *capture) (*labproc.Process, error) {
	logf, err := os.Create(c.path("service.log"))
	if err != nil {
		return nil, err
	}
	j.logf = logf
	c.wrote("service.log")
	args := append([]string{}, c.opts.javaOpts...)
	args = append(args,
		"-Xlog:gc*:file="+c.path("gc.log")+":time,uptime,level,tags",
		"-jar", j.jar,
		"--port", "0", "--jmx-port", "0",
		"--scenarios", strings.Join(c.opts.scenarios, ","),
		"--leak-bytes", strconv.Itoa(c.opts.leakBytes))
	p, err := labproc.Start(ctx, labproc.Spec{Path: j.java, Args: args, Stderr: logf})
	if err != nil {
		return nil, err
	}
	c.wrote("gc.log")
	// The second stdout line names the JMX endpoint; keep it for the collectors.
	lineCtx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	if line, err := p.NextLine(lineCtx); err == nil {
		if url, ok := strings.CutPrefix(line, "jmx "); ok {
			c.meta.ServiceInfo["jmxURL"] = url
		} else {
			c.note("java-shop's second stdout line is not %q: %q", "jmx service:...", line)
		}
	} else {
		c.note("java-shop printed no jmx line: %v", err)
	}
	return p, nil
}

func (j *javaShop) snapshot(ctx context.Context, c *capture, p *labproc.Process, phase string) error {
	c.log.Printf("saving %s class histogram", phase)
	histo, err := j.jcmdRun(ctx, p, "GC.class_histogram")
	if err != nil {
		return err
	}
	if err := c.writeFile("histo-"+phase+".txt", histo); err != nil {
		return err
	}
	if !c.opts.heapDumps {
		return nil
	}
	name := "heap-" + phase + ".hprof.gz"
	// GC.heap_dump refuses to overwrite a file from an earlier capture.
	if err := os.Remove(c.path(name)); err != nil && !errors.Is(err, os.ErrNotExist) {
		return err
	}
	c.log.Printf("saving %s heap dump", phase)
	if _, err := j.jcmdRun(ctx, p, "GC.heap_dump", "-gz=1", c.path(name)); err != nil {
		return err
	}
	if _, err := os.Stat(c.path(name)); err != nil {
		return fmt.Errorf("jcmd GC.heap_dump wrote no %s: %v", name, err)
	}
	c.wrote(name)
	return nil
}

func (j *javaShop) cleanup() {
	if j.logf != nil {
		j.logf.Close()
	}
}

// jcmdRun runs `jcmd PID command args...` and returns its output as is (a "PID:" line,
// then the command's output), the way users save it with `jcmd PID ... > file`.
func (j *javaShop) jcmdRun(ctx context.Context, p *labproc.Process, command string, args ...string) ([]byte, error) {
	ctx, cancel := context.WithTimeout(ctx, 5*time.Minute)
	defer cancel()
	cmdArgs := append([]string{strconv.Itoa(p.Pid()), command}, args...)
	out, err := exec.CommandContext(ctx, j.jcmd, cmdArgs...).CombinedOutput()
	if err != nil {
		return nil, fmt.Errorf("jcmd %s: %v\n%s", strings.Join(cmdArgs, " "), err, out)
	}
	return out, nil
}

var releaseVersion = regexp.MustCompile(`(?m)^JAVA_VERSION="(?:1\.)?(\d+)`)

// findJava resolves -java, else the newest JDK >= 21 under /usr/lib/jvm (one with
// jcmd), else java on PATH.
func findJava(flagValue string) (string, error) {
	if flagValue != "" {
		return resolveExecutable(flagValue)
	}
	best, bestMajor := "", 0
	homes, _ := filepath.Glob("/usr/lib/jvm/*")
	for _, home := range homes {
		data, err := os.ReadFile(filepath.Join(home, "release"))
		if err != nil {
			continue
		}
		m := releaseVersion.FindSubmatch(data)
		if m == nil {
			continue
		}
		major, _ := strconv.Atoi(string(m[1]))
		java, jcmd := filepath.Join(home, "bin", "java"), filepath.Join(home, "bin", "jcmd")
		if major >= 21 && major > bestMajor && isFile(java) && isFile(jcmd) {
			best, bestMajor = java, major
		}
	}
	if best != "" {
		return resolveExecutable(best)
	}
	java, err := exec.LookPath("java")
	if err != nil {
		return "", errors.New("no JDK >= 21 under /usr/lib/jvm and no java on PATH: pass -java")
	}
	return resolveExecutable(java)
}

func resolveExecutable(p string) (string, error) {
	if !strings.ContainsRune(p, os.PathSeparator) {
		found, err := exec.LookPath(p)
		if err != nil {
			return "", err
		}
		p = found
	}
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	real, err := filepath.EvalSymlinks(abs)
	if err != nil {
		return "", fmt.Errorf("java %s: %v", p, err)
	}
	return real, nil
}

func javaVersion(ctx context.Context, java string) string {
	out, err := exec.CommandContext(ctx, java, "-version").CombinedOutput()
	if err != nil {
		return "unknown"
	}
	return firstLine(out)
}

func isFile(p string) bool {
	st, err := os.Stat(p)
	return err == nil && !st.IsDir()
}
