package notify

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"regexp"
	"strconv"
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
// The answer's body is not quoted: gateways echo the message they refused,
// with the applicant's name and number. Only an error code the answer
// names, if it is a short token, goes into the error.
func httpStatusErr(provider string, status int, answer []byte) error {
	text := ""
	if code := answerCode(answer); code != "" {
		text = " code " + code
	}
	if status >= 400 && status < 500 && status != http.StatusRequestTimeout && status != http.StatusTooManyRequests {
		return fmt.Errorf("%w: %s: HTTP %d%s", ErrPermanent, provider, status, text)
	}
	return fmt.Errorf("%s: HTTP %d%s", provider, status, text)
}

// codeToken is what an error code looks like: a number or an identifier.
var codeToken = regexp.MustCompile(`^[A-Za-z0-9_.\-]{1,40}$`)

// answerCode reads the error code of a JSON answer ({"code": …},
// {"error": …}, {"error_code": …}, {"error": {"code": …}}).
func answerCode(answer []byte) string {
	var a map[string]any
	if json.Unmarshal(answer, &a) != nil {
		return ""
	}
	if e, ok := a["error"].(map[string]any); ok {
		a = e
	}
	for _, k := range []string{"error_code", "code", "error", "status"} {
		var s string
		switch v := a[k].(type) {
		case string:
			s = v
		case float64:
			s = strconv.FormatFloat(v, 'f', -1, 64)
		}
		if codeToken.MatchString(s) && !longNumber.MatchString(s) {
			return s
		}
	}
	return ""
}
