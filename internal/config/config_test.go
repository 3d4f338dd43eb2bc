package config

import (
	"errors"
	"flag"
	"io"
	"strings"
	"testing"
	"time"
)

func parse(t *testing.T, env map[string]string, args ...string) (*Config, error) {
	t.Helper()
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return Parse(fs, args, func(k string) string { return env[k] })
}

func TestDefaults(t *testing.T) {
	c, err := parse(t, nil)
	if err != nil {
		t.Fatal(err)
	}
	if c.Addr != ":8080" || c.DataDir != "./data" || c.Demo || c.BaseURL != "" || c.NotifyWorkers != 1 || c.NotifyMaxAttempts != 0 ||
		c.AuditCheckpointEvery != time.Hour || c.OIDC.Issuer != "" || c.Postal.KeyID != "" || c.Database != (Database{}) {
		t.Fatalf("defaults %+v", c)
	}
}

// A flag wins over its variable; the base URL loses its trailing slash, so
// that every address built on it has one slash.
func TestFlagsWinOverEnvironment(t *testing.T) {
	env := map[string]string{"MOTCUA_BASE_URL": "https://not-this.example", "MOTCUA_OIDC_ISSUER": "https://id.example", "MOTCUA_OIDC_CLIENT_ID": "env-client",
		"MOTCUA_METRICS_ADDR": "127.0.0.1:1"}
	c, err := parse(t, env, "--base-url", "https://dichvucong.h99.gov.vn/", "--oidc-client-id", "flag-client", "--metrics-addr", "127.0.0.1:9090")
	if err != nil {
		t.Fatal(err)
	}
	if c.BaseURL != "https://dichvucong.h99.gov.vn" || c.OIDC.ClientID != "flag-client" || c.OIDC.Issuer != "https://id.example" || c.MetricsAddr != "127.0.0.1:9090" {
		t.Fatalf("config %+v", c)
	}
	if c, _ := parse(t, map[string]string{"MOTCUA_HOTLINE": " 0222 3 858 858 "}); c.Hotline != "0222 3 858 858" {
		t.Fatalf("hotline %q", c.Hotline)
	}
	if c, _ := parse(t, env); c.BaseURL != "https://not-this.example" {
		t.Fatalf("without the flag the variable counts: %q", c.BaseURL)
	}
}

func TestPostalFromEnv(t *testing.T) {
	secret := strings.Repeat("s", 32)
	env := map[string]string{"MOTCUA_POSTAL_KEY_ID": "vnpost", "MOTCUA_POSTAL_SECRET": secret, "MOTCUA_POSTAL_URL": "https://post.example/hook"}
	c, err := parse(t, env)
	if err != nil {
		t.Fatal(err)
	}
	if string(c.Postal.OutboundSecret) != secret || c.Postal.URL != "https://post.example/hook" {
		t.Fatalf("without an outbound secret the shared one signs: %+v", c.Postal)
	}
	if _, ok := c.Postal.SecretFor("vnpost"); !ok {
		t.Fatal("configured key")
	}
	env["MOTCUA_POSTAL_OUTBOUND_SECRET"] = "s2"
	if c, _ := parse(t, env); string(c.Postal.Signer().Secret) != "s2" {
		t.Fatal("the outbound secret signs our webhooks")
	}
}

