package shop

// Scenario ticker-leak: a per-request ticker and goroutine that are never stopped.
//
// A price quote starts a watcher that refreshes the price on a ticker so the quote
// can be "live". The handler takes the first price and returns, but nobody calls
// Stop: the ticker keeps firing and the goroutine keeps the watcher and its price
// history (LeakBytes) alive forever, one per request.
// Culprits: (*PriceWatcher).refreshLoop (the goroutine, waiting on the ticker) and
// startPriceWatcher (allocation site, starts the ticker).

import (
	"net/http"
	"sync"
	"time"

	"github.com/gin-gonic/gin"
)

// priceRefreshInterval is long enough that thousands of leaked watchers cost little
// CPU, and short enough that they visibly keep running.
const priceRefreshInterval = 2 * time.Second

// PriceWatcher keeps the price of one SKU fresh.
type PriceWatcher struct {
	SKU     string
	History []byte // recent price ticks
	ticker  *time.Ticker
	mu      sync.Mutex
	cents   int64
	ticks   int
}

// startPriceWatcher starts refreshing the price of sku. The caller must call Stop.
func startPriceWatcher(sku string, historyBytes int) *PriceWatcher {
	w := &PriceWatcher{
		SKU:     sku,
		History: make([]byte, historyBytes),
		ticker:  time.NewTicker(priceRefreshInterval),
		cents:   1999,
	}
	fillPayload(w.History, sku)
	go w.refreshLoop()
	return w
}

// refreshLoop refreshes the price on every tick. It has no way out: even Stop would
// only park it for good, since a stopped ticker's channel is never closed.
func (w *PriceWatcher) refreshLoop() {
	for range w.ticker.C {
		w.mu.Lock()
		w.ticks++
		w.History[w.ticks%len(w.History)] = byte(w.ticks)
		w.cents += int64(w.ticks%3) - 1
		w.mu.Unlock()
	}
}

// Price returns the latest price in cents.
func (w *PriceWatcher) Price() int64 {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.cents
}

// Stop ends the refreshing. Nobody calls it.
func (w *PriceWatcher) Stop() { w.ticker.Stop() }

type pricingAPI struct {
	historyBytes int
}

func newPricingAPI(cfg Config) *pricingAPI { return &pricingAPI{historyBytes: cfg.LeakBytes} }

// quote handles GET /api/prices/:sku. The bug: no defer watcher.Stop().
func (a *pricingAPI) quote(c *gin.Context) {
	sku := c.Param("sku")
	watcher := startPriceWatcher(sku, a.historyBytes)
	c.JSON(http.StatusOK, gin.H{"sku": sku, "priceCents": watcher.Price(), "live": true})
}
