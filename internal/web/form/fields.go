package form

import (
	"net/url"
	"strconv"
	"strings"

	"github.com/motcua/motcua/internal/apperr"
	"github.com/motcua/motcua/internal/locale"
)

func init() {
	locale.Add(map[string][2]string{
		"admin.id_bad": {"Giá trị đã chọn không hợp lệ.", "The selected value is not valid."},
	})
}

// Fields is a posted form less its anti-forgery token, which changes with
// the session: what a request hash covers, so that a form sent again hashes
// the same, and what a refused form draws again.
func Fields(posted url.Values) url.Values {
	out := url.Values{}
	for k, v := range posted {
		if k != "csrf" {
			out[k] = v
		}
	}
	return out
}

// ID reads a positive ID from a form field (a choice of agency, of parent);
// empty is 0, none chosen.
func ID(f url.Values, field string) (int64, error) {
	v := strings.TrimSpace(f.Get(field))
	if v == "" {
		return 0, nil
	}
	id, err := strconv.ParseInt(v, 10, 64)
	if err != nil || id <= 0 {
		return 0, apperr.New(apperr.Invalid, "id_invalid", locale.Text(locale.VI, "admin.id_bad"), locale.Text(locale.EN, "admin.id_bad"))
	}
	return id, nil
}
