package eform

import (
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/motcua/motcua/internal/apperr"
	"github.com/motcua/motcua/internal/textfold"
	"github.com/motcua/motcua/internal/textin"
)

// Data is a validated submission: group key → field key → value, where a
// value is a string (text, date as YYYY-MM-DD, select value, ID number,
// phone, address), an int64 (number) or a bool (checkbox). Fields left
// empty are absent. It is what the dossier stores and what is later sent to
// DVCQG as the e-form data.
type Data map[string]map[string]any

// Same rules as the applicant's (dossier.Applicant): a citizen ID (CCCD) has
// 12 digits, the old ID card 9; phones are Vietnamese numbers.
var (
	idNumberRe = regexp.MustCompile(`^([0-9]{12}|[0-9]{9})$`)
	phoneRe    = regexp.MustCompile(`^(\+84|0)[0-9]{9,10}$`)
	yearsRe    = regexp.MustCompile(`^today-([0-9]{1,3})y$`)
)

// Validate checks submitted values against the form and returns the
// cleaned data, or one error per faulty field (each with its field name,
// see Name). Keys of values that are not the form's are ignored: a page
// posts the applicant's fields along. today is the filing day in the
// agency's time zone; "today" in date bounds is that day.
func (f *Form) Validate(values map[string]string, today time.Time) (Data, []*apperr.Error) {
	if len(values) > MaxSubmittedValues {
		return nil, []*apperr.Error{apperr.Newf(apperr.Invalid, "eform_too_many_values",
			"Tờ khai gửi quá nhiều giá trị (tối đa %d).", "The form sent too many values (%d at most).", MaxSubmittedValues)}
	}
	day := time.Date(today.Year(), today.Month(), today.Day(), 0, 0, 0, 0, time.UTC)
	data := Data{}
	var errs []*apperr.Error
	for _, g := range f.Groups {
		out := map[string]any{}
		cleaned := map[string]string{}
		filled := false
		for _, fd := range g.Fields {
			v := clean(fd.Type, values[Name(g, fd)])
			cleaned[fd.Key] = v
			if v != "" && !(fd.Type == TypeCheckbox && !truthy(v)) {
				filled = true
			}
		}
		for _, fd := range g.Fields {
			name := Name(g, fd)
			v := cleaned[fd.Key]
			required := fd.Required && (!g.Optional || filled)
			val, err := fd.value(v, required, day)
			if err != nil {
				errs = append(errs, err.On(name))
				continue
			}
			if val != nil {
				out[fd.Key] = val
			}
		}
		if len(out) > 0 {
			data[g.Key] = out
		}
	}
	errs = append(errs, f.checkOrder(data)...)
	if len(errs) > 0 {
		return nil, errs
	}
	return data, nil
}

// checkOrder applies NotBefore to the dates both filled and valid.
func (f *Form) checkOrder(data Data) []*apperr.Error {
	var errs []*apperr.Error
	for _, g := range f.Groups {
		for _, fd := range g.Fields {
			if fd.NotBefore == "" {
				continue
			}
			this, ok1 := data[g.Key][fd.Key].(string)
			og, ok := f.group(fd.NotBefore)
			if !ok {
				continue
			}
			other, _ := f.field(fd.NotBefore)
			that, ok2 := data[og][other.Key].(string)
			// ISO dates compare as strings.
			if ok1 && ok2 && this < that {
				errs = append(errs, apperr.Newf(apperr.Invalid, "eform_date_order", "“%[1]s” không được trước “%[3]s”.",
					"“%[2]s” cannot be before “%[4]s”.", fd.Label.Vi, fd.Label.En, other.Label.Vi, other.Label.En).On(Name(g, fd)))
			}
		}
	}
	return errs
}

// group is the group key of a submitted name.
func (f *Form) group(name string) (string, bool) {
	g, _, ok := strings.Cut(name, ".")
	return g, ok
}

