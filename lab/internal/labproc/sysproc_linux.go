package labproc

import "syscall"

// childProcAttr puts the child in its own process group (a terminal's Ctrl-C reaches
// only the parent, which stops the child itself) and kills it if the parent dies, so
// that a crashed test or capture never leaves a leaking service behind.
func childProcAttr() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
}

func signalGroup(pid int, sig syscall.Signal) {
	// The group id is the child's pid (Setpgid); fall back to the pid alone.
	if err := syscall.Kill(-pid, sig); err != nil {
		_ = syscall.Kill(pid, sig)
	}
}
