package report

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// The delay report's workbook (issue 13 item 3): one sheet per view, the
// agency that made each late dossier late named on its row.
func TestWriteDelaysXLSX(t *testing.T) {
	d := Delays{
		Scope: "UBND tỉnh Bắc Ninh", From: time.Date(2026, 3, 1, 0, 0, 0, 0, ict), To: time.Date(2026, 4, 1, 0, 0, 0, 0, ict),
		Agencies: []DelayLine{{Name: "Sở Nông nghiệp và Môi trường", Steps: 1, Over: 1, OverHours: 16, LateDossiers: 1}, {Name: "Sở Tài chính", Steps: 8}},
		Roles:    []DelayLine{{Name: "Các Sở, ban, ngành cho ý kiến thẩm định", Steps: 1, Over: 1, OverHours: 16}},
		Officers: []DelayLine{{Name: "Nguyễn Văn Phân", Agency: "Sở Tài chính", Steps: 5, Over: 1, OverHours: 18.5}},
		Late:     []LateLine{{Code: "000.00.12.H05-260210-0001", Procedure: "Chấp thuận chủ trương đầu tư", Responsible: "Sở Nông nghiệp và Môi trường", Steps: "6. Cho ý kiến thẩm định (+16 giờ)"}},
	}
	var b bytes.Buffer
	if err := WriteDelaysXLSX(&b, d); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&b)
	if err != nil {
		t.Fatal(err)
	}
	for sheet, want := range map[string][]string{
		delaySheetAgencies: {"BÁO CÁO TRỄ HẠN THEO BƯỚC XỬ LÝ", "Hồ sơ giải quyết từ ngày 01/03/2026 đến ngày 31/03/2026", "1|Sở Nông nghiệp và Môi trường|1|1|16|1", "2|Sở Tài chính|8|0|0|0"},
		delaySheetRoles:    {"1|Các Sở, ban, ngành cho ý kiến thẩm định|1|1|16"},
		delaySheetOfficers: {"1|Nguyễn Văn Phân|Sở Tài chính|5|1|18.5"},
		delaySheetLate:     {"000.00.12.H05-260210-0001|Chấp thuận chủ trương đầu tư|Sở Nông nghiệp và Môi trường|6. Cho ý kiến thẩm định (+16 giờ)"},
	} {
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatalf("sheet %s: %v", sheet, err)
		}
		all := ""
		for _, r := range rows {
			all += strings.Join(r, "|") + "\n"
		}
		for _, w := range want {
			if !strings.Contains(all, w) {
				t.Errorf("sheet %s lacks %q:\n%s", sheet, w, all)
			}
		}
	}
	if err := WriteDelaysXLSX(&bytes.Buffer{}, Delays{}); err == nil {
		t.Fatal("a report without scope and period must be refused")
	}
}
