package payments

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/motcua/motcua/internal/apperr"
	"github.com/motcua/motcua/internal/calendar"
	"github.com/motcua/motcua/internal/dossier"
	"github.com/motcua/motcua/internal/model"
	"github.com/motcua/motcua/internal/org"
	"github.com/motcua/motcua/internal/payment"
	"github.com/motcua/motcua/internal/service/dossiers"
	"github.com/motcua/motcua/internal/service/internal/core"
	"github.com/motcua/motcua/internal/store"
)

// PaymentWindow is how long a citizen has at the gateway before the request
// expires and must be started again.
const PaymentWindow = 15 * time.Minute

var (
	errPaymentOff = apperr.New(apperr.NotFound, "payment_unavailable",
		"Cơ quan chưa kết nối cổng thanh toán trực tuyến; hãy nộp phí tại Bộ phận Một cửa.",
		"Online payment is not set up here; please pay the fee at the one-stop counter.")
	errNotPayer = apperr.New(apperr.Forbidden, "payment_owner_only",
		"Chỉ người nộp hồ sơ thanh toán trực tuyến cho hồ sơ của mình.",
		"Only the applicant pays their own dossier online.")
	errNothingToPay = apperr.New(apperr.Invalid, "payment_not_requested",
		"Hồ sơ không có khoản phí nào đang chờ nộp.",
		"The dossier has no fee waiting to be paid.")
	errPaymentNotPaid = apperr.New(apperr.NotFound, "receipt_not_found",
		"Chưa có biên lai: giao dịch này chưa được thanh toán.",
		"No receipt: this payment has not been paid.")
)

// PaymentLinks are the addresses a gateway needs, built by the transport
// from the public base URL.
type PaymentLinks struct {
	ReturnURL  string // /pay/return on this site
	NotifyBase string // public base URL; the callback is NotifyBase/api/v1/payments/{provider}/callback
	ClientIP   string
	Locale     string
}

// StartedPayment is a new payment and where to send the browser.
type StartedPayment struct {
	Payment     model.Payment
	RedirectURL string
}

