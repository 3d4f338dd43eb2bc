package dvcqg

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Config is what the adapter needs (DVCQG-NOTES.md "Configuration").
type Config struct {
	BaseURL         string // adapter_url
	AuthPath        string // auth_endpoint; default "/auth"
	IntegrationPath string // integration_endpoint; default "/integration"
	Username        string
	Password        string
	UnitCode        string // madonvi, the province's unit code at DVCQG
	Statuses        StatusTable
	Timeout         time.Duration // per HTTP call; default 30s
	// ExpiredCodes are the error codes by which the peer says the session
	// is no longer valid; default CodeSessionExpired. HTTP 401 always is.
	ExpiredCodes []string
	// PullService is the service name the platform pulls new dossiers with;
	// default ServicePullDossiers (not in the evidence).
	PullService string
	// Validate, when set, checks every message against the schema before
	// sending: our own mistakes are found here, named, not as the peer's
	// terse refusal.
	Validate   bool
	HTTPClient *http.Client
}

// Client is the HTTP adapter; safe for concurrent use by several workers.
type Client struct {
	cfg       Config
	http      *http.Client
	validator *Validator

	mu      sync.Mutex
	session string
}

var _ Portal = (*Client)(nil)

// DeliveryKeyHeader carries the delivery key. A header, not a body field,
// so a platform that does not know it ignores it instead of refusing an
// unknown field.
const DeliveryKeyHeader = "Idempotency-Key"

// NewClient checks the configuration and builds a client.
func NewClient(cfg Config) (*Client, error) {
	if cfg.BaseURL == "" || cfg.Username == "" || cfg.Password == "" || cfg.UnitCode == "" {
		return nil, errors.New("dvcqg: base URL, account, secret and unit code are required")
	}
	cfg.BaseURL = strings.TrimRight(cfg.BaseURL, "/")
	if cfg.AuthPath == "" {
		cfg.AuthPath = "/auth"
	}
	if cfg.IntegrationPath == "" {
		cfg.IntegrationPath = "/integration"
	}
	if cfg.Statuses == nil {
		cfg.Statuses = DefaultStatusTable()
	}
	if cfg.Timeout <= 0 {
		cfg.Timeout = 30 * time.Second
	}
	if len(cfg.ExpiredCodes) == 0 {
		cfg.ExpiredCodes = []string{CodeSessionExpired}
	}
	if cfg.PullService == "" {
		cfg.PullService = ServicePullDossiers
	}
	c := &Client{cfg: cfg, http: cfg.HTTPClient}
	if c.http == nil {
		c.http = &http.Client{}
	}
	if cfg.Validate {
		v, err := SchemaValidator()
		if err != nil {
			return nil, err
		}
		c.validator = v
	}
	return c, nil
}

// SyncDossier implements Portal.
func (c *Client) SyncDossier(ctx context.Context, key string, d Dossier, isUpdating bool) error {
	w, err := ToWire(d, c.cfg.Statuses)
	if err != nil {
		return err
	}
	_, err = c.call(ctx, key, WireRequest{Service: ServiceSyncDossier, IsUpdating: WireBool(isUpdating), Data: []WireDossier{w}})
	return err
}

// UpdateProgress implements Portal.
func (c *Client) UpdateProgress(ctx context.Context, key string, p Progress) error {
	w, err := ProgressToWire(p, c.cfg.Statuses)
	if err != nil {
		return err
	}
	_, err = c.call(ctx, key, WireRequest{Service: ServiceProgress, Data: []WireProgress{w}})
	return err
}

// GetProcedure implements Portal.
func (c *Client) GetProcedure(ctx context.Context, code string) (Procedure, error) {
	var res []WireProcedure
	if err := c.lookup(ctx, WireRequest{Service: ServiceGetProcedure, ProcedureCode: code}, &res); err != nil {
		return Procedure{}, err
	}
	if len(res) == 0 {
		return Procedure{}, fmt.Errorf("dvcqg: procedure %s: %w", code, ErrNotInCatalogue)
	}
	return procedureFromWire(res[0]), nil
}

// ListProcedures implements Portal.
func (c *Client) ListProcedures(ctx context.Context, page, size int) ([]Procedure, error) {
	var res []WireProcedure
	req := WireRequest{Service: ServiceListProcedures, Page: strconv.Itoa(page), PageSize: strconv.Itoa(size)}
	if err := c.lookup(ctx, req, &res); err != nil {
		return nil, err
	}
	out := make([]Procedure, 0, len(res))
	for _, w := range res {
		out = append(out, procedureFromWire(w))
	}
	return out, nil
}

// LookupDossier implements Portal: a non-empty result means DVCQG has it.
func (c *Client) LookupDossier(ctx context.Context, code string) (bool, error) {
	var res []json.RawMessage
	if err := c.lookup(ctx, WireRequest{Service: ServiceLookupDossier, DossierCode: code}, &res); err != nil {
		return false, err
	}
	return len(res) > 0, nil
}