// clean normalises a raw value: NFC, surrounding space trimmed; a phone
// loses its separators. Lines of an address keep their breaks.
func clean(t Type, v string) string {
	v = textfold.NFC(v)
	switch t {
	case TypePhone:
		v = strings.NewReplacer(" ", "", ".", "", "-", "").Replace(v)
	case TypeIDNumber:
		v = strings.ReplaceAll(v, " ", "")
	case TypeText:
		v = strings.Join(strings.Fields(v), " ")
	}
	return v
}

func truthy(v string) bool {
	switch strings.ToLower(v) {
	case "on", "true", "1", "yes", "co", "có":
		return true
	}
	return false
}

func (fd Field) value(v string, required bool, day time.Time) (any, *apperr.Error) {
	vi, en := fd.Label.Vi, fd.Label.En
	if fd.Type == TypeCheckbox {
		switch {
		case v == "" || strings.EqualFold(v, "false") || v == "0" || strings.EqualFold(v, "off"):
			if required {
				return nil, fieldErr("eform_must_tick", "Cần đánh dấu “%[1]s”.", "Tick “%[2]s”.", vi, en)
			}
			return false, nil
		case truthy(v):
			return true, nil
		}
		return nil, fieldErr("eform_checkbox_invalid", "“%[1]s” chỉ nhận có hoặc không.", "“%[2]s” takes yes or no only.", vi, en)
	}
	if v == "" {
		if required {
			return nil, fieldErr("eform_required", "Cần nhập “%[1]s”.", "“%[2]s” is required.", vi, en)
		}
		return nil, nil
	}
	max := fd.MaxLen
	if max == 0 {
		max = defaultMaxLen[fd.Type]
	}
	if n := utf8.RuneCountInString(v); n > max {
		return nil, apperr.Newf(apperr.Invalid, "eform_too_long", "“%[1]s” quá dài (tối đa %[3]d ký tự, đã nhập %[4]d).",
			"“%[2]s” is too long (%[3]d characters at most, %[4]d given).", vi, en, max, n)
	}
	check := textin.Name
	if fd.Type == TypeAddress {
		check = textin.Block
	}
	if p, ok := check(v); !ok {
		return nil, apperr.Newf(apperr.Invalid, "eform_text_invalid", "“%[1]s” %[3]s.", "“%[2]s” %[4]s.", vi, en, p.Vi(), p.En())
	}
	if fd.Pattern != "" {
		re, err := compile(fd.Pattern)
		if err != nil || !re.MatchString(v) {
			return nil, withHelp(fieldErr("eform_pattern", "“%[1]s” không đúng định dạng.", "“%[2]s” is not in the expected format.", vi, en), fd.Help)
		}
	}
	switch fd.Type {
	case TypeText, TypeAddress:
		return v, nil
	case TypeSelect:
		for _, o := range fd.Options {
			if o.Value == v {
				return v, nil
			}
		}
		return nil, fieldErr("eform_option_invalid", "Giá trị của “%[1]s” không có trong danh sách.", "The value of “%[2]s” is not one of its choices.", vi, en)
	case TypeIDNumber:
		if fd.Pattern == "" && !idNumberRe.MatchString(v) {
			return nil, fieldErr("eform_id_invalid", "“%[1]s” không hợp lệ: số định danh cá nhân (CCCD) gồm 12 chữ số, CMND cũ 9 chữ số.",
				"“%[2]s” is invalid: a personal ID number (CCCD) has 12 digits, an old ID card 9.", vi, en)
		}
		return v, nil
	case TypePhone:
		if fd.Pattern == "" && !phoneRe.MatchString(v) {
			return nil, fieldErr("eform_phone_invalid", "“%[1]s” không hợp lệ (ví dụ 0912345678).", "“%[2]s” is invalid (for example 0912345678).", vi, en)
		}
		return v, nil
	case TypeNumber:
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			return nil, fieldErr("eform_number_invalid", "“%[1]s” phải là một số nguyên.", "“%[2]s” must be a whole number.", vi, en)
		}
		lo, _ := bound(fd.Min, minInt)
		hi, _ := bound(fd.Max, maxInt)
		if n < lo || n > hi {
			return nil, apperr.Newf(apperr.Invalid, "eform_number_range", "“%[1]s” phải từ %[3]d đến %[4]d.", "“%[2]s” must be %[3]d to %[4]d.", vi, en, lo, hi)
		}
		return n, nil
	case TypeDate:
		d, ok := parseDate(v)
		if !ok {
			return nil, fieldErr("eform_date_invalid", "“%[1]s” không phải ngày hợp lệ (ngày/tháng/năm).", "“%[2]s” is not a valid date (day/month/year).", vi, en)
		}
		if lo, ok := dateBound(fd.Min, day); ok && d.Before(lo) {
			return nil, apperr.Newf(apperr.Invalid, "eform_date_too_early", "“%[1]s” không được trước ngày %[3]s.", "“%[2]s” cannot be before %[4]s.", vi, en, lo.Format("02/01/2006"), lo.Format("2006-01-02"))
		}
		if hi, ok := dateBound(fd.Max, day); ok && d.After(hi) {
			return nil, apperr.Newf(apperr.Invalid, "eform_date_too_late", "“%[1]s” không được sau ngày %[3]s.", "“%[2]s” cannot be after %[4]s.", vi, en, hi.Format("02/01/2006"), hi.Format("2006-01-02"))
		}
		return d.Format("2006-01-02"), nil
	}
	return nil, fieldErr("eform_type_unknown", "“%[1]s” có kiểu không được hỗ trợ.", "“%[2]s” has an unsupported type.", vi, en)
}

