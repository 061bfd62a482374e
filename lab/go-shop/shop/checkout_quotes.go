package shop

// Control steady: heavy allocation churn through sync.Pool, nothing retained. It must
// NOT read as a leak: the heap saws up and down, but its floor stays flat.
//
// Quoting a checkout encodes the cart into pooled scratch buffers several times
// (pricing, tax, shipping), plus one throw-away buffer per request.

import (
	"net/http"
	"sync"

	"github.com/gin-gonic/gin"
)

// quoteStages is how many pooled scratch buffers one quote goes through.
const quoteStages = 4

type checkoutAPI struct {
	scratchBytes int
	scratch      sync.Pool // *[]byte of scratchBytes
}

func newCheckoutAPI(cfg Config) *checkoutAPI {
	a := &checkoutAPI{scratchBytes: cfg.LeakBytes}
	a.scratch.New = func() any {
		buf := make([]byte, a.scratchBytes)
		return &buf
	}
	return a
}

type quoteRequest struct {
	Items []CartItem `json:"items" binding:"required,min=1,dive"`
}

// quote handles POST /api/checkout/quote.
func (a *checkoutAPI) quote(c *gin.Context) {
	var req quoteRequest
	if err := c.ShouldBindJSON(&req); err != nil {
		c.JSON(http.StatusBadRequest, gin.H{"error": err.Error()})
		return
	}
	var total uint32
	for stage := 0; stage < quoteStages; stage++ {
		total += a.priceStage(req, stage)
	}
	receipt := make([]byte, a.scratchBytes) // garbage as soon as the response is written
	fillPayload(receipt, req.Items[0].SKU)
	c.JSON(http.StatusOK, gin.H{"items": len(req.Items), "totalCents": total + checksum(receipt)%100})
}

func (a *checkoutAPI) priceStage(req quoteRequest, stage int) uint32 {
	bufp := a.scratch.Get().(*[]byte)
	defer a.scratch.Put(bufp)
	buf := *bufp
	fillPayload(buf, req.Items[stage%len(req.Items)].SKU)
	return checksum(buf)
}
