package main

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"strconv"
	"strings"

	"github.com/motcua/motcua/internal/notify"
	"github.com/motcua/motcua/internal/service"
	"github.com/motcua/motcua/internal/store"
)

// startBackground starts the outbox workers over st for the life of ctx. Channels
// come from the environment (a channel without settings has no sender: its
// messages wait, see notify.Config.Senders); extra adds senders built
// elsewhere, such as the postal operator's webhook ("postal").
//
//	MOTCUA_SMTP_ADDR, MOTCUA_SMTP_FROM, MOTCUA_SMTP_USER, MOTCUA_SMTP_PASSWORD
//	MOTCUA_SMS_URL, MOTCUA_SMS_KEY [, MOTCUA_SMS_KEY_HEADER]
//	MOTCUA_ZALO_URL, MOTCUA_ZALO_TOKEN, MOTCUA_ZALO_TEMPLATE_<KIND> (RECEIVED, REFUSED,
//	  SUPPLEMENT, EXTENDED, RESULT_READY, DECISION, POSTED) [, MOTCUA_ZALO_PERMANENT_CODES=-108,-118]
//	  [, MOTCUA_ZALO_APP_ID, MOTCUA_ZALO_SECRET_KEY, MOTCUA_ZALO_REFRESH_TOKEN (refreshed tokens, instead of
//	  MOTCUA_ZALO_TOKEN) [, MOTCUA_ZALO_OAUTH_URL]]
//	MOTCUA_NOTIFY_WORKERS (default 1), MOTCUA_NOTIFY_MAX_ATTEMPTS (default 8)
func startBackground(ctx context.Context, svc *service.Service, st *store.Store, log *slog.Logger, baseURL string, extra map[string]notify.Sender) error {
	svc.Notify.BaseURL = baseURL
	senders, cfg, err := notifyFromEnv(os.Getenv)
	if err != nil {
		return err
	}
	// Refreshed Zalo tokens live in the database, shared by every node.
	if zs, ok := senders[notify.ChannelZalo].(*notify.ZaloSender); ok && zs.Tokens() != nil {
		if err := zs.Tokens().Open(ctx, st); err != nil {
			return fmt.Errorf("Zalo (MOTCUA_ZALO_*): %w", err)
		}
	}
	for ch, s := range extra {
		senders[ch] = s
	}
	workers, err := envInt(os.Getenv, "MOTCUA_NOTIFY_WORKERS", 1)
	if err != nil {
		return err
	}
	cfg.Senders, cfg.Log = senders, log
	for i := 0; i < workers; i++ {
		go notify.NewWorker(st, cfg).Run(ctx)
	}
	return nil
}

// notifyFromEnv builds the senders and the worker settings.
func notifyFromEnv(getenv func(string) string) (map[string]notify.Sender, notify.Config, error) {
	senders := map[string]notify.Sender{}
	var cfg notify.Config
	if addr := getenv("MOTCUA_SMTP_ADDR"); addr != "" {
		s, err := notify.NewEmailSender(notify.SMTPConfig{Addr: addr, From: getenv("MOTCUA_SMTP_FROM"),
			Username: getenv("MOTCUA_SMTP_USER"), Password: getenv("MOTCUA_SMTP_PASSWORD")})
		if err != nil {
			return nil, cfg, fmt.Errorf("e-mail (MOTCUA_SMTP_*): %w", err)
		}
		senders[notify.ChannelEmail] = s
	}
	if url := getenv("MOTCUA_SMS_URL"); url != "" {
		s, err := notify.NewSMSSender(notify.SMSConfig{URL: url, APIKey: getenv("MOTCUA_SMS_KEY"), Header: getenv("MOTCUA_SMS_KEY_HEADER")})
		if err != nil {
			return nil, cfg, fmt.Errorf("SMS (MOTCUA_SMS_*): %w", err)
		}
		senders[notify.ChannelSMS] = s
	}
	if url := getenv("MOTCUA_ZALO_URL"); url != "" {
		zc := notify.ZaloConfig{URL: url, AccessToken: getenv("MOTCUA_ZALO_TOKEN"), Templates: map[string]string{}}
		// With the app's id and secret key the access token is refreshed
		// (it expires after about 25 hours); MOTCUA_ZALO_TOKEN is then unused.
		if app := getenv("MOTCUA_ZALO_APP_ID"); app != "" {
			zc.Tokens = &notify.ZaloTokens{URL: notify.ZaloOAuthURL, AppID: app, SecretKey: getenv("MOTCUA_ZALO_SECRET_KEY"),
				Seed: getenv("MOTCUA_ZALO_REFRESH_TOKEN")}
			if u := getenv("MOTCUA_ZALO_OAUTH_URL"); u != "" {
				zc.Tokens.URL = u
			}
			if zc.Tokens.SecretKey == "" || zc.Tokens.Seed == "" {
				return nil, cfg, fmt.Errorf("Zalo (MOTCUA_ZALO_*): MOTCUA_ZALO_APP_ID needs MOTCUA_ZALO_SECRET_KEY and MOTCUA_ZALO_REFRESH_TOKEN")
			}
		}
		for _, k := range notify.Kinds {
			if id := getenv("MOTCUA_ZALO_TEMPLATE_" + strings.ToUpper(string(k))); id != "" {
				zc.Templates[string(k)] = id
			}
		}
		for _, c := range strings.FieldsFunc(getenv("MOTCUA_ZALO_PERMANENT_CODES"), func(r rune) bool { return r == ',' || r == ' ' }) {
			n, err := strconv.Atoi(c)
			if err != nil {
				return nil, cfg, fmt.Errorf("MOTCUA_ZALO_PERMANENT_CODES: %q is not a number", c)
			}
			zc.PermanentCodes = append(zc.PermanentCodes, n)
		}
		s, err := notify.NewZaloSender(zc)
		if err != nil {
			return nil, cfg, fmt.Errorf("Zalo (MOTCUA_ZALO_*): %w", err)
		}
		senders[notify.ChannelZalo] = s
	}
	n, err := envInt(getenv, "MOTCUA_NOTIFY_MAX_ATTEMPTS", 0)
	if err != nil {
		return nil, cfg, err
	}
	cfg.MaxAttempts = n
	return senders, cfg, nil
}

func envInt(getenv func(string) string, name string, def int) (int, error) {
	v := getenv(name)
	if v == "" {
		return def, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 0 {
		return 0, fmt.Errorf("%s: %q is not a whole number", name, v)
	}
	return n, nil
}
