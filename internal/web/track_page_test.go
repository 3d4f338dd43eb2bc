package web_test

import (
	"context"
	"net/http"
	"net/url"
	"testing"

	"github.com/motcua/motcua/internal/service"
	"github.com/motcua/motcua/internal/store"
	"github.com/motcua/motcua/internal/store/storetest"
	"github.com/motcua/motcua/internal/web"
)

// The public tracking page shows the bare status for a code alone, the
// procedure, agency and dates with the lookup key printed on Form 01, and
// stops a walk through sequential codes with 429.
func TestTrackPageNeedsTheReceiptKey(t *testing.T) {
	storetest.Dialects(t, func(t *testing.T, st *store.Store) {
		e := newEnv(t, st, web.Options{Demo: true})
		d := e.seedAct(e.seedDossier(criminalRecord, "Nguyễn Thị Hằng"), "counter", act("receive"))
		key, err := e.svc.TrackKey(context.Background(), d.Code)
		if err != nil {
			t.Fatal(err)
		}
		b := e.browser()
		b.get("/track?code="+url.QueryEscape(d.Code)).must(t, 200, d.Code, "Đã tiếp nhận").lacks(t, "Lý lịch tư pháp", "Sở Tư pháp")
		b.get("/track/"+url.PathEscape(d.Code)+"?key="+url.QueryEscape(key)).must(t, 200, "Lý lịch tư pháp", "Sở Tư pháp")
		b.get("/track?code="+url.QueryEscape(d.Code)+"&key=AAAA-AAAA").must(t, http.StatusForbidden, "Mã tra cứu không đúng").lacks(t, "Lý lịch tư pháp")

		// Form 01 prints the key, and its QR link carries it.
		counter := e.signedIn("counter")
		mustSay(t, "01", counter.pdfForm(t, d, "01"), "Mã tra cứu: "+key, "?key="+url.QueryEscape(key))

		limited := false
		for i := range 2 * service.TrackBurst {
			if p := b.get("/track?code=000.00.01.H99-261201-" + string(rune('A'+i%26))); p.Status == http.StatusTooManyRequests {
				limited = true
				p.must(t, 429, "Tra cứu quá nhiều lần")
				break
			}
		}
		if !limited {
			t.Fatal("the tracking page never limits a walk through codes")
		}
	})
}

// The web sign-in goes through the same per-address limit as the API.
func TestWebSignInLimitedPerAddress(t *testing.T) {
	e := sqliteEnv(t)
	b := e.browser()
	b.get("/login")
	users := []string{"admin", "counter", "specialist", "leader", "director"}
	for i := range service.SignInFailBurst {
		b.post("/login", url.Values{"username": {users[i%5]}, "password": {"sai"}}).must(t, 401)
	}
	b.post("/login", url.Values{"username": {"chair"}, "password": {"sai"}}).must(t, 429, "thử lại sau")
}
