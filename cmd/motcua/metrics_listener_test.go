package main

import (
	"bytes"
	"io"
	"net/http"
	"os"
	"os/exec"
	"strings"
	"testing"
)

// `serve --metrics-addr` serves /metrics on its own listener; the main one
// answers it only to the bearer of MOTCUA_METRICS_TOKEN.
func TestServeMetricsListener(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	bin := buildBinary(t)
	addr, maddr := freeAddr(t), freeAddr(t)
	cmd := exec.Command(bin, "serve", "--addr", addr, "--metrics-addr", maddr, "--data", t.TempDir())
	cmd.Env = append(os.Environ(), "MOTCUA_DATABASE_URL=", "MOTCUA_METRICS_TOKEN=so-lieu", "MOTCUA_TRUSTED_PROXIES=10.0.0.0/8")
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { cmd.Process.Signal(os.Interrupt); cmd.Wait() }()
	waitReady(t, "http://"+addr, &out)
	get := func(url, token string) (int, string) {
		req, _ := http.NewRequest("GET", url, nil)
		if token != "" {
			req.Header.Set("Authorization", "Bearer "+token)
		}
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		return res.StatusCode, string(b)
	}
	if code, body := get("http://"+maddr+"/metrics", ""); code != 200 || !strings.Contains(body, "motcua_http_requests_total") {
		t.Fatalf("metrics listener: %d %.200s", code, body)
	}
	if code, _ := get("http://"+addr+"/metrics", ""); code != 401 {
		t.Fatalf("main listener without the token: %d", code)
	}
	if code, _ := get("http://"+addr+"/metrics", "so-lieu"); code != 200 {
		t.Fatalf("main listener with the token: %d", code)
	}
}
