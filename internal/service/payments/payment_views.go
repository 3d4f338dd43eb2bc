package payments

import (
	"context"
	"errors"

	"github.com/motcua/motcua/internal/apperr"
	"github.com/motcua/motcua/internal/dossier"
	"github.com/motcua/motcua/internal/model"
	"github.com/motcua/motcua/internal/org"
	"github.com/motcua/motcua/internal/payment"
)

// PaymentsEnabled tells pages whether to offer online payment.
func (s *Fees) PaymentsEnabled() bool {
	_, ok := s.Payments.Default()
	return ok
}

// DossierPayments lists the payments of a dossier the actor may see.
func (s *Fees) DossierPayments(ctx context.Context, actor org.Actor, dossierID int64) ([]model.Payment, error) {
	if _, err := s.Dossier(ctx, actor, dossierID); err != nil {
		return nil, err
	}
	return s.Store.DossierPayments(ctx, dossierID)
}

// PaymentReturn is what the browser's return from the gateway shows.
type PaymentReturn struct {
	Payment model.Payment // as recorded: only the callback changes it
	Gateway payment.Result
}

// ReturnFromGateway verifies the parameters the gateway put on the
// browser's return address and shows the payment as recorded. It changes
// nothing: the callback alone settles payments, because the return passes
// through the citizen's browser and may never arrive.
func (s *Fees) ReturnFromGateway(ctx context.Context, actor org.Actor, params map[string][]string) (*PaymentReturn, error) {
	var res payment.Result
	verified := false
	for _, prov := range s.Payments.All() {
		if r, err := prov.Verify(params); err == nil {
			res, verified = r, true
			break
		}
	}
	if !verified {
		return nil, apperr.New(apperr.Invalid, "payment_return_invalid",
			"Kết quả thanh toán gửi về không có chữ ký hợp lệ của cổng thanh toán; không có thay đổi nào. Hãy xem lại hồ sơ.",
			"The payment result that came back is not validly signed by the gateway; nothing changed. Check the dossier again.")
	}
	p, err := s.Store.PaymentByRef(ctx, res.Ref)
	if p, err = s.visiblePayment(ctx, actor, p, err); err != nil {
		return nil, err
	}
	return &PaymentReturn{Payment: *p, Gateway: res}, nil
}

// PaymentReceipt is a paid payment with its dossier, for the receipt.
type PaymentReceipt struct {
	Payment model.Payment
	Dossier *dossier.Dossier
}

// Receipt reads the receipt (biên lai) of a paid payment: for the payer and
// for staff who may see the dossier.
func (s *Fees) Receipt(ctx context.Context, actor org.Actor, paymentID int64) (*PaymentReceipt, error) {
	p, err := s.Store.Payment(ctx, paymentID)
	if p, err = s.visiblePayment(ctx, actor, p, err); err != nil {
		return nil, err
	}
	if p.Status != model.PaymentPaid {
		return nil, errPaymentNotPaid
	}
	d, err := s.Dossier(ctx, actor, p.DossierID)
	if err != nil {
		return nil, err
	}
	return &PaymentReceipt{Payment: *p, Dossier: d}, nil
}

// visiblePayment turns the result of loading a payment into what the actor
// may see: the payer, and staff who may see its dossier.
func (s *Fees) visiblePayment(ctx context.Context, actor org.Actor, p *model.Payment, err error) (*model.Payment, error) {
	if errors.Is(err, model.ErrNotFound) {
		return nil, apperr.ErrNotFound
	} else if err != nil {
		return nil, err
	}
	if actor.Role == org.RoleCitizen && p.PayerUserID != actor.UserID {
		return nil, apperr.ErrNotFound // another citizen must not learn the payment exists
	}
	if _, err := s.Dossier(ctx, actor, p.DossierID); err != nil {
		return nil, err
	}
	return p, nil
}
