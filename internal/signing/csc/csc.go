// Package csc signs through a remote signing service (ký số từ xa) that
// speaks the Cloud Signature Consortium API v2: the signer's key stays at
// the provider, the server sends the hash, and the signer confirms on their
// own phone.
//
// Flow of one signature (CSC API v2.0.0.2, clauses 11.4–11.10):
// credentials/info gives the certificate chain; credentials/authorize sends
// the hash to be signed and answers 202 with a handle while the signer has
// not yet confirmed; credentials/authorizeCheck is polled until it returns
// the Signature Activation Data (SAD), or the signer refuses, or the request
// expires; signatures/signHash turns hash and SAD into the signature value.
// A Credential is a signing.Key, so the PDF work is signing.New's.
//
// Peer is a local service speaking the same API, with the phone simulated,
// for tests and the demo. Vietnamese providers' own APIs plug in as further
// signing.Key adapters beside this one.
//
// Not yet called by the server (issue 15, remote signing); deadcode lists it until then.
package csc

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

	"github.com/motcua/motcua/internal/apperr"
)

// Error is an error answer of the service ({"error", "error_description"}).
type Error struct {
	Status      int
	Code        string
	Description string
}

func (e *Error) Error() string {
	return fmt.Sprintf("csc: %d %s: %s", e.Status, e.Code, e.Description)
}

// Errors a signer can act on. The codes of a refused or expired
// confirmation follow OAuth 2.0 device authorization (RFC 8628 §3.5),
// which the CSC API does not name; an adapter maps a provider's own.
var (
	ErrRefused = apperr.New(apperr.Invalid, "signing_refused",
		"Người ký đã từ chối ký trên thiết bị của mình.",
		"The signer declined on their own device.")
	ErrExpired = apperr.New(apperr.Invalid, "signing_expired",
		"Yêu cầu ký đã hết hạn mà người ký chưa xác nhận; hãy gửi lại yêu cầu.",
		"The signing request expired before the signer confirmed it; send it again.")
)

// Client calls one CSC service.
type Client struct {
	// BaseURL ends with the API's root, e.g. "https://rssp.example/csc/v2".
	BaseURL string
	// Token is the bearer access token of scope "service". A provider
	// using OAuth 2.0 client credentials can instead be reached with HTTP
	// from golang.org/x/oauth2/clientcredentials and an empty Token.
	Token string
	HTTP  *http.Client
	// PollInterval between authorizeCheck calls; default 2 s.
	PollInterval time.Duration
	// Wait bounds how long the signer has to confirm, whatever the
	// service's own expiry; default 3 minutes.
	Wait time.Duration
}

func (c *Client) httpClient() *http.Client {
	if c.HTTP != nil {
		return c.HTTP
	}
	return &http.Client{Timeout: 30 * time.Second}
}

// call POSTs in as JSON to method and decodes the answer into out; it
// returns the HTTP status (200 or 202) on success.
func (c *Client) call(ctx context.Context, method string, in, out any) (int, error) {
	body, err := json.Marshal(in)
	if err != nil {
		return 0, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, strings.TrimRight(c.BaseURL, "/")+"/"+method, bytes.NewReader(body))
	if err != nil {
		return 0, err
	}
	req.Header.Set("Content-Type", "application/json")
	if c.Token != "" {
		req.Header.Set("Authorization", "Bearer "+c.Token)
	}
	resp, err := c.httpClient().Do(req)
	if err != nil {
		return 0, fmt.Errorf("csc: %s: %w", method, err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, 4<<20))
	if err != nil {
		return 0, fmt.Errorf("csc: %s: %w", method, err)
	}
	if resp.StatusCode != http.StatusOK && resp.StatusCode != http.StatusAccepted {
		e := &Error{Status: resp.StatusCode}
		var eb struct {
			Error       string `json:"error"`
			Description string `json:"error_description"`
		}
		if json.Unmarshal(data, &eb) == nil {
			e.Code, e.Description = eb.Error, eb.Description
		}
		return resp.StatusCode, e
	}
	if out != nil && len(data) > 0 {
		if err := json.Unmarshal(data, out); err != nil {
			return resp.StatusCode, fmt.Errorf("csc: %s: bad answer: %w", method, err)
		}
	}
	return resp.StatusCode, nil
}

