package notify

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
)

// postJSON sends body to url and returns the status and up to 64 KiB of the
// answer. Transport failures are retried by the caller's classification.
func postJSON(ctx context.Context, client *http.Client, url string, header http.Header, body any) (int, []byte, error) {
	raw, err := json.Marshal(body)
	if err != nil {
		return 0, nil, Permanent("encode request: %v", err)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(raw))
	if err != nil {
		return 0, nil, Permanent("build request: %v", err)
	}
	for k, v := range header {
		req.Header[k] = v
	}
	req.Header.Set("Content-Type", "application/json; charset=utf-8")
	if client == nil {
		client = http.DefaultClient
	}
	resp, err := client.Do(req)
	if err != nil {
		return 0, nil, fmt.Errorf("http: %w", err)
	}
	defer resp.Body.Close()
	answer, _ := io.ReadAll(io.LimitReader(resp.Body, 64<<10))
	return resp.StatusCode, answer, nil
}

// httpStatusErr classifies a non-2xx answer: the request itself was refused
// (4xx other than timeout and rate limit) is permanent; the rest is retried.
func httpStatusErr(provider string, status int, answer []byte) error {
	text := strings.TrimSpace(string(answer))
	if len(text) > 200 {
		text = text[:200]
	}
	if status >= 400 && status < 500 && status != http.StatusRequestTimeout && status != http.StatusTooManyRequests {
		return fmt.Errorf("%w: %s: HTTP %d %s", ErrPermanent, provider, status, text)
	}
	return fmt.Errorf("%s: HTTP %d %s", provider, status, text)
}
