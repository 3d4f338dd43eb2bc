package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"

	"github.com/motcua/motcua/internal/api"
	"github.com/motcua/motcua/internal/auth"
	"github.com/motcua/motcua/internal/blob"
	"github.com/motcua/motcua/internal/clientip"
	"github.com/motcua/motcua/internal/demo"
	"github.com/motcua/motcua/internal/notify"
	"github.com/motcua/motcua/internal/payment"
	"github.com/motcua/motcua/internal/postal"
	"github.com/motcua/motcua/internal/service"
	"github.com/motcua/motcua/internal/store"
	"github.com/motcua/motcua/internal/web"
)

// openService opens the database named by --data / MOTCUA_DATABASE_URL,
// migrates it and builds the service.
func openService(ctx context.Context, dataDir string, log *slog.Logger) (*service.Service, *store.Store, error) {
	st, err := store.Open(ctx, storeConfig(dataDir))
	if err != nil {
		return nil, nil, err
	}
	var svc *service.Service
	files, where, err := blob.FromEnv(ctx, os.Getenv, filepath.Join(dataDir, "files"))
	if err == nil {
		log.Info("file store", "at", where)
		svc, err = service.New(ctx, st, files, log)
	}
	if err != nil {
		st.Close()
		return nil, nil, err
	}
	return svc, st, nil
}

