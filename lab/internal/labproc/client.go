package labproc

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"

	"leakhound.dev/lab/internal/labapi"
)

// Client talks to one lab service's HTTP endpoints.
type Client struct {
	BaseURL string
	HTTP    *http.Client
}

// NewClient returns a client for baseURL ("http://127.0.0.1:PORT") with a 60 s
// per-request timeout (a forced GC of a large heap, or a heap profile, can be slow).
func NewClient(baseURL string) *Client {
	return &Client{BaseURL: strings.TrimRight(baseURL, "/"), HTTP: &http.Client{Timeout: 60 * time.Second}}
}

// Stats fetches GET /lab/stats.
func (c *Client) Stats(ctx context.Context) (labapi.Stats, error) {
	var s labapi.Stats
	err := c.getJSON(ctx, labapi.StatsPath, &s)
	return s, err
}

// Routes fetches GET /lab/routes.
func (c *Client) Routes(ctx context.Context) ([]labapi.Route, error) {
	var r labapi.Routes
	err := c.getJSON(ctx, labapi.RoutesPath, &r)
	return r.Routes, err
}

// GC asks the service for a full garbage collection (POST /lab/gc) and waits for it.
func (c *Client) GC(ctx context.Context) error {
	_, err := c.do(ctx, http.MethodPost, labapi.GCPath)
	return err
}

// Get fetches path and returns its body; a status other than 200 is an error that
// carries the status code (see StatusError).
func (c *Client) Get(ctx context.Context, path string) ([]byte, error) {
	return c.do(ctx, http.MethodGet, path)
}

// StatusError is returned for a response whose status is not 200.
type StatusError struct {
	URL    string
	Status int
	Body   string
}

func (e *StatusError) Error() string {
	return fmt.Sprintf("%s: HTTP %d: %s", e.URL, e.Status, strings.TrimSpace(e.Body))
}

func (c *Client) getJSON(ctx context.Context, path string, into any) error {
	body, err := c.Get(ctx, path)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(body, into); err != nil {
		return fmt.Errorf("%s%s: %v", c.BaseURL, path, err)
	}
	return nil
}

func (c *Client) do(ctx context.Context, method, path string) ([]byte, error) {
	url := c.BaseURL + path
	req, err := http.NewRequestWithContext(ctx, method, url, nil)
	if err != nil {
		return nil, err
	}
	resp, err := c.HTTP.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, fmt.Errorf("%s: %v", url, err)
	}
	if resp.StatusCode != http.StatusOK {
		if len(body) > 512 {
			body = body[:512]
		}
		return nil, &StatusError{URL: url, Status: resp.StatusCode, Body: string(body)}
	}
	return body, nil
}
