// Package labproc starts lab services (go-shop, java-shop) as child processes and talks
// to their /lab endpoints. The capture tool and the lab tests (go-shop's and
// java-shop's) share it.
//
// Starting and stopping:
//
//	p, err := labproc.Start(ctx, labproc.Spec{Path: bin, Args: []string{"-port", "0"}})
//	defer p.Stop()            // SIGTERM, then SIGKILL after Spec.StopGrace; idempotent
//	p.BaseURL                 // "http://127.0.0.1:PORT", from the "listening on" line
//	line, err := p.NextLine(ctx) // later stdout lines, e.g. java-shop's "jmx service:..."
//	p.Pid(), p.Done(), p.ExitErr(), p.StderrTail()
//
// Start waits for the service's first stdout line of the form
// "listening on 127.0.0.1:PORT" (lines before it are skipped) and refuses any address
// that is not loopback. Children run in their own process group, so a Ctrl-C on the
// terminal reaches only the parent, which is expected to Stop them; on Linux they also
// receive SIGKILL if the parent dies.
//
// Talking to the service (any base URL, so it also works for a service started
// elsewhere):
//
//	c := p.Client()           // or labproc.NewClient("http://127.0.0.1:PORT")
//	c.Stats(ctx)              // GET /lab/stats -> labapi.Stats
//	c.GC(ctx)                 // POST /lab/gc
//	c.Routes(ctx)             // GET /lab/routes -> []labapi.Route
//	c.Get(ctx, "/metrics")    // body and status of any GET
//
// Building Go programs of the lab module:
//
//	root, err := labproc.LabRoot()  // the directory holding lab/go.mod
//	out, err := labproc.GoBuild(ctx, labproc.BuildSpec{Dir: root, Package: "./go-shop", Output: bin})
//
// All functions are safe for concurrent use; a Process's methods may be called from
// any goroutine.
package labproc
