package form

import (
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/motcua/motcua/internal/apperr"
	"github.com/motcua/motcua/internal/locale"
	"github.com/motcua/motcua/internal/service"
)

func init() {
	locale.Add(map[string][2]string{
		"aidx.bad_number": {"Tử số và mẫu số là số nguyên không âm.", "Numerator and denominator are whole numbers, not negative."},
	})
}

// IndexInput is one figure of the 766 index entered by hand
// (templates/admin_index.html): which agency, which month, which indicator.
type IndexInput struct {
	Agency string
	// Month is yyyymm; 0 when the form gave none that reads as a month
	// (the service says what that means).
	Month int32
	Input service.EnteredInput
	Note  string
}

// ParseIndexInput reads the entry form.
func ParseIndexInput(f url.Values) (IndexInput, error) {
	num, err1 := strconv.ParseInt(strings.TrimSpace(f.Get("numerator")), 10, 64)
	den, err2 := strconv.ParseInt(strings.TrimSpace(f.Get("denominator")), 10, 64)
	if err1 != nil || err2 != nil {
		return IndexInput{}, apperr.New(apperr.Invalid, "input_number", locale.Text(locale.VI, "aidx.bad_number"), locale.Text(locale.EN, "aidx.bad_number"))
	}
	in := IndexInput{Agency: f.Get("agency"), Note: f.Get("note"),
		Input: service.EnteredInput{Indicator: f.Get("indicator"), Numerator: num, Denominator: den}}
	if m, err := time.Parse("2006-01", strings.TrimSpace(f.Get("month"))); err == nil {
		in.Month = int32(m.Year()*100 + int(m.Month()))
	}
	return in, nil
}
