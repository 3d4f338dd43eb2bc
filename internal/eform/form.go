// Package eform holds electronic declaration forms (tờ khai điện tử, "mẫu
// điện tử tương tác"): the procedure's own data a filing carries besides the
// applicant and the papers — the child's name, date and place of birth, the
// parents… A definition is data, JSON encoded, carried by a procedure
// version (so a dossier keeps the form it was filed with) and editable by an
// administrator; the validator turns submitted values into structured data
// or field errors. It knows nothing of HTTP or storage.
//
// Not yet called by the server: rendering and storing e-forms is issue 21 item 3, so deadcode lists this package until then.
package eform

import (
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/motcua/motcua/internal/apperr"
)

// Text is a label in both languages; a page shows the reader's only.
type Text struct {
	Vi string `json:"vi"`
	En string `json:"en"`
}

// In returns the text in lang ("en" or Vietnamese by default).
func (t Text) In(lang string) string {
	if lang == "en" {
		return t.En
	}
	return t.Vi
}

// Type is the kind of value a field takes.
type Type string

const (
	TypeText     Type = "text"      // one line
	TypeDate     Type = "date"      // a calendar date, stored as YYYY-MM-DD
	TypeNumber   Type = "number"    // a whole number
	TypeSelect   Type = "select"    // one of Options
	TypeCheckbox Type = "checkbox"  // ticked or not
	TypeIDNumber Type = "id_number" // personal ID number (số định danh cá nhân)
	TypePhone    Type = "phone"
	TypeAddress  Type = "address" // may span lines
)

var types = []Type{TypeText, TypeDate, TypeNumber, TypeSelect, TypeCheckbox, TypeIDNumber, TypePhone, TypeAddress}

// Option is one choice of a select.
type Option struct {
	Value string `json:"value"`
	Label Text   `json:"label"`
}

// Field is one input of the form.
type Field struct {
	Key      string   `json:"key"`
	Label    Text     `json:"label"`
	Type     Type     `json:"type"`
	Required bool     `json:"required,omitempty"`
	Help     Text     `json:"help,omitzero"`
	Options  []Option `json:"options,omitempty"`
	// MaxLen bounds text in characters; 0 takes the type's default.
	MaxLen int `json:"max_len,omitempty"`
	// Pattern is a regular expression the whole text value must match
	// (text, id_number, phone); Help should say what it expects.
	Pattern string `json:"pattern,omitempty"`
	// Min and Max bound numbers (integers) and dates: a date is YYYY-MM-DD,
	// "today", or "today-Ny" (N years before today: "today-20y" is the
	// latest birth date of someone aged 20).
	Min string `json:"min,omitempty"`
	Max string `json:"max,omitempty"`
	// NotBefore names another date of the form ("deceased.birth_date"):
	// this date may not be earlier (death after birth, a notice after the
	// death). Checked when both are filled.
	NotBefore string `json:"not_before,omitempty"`
}

// Group is a titled part of the form ("Thông tin trẻ", "Thông tin người
// mẹ"). An optional group (the father when not determined) may be left
// empty; once any of its fields is filled, its required fields are.
type Group struct {
	Key      string  `json:"key"`
	Label    Text    `json:"label"`
	Optional bool    `json:"optional,omitempty"`
	Fields   []Field `json:"fields"`
}

// Form is the definition of one procedure's e-form.
type Form struct {
	Procedure string `json:"procedure"` // the national procedure code
	Version   int    `json:"version"`   // of the definition, from 1
	Title     Text   `json:"title"`
	// Basis is the legal source of the form's content (the declaration
	// form it renders).
	Basis  string  `json:"basis,omitempty"`
	Groups []Group `json:"groups"`
}

// Size bounds. A form is a page a person fills in; these are far above any
// real declaration and keep a bad definition or submission small.
const (
	MaxGroups          = 30
	MaxFields          = 300
	MaxOptions         = 200
	MaxValueLen        = 2000 // characters of one value
	MaxSubmittedValues = 1000 // keys of one submission, form or not
	MaxDefinitionBytes = 256 << 10
)

// Default lengths by type, in characters.
var defaultMaxLen = map[Type]int{TypeText: 200, TypeAddress: 500, TypeIDNumber: 12, TypePhone: 15, TypeSelect: 100, TypeDate: 10, TypeNumber: 12, TypeCheckbox: 5}

// Name is the submitted name of a field: its group's key, a dot, its key
// ("child.full_name"). Field errors carry it.
func Name(g Group, f Field) string { return g.Key + "." + f.Key }

var (
	keyRe  = regexp.MustCompile(`^[a-z][a-z0-9_]{0,39}$`)
	codeRe = regexp.MustCompile(`^[0-9]{1,3}\.[0-9]{6}(\.[0-9A-Z]{1,8})?$`)
	dateRe = regexp.MustCompile(`^(today(-[0-9]{1,3}y)?|[0-9]{4}-[0-9]{2}-[0-9]{2})$`)
)

