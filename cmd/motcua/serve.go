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
	"github.com/motcua/motcua/internal/config"
	"github.com/motcua/motcua/internal/demo"
	"github.com/motcua/motcua/internal/notify"
	"github.com/motcua/motcua/internal/payment"
	"github.com/motcua/motcua/internal/postal"
	"github.com/motcua/motcua/internal/service"
	"github.com/motcua/motcua/internal/store"
	"github.com/motcua/motcua/internal/web"
)

// openService opens the database named by --data / MOTCUA_DATABASE_URL,
// migrates it and builds the service (the commands other than serve).
func openService(ctx context.Context, dataDir string, log *slog.Logger) (*service.Service, *store.Store, error) {
	db, err := config.DatabaseFromEnv(os.Getenv)
	if err != nil {
		return nil, nil, err
	}
	return openServiceWith(ctx, dataDir, db, os.Getenv, log)
}

// openServiceWith opens the store and the file store (MOTCUA_S3_* in env)
// and builds the service.
func openServiceWith(ctx context.Context, dataDir string, db config.Database, env func(string) string, log *slog.Logger) (*service.Service, *store.Store, error) {
	st, err := store.Open(ctx, storeConfigOf(dataDir, db))
	if err != nil {
		return nil, nil, err
	}
	var svc *service.Service
	files, where, err := blob.FromEnv(ctx, env, filepath.Join(dataDir, "files"))
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

// newHandler configures the payment gateway and builds the API with the web
// pages under it, every address from cfg: the gateway's return and
// callback follow --base-url like the links and QR codes do.
func newHandler(svc *service.Service, log *slog.Logger, cfg *config.Config) (*api.Server, error) {
	var err error
	if svc.Payments, err = payment.Configure(cfg.Env, cfg.Demo); err != nil {
		return nil, err
	}
	handler := api.NewWith(svc, log, api.Options{BaseURL: cfg.BaseURL, MetricsToken: cfg.MetricsToken, ClientIP: cfg.TrustedProxies})
	webOpt := web.Options{Demo: cfg.Demo, BaseURL: cfg.BaseURL, ClientIP: cfg.TrustedProxies, Hotline: cfg.Hotline}
	if cfg.OIDC.Issuer != "" {
		webOpt.OIDC = &web.OIDCConfig{Issuer: cfg.OIDC.Issuer, ClientID: cfg.OIDC.ClientID, ClientSecret: cfg.OIDC.ClientSecret, IDClaim: cfg.OIDC.IDClaim}
	}
	pages, err := web.New(svc, log, webOpt)
	if err != nil {
		return nil, err
	}
	handler.Mux().Handle("/", pages)
	return handler, nil
}

func serveMain(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	pprofFlag(fs, stderr)
	cfg, err := config.Parse(fs, args, os.Getenv)
	if err != nil {
		// The flag set has already printed its own errors and --help.
		if inv := (*config.Invalid)(nil); errors.As(err, &inv) {
			fmt.Fprintf(stderr, "motcua serve: cấu hình sai / bad configuration:\n%v\n", err)
		}
		return 2
	}
	log := slog.New(slog.NewJSONHandler(stderr, nil))
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	svc, st, err := openServiceWith(ctx, cfg.DataDir, cfg.Database, cfg.Env, log)
	if err != nil {
		fmt.Fprintf(stderr, "motcua serve: %v\n", err)
		return 1
	}
	defer st.Close()
	if cfg.Demo {
		password := cfg.DemoPassword
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
				fmt.Fprintf(stdout, "  %-14s %-11s %-46s password: %s\n", u.Username, u.Role, demo.AgencyName(u.Agency), password)
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
	go remindEvery(ctx, svc, log, 5*time.Minute)
	// The signed checkpoints of the audit chains (audit_cmd.go).
	if err := auditCheckpoints(ctx, st, cfg, log); err != nil {
		fmt.Fprintf(stderr, "motcua serve: %v\n", err)
		return 1
	}
	svc.Postal = cfg.Postal
	if err := startBackground(ctx, svc, st, log, cfg, map[string]notify.Sender{postal.Channel: postal.NewWebhookSender(cfg.Postal)}); err != nil {
		fmt.Fprintf(stderr, "motcua serve: %v\n", err)
		return 1
	}
	handler, err := newHandler(svc, log, cfg)
	if err != nil {
		fmt.Fprintf(stderr, "motcua serve: %v\n", err)
		return 1
	}
	srv := &http.Server{Addr: cfg.Addr, Handler: handler, ReadHeaderTimeout: 10 * time.Second, ReadTimeout: 2 * time.Minute,
		WriteTimeout: 2 * time.Minute, IdleTimeout: 2 * time.Minute}
	errc := make(chan error, 2)
	go func() { errc <- srv.ListenAndServe() }()
	if cfg.MetricsAddr != "" {
		msrv := &http.Server{Addr: cfg.MetricsAddr, Handler: handler.MetricsHandler(), ReadHeaderTimeout: 10 * time.Second}
		go func() { errc <- msrv.ListenAndServe() }()
		defer msrv.Close()
		fmt.Fprintf(stdout, "Metrics on %s\n", cfg.MetricsAddr)
	}
	fmt.Fprintf(stdout, "Một Cửa listening on %s (%s)\n", cfg.Addr, st.Dialect())
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

// remindEvery sends the internal processes' step reminders (75 % of a
// step's budget, its overrun) until ctx ends; every node may run it, the
// store keeps each reminder sent once.
func remindEvery(ctx context.Context, svc *service.Service, log *slog.Logger, every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			if n, err := svc.SendStepReminders(ctx); err != nil {
				log.Error("step reminders", "err", err)
			} else if n > 0 {
				log.Info("step reminders queued", "count", n)
			}
		}
	}
}
