package form

import (
	"net/url"
	"strconv"
	"strings"

	"github.com/motcua/motcua/internal/apperr"
	"github.com/motcua/motcua/internal/catalog"
	"github.com/motcua/motcua/internal/locale"
	"github.com/motcua/motcua/internal/service"
)

func init() {
	locale.Add(map[string][2]string{
		"admin.fee_bad":    {"Phí, lệ phí phải là số nguyên đồng không âm, ví dụ 50000.", "The fee must be a whole, non-negative number of dong (VND), e.g. 50000."},
		"admin.amount_bad": {"Thời hạn phải là một số nguyên.", "The time limit must be a whole number."},
	})
}

// ParseProcedureEdit reads the local edit of a procedure
// (templates/admin_procedure.html): its time limit, fee and papers.
func ParseProcedureEdit(f url.Values) (service.ProcedureEdit, error) {
	e := service.ProcedureEdit{TimeLimit: catalog.TimeLimit{Unit: f.Get("unit")}, FeeNote: f.Get("fee_note"),
		OnlineLevel: f.Get("online_level"), Subjects: f.Get("subjects")}
	e.Version, _ = strconv.Atoi(f.Get("version"))
	if v := strings.TrimSpace(f.Get("amount")); v != "" && e.TimeLimit.Unit != catalog.UnitSameDay {
		n, err := strconv.Atoi(v)
		if err != nil {
			return e, apperr.New(apperr.Invalid, "time_limit_amount_invalid", locale.Text(locale.VI, "admin.amount_bad"), locale.Text(locale.EN, "admin.amount_bad"))
		}
		e.TimeLimit.Amount = n
	}
	var err error
	if e.FeeVND, err = parseFee(f.Get("fee")); err != nil {
		return e, err
	}
	if e.Components, err = service.ParseComponents(f.Get("components")); err != nil {
		return e, err
	}
	return e, nil
}

// parseFee reads whole đồng, allowing dots or spaces between thousands.
func parseFee(v string) (int64, error) {
	v = strings.NewReplacer(".", "", " ", "", "\u00a0", "").Replace(strings.TrimSpace(v))
	if v == "" {
		return 0, nil
	}
	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil || n < 0 {
		return 0, apperr.New(apperr.Invalid, "fee_invalid", locale.Text(locale.VI, "admin.fee_bad"), locale.Text(locale.EN, "admin.fee_bad"))
	}
	return n, nil
}
