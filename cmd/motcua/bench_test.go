package main

import (
	"bytes"
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
