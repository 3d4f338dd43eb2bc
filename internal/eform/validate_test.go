package eform_test

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/motcua/motcua/internal/apperr"
	"github.com/motcua/motcua/internal/demo/data"
	"github.com/motcua/motcua/internal/eform"
	"github.com/motcua/motcua/internal/langcheck"
)

var today = time.Date(2026, 12, 4, 9, 0, 0, 0, time.FixedZone("ICT", 7*3600))

func shippedForm(t *testing.T, code string) *eform.Form {
	t.Helper()
	return shippedFormF(t, code)
}

func shippedFormF(t testing.TB, code string) *eform.Form {
	t.Helper()
	forms, err := eform.LoadDir(data.Forms())
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range forms {
		if f.Procedure == code {
			return f
		}
	}
	t.Fatalf("no shipped form for %s", code)
	return nil
}

// A complete birth registration declaration, as a mother files it.
func birthValues() map[string]string {
	return map[string]string{
		"declarant.full_name":    "Trần Thị Mai",
		"declarant.id_number":    "001190012345",
		"declarant.residence":    "Số 5, phường Trung Tâm, tỉnh Mẫu",
		"declarant.relationship": "me",
		"declarant.phone":        "0912 345 678",
		"child.full_name":        "Nguye\u0302\u0303n Minh An", // decomposed, as some keyboards send it
		"child.sex":              "nam",
		"child.birth_date":       "30/11/2026",
		"child.birth_place":      "Bệnh viện Đa khoa tỉnh Mẫu",
		"child.ethnicity":        "Kinh",
		"child.nationality":      "Việt Nam",
		"child.home_town":        "Xã Hòa Bình, tỉnh Mẫu",
		"mother.full_name":       "Trần Thị Mai",
		"mother.birth_date":      "1990-05-01",
		"mother.ethnicity":       "Kinh",
		"mother.nationality":     "Việt Nam",
		"mother.residence":       "Số 5, phường Trung Tâm, tỉnh Mẫu",
		"request.copies":         "2",
		"commitment.truthful":    "on",
		"applicant.name":         "not the form's: ignored",
	}
}

func TestValidate_BirthRegistration_CleanData(t *testing.T) {
	d, errs := shippedForm(t, "1.001193").Validate(birthValues(), today)
	if len(errs) > 0 {
		t.Fatalf("a complete declaration refused: %v", errs)
	}
	if got := d["child"]["full_name"]; got != "Nguyễn Minh An" {
		t.Errorf("name not NFC: %q", got)
	}
	if d["child"]["birth_date"] != "2026-11-30" || d["request"]["copies"] != int64(2) || d["commitment"]["truthful"] != true {
		t.Errorf("typed values: %#v %#v %#v", d["child"]["birth_date"], d["request"]["copies"], d["commitment"]["truthful"])
	}
	if d["declarant"]["phone"] != "0912345678" {
		t.Errorf("phone separators kept: %q", d["declarant"]["phone"])
	}
	if _, ok := d["father"]; ok {
		t.Error("an empty optional group must be absent")
	}
	if _, ok := d["applicant"]; ok {
		t.Error("values that are not the form's must be ignored")
	}
}