func serveMain(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	addr := fs.String("addr", ":8080", "listen address")
	dataDir := fs.String("data", "./data", "data directory (SQLite database and uploaded files)")
	withDemo := fs.Bool("demo", false, "load the demo province, catalog and users")
	baseURL := fs.String("base-url", os.Getenv("MOTCUA_BASE_URL"), "public address for links and QR codes, e.g. https://dichvucong.example.gov.vn")
	oidcIssuer := fs.String("oidc-issuer", os.Getenv("MOTCUA_OIDC_ISSUER"), "OpenID Connect issuer for citizen sign-in (national e-ID)")
	metricsAddr := fs.String("metrics-addr", os.Getenv("MOTCUA_METRICS_ADDR"), "separate listener for /metrics, e.g. 127.0.0.1:9090 (the main one serves it only with MOTCUA_METRICS_TOKEN)")
	oidcClient := fs.String("oidc-client-id", os.Getenv("MOTCUA_OIDC_CLIENT_ID"), "OpenID Connect client id (secret in MOTCUA_OIDC_CLIENT_SECRET)")
	pprofFlag(fs, stderr)
	if err := fs.Parse(args); err != nil {
		return 2
	}
	log := slog.New(slog.NewJSONHandler(stderr, nil))
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	svc, st, err := openService(ctx, *dataDir, log)
	if err != nil {
		fmt.Fprintf(stderr, "motcua serve: %v\n", err)
		return 1
	}
	defer st.Close()
	if *withDemo {
		password := os.Getenv("MOTCUA_DEMO_PASSWORD")
		generated := password == ""
		if generated {
			password = auth.RandomPassword()
		}
		created, err := demo.Load(ctx, svc, password)
		if err != nil {
			fmt.Fprintf(stderr, "motcua serve: %v\n", err)
			return 1
		}
		if created {
			fmt.Fprintln(stdout, "Demo data loaded. Tài khoản demo / demo accounts:")
			for _, u := range demo.Users {
				fmt.Fprintf(stdout, "  %-14s %-11s password: %s\n", u.Username, u.Role, password)
			}
		} else if generated {
			fmt.Fprintln(stdout, "Demo data already present; demo accounts keep the password printed when it was first loaded.")
		} else {
			fmt.Fprintln(stdout, "Demo data already present.")
		}
	}
	// A database upgraded from a version without the counters gets them
	// built from its event log once, before serving.
	if rebuilt, err := svc.RebuildFiguresIfFlagged(ctx); err != nil {
		fmt.Fprintf(stderr, "motcua serve: %v\n", err)
		return 1
	} else if rebuilt {
		fmt.Fprintln(stdout, "Counters for dashboards and reports built from the event log.")
	}
	// Other processes on the same PostgreSQL may change the calendar or the
	// agencies; pick that up within half a minute.
	go svc.RefreshEvery(ctx, 30*time.Second)
	// The signed checkpoints of the audit chains (audit_cmd.go).
	if err := auditCheckpoints(ctx, st, *dataDir, log); err != nil {
		fmt.Fprintf(stderr, "motcua serve: %v\n", err)
		return 1
	}
	if err := startBackground(ctx, svc, st, log, *baseURL, map[string]notify.Sender{postal.Channel: postal.NewWebhookSender(postal.ConfigFromEnv())}); err != nil {
		fmt.Fprintf(stderr, "motcua serve: %v\n", err)
		return 1
	}
	if svc.Payments, err = payment.Configure(os.Getenv, *withDemo); err != nil {
		fmt.Fprintf(stderr, "motcua serve: %v\n", err)
		return 1
	}
	// Read once: which peers are our reverse proxies (their X-Forwarded-For
	// names the client for the rate limits and vnp_IpAddr).
	proxies, err := clientip.Parse(os.Getenv("MOTCUA_TRUSTED_PROXIES"))
	if err != nil {
		fmt.Fprintf(stderr, "motcua serve: MOTCUA_TRUSTED_PROXIES: %v\n", err)
		return 1
	}
	handler := api.NewWith(svc, log, api.Options{BaseURL: *baseURL, MetricsToken: os.Getenv("MOTCUA_METRICS_TOKEN"), ClientIP: proxies})
	webOpt := web.Options{Demo: *withDemo, BaseURL: *baseURL, ClientIP: proxies}
	if *oidcIssuer != "" {
		webOpt.OIDC = &web.OIDCConfig{Issuer: *oidcIssuer, ClientID: *oidcClient, ClientSecret: os.Getenv("MOTCUA_OIDC_CLIENT_SECRET"),
			IDClaim: os.Getenv("MOTCUA_OIDC_ID_CLAIM")}
	}
	pages, err := web.New(svc, log, webOpt)
	if err != nil {
		fmt.Fprintf(stderr, "motcua serve: %v\n", err)
		return 1
	}
	handler.Mux().Handle("/", pages)
	srv := &http.Server{Addr: *addr, Handler: handler, ReadHeaderTimeout: 10 * time.Second, ReadTimeout: 2 * time.Minute,
		WriteTimeout: 2 * time.Minute, IdleTimeout: 2 * time.Minute}
	errc := make(chan error, 2)
	go func() { errc <- srv.ListenAndServe() }()
	if *metricsAddr != "" {
		msrv := &http.Server{Addr: *metricsAddr, Handler: handler.MetricsHandler(), ReadHeaderTimeout: 10 * time.Second}
		go func() { errc <- msrv.ListenAndServe() }()
		defer msrv.Close()
		fmt.Fprintf(stdout, "Metrics on %s\n", *metricsAddr)
	}
	fmt.Fprintf(stdout, "Một Cửa listening on %s (%s)\n", *addr, st.Dialect())
	select {
	case err := <-errc:
		if !errors.Is(err, http.ErrServerClosed) {
			fmt.Fprintf(stderr, "motcua serve: %v\n", err)
			return 1
		}
	case <-ctx.Done():
		shutdown, cancel := context.WithTimeout(context.Background(), 15*time.Second)
		defer cancel()
		srv.Shutdown(shutdown)
	}
	return 0
}

func migrateMain(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("migrate", flag.ContinueOnError)
	fs.SetOutput(stderr)
	dataDir := fs.String("data", "./data", "data directory")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	ctx := context.Background()
	st, err := store.Open(ctx, storeConfig(*dataDir))
	if err != nil {
		fmt.Fprintf(stderr, "motcua migrate: %v\n", err)
		return 1
	}
	defer st.Close()
	v, err := st.SchemaVersion(ctx)
	if err != nil {
		fmt.Fprintf(stderr, "motcua migrate: %v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "schema version %d (%s)\n", v, st.Dialect())
	return 0
}
