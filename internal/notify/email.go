package notify

import (
	"bytes"
	"context"
	"crypto/sha256"
	"crypto/tls"
	"encoding/hex"
	"errors"
	"fmt"
	"mime"
	"mime/quotedprintable"
	"net"
	"net/mail"
	"net/smtp"
	"net/textproto"
	"strings"
	"time"

	"github.com/motcua/motcua/internal/model"
)

// SMTPConfig says how to reach the mail relay.
type SMTPConfig struct {
	Addr     string // host:port of the relay
	From     string // e.g. "Trung tâm Phục vụ hành chính công <khongtraloi@h99.gov.vn>"
	Username string // with Password: PLAIN authentication (after STARTTLS; net/smtp refuses it in clear except to localhost)
	Password string
	// TLS configures STARTTLS, used whenever the relay offers it; nil: the
	// system's roots and the relay's host name.
	TLS *tls.Config
}

// EmailSender sends messages through an SMTP relay with net/smtp.
type EmailSender struct {
	cfg  SMTPConfig
	from *mail.Address
	now  func() time.Time
}

// NewEmailSender checks the configuration.
func NewEmailSender(cfg SMTPConfig) (*EmailSender, error) {
	if _, _, err := net.SplitHostPort(cfg.Addr); err != nil {
		return nil, fmt.Errorf("notify: SMTP address %q: %w", cfg.Addr, err)
	}
	from, err := mail.ParseAddress(cfg.From)
	if err != nil {
		return nil, fmt.Errorf("notify: SMTP sender address %q: %w", cfg.From, err)
	}
	return &EmailSender{cfg: cfg, from: from, now: time.Now}, nil
}

// MessageID derives the Message-ID from the delivery key, so that a resend
// after a crash carries the same identifier and the receiving side can
// recognise the repeat.
func MessageID(key, domain string) string {
	sum := sha256.Sum256([]byte(key))
	return "<" + hex.EncodeToString(sum[:16]) + "@" + domain + ">"
}

// Compose builds the RFC 5322 message: UTF-8 body in quoted-printable, the
// subject and display names encoded per RFC 2047.
func (e *EmailSender) Compose(m model.OutboxMessage) ([]byte, error) {
	to, err := mail.ParseAddress(m.Recipient)
	if err != nil {
		return nil, Permanent("invalid e-mail address")
	}
	domain := e.from.Address[strings.LastIndexByte(e.from.Address, '@')+1:]
	var b bytes.Buffer
	h := func(k, v string) { fmt.Fprintf(&b, "%s: %s\r\n", k, v) }
	h("From", e.from.String())
	h("To", to.String())
	h("Subject", mime.BEncoding.Encode("utf-8", m.Subject))
	h("Date", e.now().Format(time.RFC1123Z))
	h("Message-ID", MessageID(m.Key, domain))
	h("MIME-Version", "1.0")
	h("Content-Type", "text/plain; charset=utf-8")
	h("Content-Transfer-Encoding", "quoted-printable")
	b.WriteString("\r\n")
	qp := quotedprintable.NewWriter(&b)
	qp.Write([]byte(strings.ReplaceAll(strings.ReplaceAll(m.Body, "\r\n", "\n"), "\n", "\r\n")))
	qp.Close()
	return b.Bytes(), nil
}

// Send delivers one message. A 5xx reply (address refused, message
// rejected) is permanent; connection trouble and 4xx replies are retried.
func (e *EmailSender) Send(ctx context.Context, m model.OutboxMessage) error {
	msg, err := e.Compose(m)
	if err != nil {
		return err
	}
	to, _ := mail.ParseAddress(m.Recipient)
	host, _, _ := net.SplitHostPort(e.cfg.Addr)
	var d net.Dialer
	conn, err := d.DialContext(ctx, "tcp", e.cfg.Addr)
	if err != nil {
		return fmt.Errorf("smtp: connect: %w", err)
	}
	defer conn.Close()
	if dl, ok := ctx.Deadline(); ok {
		conn.SetDeadline(dl)
	}
	c, err := smtp.NewClient(conn, host)
	if err != nil {
		return smtpErr("greeting", err)
	}
	defer c.Close()
	if ok, _ := c.Extension("STARTTLS"); ok {
		cfg := e.cfg.TLS
		if cfg == nil {
			cfg = &tls.Config{ServerName: host}
		}
		if err := c.StartTLS(cfg); err != nil {
			return smtpErr("starttls", err)
		}
	}
	if e.cfg.Username != "" {
		if err := c.Auth(smtp.PlainAuth("", e.cfg.Username, e.cfg.Password, host)); err != nil {
			return smtpErr("auth", err)
		}
	}
	if err := c.Mail(e.from.Address); err != nil {
		return smtpErr("MAIL FROM", err)
	}
	if err := c.Rcpt(to.Address); err != nil {
		return smtpErr("RCPT TO", err)
	}
	w, err := c.Data()
	if err != nil {
		return smtpErr("DATA", err)
	}
	if _, err := w.Write(msg); err != nil {
		return smtpErr("DATA", err)
	}
	if err := w.Close(); err != nil {
		return smtpErr("end of DATA", err)
	}
	c.Quit()
	return nil
}

func smtpErr(step string, err error) error {
	var te *textproto.Error
	if errors.As(err, &te) && te.Code >= 500 {
		return fmt.Errorf("%w: smtp %s: %d %s", ErrPermanent, step, te.Code, te.Msg)
	}
	return fmt.Errorf("smtp %s: %w", step, err)
}
