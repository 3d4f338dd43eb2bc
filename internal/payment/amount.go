package payment

import "github.com/motcua/motcua/internal/apperr"

// MaxAmountVND bounds any sum asked of an applicant through the one-stop:
// ten billion đồng. Why this bound: the fees and charges (phí, lệ phí) of the
// procedures handled here are thousands to millions of đồng, so a larger sum is
// a typing error, not a fee; VNPay carries the amount in hundredths
// (vnp_Amount = đồng × 100), and an unbounded int64 overflowed there and
// failed at the gateway with a 500 after the dossier had been put in
// "payment requested". Checked where the amount is set (request_payment),
// before anything is stored.
const MaxAmountVND int64 = 10_000_000_000

// CheckAmount refuses an amount that is not a whole positive number of đồng
// within MaxAmountVND, naming the field.
func CheckAmount(field string, vnd int64) error {
	switch {
	case vnd <= 0:
		return apperr.Newf(apperr.Invalid, "amount_required",
			"Cần ghi số tiền phải nộp (%s: đồng, số nguyên dương).", "The amount to pay is required (%s: whole VND, positive).", field)
	case vnd > MaxAmountVND:
		return apperr.Newf(apperr.Invalid, "amount_too_large",
			"Số tiền %[1]s vượt mức tối đa %[2]d đồng cho một lần nộp.", "The amount %[1]s exceeds the maximum of %[2]d VND for one payment.", field, MaxAmountVND)
	}
	return nil
}
