package web

import (
	"bytes"
	"net/http"
	"net/url"
	"strings"

	"github.com/motcua/motcua/internal/api"
	"github.com/motcua/motcua/internal/dossier"
	"github.com/motcua/motcua/internal/forms"
	"github.com/motcua/motcua/internal/model"
	"github.com/motcua/motcua/internal/org"
	"github.com/motcua/motcua/internal/payment"
	"github.com/motcua/motcua/internal/service"
)

// Online payment of fees for citizens (RULES-VN.md §1.4; 766 indicator 3.6):
// a button on the dossier page sends them to the gateway; the return page
// says what happened; receipts (biên lai) are pages and PDFs. Only the
// gateway's callback (internal/api/payment.go) changes a dossier.

func init() {
	addMessages(map[string][2]string{
		"pay.online":           {"Thanh toán trực tuyến", "Pay online"},
		"pay.online_hint":      {"Bạn sẽ được chuyển sang cổng thanh toán để nộp %s; sau khi thanh toán, hồ sơ tự chuyển tiếp xử lý.", "You will be taken to the payment gateway to pay %s; once paid, the dossier goes on by itself."},
		"pay.history_link":     {"Thanh toán và biên lai", "Payments and receipts"},
		"pay.list_title":       {"Thanh toán phí, lệ phí", "Fee payments"},
		"pay.due":              {"Số tiền phải nộp: %s", "Amount due: %s"},
		"pay.nothing_due":      {"Hồ sơ không có khoản phí nào đang chờ nộp.", "Nothing is waiting to be paid on this dossier."},
		"pay.none":             {"Chưa có giao dịch thanh toán trực tuyến nào.", "No online payment yet."},
		"pay.off":              {"Cơ quan chưa kết nối cổng thanh toán trực tuyến; hãy nộp phí tại Bộ phận Một cửa.", "Online payment is not set up here; please pay the fee at the one-stop counter."},
		"pay.col_created":      {"Tạo lúc", "Started"},
		"pay.col_amount":       {"Số tiền", "Amount"},
		"pay.col_status":       {"Kết quả", "Outcome"},
		"pay.col_receipt":      {"Biên lai", "Receipt"},
		"pay.status.pending":   {"Đang chờ cổng thanh toán xác nhận", "Waiting for the gateway"},
		"pay.status.paid":      {"Đã thanh toán", "Paid"},
		"pay.status.failed":    {"Không thành công hoặc đã hủy", "Failed or cancelled"},
		"pay.status.unapplied": {"Đã trừ tiền nhưng hồ sơ không còn chờ nộp phí: cơ quan sẽ hoàn tiền", "Charged, but the dossier no longer awaited the fee: the agency will refund it"},
		"pay.return_title":     {"Kết quả thanh toán", "Payment result"},
		"pay.return_paid":      {"Thanh toán thành công. Hồ sơ đã được chuyển tiếp xử lý.", "Payment received. The dossier goes on."},
		"pay.return_pending":   {"Cổng thanh toán báo đã trừ tiền; hệ thống đang chờ xác nhận chính thức. Tải lại trang sau ít phút.", "The gateway reports the payment; we are waiting for its official confirmation. Reload in a few minutes."},
		"pay.return_failed":    {"Thanh toán không thành công hoặc đã bị hủy; chưa có khoản tiền nào bị trừ. Bạn có thể thanh toán lại.", "The payment failed or was cancelled; nothing was charged. You can try again."},
		"pay.return_unapplied": {"Cổng thanh toán đã trừ tiền nhưng hồ sơ không còn chờ nộp phí; cơ quan sẽ liên hệ để hoàn tiền.", "The gateway charged you but the dossier no longer awaited the fee; the agency will contact you to refund it."},
		"pay.try_again":        {"Thanh toán lại", "Try again"},
		"pay.to_dossier":       {"Về trang hồ sơ", "Back to the dossier"},
		"pay.receipt_title":    {"Biên lai thu phí, lệ phí", "Fee receipt"},
		"pay.receipt_no":       {"Số biên lai", "Receipt number"},
		"pay.code":             {"Mã hồ sơ", "Dossier code"},
		"pay.procedure":        {"Thủ tục", "Procedure"},
		"pay.payer":            {"Người nộp", "Payer"},
		"pay.amount":           {"Số tiền", "Amount"},
		"pay.in_words":         {"Bằng chữ", "In words"},
		"pay.gateway":          {"Cổng thanh toán", "Gateway"},
		"pay.txn":              {"Mã giao dịch", "Transaction number"},
		"pay.paid_at":          {"Thời điểm thanh toán", "Paid at"},
		"pay.receipt_pdf":      {"Tải biên lai (PDF)", "Download the receipt (PDF)"},
		"pay.view_receipt":     {"Xem biên lai %s", "View receipt %s"},
	})
}

func (s *Server) paymentPages() {
	s.mux.HandleFunc("POST /my/dossiers/{id}/pay", s.require(s.form(s.byID(s.payStart)), org.RoleCitizen))
	s.mux.HandleFunc("GET /my/dossiers/{id}/payments", s.require(s.byID(s.payList), org.RoleCitizen))
	s.mux.HandleFunc("GET /pay/return", s.require(s.payReturn))
	s.mux.HandleFunc("GET /payments/{id}/receipt", s.require(s.byID(s.payReceipt)))
	s.mux.HandleFunc("GET /payments/{id}/receipt.pdf", s.require(s.byID(s.payReceiptPDF)))
	for _, p := range s.svc.Payments.All() {
		switch p := p.(type) {
		case *payment.Local:
			// The demo's gateway lives on this server, at a path.
			if strings.HasPrefix(p.CheckoutURL, "/") {
				s.mux.Handle(p.CheckoutURL, &payment.Peer{Gateway: p, Now: s.svc.Now})
			} else {
				s.allowFormTarget(p.CheckoutURL)
			}
		case *payment.VNPay:
			s.allowFormTarget(p.PayURL)
		}
	}
}