func defErr(code, vi, en string, args ...any) *apperr.Error {
	return apperr.Newf(apperr.Invalid, code, vi, en, args...)
}

// Check reports the first problem of a definition, for the administrator
// who edits it: a form that passes can be rendered and validated.
func (f *Form) Check() error {
	if !codeRe.MatchString(f.Procedure) {
		return defErr("eform_def_procedure", "Mẫu tờ khai: mã thủ tục %q không đúng dạng N.NNNNNN.", "E-form: procedure code %q is not of the form N.NNNNNN.", f.Procedure)
	}
	if f.Version < 1 {
		return defErr("eform_def_version", "Mẫu tờ khai %s: phiên bản phải từ 1.", "E-form %s: the version must be 1 or more.", f.Procedure)
	}
	if strings.TrimSpace(f.Title.Vi) == "" || strings.TrimSpace(f.Title.En) == "" {
		return defErr("eform_def_title", "Mẫu tờ khai %s: cần tên bằng tiếng Việt và tiếng Anh.", "E-form %s: a title in Vietnamese and in English is needed.", f.Procedure)
	}
	if len(f.Groups) == 0 || len(f.Groups) > MaxGroups {
		return defErr("eform_def_groups", "Mẫu tờ khai %s: cần từ 1 đến %d nhóm.", "E-form %s: 1 to %d groups are needed.", f.Procedure, MaxGroups)
	}
	fields := 0
	groups := map[string]bool{}
	for _, g := range f.Groups {
		if !keyRe.MatchString(g.Key) || groups[g.Key] {
			return defErr("eform_def_group_key", "Mẫu tờ khai %s: khóa nhóm %q không hợp lệ hoặc bị trùng.", "E-form %s: group key %q is malformed or repeated.", f.Procedure, g.Key)
		}
		groups[g.Key] = true
		if strings.TrimSpace(g.Label.Vi) == "" || strings.TrimSpace(g.Label.En) == "" {
			return defErr("eform_def_label", "Mẫu tờ khai %s: nhóm %q cần nhãn bằng tiếng Việt và tiếng Anh.", "E-form %s: group %q needs a label in Vietnamese and in English.", f.Procedure, g.Key)
		}
		if len(g.Fields) == 0 {
			return defErr("eform_def_empty_group", "Mẫu tờ khai %s: nhóm %q không có trường nào.", "E-form %s: group %q has no field.", f.Procedure, g.Key)
		}
		keys := map[string]bool{}
		for _, fd := range g.Fields {
			fields++
			if !keyRe.MatchString(fd.Key) || keys[fd.Key] {
				return defErr("eform_def_field_key", "Mẫu tờ khai %s: khóa trường %q của nhóm %q không hợp lệ hoặc bị trùng.", "E-form %s: field key %q of group %q is malformed or repeated.", f.Procedure, fd.Key, g.Key)
			}
			keys[fd.Key] = true
			if err := f.checkField(g.Key, fd); err != nil {
				return err
			}
		}
	}
	for _, g := range f.Groups {
		for _, fd := range g.Fields {
			if fd.NotBefore == "" {
				continue
			}
			other, ok := f.field(fd.NotBefore)
			if fd.Type != TypeDate || !ok || other.Type != TypeDate || fd.NotBefore == Name(g, fd) {
				og, of, _ := strings.Cut(fd.NotBefore, ".")
				return defErr("eform_def_not_before", "Mẫu tờ khai %s: trường %q chỉ so sánh được với một trường ngày khác của mẫu (nhóm %q, trường %q).",
					"E-form %s: field %q can only be compared with another date field of the form (group %q, field %q).", f.Procedure, fd.Key, og, of)
			}
		}
	}
	if fields > MaxFields {
		return defErr("eform_def_fields", "Mẫu tờ khai %s: quá %d trường.", "E-form %s: more than %d fields.", f.Procedure, MaxFields)
	}
	return nil
}

