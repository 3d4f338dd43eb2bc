package main

import (
	"testing"

	"github.com/motcua/motcua/internal/notify"
)

// MOTCUA_ZALO_APP_ID turns on refreshed tokens; it needs its secret key and a
// seed refresh token, or the server refuses to start rather than fail later.
func TestZaloRefreshFromEnv(t *testing.T) {
	base := map[string]string{"MOTCUA_ZALO_URL": "http://127.0.0.1:9/zns", "MOTCUA_ZALO_APP_ID": "4242",
		"MOTCUA_ZALO_SECRET_KEY": "s", "MOTCUA_ZALO_REFRESH_TOKEN": "r", "MOTCUA_ZALO_OAUTH_URL": "http://127.0.0.1:9/oauth"}
	senders, _, err := notifyFromEnv(func(k string) string { return base[k] })
	if err != nil {
		t.Fatal(err)
	}
	z, ok := senders[notify.ChannelZalo].(*notify.ZaloSender)
	if !ok || z.Tokens() == nil || z.Tokens().URL != "http://127.0.0.1:9/oauth" || z.Tokens().Seed != "r" {
		t.Fatalf("refreshed tokens not configured: %#v", senders)
	}
	for _, missing := range []string{"MOTCUA_ZALO_SECRET_KEY", "MOTCUA_ZALO_REFRESH_TOKEN"} {
		env := map[string]string{}
		for k, v := range base {
			if k != missing {
				env[k] = v
			}
		}
		if _, _, err := notifyFromEnv(func(k string) string { return env[k] }); err == nil {
			t.Errorf("without %s: no error", missing)
		}
	}
}
