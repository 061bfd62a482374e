package shop

import (
	"expvar"
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promauto"
)

// The default registry already carries the Go and process collectors; the shop adds
// its request counter next to them. Package-level because a registry (and expvar)
// accepts each name once per process.
var httpRequests = promauto.NewCounterVec(prometheus.CounterOpts{
	Name: "shop_http_requests_total",
	Help: "HTTP requests served by go-shop, by method, route and status code.",
}, []string{"method", "route", "code"})

// scenarioRequests counts requests served by scenario routes; /lab/stats reports it
// and expvar publishes it.
var scenarioRequests = expvar.NewInt("shopScenarioRequests")

func countHTTPRequests(c *gin.Context) {
	c.Next()
	route := c.FullPath()
	if route == "" {
		route = "unmatched"
	}
	httpRequests.WithLabelValues(c.Request.Method, route, strconv.Itoa(c.Writer.Status())).Inc()
}

func countScenarioRequests(c *gin.Context) {
	c.Next()
	scenarioRequests.Add(1)
}

// expvarHandler serves /debug/vars: memstats and cmdline come with the expvar package.
func expvarHandler() http.Handler { return expvar.Handler() }
