// Package config holds the settings of `motcua serve`: its flags and every
// MOTCUA_* variable, read once at start in cmd/motcua, checked there, and
// handed down as values. No other package reads the environment: the
// VNPay return address once came from MOTCUA_BASE_URL read at request time
// and so ignored --base-url.
//
// The channel families whose packages already parse and check their own
// variables from a lookup function (files: blob.FromEnv, MOTCUA_S3_*;
// payment: payment.Configure, MOTCUA_PAY_*; notifications: MOTCUA_SMTP_*,
// MOTCUA_SMS_*, MOTCUA_ZALO_*; the audit key: audit.LoadKey,
// MOTCUA_AUDIT_KEY, MOTCUA_AUDIT_PUBLIC_KEY) get Env, the snapshot of the
// environment taken by Parse, so that they read the same values as the rest.
package config

import (
	"errors"
	"flag"
	"fmt"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/motcua/motcua/internal/clientip"
	"github.com/motcua/motcua/internal/postal"
)

// Config is every setting of the server.
type Config struct {
	Addr    string // --addr
	DataDir string // --data: the SQLite database and uploaded files
	Demo    bool   // --demo: load the demo province, catalogue and users
	// DemoPassword (MOTCUA_DEMO_PASSWORD) of the demo accounts; empty: generated.
	DemoPassword string
	// BaseURL (--base-url, MOTCUA_BASE_URL) is the public address, without
	// a trailing slash, for links, QR codes, OIDC and the payment gateway's
	// return and callback addresses. Empty: taken from each request.
	BaseURL string
	// Hotline (--hotline, MOTCUA_HOTLINE) is the center's help line, shown
	// at the foot of every page. Empty: the pages send people to the help
	// desk and promise no number.
	Hotline string

	Database Database
	OIDC     OIDC

	// MetricsAddr (--metrics-addr, MOTCUA_METRICS_ADDR) is a listener of its
	// own for /metrics; MetricsToken (MOTCUA_METRICS_TOKEN) opens it on the
	// main listener to a bearer of the token.
	MetricsAddr, MetricsToken string
	// TrustedProxies (MOTCUA_TRUSTED_PROXIES, CIDRs) are the reverse proxies
	// whose X-Forwarded-For names the client.
	TrustedProxies clientip.Resolver

	// Postal is the public postal operator (MOTCUA_POSTAL_*).
	Postal postal.Config

	// NotifyWorkers (MOTCUA_NOTIFY_WORKERS, default 1) outbox workers per
	// process; NotifyMaxAttempts (MOTCUA_NOTIFY_MAX_ATTEMPTS, 0: the
	// outbox's default of 8) before a message is a dead letter.
	NotifyWorkers, NotifyMaxAttempts int
	// AuditCheckpointEvery (MOTCUA_AUDIT_CHECKPOINT_EVERY, default 1h, at
	// least 1m) is the period of the signed audit checkpoints.
	AuditCheckpointEvery time.Duration

	// Env is the environment as Parse read it, for the packages that parse
	// their own family of variables (see the package comment).
	Env func(string) string
}

// Database selects and tunes the store.
type Database struct {
	// URL (MOTCUA_DATABASE_URL, postgres://…) selects PostgreSQL instead of
	// SQLite in DataDir; MigrateURL (MOTCUA_MIGRATE_DATABASE_URL) is the
	// owner role that migrates it.
	URL, MigrateURL string
	// SQLiteSynchronous (MOTCUA_SQLITE_SYNCHRONOUS): "full" (default) or "normal".
	SQLiteSynchronous string
}

// OIDC is citizen sign-in through OpenID Connect (the national e-ID);
// off when Issuer is empty.
type OIDC struct {
	Issuer       string // --oidc-issuer, MOTCUA_OIDC_ISSUER
	ClientID     string // --oidc-client-id, MOTCUA_OIDC_CLIENT_ID
	ClientSecret string // MOTCUA_OIDC_CLIENT_SECRET
	IDClaim      string // MOTCUA_OIDC_ID_CLAIM; empty: the web package's default
}

