package figures

import (
	"bytes"
	"cmp"
	"context"
	"fmt"
	"slices"

	"github.com/motcua/motcua/internal/apperr"
	"github.com/motcua/motcua/internal/org"
	"github.com/motcua/motcua/internal/report"
)

// SettlementGroup is one agency's part of a settlement report: its
// subtotal and its procedures' rows, by procedure code.
type SettlementGroup struct {
	Agency   org.Agency
	Subtotal PeriodCounts
	Rows     []SettlementRow
}

// GroupByAgency arranges by-procedure figures for the report: agencies in
// the figures' order, each with the sum of its procedures.
func GroupByAgency(st *Settlement) []SettlementGroup {
	var out []SettlementGroup
	at := map[int64]int{}
	for _, row := range st.Rows {
		i, ok := at[row.Agency.ID]
		if !ok {
			i = len(out)
			at[row.Agency.ID] = i
			out = append(out, SettlementGroup{Agency: row.Agency})
		}
		out[i].Subtotal = out[i].Subtotal.Add(row.Counts)
		out[i].Rows = append(out[i].Rows, row)
	}
	for i := range out {
		slices.SortStableFunc(out[i].Rows, func(a, b SettlementRow) int { return cmp.Compare(a.Procedure, b.Procedure) })
	}
	return out
}

// ProcedureName is the current name of a procedure, or its code when it is
// not in the catalog any more.
func (s *Figures) ProcedureName(ctx context.Context, code string) string {
	if p, err := s.ProcedureVersion(ctx, code, 0); err == nil && p.Name != "" {
		return p.Name
	}
	return code
}

// ReportTitle is the official title of the periodic report.
const ReportTitle = "BÁO CÁO TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH"

// ReportDocument is the printed report of by-procedure figures: the unit
// (the agency, or the province), the scope line, and each agency's subtotal
// followed by its procedures. Counter and postal receipts share a column, as
// on the official form.
func (s *Figures) ReportDocument(ctx context.Context, st *Settlement) report.Settlement {
	unit, scope := s.ProvinceName(), "Toàn tỉnh"
	if id := st.Query.AgencyID; id != 0 {
		a, _ := s.Agency(id)
		unit, scope = a.Name, a.Name
		for _, x := range s.Agencies() {
			if x.ParentID != nil && *x.ParentID == id {
				scope = a.Name + " và các cơ quan trực thuộc"
				break
			}
		}
	}
	doc := report.Settlement{Title: ReportTitle, Unit: unit, Scope: scope, From: st.Window.Start, To: st.Window.End, AsOf: st.Window.AsOf,
		Total: reportCounts(st.Total)}
	for _, g := range GroupByAgency(st) {
		doc.Rows = append(doc.Rows, report.Row{AgencyCode: g.Agency.Code, AgencyName: g.Agency.Name, Counts: reportCounts(g.Subtotal)})
		for _, row := range g.Rows {
			doc.Rows = append(doc.Rows, report.Row{AgencyCode: g.Agency.Code, AgencyName: g.Agency.Name,
				ProcedureCode: row.Procedure, ProcedureName: s.ProcedureName(ctx, row.Procedure), Counts: reportCounts(row.Counts)})
		}
	}
	return doc
}

func reportCounts(c PeriodCounts) report.Counts {
	return report.Counts{ReceivedOnline: c.ReceivedOnline, ReceivedDirect: c.ReceivedCounter + c.ReceivedPostal,
		CarriedOver: c.CarriedOver, SettledEarly: c.SettledEarly, SettledOnTime: c.SettledOnTime, SettledLate: c.SettledLate,
		OpenWithin: c.OpenWithin, OpenOverdue: c.OpenOverdue}
}

// ReportFile is a settlement report rendered for download.
type ReportFile struct {
	Name, MediaType string
	Body            []byte
}

// SettlementFile renders st as a workbook ("xlsx") or a PDF ("pdf"), named
// for its period; both transports serve it as it is.
func (s *Figures) SettlementFile(ctx context.Context, st *Settlement, format string) (ReportFile, error) {
	doc := s.ReportDocument(ctx, st)
	var buf bytes.Buffer
	f := ReportFile{MediaType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}
	var err error
	switch format {
	case "xlsx":
		err = report.WriteXLSX(&buf, doc)
	case "pdf":
		f.MediaType = "application/pdf"
		err = report.WritePDF(&buf, doc)
	default:
		return ReportFile{}, apperr.Newf(apperr.Invalid, "format_invalid",
			"Định dạng %q không có (xlsx, pdf).", "There is no format %q (xlsx, pdf).", format)
	}
	if err != nil {
		return ReportFile{}, fmt.Errorf("figures: render settlement %s: %w", format, err)
	}
	f.Name = "bao-cao-giai-quyet-tthc-" + st.Query.Period.From.String() + "-" + st.Query.Period.To.String() + "." + format
	f.Body = buf.Bytes()
	return f, nil
}
