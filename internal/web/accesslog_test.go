package web_test

import (
	"bytes"
	"log/slog"
	"strings"
	"sync"
	"testing"

	"github.com/motcua/motcua/internal/store/storetest"
	"github.com/motcua/motcua/internal/web"
)

type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}
func (l *lockedBuffer) String() string { l.mu.Lock(); defer l.mu.Unlock(); return l.b.String() }

// Pages are logged by their own route pattern and actor, never by the query.
func TestAccessLogNamesPageRoutes(t *testing.T) {
	var buf lockedBuffer
	log := slog.New(slog.NewJSONHandler(&buf, nil))
	e := newEnvLogged(t, storetest.SQLite(t), web.Options{Demo: true}, log, nil)

	b := e.signedIn("counter")
	b.get("/track?code=079203001234")
	b.get("/counter")
	out := buf.String()
	if strings.Contains(out, "079203001234") {
		t.Fatalf("the query reached the log:\n%s", out)
	}
	var trackLine, counterLine string
	for _, l := range strings.Split(out, "\n") {
		switch {
		case strings.Contains(l, `"route":"GET /track"`):
			trackLine = l
		case strings.Contains(l, `"route":"GET /counter"`):
			counterLine = l
		}
	}
	if trackLine == "" || counterLine == "" || strings.Contains(counterLine, `"actor":0`) {
		t.Fatalf("page lines: track %q counter %q\n%s", trackLine, counterLine, out)
	}
}