// Info is the service's self-description (clause 11.1), trimmed to what a
// client needs.
type Info struct {
	Specs   string   `json:"specs"`
	Name    string   `json:"name"`
	Methods []string `json:"methods"`
}

// Info calls info.
func (c *Client) Info(ctx context.Context) (*Info, error) {
	var out Info
	if _, err := c.call(ctx, "info", struct{}{}, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// List returns the credential IDs of a user (credentials/list).
func (c *Client) List(ctx context.Context, userID string) ([]string, error) {
	in := map[string]any{}
	if userID != "" {
		in["userID"] = userID
	}
	var out struct {
		CredentialIDs []string `json:"credentialIDs"`
	}
	if _, err := c.call(ctx, "credentials/list", in, &out); err != nil {
		return nil, err
	}
	return out.CredentialIDs, nil
}

// Authorize asks for a SAD for the hashes and waits, polling, until the
// signer confirms on their device, refuses (ErrRefused) or the request
// expires (ErrExpired). description is what the phone shows.
func (c *Client) Authorize(ctx context.Context, credentialID string, hashes [][]byte, hashOID, description string) (sad string, err error) {
	wait := c.Wait
	if wait <= 0 {
		wait = 3 * time.Minute
	}
	ctx, cancel := context.WithTimeout(ctx, wait)
	defer cancel()
	in := map[string]any{
		"credentialID":     credentialID,
		"numSignatures":    len(hashes),
		"hashes":           hashes, // []byte marshals as Base64, as the API wants
		"hashAlgorithmOID": hashOID,
	}
	if description != "" {
		in["description"] = truncate(description, 500)
	}
	var out struct {
		SAD    string `json:"SAD"`
		Handle string `json:"handle"`
	}
	status, err := c.call(ctx, "credentials/authorize", in, &out)
	for err == nil && status == http.StatusAccepted {
		poll := c.PollInterval
		if poll <= 0 {
			poll = 2 * time.Second
		}
		select {
		case <-ctx.Done():
			if errors.Is(ctx.Err(), context.DeadlineExceeded) {
				return "", ErrExpired
			}
			return "", ctx.Err()
		case <-time.After(poll):
		}
		handle := out.Handle
		out.Handle = ""
		status, err = c.call(ctx, "credentials/authorizeCheck", map[string]any{"handle": handle}, &out)
	}
	if err != nil {
		var e *Error
		switch {
		case errors.As(err, &e) && e.Code == "access_denied":
			return "", ErrRefused
		case errors.As(err, &e) && e.Code == "expired_token":
			return "", ErrExpired
		case errors.Is(err, context.DeadlineExceeded) && ctx.Err() != nil:
			return "", ErrExpired
		}
		return "", err
	}
	if out.SAD == "" {
		return "", errors.New("csc: credentials/authorize returned no SAD")
	}
	return out.SAD, nil
}

// SignHash signs hashes with a SAD (signatures/signHash, synchronous).
func (c *Client) SignHash(ctx context.Context, credentialID, sad string, hashes [][]byte, hashOID, signAlgo string) ([][]byte, error) {
	in := map[string]any{
		"credentialID": credentialID,
		"SAD":          sad,
		"hashes":       hashes,
		"signAlgo":     signAlgo,
	}
	if hashOID != "" {
		in["hashAlgorithmOID"] = hashOID
	}
	var out struct {
		Signatures [][]byte `json:"signatures"`
	}
	if _, err := c.call(ctx, "signatures/signHash", in, &out); err != nil {
		return nil, err
	}
	if len(out.Signatures) != len(hashes) {
		return nil, fmt.Errorf("csc: signHash returned %d signatures for %d hashes", len(out.Signatures), len(hashes))
	}
	return out.Signatures, nil
}

func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) > n {
		return string(r[:n])
	}
	return s
}