func TestValidate_Rules(t *testing.T) {
	long := strings.Repeat("A", 101)
	cases := []struct {
		name  string
		form  string
		set   map[string]string
		field string // "" = accepted
		code  string
	}{
		{"child_born_tomorrow_refused_Law60_2014_Art14_birth_facts", "1.001193", map[string]string{"child.birth_date": "2026-12-05"}, "child.birth_date", "eform_date_too_late"},
		{"child_born_today_accepted", "1.001193", map[string]string{"child.birth_date": "2026-12-04"}, "", ""},
		{"child_name_required_Circular04_2020_declaration", "1.001193", map[string]string{"child.full_name": "   "}, "child.full_name", "eform_required"},
		{"child_name_over_100_characters", "1.001193", map[string]string{"child.full_name": long}, "child.full_name", "eform_too_long"},
		{"child_name_with_zero_width_space", "1.001193", map[string]string{"child.full_name": "Minh\u200bAn"}, "child.full_name", "eform_text_invalid"},
		{"sex_not_a_choice", "1.001193", map[string]string{"child.sex": "x"}, "child.sex", "eform_option_invalid"},
		{"impossible_date_31_February", "1.001193", map[string]string{"child.birth_date": "31/02/2026"}, "child.birth_date", "eform_date_invalid"},
		{"father_not_determined_group_left_empty_Decree123_2015_Art15", "1.001193", nil, "", ""},
		{"father_given_without_his_name", "1.001193", map[string]string{"father.birth_date": "1988-01-02", "father.ethnicity": "Kinh", "father.nationality": "Việt Nam", "father.residence": "Xã Hòa Bình"}, "father.full_name", "eform_required"},
		{"declarant_id_not_12_digits_Law26_2023_Identification", "1.001193", map[string]string{"declarant.id_number": "12345"}, "declarant.id_number", "eform_id_invalid"},
		{"declarant_phone_invalid", "1.001193", map[string]string{"declarant.phone": "12ab"}, "declarant.phone", "eform_phone_invalid"},
		{"copies_over_20", "1.001193", map[string]string{"request.copies": "21"}, "request.copies", "eform_number_range"},
		{"copies_not_a_number", "1.001193", map[string]string{"request.copies": "hai"}, "request.copies", "eform_number_invalid"},
		{"commitment_not_ticked_Circular04_2020_declaration_commitment", "1.001193", map[string]string{"commitment.truthful": ""}, "commitment.truthful", "eform_must_tick"},
		{"checkbox_garbage", "1.001193", map[string]string{"commitment.truthful": "maybe"}, "commitment.truthful", "eform_checkbox_invalid"},
		{"mother_born_in_the_future", "1.001193", map[string]string{"mother.birth_date": "2027-01-01"}, "mother.birth_date", "eform_date_too_late"},
		{"birth_date_before_1900_refused", "1.001193", map[string]string{"mother.birth_date": "1899-12-31"}, "mother.birth_date", "eform_date_too_early"},
		{"value_over_2000_characters_refused", "1.001193", map[string]string{"child.birth_place": strings.Repeat("x", eform.MaxValueLen+1)}, "child.birth_place", "eform_too_long"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			v := birthValues()
			for k, x := range c.set {
				v[k] = x
			}
			_, errs := shippedForm(t, c.form).Validate(v, today)
			checkErrs(t, errs, c.field, c.code)
		})
	}
}

// Marriage and Family Law 52/2014/QH13 Art. 8(1)(a): the man at least 20
// full years old, the woman 18, on the day of registration.
func TestValidate_MarriageAge_Law52_2014_Art8(t *testing.T) {
	base := map[string]string{
		"bride.full_name": "Lê Thị Hoa", "bride.birth_date": "2008-12-04", "bride.ethnicity": "Kinh", "bride.nationality": "Việt Nam",
		"bride.residence": "Xã Hòa Bình", "bride.id_number": "001308012345", "bride.marriage_count": "1",
		"groom.full_name": "Phạm Văn Nam", "groom.birth_date": "2006-12-04", "groom.ethnicity": "Kinh", "groom.nationality": "Việt Nam",
		"groom.residence": "Xã Hòa Bình", "groom.id_number": "001206012345", "groom.marriage_count": "1",
		"commitment.truthful": "on",
	}
	cases := []struct {
		name, key, value, field, code string
	}{
		{"bride_18_today_accepted", "", "", "", ""},
		{"bride_one_day_short_of_18", "bride.birth_date", "2008-12-05", "bride.birth_date", "eform_date_too_late"},
		{"groom_one_day_short_of_20", "groom.birth_date", "2006-12-05", "groom.birth_date", "eform_date_too_late"},
		{"marriage_count_zero", "groom.marriage_count", "0", "groom.marriage_count", "eform_number_range"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			v := map[string]string{}
			for k, x := range base {
				v[k] = x
			}
			if c.key != "" {
				v[c.key] = c.value
			}
			_, errs := shippedForm(t, "1.000894").Validate(v, today)
			checkErrs(t, errs, c.field, c.code)
		})
	}
}

func TestValidate_PatternAndBounds(t *testing.T) {
	f := shippedForm(t, "1.000656")
	_, errs := f.Validate(map[string]string{"deceased.death_time": "25:99"}, today)
	var got *apperr.Error
	for _, e := range errs {
		if e.Field == "deceased.death_time" {
			got = e
		}
	}
	if got == nil || got.Code != "eform_pattern" || !strings.Contains(got.MessageVi, "14:30") {
		t.Fatalf("time of death pattern: %+v", got)
	}
	many := map[string]string{}
	for i := 0; i <= eform.MaxSubmittedValues; i++ {
		many[strings.Repeat("k", i%50+1)+string(rune('a'+i%26))+time.Duration(i).String()] = "x"
	}
	if _, errs := f.Validate(many, today); len(errs) != 1 || errs[0].Code != "eform_too_many_values" {
		t.Fatalf("a flood of values must be refused at once: %d errors", len(errs))
	}
}