// StartPayment opens an online payment of the amount a dossier's owner was
// asked to pay (request_payment) at the first configured gateway.
func (s *Fees) StartPayment(ctx context.Context, actor org.Actor, dossierID int64, links PaymentLinks) (*StartedPayment, error) {
	prov, ok := s.Payments.Default()
	if !ok {
		return nil, errPaymentOff
	}
	d, err := s.Dossier(ctx, actor, dossierID)
	if err != nil {
		return nil, err
	}
	if actor.Role != org.RoleCitizen || d.ApplicantUserID != actor.UserID {
		return nil, errNotPayer
	}
	if d.Status != dossier.PaymentRequested || d.PaymentDueVND <= 0 {
		return nil, errNothingToPay
	}
	now := s.Now().UTC().Truncate(time.Millisecond)
	p := model.Payment{Ref: newPaymentRef(d.ID), DossierID: d.ID, Provider: prov.Name(), AmountVND: d.PaymentDueVND,
		PayerUserID: actor.UserID, PayerName: actor.Name, CreatedAt: now, ExpiresAt: now.Add(PaymentWindow)}
	info := "Nop phi ho so " + d.Code
	if d.Code == "" {
		info = "Nop phi ho so so " + strconv.FormatInt(d.ID, 10)
	}
	var redirect string
	err = s.Store.InTx(ctx, func(tx *store.Tx) error {
		if err := tx.CreatePayment(ctx, &p); err != nil {
			return err
		}
		// Building the address inside the transaction leaves no payment row
		// behind when the gateway's request cannot be made.
		redirect, err = prov.PaymentURL(payment.Request{Ref: p.Ref, AmountVND: p.AmountVND, OrderInfo: info,
			ReturnURL: links.ReturnURL, NotifyURL: strings.TrimRight(links.NotifyBase, "/") + "/api/v1/payments/" + prov.Name() + "/callback",
			ClientIP: links.ClientIP, Locale: links.Locale, CreatedAt: now, ExpiresAt: p.ExpiresAt})
		if err != nil {
			return fmt.Errorf("service: payment request for dossier %d: %w", d.ID, err)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return &StartedPayment{Payment: p, RedirectURL: redirect}, nil
}

// newPaymentRef is unique without a sequence: the dossier ID and 64 random
// bits, letters and digits only as the gateways require.
func newPaymentRef(dossierID int64) string {
	b := make([]byte, 8)
	rand.Read(b)
	return "MC" + strconv.FormatInt(dossierID, 10) + "X" + strings.ToUpper(hex.EncodeToString(b))
}

// systemActor is the gateway acting through its verified callback.
func systemActor(provider string) org.Actor {
	return org.Actor{Role: org.RoleSystem, Username: "payment:" + provider, Name: "Cổng thanh toán " + provider, AllScope: true}
}

// settlementKey carries the gateway's result into the dossier transaction,
// where paymentEvent settles the payment together with the pay event.
type settlementKey struct{}

type gatewaySettlement struct {
	ref    string
	result payment.Result
}

// errSettledMeanwhile: the payment was settled by another notice between
// our check and our transaction; the pay event is rolled back.
var errSettledMeanwhile = errors.New("service: payment settled meanwhile")

// PaymentCallback handles a gateway's server-to-server notice: the signature,
// then the payment (known, same amount, not yet settled), then the pay action
// as the system actor, once, whatever the number of notices. It returns the
// provider, whose format the answer must take, and the verdict.
func (s *Fees) PaymentCallback(ctx context.Context, providerName string, params map[string][]string) (payment.Provider, payment.Ack, error) {
	prov, ok := s.Payments.Get(providerName)
	if !ok {
		return nil, payment.AckNotFound, apperr.New(apperr.NotFound, "payment_provider_unknown",
			"Không có cổng thanh toán này.", "There is no such payment gateway.")
	}
	res, err := prov.Verify(params)
	if err != nil {
		// Refused notices are logged without their parameters: they may be
		// anyone's, and carry nothing we trust.
		s.Log.Warn("payment callback refused", "provider", providerName, "err", err)
		return prov, payment.AckBadSignature, nil
	}
	p, err := s.Store.PaymentByRef(ctx, res.Ref)
	if errors.Is(err, model.ErrNotFound) || (err == nil && p.Provider != prov.Name()) {
		return prov, payment.AckNotFound, nil
	} else if err != nil {
		return prov, payment.AckError, err
	}
	if res.AmountVND != p.AmountVND {
		s.Log.Warn("payment callback amount differs", "provider", providerName, "payment_id", p.ID)
		return prov, payment.AckAmountMismatch, nil
	}
	if p.Status != model.PaymentPending {
		return prov, payment.AckAlreadySettled, nil
	}
	if !res.Success {
		ack, err := s.settleOutside(ctx, p, res, model.PaymentFailed)
		return prov, ack, err
	}
	ack, err := s.applyOnlinePayment(ctx, prov.Name(), p, res)
	return prov, ack, err
}

// settleOutside records an outcome that does not touch the dossier.
func (s *Fees) settleOutside(ctx context.Context, p *model.Payment, res payment.Result, status string) (payment.Ack, error) {
	var ok bool
	err := s.Store.InTx(ctx, func(tx *store.Tx) error {
		var err error
		ok, err = tx.SettlePayment(ctx, p.Ref, model.Settlement{Status: status, ProviderTxn: res.TxnNo, ResultCode: res.Code, At: s.settledAt(res)})
		return err
	})
	if err != nil {
		return payment.AckError, err
	}
	if !ok {
		return payment.AckAlreadySettled, nil
	}
	return payment.AckOK, nil
}

func (s *Fees) settledAt(res payment.Result) time.Time {
	if !res.PaidAt.IsZero() {
		return res.PaidAt.UTC().Truncate(time.Millisecond)
	}
	return s.Now().UTC().Truncate(time.Millisecond)
}

// applyOnlinePayment takes the pay action with the payment's reference, the
// reference doubling as the idempotency key: concurrent notices wait on the
// key and replay the first one's outcome.
func (s *Fees) applyOnlinePayment(ctx context.Context, provider string, p *model.Payment, res payment.Result) (payment.Ack, error) {
	ctx = context.WithValue(ctx, settlementKey{}, gatewaySettlement{ref: p.Ref, result: res})
	in := dossiers.ActionInput{Action: string(dossier.ActPay), AmountVND: p.AmountVND, PaymentRef: p.Ref,
		Note: "Thanh toán trực tuyến qua " + provider + ", mã giao dịch " + res.TxnNo}
	key, hash := "payment:"+p.Ref, core.RequestHash("pay", p.Ref, strconv.FormatInt(p.AmountVND, 10))
	render := func(d *dossier.Dossier) ([]byte, error) {
		return json.Marshal(map[string]any{"dossier_id": d.ID, "status": d.Status, "payment_ref": p.Ref})
	}
	// Someone else may change the dossier between reading its version and
	// acting (a note, a transfer): read it again and retry a few times.
	for range 5 {
		d, err := s.Store.Dossier(ctx, p.DossierID)
		if err != nil {
			return payment.AckError, fmt.Errorf("service: payment %d: load dossier: %w", p.ID, err)
		}
		out, err := s.dossiers.Act(ctx, systemActor(provider), d.ID, d.Version, in, key, hash, render)
		switch {
		case err == nil && out.Replay:
			return payment.AckAlreadySettled, nil
		case err == nil:
			return payment.AckOK, nil
		case errors.Is(err, errSettledMeanwhile):
			return payment.AckAlreadySettled, nil
		case errors.Is(err, apperr.ErrStale):
			continue
		}
		if e, ok := apperr.As(err); ok && (e.Kind == apperr.Invalid || e.Kind == apperr.Forbidden) {
			// The gateway took the money but the dossier no longer waits for
			// it (paid at the counter, withdrawn, stopped): keep the record so
			// that the agency refunds it, and acknowledge the notice.
			s.Log.Warn("online payment not applied: refund due", "payment_id", p.ID, "dossier_id", p.DossierID, "reason", e.Code)
			return s.settleOutside(ctx, p, res, model.PaymentUnapplied)
		}
		return payment.AckError, err
	}
	return payment.AckError, fmt.Errorf("service: payment %d: dossier %d kept changing", p.ID, p.DossierID)
}

// paymentEvent runs in the transaction of every dossier event: a pay event
// carrying a payment reference settles that payment, so that the dossier is
// paid if and only if the payment is.
func (s *Fees) paymentEvent(ctx context.Context, tx *store.Tx, d *dossier.Dossier, ev dossier.Event) error {
	if ev.Action != dossier.ActPay {
		return nil
	}
	pay, _ := dossier.Decode[dossier.PaymentPayload](ev.Action, ev.Payload)
	ref := pay.PaymentRef
	if ref == "" {
		return nil // paid at the counter
	}
	st, ok := ctx.Value(settlementKey{}).(gatewaySettlement)
	if !ok || st.ref != ref {
		return fmt.Errorf("service: pay with payment reference outside a verified gateway callback")
	}
	p, err := tx.LockPayment(ctx, ref)
	if err != nil {
		return fmt.Errorf("service: settle payment: %w", err)
	}
	if p.DossierID != d.ID {
		return fmt.Errorf("service: payment %d belongs to dossier %d, not %d", p.ID, p.DossierID, d.ID)
	}
	at := s.settledAt(st.result)
	settled, err := tx.SettlePayment(ctx, ref, model.Settlement{Status: model.PaymentPaid, ProviderTxn: st.result.TxnNo,
		ResultCode: st.result.Code, ReceiptNo: receiptNo(p.ID, ev.At), At: at})
	if err != nil {
		return err
	}
	if !settled {
		return errSettledMeanwhile
	}
	return nil
}

// receiptNo numbers a receipt (biên lai): BL-<local date YYMMDD>-<payment
// ID>, unique because the payment ID is.
func receiptNo(paymentID int64, at time.Time) string {
	return fmt.Sprintf("BL-%s-%06d", at.In(calendar.Zone).Format("060102"), paymentID)
}
