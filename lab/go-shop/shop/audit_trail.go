package shop

// Scenario context-leak: background work that holds the request's *gin.Context.
//
// A middleware opens an audit trail for each payment request, stores it on the
// context with c.Set, and starts a goroutine that collects the trail's events and
// ships the trail "when the request is done". The goroutine captures c, but it waits
// for the trail's own finished channel instead of c.Request.Context().Done(), and
// nothing closes that channel: it never observes the end of the request, so it keeps
// c (which gin recycles) and the trail's request snapshot (LeakBytes) forever.
// (Gin's documentation says to hand goroutines c.Copy(), never c itself.)
// Culprits: (*AuditTrail).shipWhenDone (the blocked goroutine, in select), allocated by
// newAuditTrail, started by the middleware requestAuditTrail.func1.

import (
	"net/http"
	"time"

	"github.com/gin-gonic/gin"
)

const auditTrailKey = "auditTrail"

// AuditTrail records what happened during one request.
type AuditTrail struct {
	RequestID string
	Started   time.Time
	Events    []string
	Snapshot  []byte // the request as received, for the auditors
	events    chan string
	finished  chan struct{} // meant to be closed when the request ends; nobody does
}

func newAuditTrail(c *gin.Context, snapshotBytes int) *AuditTrail {
	t := &AuditTrail{
		RequestID: nextRequestID("audit"),
		Started:   time.Now(),
		Snapshot:  make([]byte, snapshotBytes),
		events:    make(chan string),
		finished:  make(chan struct{}),
	}
	fillPayload(t.Snapshot, c.Request.URL.Path)
	return t
}

// Record adds an event to the trail.
func (t *AuditTrail) Record(event string) { t.events <- event }

// requestAuditTrail is the middleware that opens a trail per request.
func requestAuditTrail(snapshotBytes int) gin.HandlerFunc {
	return func(c *gin.Context) {
		trail := newAuditTrail(c, snapshotBytes)
		c.Set(auditTrailKey, trail)
		go trail.shipWhenDone(c)
		c.Next()
	}
}

// shipWhenDone collects events until the request is finished, then ships the trail.
// The bug: it selects on t.finished, which nobody closes, and never on the request's
// context, so it waits forever while holding c.
func (t *AuditTrail) shipWhenDone(c *gin.Context) {
	for {
		select {
		case event := <-t.events:
			t.Events = append(t.Events, event)
		case <-t.finished:
			c.Set("auditShipped", checksum(t.Snapshot))
			return
		}
	}
}

func auditTrailOf(c *gin.Context) *AuditTrail {
	if v, ok := c.Get(auditTrailKey); ok {
		if t, ok := v.(*AuditTrail); ok {
			return t
		}
	}
	return nil
}

type paymentRequest struct {
	OrderID     string `json:"orderId" binding:"required"`
	AmountCents int64  `json:"amountCents" binding:"required,min=1"`
}

// authorizePayment handles POST /api/payments.
func authorizePayment(c *gin.Context) {
	trail := auditTrailOf(c)
	var req paymentRequest
	if err := c.ShouldBindJSON(&req); err != nil {
		trail.Record("rejected: " + err.Error())
		c.JSON(http.StatusBadRequest, gin.H{"error": err.Error()})
		return
	}
	trail.Record("authorized " + req.OrderID)
	c.JSON(http.StatusOK, gin.H{"orderId": req.OrderID, "status": "authorized", "auditId": trail.RequestID})
}