// allowFormTarget lets the browser follow the redirect after "Pay online"
// to the gateway: browsers apply the page's form-action to it.
func (s *Server) allowFormTarget(raw string) {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return
	}
	s.csp = strings.Replace(s.csp, "form-action 'self'", "form-action 'self' "+u.Scheme+"://"+u.Host, 1)
}

type payListData struct {
	D        *dossier.Dossier
	Payments []model.Payment
	CanPay   bool // payment_requested and a gateway configured
	Enabled  bool
}

func (s *Server) loadPayList(r *http.Request, sess *session, id int64) (*payListData, error) {
	d, err := s.svc.Dossier(r.Context(), sess.Actor, id)
	if err != nil {
		return nil, err
	}
	list, err := s.svc.DossierPayments(r.Context(), sess.Actor, id)
	if err != nil {
		return nil, err
	}
	enabled := s.svc.PaymentsEnabled()
	return &payListData{D: d, Payments: list, Enabled: enabled, CanPay: enabled && d.Status == dossier.PaymentRequested}, nil
}

func (s *Server) payList(w http.ResponseWriter, r *http.Request, sess *session, id int64) {
	data, err := s.loadPayList(r, sess, id)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "payment_list", s.newView(r, "pay.list_title", data))
}

// payStart opens a payment and sends the browser to the gateway; a refusal
// comes back on the payments page, in the citizen's language.
func (s *Server) payStart(w http.ResponseWriter, r *http.Request, sess *session, id int64) {
	links := api.PaymentLinks(r, s.opt.BaseURL, s.opt.ClientIP)
	if s.opt.BaseURL != "" {
		base := strings.TrimRight(s.opt.BaseURL, "/")
		links.ReturnURL, links.NotifyBase = base+"/pay/return", base
	}
	if langOf(r) == "en" {
		links.Locale = "en"
	}
	started, err := s.svc.StartPayment(r.Context(), sess.Actor, id, links)
	if err != nil {
		data, lerr := s.loadPayList(r, sess, id)
		if lerr != nil {
			s.renderError(w, r, lerr)
			return
		}
		v := s.newView(r, "pay.list_title", data)
		v.Error = v.ErrorText(err)
		s.render(w, r, s.httpStatus(r, err), "payment_list", v)
		return
	}
	http.Redirect(w, r, started.RedirectURL, http.StatusSeeOther)
}

type payReturnData struct {
	Payment model.Payment
	Outcome string // paid, pending, failed, unapplied
}

// payReturn shows what the gateway says happened. It changes nothing: when
// the callback has not arrived yet the page says so.
func (s *Server) payReturn(w http.ResponseWriter, r *http.Request, sess *session) {
	ret, err := s.svc.ReturnFromGateway(r.Context(), sess.Actor, r.URL.Query())
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	out := ret.Payment.Status
	if out == model.PaymentPending && !ret.Gateway.Success {
		out = model.PaymentFailed // the gateway said no; its notice may still be on its way
	}
	s.render(w, r, http.StatusOK, "payment_return", s.newView(r, "pay.return_title", &payReturnData{Payment: ret.Payment, Outcome: out}))
}

type payReceiptData struct {
	service.PaymentReceipt
	InWords string
}

func (s *Server) payReceipt(w http.ResponseWriter, r *http.Request, sess *session, id int64) {
	rc, err := s.svc.Receipt(r.Context(), sess.Actor, id)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	data := &payReceiptData{PaymentReceipt: *rc, InWords: forms.AmountInWords(rc.Payment.AmountVND)}
	s.render(w, r, http.StatusOK, "payment_receipt", s.newView(r, "pay.receipt_title", data))
}

func (s *Server) payReceiptPDF(w http.ResponseWriter, r *http.Request, sess *session, id int64) {
	rc, err := s.svc.Receipt(r.Context(), sess.Actor, id)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	d, p := rc.Dossier, rc.Payment
	f := &formData{s: s, r: r, d: d}
	agency := f.agency(d.ProcessingAgencyID)
	procName := d.ProcedureCode
	if proc, err := s.svc.ProcedureVersion(r.Context(), d.ProcedureCode, d.ProcedureVersion); err == nil {
		procName = proc.Name
	}
	paidAt := p.CreatedAt
	if p.SettledAt != nil {
		paidAt = *p.SettledAt
	}
	var buf bytes.Buffer
	err = forms.RenderPaymentReceipt(&buf, forms.PaymentReceipt{Agency: f.header(agency), Place: f.place(agency), Number: p.ReceiptNo,
		Code: d.Code, Procedure: procName, Payer: p.PayerName, AmountVND: p.AmountVND, Gateway: p.Provider, ProviderTxn: p.ProviderTxn, PaidAt: paidAt})
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	file := "bien-lai-" + p.ReceiptNo + ".pdf"
	sendPrivate(w, "application/pdf", file, int64(buf.Len()), &buf)
}
