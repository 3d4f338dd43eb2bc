package eform

import (
	"strconv"
	"time"
)

// Line is one filled field as a person reads it: the counter's check page,
// the receipt annex, the dossier page. The data is personal (names, ID
// numbers, dates of birth): it is shown to the applicant and to staff,
// never on public pages or in logs.
type Line struct {
	Group string // the group's label
	Label string
	Value string
}

// Display lists the filled fields of d in the form's order, in lang ("en"
// or Vietnamese): a select shows its choice's label, a date the reader's
// format, a checkbox yes or no. Fields not filled are left out.
func (f *Form) Display(d Data, lang string) []Line {
	var out []Line
	for _, g := range f.Groups {
		for _, fd := range g.Fields {
			v, ok := d[g.Key][fd.Key]
			if !ok {
				continue
			}
			if s := fd.show(v, lang); s != "" {
				out = append(out, Line{Group: g.Label.In(lang), Label: fd.Label.In(lang), Value: s})
			}
		}
	}
	return out
}

func (fd Field) show(v any, lang string) string {
	switch x := v.(type) {
	case bool:
		yes, no := "Có", "Không"
		if lang == "en" {
			yes, no = "Yes", "No"
		}
		if x {
			return yes
		}
		return no
	case int64:
		return strconv.FormatInt(x, 10)
	case float64: // read back from JSON
		return strconv.FormatFloat(x, 'f', -1, 64)
	case string:
		switch fd.Type {
		case TypeSelect:
			for _, o := range fd.Options {
				if o.Value == x {
					return o.Label.In(lang)
				}
			}
		case TypeDate:
			if d, err := time.Parse("2006-01-02", x); err == nil && lang != "en" {
				return d.Format("02/01/2006")
			}
		}
		return x
	}
	return ""
}
