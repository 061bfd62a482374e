package shop

import (
	"net/http"
	"runtime"

	"github.com/gin-gonic/gin"

	"leakhound.dev/lab/internal/labapi"
)

// labAPI serves the /lab contract shared with java-shop (see package labapi).
type labAPI struct {
	routeList labapi.Routes
}

func newLabAPI(enabled []scenario) *labAPI {
	routes := make([]labapi.Route, 0, len(enabled))
	for _, sc := range enabled {
		routes = append(routes, labapi.Route{Scenario: sc.name, Method: sc.method, Path: sc.path, Body: sc.body})
	}
	return &labAPI{routeList: labapi.Routes{Routes: routes}}
}

func (l *labAPI) routes(c *gin.Context) { c.JSON(http.StatusOK, l.routeList) }

func (l *labAPI) stats(c *gin.Context) { c.JSON(http.StatusOK, readStats()) }

// gc runs a full, blocking collection so that the next /lab/stats reports a fresh
// heapAfterGC; it answers with that sample for convenience.
func (l *labAPI) gc(c *gin.Context) {
	runtime.GC()
	c.JSON(http.StatusOK, readStats())
}
