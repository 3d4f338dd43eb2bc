package figures

import (
	"context"
	"strings"

	"github.com/motcua/motcua/internal/apperr"
	"github.com/motcua/motcua/internal/dossier"
	"github.com/motcua/motcua/internal/org"
	"github.com/motcua/motcua/internal/report"
	"github.com/motcua/motcua/internal/store"
)

var (
	errBookScope = apperr.New(apperr.Forbidden, "book_scope",
		"Sổ theo dõi hồ sơ do bộ phận một cửa của cơ quan tiếp nhận giữ; chỉ cán bộ của cơ quan đó xem được.",
		"The tracking book is kept by the receiving agency's one-stop section; only its staff see it.")
	errBookTooLong = apperr.New(apperr.Invalid, "book_too_long",
		"Kỳ này có quá nhiều hồ sơ cho một sổ; hãy chọn kỳ ngắn hơn (ví dụ một tháng).",
		"This period holds too many dossiers for one book; choose a shorter one (e.g. a month).")
)

// TrackingBook is the one-stop section's book (Sổ theo dõi hồ sơ: Form 06 of
// Circular 01/2018, Form 07 of Circular 03/2025) of the dossiers an agency
// received in a period. It carries the applicant's address and phone, as the
// official columns do, so only the agency's own staff who see personal data
// in full may print it (org.AccessPolicy).
func (s *Figures) TrackingBook(ctx context.Context, actor org.Actor, agencyID int64, p Period) (report.Book, error) {
	a, ok := s.Agency(agencyID)
	if !ok {
		return report.Book{}, apperr.New(apperr.Invalid, "agency_unknown", "Không có cơ quan này.", "There is no such agency.")
	}
	if !actor.Role.Staff() || org.AccessOf(actor.Role).Shown != org.ShownFull || actor.AllScope || !actor.Covers(agencyID) {
		return report.Book{}, errBookScope
	}
	from, to := p.Bounds()
	ds, evs, err := s.Store.ReceivedBetween(ctx, agencyID, from, to)
	if err != nil {
		return report.Book{}, err
	}
	if len(ds) > store.MaxBookRows {
		return report.Book{}, errBookTooLong
	}
	book := report.Book{Unit: a.Name, From: from, To: to}
	if a.ParentID != nil {
		if parent, ok := s.Agency(*a.ParentID); ok {
			book.Parent = parent.Name
		}
	}
	names := map[string]string{} // a month holds a few procedures many times over
	for _, d := range ds {
		name, ok := names[d.ProcedureCode]
		if !ok {
			name = s.ProcedureName(ctx, d.ProcedureCode)
			names[d.ProcedureCode] = name
		}
		row := report.BookRow{Code: d.Code, Procedure: name, Sets: 1,
			Applicant: d.Applicant.Name, Contact: strings.Trim(d.Applicant.Address+"; "+d.Applicant.Phone, "; ")}
		if h, ok := s.Agency(d.ProcessingAgencyID); ok {
			row.Agency = h.Name
		}
		if d.ReceivedAt != nil {
			row.Received = *d.ReceivedAt
		}
		if d.DueAt != nil {
			row.Due = *d.DueAt
		}
		for _, e := range evs[d.ID] {
			switch dossier.Action(e.Action) {
			case dossier.ActTransfer:
				if row.Transferred.IsZero() {
					row.Transferred = e.At
				}
			case dossier.ActApprove, dossier.ActReject:
				row.ResultIn = e.At
				if e.Action == string(dossier.ActReject) {
					row.Note = "Từ chối giải quyết"
				}
			case dossier.ActStop:
				row.Note = "Dừng giải quyết"
			case dossier.ActReturnResult:
				row.Returned = e.At
			}
		}
		book.Rows = append(book.Rows, row)
	}
	return book, nil
}
