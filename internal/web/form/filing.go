package form

import (
	"net/url"
	"strings"

	"github.com/motcua/motcua/internal/apperr"
	"github.com/motcua/motcua/internal/dossier"
	"github.com/motcua/motcua/internal/locale"
)

func init() {
	locale.Add(map[string][2]string{
		"cit.err_return":      {"Hãy chọn một cách nhận kết quả.", "Choose how to get the result."},
		"cit.err_postal_addr": {"Bạn chọn nhận kết quả qua bưu điện: hãy ghi địa chỉ nhận.", "You chose delivery by post: write the delivery address."},
	})
}

// Problem is a value of a form that breaks a rule: the id of the input it
// concerns, the message key of that input's label (for the summary at the
// top), and the client-safe error shown beside it.
type Problem struct {
	Field, Label string
	Err          error
}

// Filing is the citizen's online filing form (templates/citizen_file.html)
// less its papers, which the handler spools and uploads as they come.
type Filing struct {
	// Key is the idempotency key drawn with the page; empty when the post
	// had none fit to use, and the handler draws a new one.
	Key       string
	Applicant dossier.Applicant
	// Return is the result delivery as posted, drawn again as chosen.
	Return string
}

// ParseFiling reads the text fields of a filing post.
func ParseFiling(f url.Values) Filing {
	in := Filing{Key: strings.TrimSpace(f.Get("key")), Return: f.Get("return_method"),
		Applicant: dossier.Applicant{Name: f.Get("name"), IDNumber: strings.TrimSpace(f.Get("id_number")), Phone: strings.TrimSpace(f.Get("phone")),
			Email: strings.TrimSpace(f.Get("email")), Address: f.Get("address")}}
	if len(in.Key) > 64 {
		in.Key = ""
	}
	return in
}

// ReturnMethod is the delivery chosen, valid once Check found no problem.
func (f Filing) ReturnMethod() dossier.ReturnMethod { return dossier.ReturnMethod(f.Return) }

// Check runs the applicant's rules on each field alone, so that every wrong
// field is named at once rather than one per attempt, then the delivery's.
func (f Filing) Check() []Problem {
	var out []Problem
	valid := dossier.Applicant{Name: "A", IDNumber: "001090012345"}
	for i, af := range applicantFields {
		one := valid
		switch i {
		case 0:
			one.Name = f.Applicant.Name
		case 1:
			one.IDNumber = f.Applicant.IDNumber
		case 2:
			one.Phone = f.Applicant.Phone
		case 3:
			one.Email = f.Applicant.Email
		case 4:
			one.Address = f.Applicant.Address
		}
		if err := one.Normalize(); err != nil {
			out = append(out, Problem{Field: af.id, Label: af.label, Err: err})
		}
	}
	switch rm := f.ReturnMethod(); {
	case !rm.Valid():
		out = append(out, Problem{Field: "rm-online", Label: "dos.return", Err: keyed("return_method_invalid", "cit.err_return")})
	case rm == dossier.ReturnPostal && strings.TrimSpace(f.Applicant.Address) == "":
		out = append(out, Problem{Field: "f-address", Label: "cit.address", Err: keyed("postal_address_required", "cit.err_postal_addr")})
	}
	return out
}

// ApplicantProblem places a refusal of the applicant (by the domain or the
// service) beside the input it concerns, when it concerns one.
func ApplicantProblem(err error) (Problem, bool) {
	e, ok := apperr.As(err)
	if !ok {
		return Problem{}, false
	}
	for _, af := range applicantFields {
		if strings.HasPrefix(e.Code, af.prefix) {
			return Problem{Field: af.id, Label: af.label, Err: err}, true
		}
	}
	return Problem{}, false
}

// applicantFields maps the domain's applicant errors (by code prefix) to the
// form's inputs, in the form's order.
var applicantFields = []struct{ id, label, prefix string }{
	{"f-name", "cit.name", "applicant_name"},
	{"f-id", "cit.id_number", "applicant_id"},
	{"f-phone", "cit.phone", "applicant_phone"},
	{"f-email", "cit.email", "applicant_email"},
	{"f-address", "cit.address", "applicant_address"},
}

// keyed is a client-safe refusal whose texts are catalogue keys.
func keyed(code, key string) error {
	return apperr.New(apperr.Invalid, code, locale.Text(locale.VI, key), locale.Text(locale.EN, key))
}
