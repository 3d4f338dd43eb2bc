package web

import (
	"bytes"
	"net/http"

	"github.com/motcua/motcua/internal/apperr"
	"github.com/motcua/motcua/internal/org"
	"github.com/motcua/motcua/internal/report"
	"github.com/motcua/motcua/internal/service"
)

func init() {
	addMessages(map[string][2]string{
		"book.title":  {"Sổ theo dõi hồ sơ", "Tracking book"},
		"book.lead":   {"Sổ theo dõi hồ sơ (Mẫu 07, Thông tư 03/2025/TT-VPCP; Mẫu 06 theo Thông tư 01/2018) của các hồ sơ cơ quan tiếp nhận trong kỳ.", "The tracking book (Form 07 of Circular 03/2025; Form 06 of Circular 01/2018) of the dossiers received in the period."},
		"book.from":   {"Từ ngày", "From"},
		"book.to":     {"Đến ngày", "To"},
		"book.xlsx":   {"Tải Excel", "Download Excel"},
		"book.pdf":    {"Tải PDF", "Download PDF"},
		"book.format": {"Định dạng sổ phải là xlsx hoặc pdf.", "The book's format must be xlsx or pdf."},
	})
}

func (s *Server) trackingBookRoutes() {
	s.mux.HandleFunc("GET /counter/book", s.require(s.trackingBook, org.RoleCounter, org.RoleLeader))
}

// trackingBook sends the receiving agency's tracking book for a period (the
// current month by default) as XLSX or PDF; without a format it shows the
// choice of period.
func (s *Server) trackingBook(w http.ResponseWriter, r *http.Request, sess *session) {
	q := r.URL.Query()
	p, err := service.ParsePeriod(q.Get("from"), q.Get("to"), s.svc.Now())
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	format := q.Get("format")
	if format == "" {
		v := s.newView(r, "book.title", struct{ From, To string }{p.From.String(), p.To.String()})
		s.render(w, r, 200, "trackingbook", v)
		return
	}
	if format != "xlsx" && format != "pdf" {
		s.renderError(w, r, apperr.New(apperr.BadInput, "format_invalid", translate("vi", "book.format"), translate("en", "book.format")))
		return
	}
	book, err := s.svc.TrackingBook(r.Context(), sess.Actor, sess.Actor.AgencyID, p)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	var buf bytes.Buffer
	name := "so-theo-doi-ho-so-" + p.From.String() + "-" + p.To.String()
	if format == "xlsx" {
		err = report.WriteBookXLSX(&buf, book)
		name += ".xlsx"
	} else {
		err = report.WriteBookPDF(&buf, book)
		name += ".pdf"
	}
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	ct := "application/pdf"
	if format == "xlsx" {
		ct = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
	}
	sendPrivate(w, ct, name, int64(buf.Len()), &buf)
}
