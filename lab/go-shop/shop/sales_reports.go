package shop

// Control load-follow: memory proportional to the requests in flight. It must NOT read
// as a leak.
//
// Rendering a sales report holds a working buffer of LeakBytes*reportBufferFactor for
// 100-300 ms while it "aggregates", then drops it. Memory rises with the request rate
// and falls back when the load falls.

import (
	"math/rand/v2"
	"net/http"
	"time"

	"github.com/gin-gonic/gin"
)

// reportBufferFactor makes each in-flight report clearly visible next to the leaks:
// at 100 requests/s and 4 KiB leak-bytes about 20 reports are in flight, ~640 KiB.
const reportBufferFactor = 8

type reportsAPI struct {
	bufferBytes int
}

func newReportsAPI(cfg Config) *reportsAPI {
	return &reportsAPI{bufferBytes: cfg.LeakBytes * reportBufferFactor}
}

type salesReportRequest struct {
	Region string `json:"region" binding:"required"`
	Days   int    `json:"days" binding:"required,min=1"`
}

// renderSales handles POST /api/reports/sales.
func (a *reportsAPI) renderSales(c *gin.Context) {
	var req salesReportRequest
	if err := c.ShouldBindJSON(&req); err != nil {
		c.JSON(http.StatusBadRequest, gin.H{"error": err.Error()})
		return
	}
	total := aggregateSalesReport(c, req, a.bufferBytes)
	c.JSON(http.StatusOK, gin.H{"region": req.Region, "days": req.Days, "totalCents": total})
}

// aggregateSalesReport fills a working buffer, waits for the (simulated) warehouse
// queries, and folds the buffer into a total. The buffer is garbage afterwards.
func aggregateSalesReport(c *gin.Context, req salesReportRequest, bufferBytes int) uint32 {
	work := make([]byte, bufferBytes)
	fillPayload(work, req.Region)
	select {
	case <-time.After(time.Duration(100+rand.IntN(201)) * time.Millisecond):
	case <-c.Request.Context().Done():
	}
	return checksum(work) + uint32(req.Days)
}
