package shop

import (
	"net/http"
	"net/http/pprof"

	"github.com/gin-gonic/gin"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"leakhound.dev/lab/internal/labapi"
)

// scenario is one row of the scenario table: the route it serves (pattern, as gin
// matches it; path, a concrete URL for the load generator), a sample body, and the
// handler chain built from the shop's Config.
type scenario struct {
	name     string
	method   string
	pattern  string
	path     string
	body     string
	handlers func(cfg Config) []gin.HandlerFunc
}

// scenarioTable lists every scenario; the first four leak, the last three are controls
// that must not read as leaks.
var scenarioTable = []scenario{{
	name: "map-leak", method: http.MethodPost,
	pattern: "/api/cart/items", path: "/api/cart/items", body: `{"sku":"SKU-1042","qty":2}`,
	handlers: func(cfg Config) []gin.HandlerFunc { return chain(newCartAPI(cfg).addItem) },
}, {
	name: "goroutine-leak", method: http.MethodPost,
	pattern: "/api/inventory/reservations", path: "/api/inventory/reservations", body: `{"sku":"SKU-2210","qty":1}`,
	handlers: func(cfg Config) []gin.HandlerFunc { return chain(newInventoryAPI(cfg).reserve) },
}, {
	name: "context-leak", method: http.MethodPost,
	pattern: "/api/payments", path: "/api/payments", body: `{"orderId":"ORD-77","amountCents":4599}`,
	handlers: func(cfg Config) []gin.HandlerFunc {
		return chain(requestAuditTrail(cfg.LeakBytes), authorizePayment)
	},
}, {
	name: "ticker-leak", method: http.MethodGet,
	pattern: "/api/prices/:sku", path: "/api/prices/SKU-3307",
	handlers: func(cfg Config) []gin.HandlerFunc { return chain(newPricingAPI(cfg).quote) },
}, {
	name: "bounded-cache", method: http.MethodGet,
	pattern: "/api/products/recommended", path: "/api/products/recommended",
	handlers: func(cfg Config) []gin.HandlerFunc { return chain(newCatalogAPI(cfg).recommended) },
}, {
	name: "load-follow", method: http.MethodPost,
	pattern: "/api/reports/sales", path: "/api/reports/sales", body: `{"region":"emea","days":30}`,
	handlers: func(cfg Config) []gin.HandlerFunc { return chain(newReportsAPI(cfg).renderSales) },
}, {
	name: "steady", method: http.MethodPost,
	pattern: "/api/checkout/quote", path: "/api/checkout/quote",
	body:     `{"items":[{"sku":"SKU-1042","qty":2},{"sku":"SKU-2210","qty":1}]}`,
	handlers: func(cfg Config) []gin.HandlerFunc { return chain(newCheckoutAPI(cfg).quote) },
}}

func chain(h ...gin.HandlerFunc) []gin.HandlerFunc { return h }

// registerRoutes is the one place where every HTTP route of the shop is declared.
func registerRoutes(r *gin.Engine, cfg Config, enabled []scenario) {
	lab := newLabAPI(enabled)
	r.GET(labapi.RoutesPath, lab.routes)
	r.GET(labapi.StatsPath, lab.stats)
	r.POST(labapi.GCPath, lab.gc)

	r.GET("/metrics", gin.WrapH(promhttp.Handler()))
	r.GET("/debug/vars", gin.WrapH(expvarHandler()))
	r.Any("/debug/pprof/*name", servePprof)

	api := r.Group("/", countScenarioRequests)
	for _, sc := range enabled {
		api.Handle(sc.method, sc.pattern, sc.handlers(cfg)...)
	}
}

// servePprof dispatches /debug/pprof/* like net/http/pprof does on the default mux;
// Index serves every named profile, including goroutineleak when the toolchain has it.
func servePprof(c *gin.Context) {
	switch c.Param("name") {
	case "/cmdline":
		pprof.Cmdline(c.Writer, c.Request)
	case "/profile":
		pprof.Profile(c.Writer, c.Request)
	case "/symbol":
		pprof.Symbol(c.Writer, c.Request)
	case "/trace":
		pprof.Trace(c.Writer, c.Request)
	default:
		pprof.Index(c.Writer, c.Request)
	}
}
