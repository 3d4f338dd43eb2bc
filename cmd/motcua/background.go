package main

import (
	"context"
	"fmt"
	"log/slog"
	"strconv"
	"strings"

	"github.com/motcua/motcua/internal/config"
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
//
// and the workers' number and attempts from c (MOTCUA_NOTIFY_WORKERS,
// MOTCUA_NOTIFY_MAX_ATTEMPTS).
func startBackground(ctx context.Context, svc *service.Service, st *store.Store, log *slog.Logger, c *config.Config, extra map[string]notify.Sender) error {
	svc.Notify.BaseURL = c.BaseURL
	senders, cfg, err := notifyFromEnv(c.Env)
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
	cfg.Senders, cfg.Log, cfg.MaxAttempts = senders, log, c.NotifyMaxAttempts
	for i := 0; i < c.NotifyWorkers; i++ {
		go notify.NewWorker(st, cfg).Run(ctx)
	}
	return nil
}

// notifyFromEnv builds the senders of the channels configured in getenv.
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
	return senders, cfg, nil
}