// DatabaseFromEnv is the database part alone, for the commands other than
// serve (migrate, index, backup…), which take no other setting.
func DatabaseFromEnv(getenv func(string) string) (Database, error) {
	d := Database{URL: strings.TrimSpace(getenv("MOTCUA_DATABASE_URL")), MigrateURL: strings.TrimSpace(getenv("MOTCUA_MIGRATE_DATABASE_URL")),
		SQLiteSynchronous: strings.TrimSpace(getenv("MOTCUA_SQLITE_SYNCHRONOUS"))}
	var errs []error
	for name, v := range map[string]string{"MOTCUA_DATABASE_URL": d.URL, "MOTCUA_MIGRATE_DATABASE_URL": d.MigrateURL} {
		if v != "" && !strings.HasPrefix(v, "postgres://") && !strings.HasPrefix(v, "postgresql://") {
			errs = append(errs, fmt.Errorf("%s: phải là địa chỉ postgres:// / must be a postgres:// URL", name))
		}
	}
	switch strings.ToLower(d.SQLiteSynchronous) {
	case "", "full", "normal":
	default:
		errs = append(errs, fmt.Errorf("MOTCUA_SQLITE_SYNCHRONOUS: full hoặc normal, không phải %q / full or normal, not %q", d.SQLiteSynchronous, d.SQLiteSynchronous))
	}
	return d, errors.Join(errs...)
}

// Parse defines the serve flags on fs (the caller may have added its own),
// parses args, reads the environment through getenv once and checks every
// value. Flags win over their variables. It returns flag.ErrHelp for --help
// (fs has then printed the usage) and a flag error as flag.Parse does;
// otherwise an *Invalid with every problem found, each named by its variable.
// hotlineRe is a phone number as a center prints it: "1022", "0222 3 858 858", "+84 222.3858.858".
var hotlineRe = regexp.MustCompile(`^\+?[0-9][0-9 .\-]{2,19}$`)