// Every bad value is refused at start, named by its variable, in both
// languages; several at once are all reported.
func TestInvalidSettingsNamed(t *testing.T) {
	for _, c := range []struct {
		name string
		env  map[string]string
		args []string
		want string
	}{
		{"base URL without scheme", nil, []string{"--base-url", "dichvucong.h99.gov.vn"}, "MOTCUA_BASE_URL"},
		{"base URL with a query", map[string]string{"MOTCUA_BASE_URL": "https://h99.gov.vn/?x=1"}, nil, "MOTCUA_BASE_URL"},
		{"database not PostgreSQL", map[string]string{"MOTCUA_DATABASE_URL": "mysql://x"}, nil, "MOTCUA_DATABASE_URL"},
		{"migrate role not PostgreSQL", map[string]string{"MOTCUA_DATABASE_URL": "postgres://a@h/db", "MOTCUA_MIGRATE_DATABASE_URL": "x"}, nil, "MOTCUA_MIGRATE_DATABASE_URL"},
		{"SQLite synchronous off", map[string]string{"MOTCUA_SQLITE_SYNCHRONOUS": "off"}, nil, "MOTCUA_SQLITE_SYNCHRONOUS"},
		{"trusted proxies not CIDRs", map[string]string{"MOTCUA_TRUSTED_PROXIES": "nhà bên"}, nil, "MOTCUA_TRUSTED_PROXIES"},
		{"OIDC issuer without client", nil, []string{"--oidc-issuer", "https://id.example"}, "MOTCUA_OIDC_CLIENT_ID"},
		{"postal key without secret", map[string]string{"MOTCUA_POSTAL_KEY_ID": "vnpost"}, nil, "MOTCUA_POSTAL_SECRET"},
		{"postal secret too short", map[string]string{"MOTCUA_POSTAL_KEY_ID": "vnpost", "MOTCUA_POSTAL_SECRET": "short"}, nil, "32"},
		{"postal webhook not a URL", map[string]string{"MOTCUA_POSTAL_URL": "post office"}, nil, "MOTCUA_POSTAL_URL"},
		{"notify workers not a number", map[string]string{"MOTCUA_NOTIFY_WORKERS": "two"}, nil, "MOTCUA_NOTIFY_WORKERS"},
		{"notify attempts negative", map[string]string{"MOTCUA_NOTIFY_MAX_ATTEMPTS": "-1"}, nil, "MOTCUA_NOTIFY_MAX_ATTEMPTS"},
		{"checkpoint period under a minute", map[string]string{"MOTCUA_AUDIT_CHECKPOINT_EVERY": "5s"}, nil, "MOTCUA_AUDIT_CHECKPOINT_EVERY"},
		{"stray argument", nil, []string{"extra"}, "extra"},
		{"hotline not a phone number", map[string]string{"MOTCUA_HOTLINE": "gọi chị Lan"}, nil, "MOTCUA_HOTLINE"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := parse(t, c.env, c.args...)
			var inv *Invalid
			if !errors.As(err, &inv) || !strings.Contains(err.Error(), c.want) || !strings.Contains(err.Error(), " / ") {
				t.Fatalf("error %v, want *Invalid naming %s in Vietnamese / English", err, c.want)
			}
		})
	}
	_, err := parse(t, map[string]string{"MOTCUA_NOTIFY_WORKERS": "two", "MOTCUA_SQLITE_SYNCHRONOUS": "off"})
	if err == nil || strings.Count(err.Error(), "\n") != 1 {
		t.Fatalf("both problems, one per line: %v", err)
	}
}

func TestHelpAndFlagErrors(t *testing.T) {
	if _, err := parse(t, nil, "--help"); !errors.Is(err, flag.ErrHelp) {
		t.Fatalf("--help: %v", err)
	}
	var inv *Invalid
	if _, err := parse(t, nil, "--no-such-flag"); err == nil || errors.As(err, &inv) {
		t.Fatalf("unknown flag: %v", err)
	}
}

// The environment is read once: a value changed after start is not seen by
// the packages that read through Env.
func TestEnvIsASnapshot(t *testing.T) {
	env := map[string]string{"MOTCUA_S3_BUCKET": "ho-so"}
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	c, err := Parse(fs, nil, func(k string) string { return env[k] })
	if err != nil {
		t.Fatal(err)
	}
	if c.Env("MOTCUA_S3_BUCKET") != "ho-so" {
		t.Fatal("read through Env")
	}
	env["MOTCUA_S3_BUCKET"] = "khac"
	if c.Env("MOTCUA_S3_BUCKET") != "ho-so" {
		t.Fatal("a value changed after the first read must not be seen")
	}
}
