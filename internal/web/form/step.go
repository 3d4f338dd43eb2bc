package form

import (
	"net/url"
	"strconv"
	"strings"

	"github.com/motcua/motcua/internal/apperr"
	"github.com/motcua/motcua/internal/locale"
	"github.com/motcua/motcua/internal/service"
)

func init() {
	locale.Add(map[string][2]string{
		"steps.bad_number": {"Số %q không hợp lệ.", "%q is not a valid number."},
	})
}

// parseStep reads the step form's movement (templates/_steps.html): the
// step a return goes back to and the specialist assigned, when given.
func parseStep(f url.Values, in *service.ActionInput) error {
	num := func(field string) (int64, error) {
		v := strings.TrimSpace(f.Get(field))
		if v == "" {
			return 0, nil
		}
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil || n < 0 {
			return 0, apperr.New(apperr.Invalid, "number_invalid", locale.Text(locale.VI, "steps.bad_number", v), locale.Text(locale.EN, "steps.bad_number", v)).On(field)
		}
		return n, nil
	}
	to, err := num("to_step")
	if err != nil {
		return err
	}
	who, err := num("assignee")
	if err != nil {
		return err
	}
	in.ToStep, in.Assignee = int(to), who
	return nil
}
