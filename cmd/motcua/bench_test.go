package main

import (
	"bytes"
	"flag"
	"net/http"
	"regexp"
	"strings"
	"testing"
)

// The bench commands end to end on SQLite: generate a small province, the
// counters pass `index check`, and limit runs on it.
func TestBenchGenerateThenIndexCheckAndLimit(t *testing.T) {
	t.Setenv("MOTCUA_DATABASE_URL", "")
	data := t.TempDir()
	var out, errb bytes.Buffer
	if code := run([]string{"bench", "generate", "--dossiers", "300", "--years", "1", "--data", data, "--until", "2026-11-27T10:00:00+07:00",
		"--password", "mat-khau-bench"}, &out, &errb); code != 0 || !strings.Contains(out.String(), "generated 29") {
		t.Fatalf("generate: exit %d\n%s%s", code, out.String(), errb.String())
	}
	out.Reset()
	if code := run([]string{"index", "check", "--data", data}, &out, &errb); code != 0 || !strings.Contains(out.String(), "agree") {
		t.Fatalf("index check after generate: exit %d\n%s%s", code, out.String(), errb.String())
	}
	out.Reset()
	if code := run([]string{"bench", "limit", "--data", data, "--duration", "300ms"}, &out, &errb); code != 0 || !strings.Contains(out.String(), "actions/s") {
		t.Fatalf("limit: exit %d\n%s%s", code, out.String(), errb.String())
	}
	if code := run([]string{"bench", "generate", "--dossiers", "10", "--data", data}, &out, &errb); code != 1 || !strings.Contains(errb.String(), "already holds") {
		t.Fatalf("a second generate into the same database must be refused: exit %d %s", code, errb.String())
	}
	if code := run([]string{"bench", "frobnicate"}, &out, &errb); code != 2 {
		t.Fatal("an unknown bench command is a usage error")
	}
}

// serve --pprof ADDR answers the Go profiler on its own listener.
func TestPprofFlagServesProfilesOnItsOwnListener(t *testing.T) {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	var errb bytes.Buffer
	pprofFlag(fs, &errb)
	if err := fs.Parse([]string{"--pprof", "127.0.0.1:0"}); err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`http://(\S+)/debug/pprof/`).FindStringSubmatch(errb.String())
	if m == nil {
		t.Fatalf("no address announced: %q", errb.String())
	}
	res, err := http.Get("http://" + m[1] + "/debug/pprof/cmdline")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != 200 {
		t.Fatalf("pprof: %d", res.StatusCode)
	}
	fs2 := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs2.SetOutput(&bytes.Buffer{})
	pprofFlag(fs2, &errb)
	if err := fs2.Parse([]string{"--pprof", "not an address"}); err == nil {
		t.Fatal("a bad address must be refused")
	}
}
