package shop

// Control bounded-cache: an LRU cache with a capacity cap. It must NOT read as a leak.
//
// Product pages for recommendations are rendered once and cached by visitor. The cache
// holds at most Config.CacheEntries pages of about LeakBytes each and evicts the least
// recently used one when full, so memory warms up to the cap and then stays flat.

import (
	"container/list"
	"math/rand/v2"
	"net/http"
	"strconv"
	"sync"

	"github.com/gin-gonic/gin"
)

// ProductPage is a rendered recommendation page.
type ProductPage struct {
	Key      string
	Rendered []byte
}

// ProductCache is a fixed-capacity LRU cache of product pages. It is safe for
// concurrent use; Get and Put are O(1).
type ProductCache struct {
	mu       sync.Mutex
	capacity int
	order    *list.List // front = most recently used; values are *ProductPage
	byKey    map[string]*list.Element
}

// NewProductCache returns an empty cache holding at most capacity pages.
func NewProductCache(capacity int) *ProductCache {
	return &ProductCache{capacity: capacity, order: list.New(), byKey: make(map[string]*list.Element, capacity)}
}

// Get returns the cached page for key and marks it recently used.
func (pc *ProductCache) Get(key string) (*ProductPage, bool) {
	pc.mu.Lock()
	defer pc.mu.Unlock()
	el, ok := pc.byKey[key]
	if !ok {
		return nil, false
	}
	pc.order.MoveToFront(el)
	return el.Value.(*ProductPage), true
}

// Put caches page, evicting the least recently used page when the cache is full.
func (pc *ProductCache) Put(page *ProductPage) {
	pc.mu.Lock()
	defer pc.mu.Unlock()
	if el, ok := pc.byKey[page.Key]; ok {
		el.Value = page
		pc.order.MoveToFront(el)
		return
	}
	pc.byKey[page.Key] = pc.order.PushFront(page)
	for pc.order.Len() > pc.capacity {
		oldest := pc.order.Back()
		pc.order.Remove(oldest)
		delete(pc.byKey, oldest.Value.(*ProductPage).Key)
	}
}

// Len reports how many pages are cached.
func (pc *ProductCache) Len() int {
	pc.mu.Lock()
	defer pc.mu.Unlock()
	return pc.order.Len()
}

type catalogAPI struct {
	cache     *ProductCache
	pageBytes int
	visitors  int // distinct visitors seen by the shop; most requests miss the cache
}

func newCatalogAPI(cfg Config) *catalogAPI {
	return &catalogAPI{cache: NewProductCache(cfg.CacheEntries), pageBytes: cfg.LeakBytes, visitors: 50 * cfg.CacheEntries}
}

// recommended handles GET /api/products/recommended. The load generator sends the
// same URL every time, so the visitor is drawn at random, as a session cookie would
// tell them apart.
func (a *catalogAPI) recommended(c *gin.Context) {
	key := "visitor-" + strconv.Itoa(rand.IntN(a.visitors))
	page, hit := a.cache.Get(key)
	if !hit {
		page = renderRecommendations(key, a.pageBytes)
		a.cache.Put(page)
	}
	c.JSON(http.StatusOK, gin.H{"visitor": key, "cached": hit, "bytes": len(page.Rendered), "cacheEntries": a.cache.Len()})
}

func renderRecommendations(key string, pageBytes int) *ProductPage {
	page := &ProductPage{Key: key, Rendered: make([]byte, pageBytes)}
	fillPayload(page.Rendered, key)
	return page
}
