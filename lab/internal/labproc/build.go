package labproc

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
)

// LabModule is the module path declared in lab/go.mod.
const LabModule = "leakhound.dev/lab"

// LabRoot finds the lab module's directory (the one holding lab/go.mod): first above
// the working directory, then above the running executable (lab/bin/capture).
func LabRoot() (string, error) {
	var starts []string
	if wd, err := os.Getwd(); err == nil {
		starts = append(starts, wd)
	}
	if exe, err := os.Executable(); err == nil {
		if exe, err = filepath.EvalSymlinks(exe); err == nil {
			starts = append(starts, filepath.Dir(exe))
		}
	}
	for _, dir := range starts {
		for {
			if isLabRoot(dir) {
				return dir, nil
			}
			if isLabRoot(filepath.Join(dir, "lab")) {
				return filepath.Join(dir, "lab"), nil
			}
			parent := filepath.Dir(dir)
			if parent == dir {
				break
			}
			dir = parent
		}
	}
	return "", errors.New("cannot find the lab module (a go.mod declaring " + LabModule + ") above the working directory or the executable")
}

func isLabRoot(dir string) bool {
	data, err := os.ReadFile(filepath.Join(dir, "go.mod"))
	return err == nil && bytes.Contains(data, []byte("module "+LabModule+"\n"))
}

// BuildSpec describes one `go build`.
type BuildSpec struct {
	Dir     string   // the lab module directory (see LabRoot)
	Package string   // e.g. "./go-shop"
	Output  string   // the binary to write
	Flags   []string // extra build flags, e.g. "-gcflags=leakhound.dev/lab/go-shop/...=-m"
	Env     []string // added to the environment, e.g. "GOEXPERIMENT=goroutineleakprofile"
}

// GoBuild runs `go build` and returns the tool's combined output, which holds the
// compiler's diagnostics (such as -m escape analysis). The error includes the output.
func GoBuild(ctx context.Context, spec BuildSpec) ([]byte, error) {
	args := append([]string{"build", "-o", spec.Output}, spec.Flags...)
	args = append(args, spec.Package)
	cmd := exec.CommandContext(ctx, goTool(), args...)
	cmd.Dir = spec.Dir
	cmd.Env = append(os.Environ(), spec.Env...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		return out, fmt.Errorf("go %v: %v\n%s", args, err, out)
	}
	return out, nil
}

// goTool is $GOROOT/bin/go when GOROOT names a toolchain, else "go" from PATH.
func goTool() string {
	if root := os.Getenv("GOROOT"); root != "" {
		if p := filepath.Join(root, "bin", "go"); fileExists(p) {
			return p
		}
	}
	return "go"
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}
