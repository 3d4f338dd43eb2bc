package main

import (
	"bytes"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// `motcua import procedures` is idempotent and reports what it skipped and why.
func TestImportProcedures(t *testing.T) {
	data := t.TempDir()
	var out, errb bytes.Buffer
	if code := run([]string{"import", "procedures", "../../internal/demo/data/procedures.json", "--data", data}, &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	if !strings.HasPrefix(out.String(), "created 85, new versions 0, unchanged 0, skipped 5") || !strings.Contains(out.String(), "skipped: record 85 : no procedure code") {
		t.Fatalf("first import report:\n%s", out.String())
	}
	out.Reset()
	if code := run([]string{"import", "procedures", "--data", data, "../../internal/demo/data/procedures.json"}, &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	if !strings.HasPrefix(out.String(), "created 0, new versions 0, unchanged 85, skipped 5") {
		t.Fatalf("second import must change nothing:\n%s", out.String())
	}
	bad := filepath.Join(t.TempDir(), "bad.json")
	os.WriteFile(bad, []byte(`{"not": "a list"}`), 0o600)
	for _, args := range [][]string{{"import"}, {"import", "procedures"}, {"import", "procedures", "/nonexistent.json"}, {"import", "procedures", bad, "--data", data}} {
		errb.Reset()
		if code := run(args, &out, &errb); code != 2 || strings.Count(strings.TrimSpace(errb.String()), "\n") != 0 {
			t.Errorf("%v: exit %d, stderr %q", args, code, errb.String())
		}
	}
}

func TestUnknownCommand(t *testing.T) {
	var out, errb bytes.Buffer
	if code := run([]string{"fly"}, &out, &errb); code != 2 || !strings.Contains(errb.String(), "unknown command") {
		t.Fatalf("exit %d %q", code, errb.String())
	}
}

// `motcua serve --demo` on the embedded database prints the demo accounts
// with a generated password and serves the real catalog.
func TestServeDemoSQLite(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	bin := buildBinary(t)
	addr := freeAddr(t)
	cmd := exec.Command(bin, "serve", "--demo", "--addr", addr, "--data", t.TempDir())
	cmd.Env = append(os.Environ(), "MOTCUA_DATABASE_URL=", "MOTCUA_DEMO_PASSWORD=")
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { cmd.Process.Signal(os.Interrupt); cmd.Wait() }()
	c := client{t: t, base: "http://" + addr}
	waitReady(t, c.base, &out)
	for _, u := range []string{"admin", "counter", "specialist", "leader", "director", "citizen"} {
		if !strings.Contains(out.String(), "  "+u+" ") {
			t.Fatalf("demo user %s not printed:\n%s", u, out.String())
		}
	}
	// Each account with its agency (issue 13 item 5).
	for _, line := range strings.Split(out.String(), "\n") {
		if strings.HasPrefix(line, "  leader ") && !strings.Contains(line, "Sở Tư pháp") {
			t.Fatalf("the leader's agency is not printed: %q", line)
		}
	}
	var password string
	for _, line := range strings.Split(out.String(), "\n") {
		if i := strings.Index(line, "password: "); i >= 0 {
			password = strings.TrimSpace(line[i+len("password: "):])
			break
		}
	}
	if len(password) < 12 {
		t.Fatalf("generated password too short: %q", password)
	}
	status, m := c.call("POST", "/api/v1/auth/token", map[string]string{"username": "director", "password": password}, nil)
	if status != 200 {
		t.Fatalf("login with printed password: %d %v", status, m)
	}
	status, m = c.call("GET", "/api/v1/procedures/1.001193", nil, nil)
	if status != 200 || m["name"] != "Thủ tục đăng ký khai sinh" {
		t.Fatalf("catalog: %d %v", status, m)
	}
	// The same process serves the web pages, with the demo citizen offered.
	for path, want := range map[string]string{"/": "Bạn cần làm thủ tục gì?", "/login": "/login/demo-citizen", "/static/app.css": "WCAG"} {
		resp, err := http.Get(c.base + path)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 || !strings.Contains(string(body), want) {
			t.Fatalf("GET %s: %d, want %q in the page", path, resp.StatusCode, want)
		}
	}
}

// Every command and subcommand answers --help with its usage on stdout and
// exit 0, and does nothing else (no database is opened: --data points
// nowhere).
func TestEveryCommandHelp(t *testing.T) {
	nowhere := filepath.Join(t.TempDir(), "absent")
	for _, args := range [][]string{
		{"--help"}, {"serve", "--help"}, {"migrate", "--help"}, {"import", "--help"}, {"import", "procedures", "--help"},
		{"calendar", "--help"}, {"calendar", "lunar", "--help"}, {"calendar", "holidays", "-h"}, {"calendar", "due", "--help"},
		{"index", "--help"}, {"index", "check", "--help"}, {"index", "rebuild", "--help"},
		{"audit", "--help"}, {"audit", "verify", "--help"}, {"audit", "checkpoint", "--help"},
		{"backup", "--help"}, {"restore", "--help"},
		{"bench", "--help"}, {"bench", "generate", "--help"}, {"bench", "load", "--help"}, {"bench", "limit", "--help"},
		// --help after a positional argument answers with the usage too.
		{"import", "procedures", "catalog.json", "--help"}, {"index", "rebuild", "--help"},
	} {
		t.Run(strings.Join(args, "_"), func(t *testing.T) {
			var out, errb bytes.Buffer
			if code := run(append(args, "--data", nowhere), &out, &errb); code != 0 {
				t.Fatalf("exit %d; stderr %s", code, errb.String())
			}
			if !strings.Contains(out.String(), "motcua") && !strings.Contains(out.String(), "Usage") && !strings.Contains(out.String(), "usage") {
				t.Fatalf("no usage on stdout: %q", out.String())
			}
			if _, err := os.Stat(nowhere); err == nil {
				t.Fatal("--help created the data directory")
			}
		})
	}
}
