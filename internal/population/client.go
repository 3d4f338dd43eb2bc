package population

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"
)

// Config of the real adapter: the platform's address, the province's
// account on it and its unit code. Passed in by the caller, read from
// settings, never from files in this package.
type Config struct {
	BaseURL    string // the provincial integration platform (LGSP)
	Path       string // the look-up service; default "/csdlqgdc/tracuu"
	Token      string // bearer token of the province's account
	UnitCode   string
	Timeout    time.Duration // default 10s: an officer is waiting at the counter
	HTTPClient *http.Client
}

// Client is the HTTP adapter.
type Client struct {
	cfg  Config
	http *http.Client
}

var _ Registry = (*Client)(nil)

// NewClient checks the configuration.
func NewClient(cfg Config) (*Client, error) {
	if cfg.BaseURL == "" || cfg.Token == "" || cfg.UnitCode == "" {
		return nil, errors.New("population: base URL, token and unit code are required")
	}
	cfg.BaseURL = strings.TrimRight(cfg.BaseURL, "/")
	if cfg.Path == "" {
		cfg.Path = "/csdlqgdc/tracuu"
	}
	if cfg.Timeout <= 0 {
		cfg.Timeout = 10 * time.Second
	}
	c := &Client{cfg: cfg, http: cfg.HTTPClient}
	if c.http == nil {
		c.http = &http.Client{}
	}
	return c, nil
}

// Lookup implements Registry. Its errors name no personal data: they end
// up in logs.
func (c *Client) Lookup(ctx context.Context, q Query) (Citizen, error) {
	if err := q.Check(); err != nil {
		return Citizen{}, err
	}
	body, _ := json.Marshal(WireQuery{IDNumber: q.IDNumber, ConsentRef: q.ConsentRef, UnitCode: c.cfg.UnitCode, Requester: q.Requester})
	ctx, cancel := context.WithTimeout(ctx, c.cfg.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.cfg.BaseURL+c.cfg.Path, bytes.NewReader(body))
	if err != nil {
		return Citizen{}, fmt.Errorf("population: build request: %w", err)
	}
	req.Header.Set("Content-Type", "application/json; charset=utf-8")
	req.Header.Set("Authorization", "Bearer "+c.cfg.Token)
	resp, err := c.http.Do(req)
	if err != nil {
		// The url.Error names the URL only, which carries no data: the ID
		// number travels in the body, never in the query string.
		return Citizen{}, fmt.Errorf("population: %w: %v", ErrUnavailable, err)
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	if err != nil {
		return Citizen{}, fmt.Errorf("population: %w: read: %v", ErrUnavailable, err)
	}
	switch {
	case resp.StatusCode == http.StatusUnauthorized || resp.StatusCode == http.StatusForbidden:
		return Citizen{}, fmt.Errorf("population: HTTP %d: %w", resp.StatusCode, ErrRefused)
	case resp.StatusCode >= 500 || resp.StatusCode == http.StatusTooManyRequests:
		return Citizen{}, fmt.Errorf("population: HTTP %d: %w", resp.StatusCode, ErrUnavailable)
	}
	var a WireAnswer
	if err := json.Unmarshal(raw, &a); err != nil {
		return Citizen{}, fmt.Errorf("population: HTTP %d, answer not JSON: %w", resp.StatusCode, ErrUnavailable)
	}
	switch a.ErrorCode {
	case CodeOK:
	case CodeNotFound:
		return Citizen{}, ErrNotFound
	case CodeRefused:
		return Citizen{}, fmt.Errorf("population: code %s: %w", a.ErrorCode, ErrRefused)
	default:
		return Citizen{}, fmt.Errorf("population: code %q: %w", a.ErrorCode, ErrUnavailable)
	}
	if a.Result == nil || a.Result.IDNumber != q.IDNumber {
		// An answer about someone else would fill the form with a
		// stranger's data: refuse it whole.
		return Citizen{}, fmt.Errorf("population: answer is not about the person asked for: %w", ErrUnavailable)
	}
	dob, err := isoDate(a.Result.DateOfBirth)
	if err != nil {
		return Citizen{}, fmt.Errorf("%w: %w", err, ErrUnavailable)
	}
	return Citizen{IDNumber: a.Result.IDNumber, FullName: a.Result.FullName, DateOfBirth: dob,
		PermanentAddress: a.Result.PermanentAddress}, nil
}
