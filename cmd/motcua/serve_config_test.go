package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"testing"

	"github.com/motcua/motcua/internal/demo"
)

// The gateway's return address follows --base-url, as serve wires it: the
// flag wins over MOTCUA_BASE_URL, and nothing below cmd reads the
// environment again (it once did, and the VNPay return URL ignored the flag).
func TestVNPayReturnURLFollowsBaseURLFlag(t *testing.T) {
	t.Setenv("MOTCUA_BASE_URL", "https://not-this.example")
	env := envOf(map[string]string{
		"MOTCUA_BASE_URL": "https://not-this.example",
		"MOTCUA_PAY_URL":  "https://sandbox.vnpayment.vn/paymentv2/vpcpay.html", "MOTCUA_PAY_TMN_CODE": "MOTCUA01", "MOTCUA_PAY_SECRET": "VNPAYSECRET",
	})
	cfg := serveConfig(t, env, "--base-url", "https://dichvucong.h99.gov.vn/", "--demo", "--data", filepath.Join(t.TempDir(), "data"))
	ctx := context.Background()
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	svc, st, err := openServiceWith(ctx, cfg.DataDir, cfg.Database, cfg.Env, log)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := demo.Load(ctx, svc, "hai-node"); err != nil {
		t.Fatal(err)
	}
	h, err := newHandler(svc, log, cfg)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	defer srv.Close()
	citizen, counter, specialist := login(t, srv.URL, "citizen"), login(t, srv.URL, "counter"), login(t, srv.URL, "specialist")
	status, m := citizen.call("POST", "/api/v1/dossiers", map[string]any{
		"procedure_code": "3.000333", "channel": "online", "return_method": "online",
		"applicant":  map[string]any{"name": "Nguyễn Văn Dân", "id_number": "001090012345", "phone": "0912345678", "address": "12 Lê Lợi"},
		"components": []map[string]any{{"name": "Tờ khai", "file_ids": []string{}}},
	}, map[string]string{"Idempotency-Key": "k-submit"})
	if status != 201 {
		t.Fatalf("submit: %d %v", status, m)
	}
	id, version := int(m["id"].(float64)), int(m["version"].(float64))
	for i, step := range []struct {
		c    client
		body map[string]any
	}{
		{counter, map[string]any{"action": "receive"}},
		{counter, map[string]any{"action": "transfer"}},
		{specialist, map[string]any{"action": "request_payment", "amount_vnd": 150000}},
	} {
		status, m := step.c.call("POST", fmt.Sprintf("/api/v1/dossiers/%d/actions", id), step.body,
			map[string]string{"If-Match": fmt.Sprint(version), "Idempotency-Key": fmt.Sprintf("k-act-%d", i)})
		if status != 200 {
			t.Fatalf("%v: %d %v", step.body["action"], status, m)
		}
		version = int(m["version"].(float64))
	}
	status, m = citizen.call("POST", fmt.Sprintf("/api/v1/dossiers/%d/payments", id), nil, nil)
	if status != 201 {
		t.Fatalf("start payment: %d %v", status, m)
	}
	u, err := url.Parse(m["redirect_url"].(string))
	if err != nil {
		t.Fatal(err)
	}
	if got := u.Query().Get("vnp_ReturnUrl"); got != "https://dichvucong.h99.gov.vn/pay/return" {
		t.Fatalf("vnp_ReturnUrl %q, want the --base-url's", got)
	}
}