func fieldErr(code, vi, en, labelVi, labelEn string) *apperr.Error {
	return apperr.Newf(apperr.Invalid, code, vi, en, labelVi, labelEn)
}

// withHelp appends the field's own help, which says what the format is.
func withHelp(e *apperr.Error, h Text) *apperr.Error {
	if h.Vi != "" {
		e.MessageVi += " " + h.Vi
		e.Message += " " + h.En
	}
	return e
}

// parseDate reads the HTML date input's YYYY-MM-DD and the Vietnamese
// day/month/year (30/11/2026, 1/2/2026).
func parseDate(v string) (time.Time, bool) {
	for _, layout := range []string{"2006-01-02", "2/1/2006", "02/01/2006"} {
		if d, err := time.Parse(layout, v); err == nil {
			return d, true
		}
	}
	return time.Time{}, false
}

func dateBound(b string, day time.Time) (time.Time, bool) {
	switch {
	case b == "":
		return time.Time{}, false
	case b == "today":
		return day, true
	}
	if m := yearsRe.FindStringSubmatch(b); m != nil {
		n, _ := strconv.Atoi(m[1])
		return day.AddDate(-n, 0, 0), true
	}
	d, err := time.Parse("2006-01-02", b)
	return d, err == nil
}

// Values turns stored data back into submitted values (the inverse of
// Validate), so that a page shows a filed form again for correction or
// supplementation. Dates come back as YYYY-MM-DD, the HTML date input's
// value; a ticked checkbox as "on".
func (f *Form) Values(d Data) map[string]string {
	out := map[string]string{}
	for _, g := range f.Groups {
		for _, fd := range g.Fields {
			v, ok := d[g.Key][fd.Key]
			if !ok {
				continue
			}
			switch x := v.(type) {
			case string:
				out[Name(g, fd)] = x
			case int64:
				out[Name(g, fd)] = strconv.FormatInt(x, 10)
			case float64: // data read back from JSON
				out[Name(g, fd)] = strconv.FormatFloat(x, 'f', -1, 64)
			case bool:
				if x {
					out[Name(g, fd)] = "on"
				}
			}
		}
	}
	return out
}
