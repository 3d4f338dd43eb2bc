package report

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"time"

	"github.com/xuri/excelize/v2"
)

// Delays is the delay report of a scope and period, ready to print: the
// rows of the process package's DelayReport with the agencies, step roles
// and officers named (issue 13 item 3; Circular 01/2018 index 2).
type Delays struct {
	Scope    string    // the province, an agency or a commune
	From, To time.Time // [From, To): dossiers settled in the period
	Agencies []DelayLine
	Roles    []DelayLine
	Officers []DelayLine
	Late     []LateLine
}

// DelayLine is one agency, step role or officer.
type DelayLine struct {
	Name         string
	Agency       string // an officer's agency
	Steps, Over  int
	OverHours    float64
	LateDossiers int
}

// LateLine is one late dossier and the agency that made it late.
type LateLine struct {
	Code, Procedure, Responsible string
	Steps                        string // the steps that ran over, e.g. "6. Các Sở cho ý kiến (+16 giờ)"
}

// The worksheets of the delay report, Vietnamese like every report.
const (
	delaySheetAgencies = "Theo cơ quan"
	delaySheetRoles    = "Theo bước"
	delaySheetOfficers = "Theo công chức"
	delaySheetLate     = "Hồ sơ trễ hạn"
	delayTitle         = "BÁO CÁO TRỄ HẠN THEO BƯỚC XỬ LÝ"
)

func (d Delays) check() error {
	if clean(d.Scope) == "" || d.From.IsZero() || !d.To.After(d.From) {
		return errors.New("report: delay report needs its scope and a period")
	}
	return nil
}

func hours(h float64) string { return strconv.FormatFloat(h, 'f', -1, 64) }

// WriteDelaysXLSX writes the delay report, one worksheet per view.
func WriteDelaysXLSX(w io.Writer, d Delays) error {
	if err := d.check(); err != nil {
		return err
	}
	f := excelize.NewFile()
	defer f.Close()
	x := &xlsxWriter{f: f}
	x.do(f.SetDefaultFont(xlsxFont))
	period := "Hồ sơ giải quyết từ ngày " + d.From.In(ict).Format("02/01/2006") + " đến ngày " + d.To.Add(-time.Nanosecond).In(ict).Format("02/01/2006")
	sheet := func(name string, head []string, rows [][]string) {
		if name == delaySheetAgencies {
			x.do(f.SetSheetName("Sheet1", name))
		} else if _, err := f.NewSheet(name); err != nil {
			x.do(err)
		}
		for i, l := range []string{clean(d.Scope), delayTitle, period} {
			x.do(f.SetCellStr(name, cell(1, i+1), l))
		}
		for j, h := range head {
			x.do(f.SetCellStr(name, cell(j+1, 5), h))
			col, _ := excelize.ColumnNumberToName(j + 1)
			x.do(f.SetColWidth(name, col, col, 18))
		}
		for i, r := range rows {
			for j, v := range r {
				x.do(f.SetCellStr(name, cell(j+1, 6+i), v))
			}
		}
	}
	// line lays out agencies (with the late dossiers they caused), step
	// roles, or officers (with their agency).
	line := func(ls []DelayLine, agency, officer bool) [][]string {
		var out [][]string
		for i, l := range ls {
			r := []string{strconv.Itoa(i + 1), clean(l.Name)}
			if officer {
				r = append(r, clean(l.Agency))
			}
			r = append(r, strconv.Itoa(l.Steps), strconv.Itoa(l.Over), hours(l.OverHours))
			if agency {
				r = append(r, strconv.Itoa(l.LateDossiers))
			}
			out = append(out, r)
		}
		return out
	}
	counts := []string{"Số bước đã xử lý", "Số bước quá thời hạn", "Số giờ làm việc quá hạn"}
	sheet(delaySheetAgencies, append(append([]string{"STT", "Cơ quan"}, counts...), "Số hồ sơ trễ hạn do cơ quan"), line(d.Agencies, true, false))
	sheet(delaySheetRoles, append([]string{"STT", "Bước (người thực hiện)"}, counts...), line(d.Roles, false, false))
	sheet(delaySheetOfficers, append([]string{"STT", "Công chức", "Cơ quan"}, counts...), line(d.Officers, false, true))
	var late [][]string
	for i, l := range d.Late {
		late = append(late, []string{strconv.Itoa(i + 1), clean(l.Code), clean(l.Procedure), clean(l.Responsible), clean(l.Steps)})
	}
	sheet(delaySheetLate, []string{"STT", "Mã hồ sơ", "Thủ tục", "Cơ quan làm trễ hạn", "Các bước quá thời hạn"}, late)
	if x.err != nil {
		return fmt.Errorf("report: delay report xlsx: %w", x.err)
	}
	if err := f.Write(w); err != nil {
		return fmt.Errorf("report: write delay report xlsx: %w", err)
	}
	return nil
}
