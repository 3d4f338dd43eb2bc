package web_test

import (
	"testing"

	"github.com/motcua/motcua/internal/store/storetest"
	"github.com/motcua/motcua/internal/web"
)

// BenchmarkPages measures whole page requests over HTTP on SQLite, with the
// client on the same machine:
//
//	go test -bench Pages -run xxx ./internal/web/
func BenchmarkPages(b *testing.B) {
	e := newEnv(b, storetest.SQLite(b), web.Options{Demo: true})
	leader := e.browser()
	leader.get("/login")
	leader.login("leader")
	for range 50 {
		e.seedAct(e.seedDossier(criminalRecord, "Nguyễn Văn Bền"), "counter", act("receive"), act("transfer"))
	}
	anon := e.browser()
	for _, c := range []struct {
		name, path string
		b          *browser
	}{
		{"search", "/procedures?q=dang+ky+khai+sinh", anon},
		{"procedure", "/procedures/3.000333", anon},
		{"inbox-50", "/work", leader},
		{"dossier", "/dossiers/1", leader},
	} {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				if p := c.b.get(c.path); p.Status != 200 {
					b.Fatalf("%s: %d", c.path, p.Status)
				}
			}
		})
	}
}
