// Package labapi holds the /lab HTTP contract that every lab service (go-shop and
// java-shop) serves and that the load generator, the capture tool and the tests consume.
//
// The contract, all JSON, all numbers integers:
//
//	GET  /lab/routes -> {"routes":[{"scenario":"map-leak","method":"POST","path":"/api/cart/items","body":"{...}"}]}
//	GET  /lab/stats  -> {"unixMillis":..,"heapAlloc":..,"heapAfterGC":..,"nextGC":..,
//	                     "goroutines":..,"rss":..,"requests":..,"gcCycles":..}
//	POST /lab/gc     -> runs a full garbage collection; 200 once it has finished
//	                    (the body is not part of the contract)
//
// The types here are plain data with no behaviour, so both the servers and the clients
// can share them without dragging anything else along.
package labapi

// Paths of the lab endpoints.
const (
	RoutesPath = "/lab/routes"
	StatsPath  = "/lab/stats"
	GCPath     = "/lab/gc"
)

// Route is one request shape that an enabled scenario serves. Body is sent verbatim
// (as application/json) when it is not empty.
type Route struct {
	Scenario string `json:"scenario"`
	Method   string `json:"method"`
	Path     string `json:"path"`
	Body     string `json:"body"`
}

// Routes is the body of GET /lab/routes.
type Routes struct {
	Routes []Route `json:"routes"`
}

// Stats is the body of GET /lab/stats: one sample of the memory signals Leakhound
// watches. For the JVM shop, Goroutines is the live thread count and the heap figures
// are those of the Java heap.
type Stats struct {
	UnixMillis  int64 `json:"unixMillis"`
	HeapAlloc   int64 `json:"heapAlloc"`   // bytes of live + not yet swept heap objects
	HeapAfterGC int64 `json:"heapAfterGC"` // live heap as marked by the last completed GC
	NextGC      int64 `json:"nextGC"`      // heap goal of the next GC
	Goroutines  int64 `json:"goroutines"`
	RSS         int64 `json:"rss"`      // resident set size of the process, bytes
	Requests    int64 `json:"requests"` // scenario requests served so far
	GCCycles    int64 `json:"gcCycles"` // completed GC cycles
}
