package shop

// Scenario goroutine-leak: a goroutine waiting on a channel nobody will ever write.
//
// Reserving stock sends a request to the warehouse and answers the client at once; a
// goroutine waits for the warehouse's confirmation to mark the order. The warehouse
// link drops the request (as a lost message would), nothing else holds the reply
// channel, and the wait has no timeout or cancellation: each request parks one
// goroutine forever, together with the order payload (LeakBytes) it holds.
// Culprits: awaitReservationConfirmation (the blocked goroutine, in chan receive),
// allocated by (*WarehouseClient).ReserveStock.

import (
	"net/http"
	"sync/atomic"
	"time"

	"github.com/gin-gonic/gin"
)

// reservationReply is the warehouse's answer to a reservation.
type reservationReply struct {
	Confirmed bool
	Location  string
}

// stockReservation is one pending reservation and the order it belongs to.
type stockReservation struct {
	ID        string
	SKU       string
	Qty       int
	Order     []byte // the serialized order, attached for the warehouse's picking list
	Requested time.Time
	reply     chan reservationReply
	confirmed bool
}

// WarehouseClient talks to the (simulated) warehouse. It is safe for concurrent use.
type WarehouseClient struct {
	orderBytes int
	dropped    atomic.Int64 // requests the warehouse link lost
}

// ReserveStock asks the warehouse to reserve qty of sku and returns without waiting;
// the confirmation is awaited in the background.
func (w *WarehouseClient) ReserveStock(sku string, qty int) *stockReservation {
	res := &stockReservation{
		ID:        nextRequestID("res"),
		SKU:       sku,
		Qty:       qty,
		Order:     make([]byte, w.orderBytes),
		Requested: time.Now(),
		reply:     make(chan reservationReply),
	}
	fillPayload(res.Order, res.ID)
	w.send(res)
	go awaitReservationConfirmation(res)
	return res
}

// send hands the reservation to the warehouse link, which loses it: no one will ever
// write to res.reply.
func (w *WarehouseClient) send(res *stockReservation) {
	w.dropped.Add(1)
}

// awaitReservationConfirmation blocks until the warehouse confirms. The bug: it waits
// without a timeout or a context, on a channel only it still references.
func awaitReservationConfirmation(res *stockReservation) {
	reply := <-res.reply
	res.confirmed = reply.Confirmed
	_ = checksum(res.Order)
}

type inventoryAPI struct {
	warehouse *WarehouseClient
}

func newInventoryAPI(cfg Config) *inventoryAPI {
	return &inventoryAPI{warehouse: &WarehouseClient{orderBytes: cfg.LeakBytes}}
}

type reserveRequest struct {
	SKU string `json:"sku" binding:"required"`
	Qty int    `json:"qty" binding:"required,min=1"`
}

// reserve handles POST /api/inventory/reservations.
func (a *inventoryAPI) reserve(c *gin.Context) {
	var req reserveRequest
	if err := c.ShouldBindJSON(&req); err != nil {
		c.JSON(http.StatusBadRequest, gin.H{"error": err.Error()})
		return
	}
	res := a.warehouse.ReserveStock(req.SKU, req.Qty)
	c.JSON(http.StatusAccepted, gin.H{"reservationId": res.ID, "status": "pending"})
}
