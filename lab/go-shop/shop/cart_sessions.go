package shop

// Scenario map-leak: an unbounded, never-pruned package-level map.
//
// Every "add to cart" request stores a cart session under the request's id, with a
// serialized snapshot of the cart for fast restore. Nothing ever deletes sessions (no
// TTL, no eviction, and the key is per request rather than per customer), so the map
// and the snapshots it references grow by LeakBytes with every request.
// Culprit: (*SessionStore).Remember.

import (
	"net/http"
	"sync"
	"time"

	"github.com/gin-gonic/gin"
)

// CartItem is one line of a cart.
type CartItem struct {
	SKU string `json:"sku" binding:"required"`
	Qty int    `json:"qty" binding:"required,min=1"`
}

// CartSession is what the shop remembers about a cart between requests.
type CartSession struct {
	ID       string
	Items    []CartItem
	Snapshot []byte // serialized cart, kept to restore the session quickly
	Updated  time.Time
}

// SessionStore keeps cart sessions by id. It is safe for concurrent use.
type SessionStore struct {
	mu       sync.Mutex
	sessions map[string]*CartSession
}

// cartSessions is the process-wide session store; it is never pruned.
var cartSessions = &SessionStore{sessions: make(map[string]*CartSession)}

// Remember stores the session for id together with a snapshot of snapshotBytes bytes.
// The bug: there is no expiry and no bound, so every id stays forever.
func (s *SessionStore) Remember(id string, items []CartItem, snapshotBytes int) *CartSession {
	snapshot := make([]byte, snapshotBytes)
	fillPayload(snapshot, id)
	session := &CartSession{ID: id, Items: items, Snapshot: snapshot, Updated: time.Now()}
	s.mu.Lock()
	s.sessions[id] = session
	s.mu.Unlock()
	return session
}

// Len reports how many sessions are stored.
func (s *SessionStore) Len() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.sessions)
}

type cartAPI struct {
	store         *SessionStore
	snapshotBytes int
}

func newCartAPI(cfg Config) *cartAPI {
	return &cartAPI{store: cartSessions, snapshotBytes: cfg.LeakBytes}
}

// addItem handles POST /api/cart/items.
func (a *cartAPI) addItem(c *gin.Context) {
	var item CartItem
	if err := c.ShouldBindJSON(&item); err != nil {
		c.JSON(http.StatusBadRequest, gin.H{"error": err.Error()})
		return
	}
	session := a.store.Remember(nextRequestID("cart"), []CartItem{item}, a.snapshotBytes)
	c.JSON(http.StatusOK, gin.H{"cartId": session.ID, "items": len(session.Items), "sessions": a.store.Len()})
}