// PullDossiers implements Portal.
func (c *Client) PullDossiers(ctx context.Context, since time.Time) ([]Inbound, error) {
	var res []WireDossier
	if err := c.lookup(ctx, WireRequest{Service: c.cfg.PullService, Since: FormatTime(since)}, &res); err != nil {
		return nil, err
	}
	out := make([]Inbound, 0, len(res))
	for _, w := range res {
		in, err := FromWire(w)
		if err != nil {
			return nil, err
		}
		out = append(out, in)
	}
	return out, nil
}

func (c *Client) lookup(ctx context.Context, req WireRequest, into any) error {
	ans, err := c.call(ctx, "", req)
	if err != nil {
		return err
	}
	if len(ans.Result) == 0 || string(ans.Result) == "null" {
		return nil
	}
	if err := json.Unmarshal(ans.Result, into); err != nil {
		return fmt.Errorf("dvcqg: %s: result: %w", req.Service, err)
	}
	return nil
}

// call sends one message, signing in first if there is no session and once
// more if the peer says the session expired: a session lapses on the peer's
// clock, not ours, so there is no point guessing its lifetime.
func (c *Client) call(ctx context.Context, key string, req WireRequest) (*WireAnswer, error) {
	for attempt := 0; ; attempt++ {
		session, err := c.currentSession(ctx)
		if err != nil {
			return nil, err
		}
		req.Session, req.UnitCode = session, c.cfg.UnitCode
		body, err := json.Marshal(req)
		if err != nil {
			return nil, fmt.Errorf("dvcqg: %s: encode: %w", req.Service, err)
		}
		if c.validator != nil {
			if err := c.validator.ValidateRequest(body); err != nil {
				return nil, err
			}
		}
		status, raw, err := c.post(ctx, c.cfg.IntegrationPath, key, body)
		if err != nil {
			return nil, fmt.Errorf("dvcqg: %s: %w", req.Service, err)
		}
		var ans WireAnswer
		decodeErr := json.Unmarshal(raw, &ans)
		if c.expired(status, ans.ErrorCode) && attempt == 0 {
			c.dropSession(session)
			continue
		}
		if decodeErr != nil {
			return nil, &PeerError{Service: req.Service, HTTPStatus: status, Message: "answer is not JSON"}
		}
		if status != http.StatusOK || !ans.ErrorCode.OK() {
			return nil, &PeerError{Service: req.Service, HTTPStatus: status, Code: string(ans.ErrorCode), Message: ans.Message}
		}
		return &ans, nil
	}
}

func (c *Client) expired(status int, code WireCode) bool {
	if status == http.StatusUnauthorized {
		return true
	}
	for _, e := range c.cfg.ExpiredCodes {
		if string(code) == e {
			return true
		}
	}
	return false
}

// currentSession holds the lock across the login on purpose: workers that
// find the session gone wait for one login instead of each posting the
// credentials (a platform may lock an account that signs in too often).
func (c *Client) currentSession(ctx context.Context) (string, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.session != "" {
		return c.session, nil
	}
	body, _ := json.Marshal(WireLogin{Username: c.cfg.Username, Password: c.cfg.Password})
	status, raw, err := c.post(ctx, c.cfg.AuthPath, "", body)
	if err != nil {
		return "", fmt.Errorf("dvcqg: login: %w", err)
	}
	var ans WireLoginAnswer
	if err := json.Unmarshal(raw, &ans); err != nil || status != http.StatusOK || !ans.ErrorCode.OK() || ans.Session == "" {
		pe := &PeerError{Service: "login", HTTPStatus: status, Code: string(ans.ErrorCode), Message: ans.Message}
		if pe.Temporary() {
			return "", pe
		}
		return "", fmt.Errorf("%w (%s)", ErrLogin, pe.Error())
	}
	c.session = ans.Session
	return c.session, nil
}

// dropSession forgets the session unless another worker already renewed it.
func (c *Client) dropSession(old string) {
	c.mu.Lock()
	if c.session == old {
		c.session = ""
	}
	c.mu.Unlock()
}

// maxAnswer bounds what we read of an answer: a look-up of the catalogue is
// the largest, far below this.
const maxAnswer = 32 << 20

func (c *Client) post(ctx context.Context, path, key string, body []byte) (int, []byte, error) {
	ctx, cancel := context.WithTimeout(ctx, c.cfg.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.cfg.BaseURL+path, bytes.NewReader(body))
	if err != nil {
		return 0, nil, err
	}
	req.Header.Set("Content-Type", "application/json; charset=utf-8")
	if key != "" {
		req.Header.Set(DeliveryKeyHeader, key)
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return 0, nil, &transportError{err}
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(io.LimitReader(resp.Body, maxAnswer))
	if err != nil {
		return 0, nil, &transportError{err}
	}
	return resp.StatusCode, raw, nil
}