// checkErrs asserts the one expected field error (or none), and that every
// error speaks one language per message (TestEveryErrorOneLanguageEach
// checks literal messages; these are built with the labels).
func checkErrs(t *testing.T, errs []*apperr.Error, field, code string) {
	t.Helper()
	for _, e := range errs {
		if w := langcheck.English(e.MessageVi); len(w) > 0 {
			t.Errorf("%s: English %q in %q", e.Code, w, e.MessageVi)
		}
		if w := langcheck.Vietnamese(e.Message); len(w) > 0 {
			t.Errorf("%s: Vietnamese %q in %q", e.Code, w, e.Message)
		}
		if e.Kind != apperr.Invalid || e.Field == "" {
			t.Errorf("%s: kind %d field %q", e.Code, e.Kind, e.Field)
		}
	}
	if field == "" {
		if len(errs) > 0 {
			t.Fatalf("refused: %v", errs)
		}
		return
	}
	if len(errs) != 1 || errs[0].Field != field || errs[0].Code != code {
		var got []string
		for _, e := range errs {
			got = append(got, e.Field+" "+e.Code)
		}
		t.Fatalf("got %v, want %s %s", got, field, code)
	}
}

// Stored data (through JSON, as the dossier keeps it) shows again as the
// values filed, and validates to the same data.
func TestValues_RoundTripThroughJSON(t *testing.T) {
	f := shippedForm(t, "1.001193")
	d, errs := f.Validate(birthValues(), today)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	b, err := json.Marshal(d)
	if err != nil {
		t.Fatal(err)
	}
	var stored eform.Data
	if err := json.Unmarshal(b, &stored); err != nil {
		t.Fatal(err)
	}
	again, errs := f.Validate(f.Values(stored), today)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	if !reflect.DeepEqual(again, d) {
		t.Fatalf("round trip changed the data:\n%v\n%v", again, d)
	}
}

// A death is registered after the birth, and its notice after the death
// (Law 60/2014 Art. 34: the declaration states the date of death).
func TestValidate_DateOrder_DeathRegistration(t *testing.T) {
	f := shippedForm(t, "1.000656")
	base := map[string]string{
		"declarant.full_name": "Lê Văn Con", "declarant.id_number": "001090012345", "declarant.residence": "Xã Hòa Bình",
		"declarant.relationship": "con",
		"deceased.full_name":     "Lê Văn Cha", "deceased.sex": "nam", "deceased.birth_date": "1940-03-02", "deceased.ethnicity": "Kinh",
		"deceased.nationality": "Việt Nam", "deceased.residence": "Xã Hòa Bình", "deceased.death_date": "2026-12-01",
		"deceased.death_place": "Xã Hòa Bình", "deceased.notice_date": "2026-12-02", "commitment.truthful": "on",
	}
	cases := []struct{ name, key, value, field, code string }{
		{"in_order_accepted", "", "", "", ""},
		{"death_before_birth", "deceased.death_date", "1939-01-01", "deceased.death_date", "eform_date_order"},
		{"notice_before_death", "deceased.notice_date", "2026-11-30", "deceased.notice_date", "eform_date_order"},
		{"notice_same_day_accepted", "deceased.notice_date", "2026-12-01", "", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			v := map[string]string{}
			for k, x := range base {
				v[k] = x
			}
			if c.key != "" {
				v[c.key] = c.value
			}
			_, errs := f.Validate(v, today)
			checkErrs(t, errs, c.field, c.code)
		})
	}
}

// Decree 123/2015 Art. 22: the certificate states its purpose of use; a
// declaration without one is refused.
func TestValidate_MaritalStatusPurpose_Decree123_2015_Art22(t *testing.T) {
	f := shippedForm(t, "1.004873")
	v := map[string]string{
		"declarant.full_name": "Lê Thị Hoa", "declarant.id_number": "001308012345", "declarant.residence": "Xã Hòa Bình",
		"declarant.relationship": "ban_than",
		"person.full_name":       "Lê Thị Hoa", "person.birth_date": "1995-01-02", "person.sex": "nu", "person.ethnicity": "Kinh",
		"person.nationality": "Việt Nam", "person.id_number": "001308012345", "person.residence": "Xã Hòa Bình",
		"person.status": "chua_ket_hon", "request.copies": "1", "commitment.truthful": "on",
	}
	_, errs := f.Validate(v, today)
	checkErrs(t, errs, "request.purpose", "eform_required")
	v["request.purpose"] = "Để đăng ký kết hôn"
	_, errs = f.Validate(v, today)
	checkErrs(t, errs, "", "")
}