// checkField's messages name the field as "key" (group "key"): quoted
// identifiers read the same in both languages.
func (f *Form) checkField(group string, fd Field) error {
	where := func(code, vi, en string, args ...any) *apperr.Error {
		return defErr(code, "Mẫu tờ khai %[1]s, trường %[2]q (nhóm %[3]q): "+vi, "E-form %[1]s, field %[2]q (group %[3]q): "+en, append([]any{f.Procedure, fd.Key, group}, args...)...)
	}
	if strings.TrimSpace(fd.Label.Vi) == "" || strings.TrimSpace(fd.Label.En) == "" {
		return where("eform_def_label", "cần nhãn bằng tiếng Việt và tiếng Anh.", "a label in Vietnamese and in English is needed.")
	}
	if (fd.Help.Vi == "") != (fd.Help.En == "") {
		return where("eform_def_help", "hướng dẫn cần đủ hai ngôn ngữ.", "the help needs both languages.")
	}
	if !slices.Contains(types, fd.Type) {
		return where("eform_def_type", "kiểu %[4]q không được hỗ trợ.", "the type %[4]q is not supported.", fd.Type)
	}
	if fd.MaxLen < 0 || fd.MaxLen > MaxValueLen {
		return where("eform_def_max_len", "độ dài tối đa phải từ 0 đến %[4]d.", "the maximum length must be 0 to %[4]d.", MaxValueLen)
	}
	if (fd.Type == TypeSelect) != (len(fd.Options) > 0) || len(fd.Options) > MaxOptions {
		return where("eform_def_options", "chỉ trường chọn có danh sách lựa chọn (1 đến %[4]d), và trường chọn phải có.", "only a select has options (1 to %[4]d), and a select must.", MaxOptions)
	}
	seen := map[string]bool{}
	for _, o := range fd.Options {
		if o.Value == "" || seen[o.Value] || len(o.Value) > defaultMaxLen[TypeSelect] || o.Label.Vi == "" || o.Label.En == "" {
			return where("eform_def_option", "lựa chọn %[4]q trống, trùng hoặc thiếu nhãn.", "choice %[4]q is empty, repeated or lacks a label.", o.Value)
		}
		seen[o.Value] = true
	}
	if fd.Pattern != "" {
		if fd.Type != TypeText && fd.Type != TypeIDNumber && fd.Type != TypePhone {
			return where("eform_def_pattern", "mẫu kiểm tra chỉ dùng cho văn bản, số định danh và điện thoại.", "a pattern applies to text, ID numbers and phones only.")
		}
		if _, err := compile(fd.Pattern); err != nil {
			return where("eform_def_pattern", "mẫu kiểm tra không hợp lệ.", "the pattern is not a valid expression.")
		}
	}
	if fd.Min != "" || fd.Max != "" {
		switch fd.Type {
		case TypeNumber:
			lo, err1 := bound(fd.Min, minInt)
			hi, err2 := bound(fd.Max, maxInt)
			if err1 != nil || err2 != nil || lo > hi {
				return where("eform_def_bounds", "giới hạn phải là số nguyên, nhỏ trước lớn sau.", "the bounds must be whole numbers, the lower first.")
			}
		case TypeDate:
			for _, b := range []string{fd.Min, fd.Max} {
				if b != "" && !dateRe.MatchString(b) {
					return where("eform_def_bounds", "giới hạn ngày phải là YYYY-MM-DD, today hoặc today-Ny.", "the bounds must be YYYY-MM-DD, today or today-Ny.")
				}
			}
		default:
			return where("eform_def_bounds", "chỉ trường số và ngày có giới hạn.", "only numbers and dates have bounds.")
		}
	}
	return nil
}

// field finds a field by its submitted name.
func (f *Form) field(name string) (Field, bool) {
	for _, g := range f.Groups {
		for _, fd := range g.Fields {
			if Name(g, fd) == name {
				return fd, true
			}
		}
	}
	return Field{}, false
}

const (
	minInt = -1 << 53
	maxInt = 1 << 53
)

func bound(s string, def int64) (int64, error) {
	if s == "" {
		return def, nil
	}
	return strconv.ParseInt(s, 10, 64)
}

// compile anchors a pattern: it must match the whole value.
func compile(p string) (*regexp.Regexp, error) { return regexp.Compile(`^(?:` + p + `)$`) }

// Parse reads one definition (unknown keys refused: a misspelt "requried"
// must not silently make a field optional) and checks it.
func Parse(r io.Reader) (*Form, error) {
	dec := json.NewDecoder(io.LimitReader(r, MaxDefinitionBytes+1))
	dec.DisallowUnknownFields()
	var f Form
	if err := dec.Decode(&f); err != nil {
		return nil, fmt.Errorf("eform: definition is not a form: %w", err)
	}
	if err := f.Check(); err != nil {
		return nil, err
	}
	return &f, nil
}

// LoadDir parses every *.json file of fsys's root, one form each, and
// refuses two forms for one procedure.
func LoadDir(fsys fs.FS) ([]*Form, error) {
	names, err := fs.Glob(fsys, "*.json")
	if err != nil {
		return nil, err
	}
	var out []*Form
	seen := map[string]string{}
	for _, n := range names {
		fh, err := fsys.Open(n)
		if err != nil {
			return nil, err
		}
		f, err := Parse(fh)
		fh.Close()
		if err != nil {
			return nil, fmt.Errorf("eform: %s: %w", path.Base(n), err)
		}
		if other, dup := seen[f.Procedure]; dup {
			return nil, fmt.Errorf("eform: %s and %s both define procedure %s", other, n, f.Procedure)
		}
		seen[f.Procedure] = n
		out = append(out, f)
	}
	return out, nil
}
