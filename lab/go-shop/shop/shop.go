// Package shop is the go-shop web service: a small shop API whose handlers leak memory
// in chosen, realistic ways (see the scenario table in routes.go), plus the lab
// contract (/lab/*), Prometheus metrics, expvar and pprof.
//
// Each scenario lives in its own file and is written the way the bug appears in real
// services; the function names are distinctive because Leakhound's reports are
// expected to name them as the culprits.
package shop

import (
	"fmt"
	"net/http"
	"slices"

	"github.com/gin-gonic/gin"
)

// DefaultCacheEntries is the bounded-cache capacity: at a moderate 50 requests/s of
// cache misses it fills in about 30 s and then stays flat.
const DefaultCacheEntries = 1500

// Config selects what a shop serves.
type Config struct {
	Scenarios    []string // enabled scenarios, by name
	LeakBytes    int      // bytes leaked (or held, for the controls) per request
	CacheEntries int      // bounded-cache capacity; 0 means DefaultCacheEntries
}

// New validates cfg and returns the shop's HTTP handler.
func New(cfg Config) (http.Handler, error) {
	if cfg.LeakBytes <= 0 {
		return nil, fmt.Errorf("leak-bytes must be positive, got %d", cfg.LeakBytes)
	}
	if cfg.CacheEntries == 0 {
		cfg.CacheEntries = DefaultCacheEntries
	}
	if cfg.CacheEntries < 0 {
		return nil, fmt.Errorf("cache-entries must be positive, got %d", cfg.CacheEntries)
	}
	var enabled []scenario
	for _, name := range cfg.Scenarios {
		sc, ok := lookupScenario(name)
		if !ok {
			return nil, fmt.Errorf("unknown scenario %q (known: %v)", name, ScenarioNames())
		}
		if !slices.ContainsFunc(enabled, func(e scenario) bool { return e.name == name }) {
			enabled = append(enabled, sc)
		}
	}

	gin.SetMode(gin.ReleaseMode)
	// Gin writes its debug output to stdout by default; stdout carries only the
	// "listening on" line.
	gin.DefaultWriter = gin.DefaultErrorWriter
	router := gin.New()
	router.Use(gin.Recovery(), countHTTPRequests)
	registerRoutes(router, cfg, enabled)
	return router, nil
}

// ScenarioNames lists the known scenarios in table order.
func ScenarioNames() []string {
	names := make([]string, len(scenarioTable))
	for i, sc := range scenarioTable {
		names[i] = sc.name
	}
	return names
}

func lookupScenario(name string) (scenario, bool) {
	for _, sc := range scenarioTable {
		if sc.name == name {
			return sc, true
		}
	}
	return scenario{}, false
}