func Parse(fs *flag.FlagSet, args []string, getenv func(string) string) (*Config, error) {
	env := snapshot(getenv)
	c := &Config{Env: env}
	fs.StringVar(&c.Addr, "addr", ":8080", "listen address")
	fs.StringVar(&c.DataDir, "data", "./data", "data directory (SQLite database and uploaded files)")
	fs.BoolVar(&c.Demo, "demo", false, "load the demo province, catalog and users")
	fs.StringVar(&c.BaseURL, "base-url", env("MOTCUA_BASE_URL"), "public address for links and QR codes, e.g. https://dichvucong.example.gov.vn")
	fs.StringVar(&c.Hotline, "hotline", env("MOTCUA_HOTLINE"), "the center's help line shown on every page, e.g. \"0222 3 858 858\"")
	fs.StringVar(&c.OIDC.Issuer, "oidc-issuer", env("MOTCUA_OIDC_ISSUER"), "OpenID Connect issuer for citizen sign-in (national e-ID)")
	fs.StringVar(&c.MetricsAddr, "metrics-addr", env("MOTCUA_METRICS_ADDR"), "separate listener for /metrics, e.g. 127.0.0.1:9090 (the main one serves it only with MOTCUA_METRICS_TOKEN)")
	fs.StringVar(&c.OIDC.ClientID, "oidc-client-id", env("MOTCUA_OIDC_CLIENT_ID"), "OpenID Connect client id (secret in MOTCUA_OIDC_CLIENT_SECRET)")
	if err := fs.Parse(args); err != nil {
		return nil, err
	}
	var errs []error
	bad := func(name, vi, en string) { errs = append(errs, fmt.Errorf("%s: %s / %s", name, vi, en)) }

	if fs.NArg() > 0 {
		bad("serve", fmt.Sprintf("thừa tham số %q", fs.Arg(0)), fmt.Sprintf("unexpected argument %q", fs.Arg(0)))
	}
	c.BaseURL = strings.TrimRight(strings.TrimSpace(c.BaseURL), "/")
	c.Hotline = strings.TrimSpace(c.Hotline)
	if c.Hotline != "" && !hotlineRe.MatchString(c.Hotline) {
		bad("--hotline / MOTCUA_HOTLINE", fmt.Sprintf("cần số điện thoại (chữ số, khoảng trắng, dấu chấm hoặc gạch), không phải %q", c.Hotline),
			fmt.Sprintf("want a phone number (digits, spaces, dots or dashes), not %q", c.Hotline))
	}
	if c.BaseURL != "" {
		if u, err := url.Parse(c.BaseURL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.RawQuery != "" || u.Fragment != "" {
			bad("--base-url / MOTCUA_BASE_URL", fmt.Sprintf("cần địa chỉ http(s)://máy[/đường-dẫn], không phải %q", c.BaseURL),
				fmt.Sprintf("want http(s)://host[/path], not %q", c.BaseURL))
		}
	}
	c.DemoPassword = env("MOTCUA_DEMO_PASSWORD")
	db, err := DatabaseFromEnv(env)
	if err != nil {
		errs = append(errs, err)
	}
	c.Database = db

	c.OIDC.ClientSecret, c.OIDC.IDClaim = env("MOTCUA_OIDC_CLIENT_SECRET"), strings.TrimSpace(env("MOTCUA_OIDC_ID_CLAIM"))
	if c.OIDC.Issuer != "" && c.OIDC.ClientID == "" {
		bad("--oidc-client-id / MOTCUA_OIDC_CLIENT_ID", "cần khi có --oidc-issuer", "needed with --oidc-issuer")
	}

	c.MetricsToken = env("MOTCUA_METRICS_TOKEN")
	if c.TrustedProxies, err = clientip.Parse(env("MOTCUA_TRUSTED_PROXIES")); err != nil {
		bad("MOTCUA_TRUSTED_PROXIES", "không hợp lệ", err.Error())
	}

	c.Postal = postal.Config{KeyID: strings.TrimSpace(env("MOTCUA_POSTAL_KEY_ID")), Secret: []byte(env("MOTCUA_POSTAL_SECRET")),
		OutboundSecret: []byte(env("MOTCUA_POSTAL_OUTBOUND_SECRET")), URL: strings.TrimSpace(env("MOTCUA_POSTAL_URL"))}
	if len(c.Postal.OutboundSecret) == 0 {
		c.Postal.OutboundSecret = c.Postal.Secret
	}
	if (c.Postal.KeyID == "") != (len(c.Postal.Secret) == 0) {
		bad("MOTCUA_POSTAL_KEY_ID, MOTCUA_POSTAL_SECRET", "cần cả hai hoặc không có cả hai", "set both or neither")
	}
	if n := len(c.Postal.Secret); n > 0 && n < 32 {
		bad("MOTCUA_POSTAL_SECRET", fmt.Sprintf("cần ít nhất 32 byte ngẫu nhiên, có %d", n), fmt.Sprintf("needs at least 32 random bytes, has %d", n))
	}
	if c.Postal.URL != "" {
		if u, err := url.Parse(c.Postal.URL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			bad("MOTCUA_POSTAL_URL", fmt.Sprintf("cần địa chỉ http(s)://, không phải %q", c.Postal.URL), fmt.Sprintf("want an http(s):// URL, not %q", c.Postal.URL))
		}
	}

	whole := func(name string, def int) int {
		v := strings.TrimSpace(env(name))
		if v == "" {
			return def
		}
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 {
			bad(name, fmt.Sprintf("phải là số nguyên không âm, không phải %q", v), fmt.Sprintf("must be a whole number, not %q", v))
		}
		return n
	}
	c.NotifyWorkers = whole("MOTCUA_NOTIFY_WORKERS", 1)
	c.NotifyMaxAttempts = whole("MOTCUA_NOTIFY_MAX_ATTEMPTS", 0)

	c.AuditCheckpointEvery = time.Hour
	if v := strings.TrimSpace(env("MOTCUA_AUDIT_CHECKPOINT_EVERY")); v != "" {
		d, err := time.ParseDuration(v)
		if err != nil || d < time.Minute {
			bad("MOTCUA_AUDIT_CHECKPOINT_EVERY", fmt.Sprintf("cần khoảng thời gian từ 1m trở lên, không phải %q", v),
				fmt.Sprintf("must be a duration of at least 1m, not %q", v))
		}
		c.AuditCheckpointEvery = d
	}
	if len(errs) > 0 {
		return nil, &Invalid{errs}
	}
	return c, nil
}

// Invalid lists the settings Parse refused, one per line.
type Invalid struct{ Problems []error }

func (e *Invalid) Error() string { return errors.Join(e.Problems...).Error() }

// snapshot reads every MOTCUA_* variable the first time it is asked for
// and answers the same afterwards, so that a value cannot change under a
// running server.
func snapshot(getenv func(string) string) func(string) string {
	var (
		mu   sync.Mutex
		seen = map[string]string{}
	)
	return func(name string) string {
		mu.Lock()
		defer mu.Unlock()
		v, ok := seen[name]
		if !ok {
			v = getenv(name)
			seen[name] = v
		}
		return v
	}
}
