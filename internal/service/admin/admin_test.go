package admin_test

import (
	"context"
	"reflect"
	"strings"
	"testing"

	"github.com/motcua/motcua/internal/apperr"
	"github.com/motcua/motcua/internal/calendar"
	"github.com/motcua/motcua/internal/catalog"
	"github.com/motcua/motcua/internal/demo"
	"github.com/motcua/motcua/internal/model"
	"github.com/motcua/motcua/internal/org"
	"github.com/motcua/motcua/internal/service"
	"github.com/motcua/motcua/internal/service/servicetest"
	"github.com/motcua/motcua/internal/store"
	"github.com/motcua/motcua/internal/store/storetest"
)

func comp(name string, originals, copies int) catalog.Component {
	return catalog.Component{Name: name, CopiesOriginal: originals, CopiesCopy: copies}
}

func TestParseComponents(t *testing.T) {
	for _, c := range []struct {
		in   string
		want []catalog.Component
		err  string
	}{
		{"", []catalog.Component{}, ""},
		{"Tờ khai | 1 | 0\r\nBản sao căn cước | 0 | 1\n\n", []catalog.Component{comp("Tờ khai", 1, 0), comp("Bản sao căn cước", 0, 1)}, ""},
		{"  Ảnh 4x6  |2", []catalog.Component{comp("Ảnh 4x6", 2, 0)}, ""},
		{"Chỉ có tên", []catalog.Component{comp("Chỉ có tên", 0, 0)}, ""},
		{"Giấy | | 3", []catalog.Component{comp("Giấy", 0, 3)}, ""},
		{"Tờ khai | một | 0", nil, "component_count_invalid"},
		{"Tờ khai | -1 | 0", nil, "component_count_invalid"},
		{"Tờ khai | 100 | 0", nil, "component_count_invalid"},
		{"a | 1 | 2 | 3", nil, "component_line_invalid"},
		{"Tờ khai | 1\n | 1 | 0", nil, "component_name_required"},
	} {
		got, err := service.ParseComponents(c.in)
		if servicetest.ErrCode(err) != c.err || (c.err == "" && !reflect.DeepEqual(got, c.want)) {
			t.Errorf("%q: %v %v, want %v %s", c.in, got, err, c.want, c.err)
		}
	}
	// The text an administrator sees reads back as the same components.
	cs := []catalog.Component{comp("Tờ khai", 1, 0), comp("Giấy tờ | khác", 0, 2)}
	got, err := service.ParseComponents(service.FormatComponents(cs))
	if err != nil || len(got) != 2 || got[0] != cs[0] || got[1] != (comp("Giấy tờ / khác", 0, 2)) {
		t.Fatalf("round trip: %v %v", got, err)
	}
}

func TestParseDateLines(t *testing.T) {
	dates, notes, err := service.ParseDateLines("2027-02-05 Tết Nguyên Đán\r\n\n2027-02-08\t\n2027-02-05\tlặp lại\n")
	if err != nil {
		t.Fatal(err)
	}
	want := []calendar.Date{{Year: 2027, Month: 2, Day: 5}, {Year: 2027, Month: 2, Day: 8}}
	if !reflect.DeepEqual(dates, want) || len(notes) != 1 || notes["2027-02-05"] != "Tết Nguyên Đán" {
		t.Fatalf("%v %v", dates, notes)
	}
	for _, bad := range []string{"05/02/2027", "2027-02-30", "2027-2-5"} {
		if _, _, err := service.ParseDateLines("2027-01-01\n" + bad); servicetest.ErrCode(err) != "calendar_date_invalid" || !strings.Contains(err.(*apperr.Error).MessageVi, "Dòng 2") {
			t.Errorf("%q: %v", bad, err)
		}
	}
}

// Only administrators administer, whatever the transport checked.
func TestAdministrationIsForAdministrators(t *testing.T) {
	st := storetest.SQLite(t)
	svc := servicetest.Demo(t, st)
	ctx := context.Background()
	for _, name := range []string{"director", "counter", "citizen", "leader"} {
		a := servicetest.ActorOf(t, svc, st, name)
		for what, err := range map[string]error{
			"create agency": func() error {
				_, err := svc.CreateAgency(ctx, a, service.AgencyInput{Code: "000.00.16.H99", Name: "X", Level: "province", Kind: "department"})
				return err
			}(),
			"agency active": svc.SetAgencyActive(ctx, a, 3, false),
			"add counter":   func() error { _, err := svc.AddCounter(ctx, a, 2, "Q09", "Quầy 9"); return err }(),
			"create staff": func() error {
				_, err := svc.CreateStaff(ctx, a, service.StaffInput{Username: "x.y", Name: "X", Role: "counter", AgencyID: 2, Password: "0123456789"})
				return err
			}(),
			"change role":      svc.ChangeRole(ctx, a, 2, org.RoleAdmin, 2),
			"user active":      svc.SetUserActive(ctx, a, 2, false),
			"reset password":   svc.ResetPassword(ctx, a, 2, "0123456789ab"),
			"edit procedure":   func() error { _, _, err := svc.EditProcedure(ctx, a, "2.001583", service.ProcedureEdit{}); return err }(),
			"procedure agency": svc.SetProcedureAgency(ctx, a, "2.001583", 3),
			"calendar": func() error {
				_, err := svc.SetCalendarYear(ctx, a, calendar.Schedule{Year: 2031, Source: "x"})
				return err
			}(),
		} {
			if e, ok := apperr.As(err); !ok || e.Kind != apperr.Forbidden {
				t.Errorf("%s: %s: %v", name, what, err)
			}
		}
	}
}

func TestCreateAgency(t *testing.T) {
	st := storetest.SQLite(t)
	svc := servicetest.Demo(t, st)
	ctx := context.Background()
	admin := servicetest.ActorOf(t, svc, st, "admin")
	center, ppc, justice := servicetest.AgencyID(t, st, demo.Center), servicetest.AgencyID(t, st, demo.ProvincePPC), servicetest.AgencyID(t, st, demo.DeptJustice)
	ok := service.AgencyInput{Code: "000.00.16.H99", Name: "Sở Văn hóa, Thể thao và Du lịch", Level: org.LevelProvince, Kind: org.KindDepartment, ParentID: ppc, OneStopID: center}
	for _, c := range []struct {
		name string
		edit func(*service.AgencyInput)
		code string
	}{
		{"lower case code", func(in *service.AgencyInput) { in.Code = "000.00.16.h99" }, "agency_code_invalid"},
		{"dashes", func(in *service.AgencyInput) { in.Code = "000-00-16-H99" }, "agency_code_invalid"},
		{"empty code", func(in *service.AgencyInput) { in.Code = " " }, "agency_code_required"},
		{"empty name", func(in *service.AgencyInput) { in.Name = " " }, "agency_name_required"},
		{"unknown level", func(in *service.AgencyInput) { in.Level = "national" }, "agency_level_invalid"},
		{"unknown kind", func(in *service.AgencyInput) { in.Kind = "bank" }, "agency_kind_invalid"},
		{"unknown parent", func(in *service.AgencyInput) { in.ParentID = 999 }, "agency_parent_unknown"},
		{"a department is no one-stop desk", func(in *service.AgencyInput) { in.OneStopID = justice }, "agency_one_stop_invalid"},
		{"code taken", func(in *service.AgencyInput) { in.Code = demo.DeptJustice }, "agency_code_taken"},
	} {
		in := ok
		c.edit(&in)
		_, err := svc.CreateAgency(ctx, admin, in)
		if servicetest.ErrCode(err) != c.code {
			t.Errorf("%s: %v, want %s", c.name, err, c.code)
		} else if e, _ := apperr.As(err); e.Kind != apperr.Invalid || e.MessageVi == "" || e.Message == "" {
			t.Errorf("%s: %+v", c.name, e)
		}
	}
	a, err := svc.CreateAgency(ctx, admin, ok)
	if err != nil {
		t.Fatal(err)
	}
	if got, found := svc.Agency(a.ID); !found || got.Name != ok.Name || *got.OneStopID != center || !got.Active {
		t.Fatalf("the agency cache must hold the new agency: %+v %v", got, found)
	}
	// Counters belong to one-stop agencies only.
	if _, err := svc.AddCounter(ctx, admin, a.ID, "Q01", "Quầy"); servicetest.ErrCode(err) != "counter_agency_invalid" {
		t.Fatalf("a department has no counters: %v", err)
	}
	if _, err := svc.AddCounter(ctx, admin, center, "Q05", "Quầy 5: Văn hóa"); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.AddCounter(ctx, admin, center, "Q05", "Quầy trùng"); servicetest.ErrCode(err) != "counter_code_taken" {
		t.Fatalf("duplicate counter: %v", err)
	}
	if cs, _ := st.Counters(ctx, center); len(cs) != 5 {
		t.Fatalf("center counters: %v", cs)
	}
	// Deactivation reaches the cache; the admin's own agency stays.
	if err := svc.SetAgencyActive(ctx, admin, a.ID, false); err != nil {
		t.Fatal(err)
	}
	if got, _ := svc.Agency(a.ID); got.Active {
		t.Fatal("deactivated agency still active in the cache")
	}
	if err := svc.SetAgencyActive(ctx, admin, ppc, false); servicetest.ErrCode(err) != "agency_own" {
		t.Fatalf("own agency: %v", err)
	}
	if err := svc.SetAgencyActive(ctx, admin, 9999, false); servicetest.ErrCode(err) != "not_found" {
		t.Fatalf("unknown agency: %v", err)
	}
}

func TestStaffAccounts(t *testing.T) {
	storetest.Dialects(t, func(t *testing.T, st *store.Store) {
		svc := servicetest.Demo(t, st)
		ctx := context.Background()
		admin := servicetest.ActorOf(t, svc, st, "admin")
		justice, finance := servicetest.AgencyID(t, st, demo.DeptJustice), servicetest.AgencyID(t, st, demo.DeptFinance)
		in := service.StaffInput{Username: " Nguyen.Van.B ", Name: "Nguyễn Văn B", Role: org.RoleSpecialist, AgencyID: justice, Password: "mot-hai-ba-bon"}
		for _, c := range []struct {
			edit func(*service.StaffInput)
			code string
		}{
			{func(in *service.StaffInput) { in.Password = "ngan-qua" }, "password_too_short"},
			{func(in *service.StaffInput) { in.Username = "nguyễn" }, "username_invalid"},
			{func(in *service.StaffInput) { in.Username = "ab" }, "username_invalid"},
			{func(in *service.StaffInput) { in.Role = org.RoleCitizen }, "role_invalid"},
			{func(in *service.StaffInput) { in.Role = "boss" }, "role_invalid"},
			{func(in *service.StaffInput) { in.AgencyID = 0 }, "user_agency_invalid"},
			{func(in *service.StaffInput) { in.Name = "" }, "user_name_required"},
			{func(in *service.StaffInput) { in.Username = "leader" }, "username_taken"},
		} {
			bad := in
			c.edit(&bad)
			if _, err := svc.CreateStaff(ctx, admin, bad); servicetest.ErrCode(err) != c.code {
				t.Errorf("%+v: %v, want %s", bad, err, c.code)
			}
		}
		u, err := svc.CreateStaff(ctx, admin, in)
		if err != nil {
			t.Fatal(err)
		}
		if u.Username != "nguyen.van.b" {
			t.Fatalf("usernames are lower case and trimmed: %q", u.Username)
		}
		token, _, err := svc.Login(ctx, "nguyen.van.b", "mot-hai-ba-bon")
		if err != nil {
			t.Fatalf("the new account signs in: %v", err)
		}
		if a, err := svc.Authenticate(ctx, token); err != nil || a.Role != org.RoleSpecialist || !a.Covers(justice) {
			t.Fatalf("actor %+v %v", a, err)
		}

		// Another role and agency, from the next request on.
		if err := svc.ChangeRole(ctx, admin, u.ID, org.RoleLeader, finance); err != nil {
			t.Fatal(err)
		}
		if a, _ := svc.Authenticate(ctx, token); a.Role != org.RoleLeader || a.Covers(justice) || !a.Covers(finance) {
			t.Fatalf("after the change: %+v", a)
		}
		if err := svc.ChangeRole(ctx, admin, u.ID, org.RoleCitizen, finance); servicetest.ErrCode(err) != "role_invalid" {
			t.Fatalf("staff cannot be made citizens: %v", err)
		}

		// A reset password replaces the old one and ends sessions.
		if err := svc.ResetPassword(ctx, admin, u.ID, "short"); servicetest.ErrCode(err) != "password_too_short" {
			t.Fatal(err)
		}
		if err := svc.ResetPassword(ctx, admin, u.ID, "nam-sau-bay-tam"); err != nil {
			t.Fatal(err)
		}
		if _, err := svc.Authenticate(ctx, token); err == nil {
			t.Fatal("a reset must end the old session")
		}
		if _, _, err := svc.Login(ctx, "nguyen.van.b", "mot-hai-ba-bon"); servicetest.ErrCode(err) != "bad_credentials" {
			t.Fatalf("old password: %v", err)
		}
		token, _, err = svc.Login(ctx, "nguyen.van.b", "nam-sau-bay-tam")
		if err != nil {
			t.Fatal(err)
		}

		// Deactivated: no sign-in, no session.
		if err := svc.SetUserActive(ctx, admin, u.ID, false); err != nil {
			t.Fatal(err)
		}
		if _, _, err := svc.Login(ctx, "nguyen.van.b", "nam-sau-bay-tam"); servicetest.ErrCode(err) != "bad_credentials" {
			t.Fatalf("deactivated sign-in: %v", err)
		}
		if _, err := svc.Authenticate(ctx, token); err == nil {
			t.Fatal("a deactivated account's session must end")
		}
		if err := svc.SetUserActive(ctx, admin, u.ID, true); err != nil {
			t.Fatal(err)
		}
		if _, _, err := svc.Login(ctx, "nguyen.van.b", "nam-sau-bay-tam"); err != nil {
			t.Fatalf("reactivated: %v", err)
		}

		// Nobody locks themselves out; citizens are not managed here.
		if err := svc.SetUserActive(ctx, admin, admin.UserID, false); servicetest.ErrCode(err) != "user_self" {
			t.Fatalf("self: %v", err)
		}
		if err := svc.ChangeRole(ctx, admin, admin.UserID, org.RoleCounter, justice); servicetest.ErrCode(err) != "user_self" {
			t.Fatalf("self: %v", err)
		}
		citizen := servicetest.ActorOf(t, svc, st, "citizen")
		if err := svc.SetUserActive(ctx, admin, citizen.UserID, false); servicetest.ErrCode(err) != "user_citizen" {
			t.Fatalf("citizen: %v", err)
		}
		if err := svc.SetUserActive(ctx, admin, 99999, false); servicetest.ErrCode(err) != "not_found" {
			t.Fatalf("unknown: %v", err)
		}
	})
}

func TestEditProcedure(t *testing.T) {
	st := storetest.SQLite(t)
	svc := servicetest.Demo(t, st)
	ctx := context.Background()
	admin := servicetest.ActorOf(t, svc, st, "admin")
	cur, err := st.Procedure(ctx, "2.001583", 0)
	if err != nil {
		t.Fatal(err)
	}
	edit := service.ProcedureEdit{Version: cur.Version, TimeLimit: catalog.TimeLimit{Amount: 5, Unit: catalog.UnitWorkingDays},
		FeeVND: 100000, FeeNote: "Miễn phí khi nộp trực tuyến", Components: []catalog.Component{comp("Giấy đề nghị", 1, 0)}}
	for _, c := range []struct {
		edit func(*service.ProcedureEdit)
		code string
	}{
		{func(e *service.ProcedureEdit) { e.TimeLimit.Amount = 0 }, "time_limit_amount_invalid"},
		{func(e *service.ProcedureEdit) { e.TimeLimit.Amount = 366 }, "time_limit_amount_invalid"},
		{func(e *service.ProcedureEdit) { e.TimeLimit.Unit = "hours" }, "time_limit_unit_invalid"},
		{func(e *service.ProcedureEdit) { e.FeeVND = -1 }, "fee_negative"},
		{func(e *service.ProcedureEdit) { e.Components = []catalog.Component{comp("", 1, 0)} }, "component_invalid"},
		{func(e *service.ProcedureEdit) { e.Version = cur.Version + 1 }, "procedure_changed"},
	} {
		bad := edit
		c.edit(&bad)
		if _, _, err := svc.EditProcedure(ctx, admin, "2.001583", bad); servicetest.ErrCode(err) != c.code {
			t.Errorf("%+v: %v, want %s", bad, err, c.code)
		}
	}
	p, out, err := svc.EditProcedure(ctx, admin, "2.001583", edit)
	if err != nil || out != model.ProcedureVersioned || p.Version != cur.Version+1 {
		t.Fatalf("%v %v %v", p.Version, out, err)
	}
	if old, _ := st.Procedure(ctx, "2.001583", cur.Version); old.TimeLimit != cur.TimeLimit || old.FeeVND != cur.FeeVND {
		t.Fatalf("the old version must stay: %+v", old.TimeLimit)
	}
	now, _ := st.Procedure(ctx, "2.001583", 0)
	if now.Version != p.Version || now.TimeLimit.Amount != 5 || now.FeeVND != 100000 || now.Name != cur.Name || len(now.Components) != 1 {
		t.Fatalf("current %+v", now)
	}
	edit.Version = p.Version
	if _, out, err := svc.EditProcedure(ctx, admin, "2.001583", edit); err != nil || out != model.ProcedureUnchanged {
		t.Fatalf("the same content again makes no version: %v %v", out, err)
	}
	same := edit
	same.TimeLimit = catalog.TimeLimit{Amount: 9, Unit: catalog.UnitSameDay}
	if p, _, err := svc.EditProcedure(ctx, admin, "2.001583", same); err != nil || p.TimeLimit != (catalog.TimeLimit{Unit: catalog.UnitSameDay}) {
		t.Fatalf("same day ignores the amount: %+v %v", p.TimeLimit, err)
	}
	if _, _, err := svc.EditProcedure(ctx, admin, "9.999999", edit); servicetest.ErrCode(err) != "procedure_unknown" {
		t.Fatal(err)
	}
	// The default processing agency.
	home := servicetest.AgencyID(t, st, demo.DeptHome)
	if err := svc.SetProcedureAgency(ctx, admin, "2.001583", home); err != nil {
		t.Fatal(err)
	}
	if id, _ := st.ProcedureDefaultAgency(ctx, "2.001583"); id != home {
		t.Fatalf("default agency %d", id)
	}
	if err := svc.SetProcedureAgency(ctx, admin, "2.001583", 9999); servicetest.ErrCode(err) != "procedure_agency_invalid" {
		t.Fatal(err)
	}
}

// Saving the form of any shipped procedure unchanged makes no new version:
// what the page shows reads back as the same content.
func TestEditFormRoundTripsEveryProcedure(t *testing.T) {
	st := storetest.SQLite(t)
	svc := servicetest.Demo(t, st)
	ctx := context.Background()
	admin := servicetest.ActorOf(t, svc, st, "admin")
	procs, _, err := demo.Procedures()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range procs {
		cur, err := st.Procedure(ctx, p.Code, 0)
		if err != nil {
			t.Fatal(err)
		}
		comps, err := service.ParseComponents(service.FormatComponents(cur.Components))
		if err != nil {
			t.Fatalf("%s: %v", p.Code, err)
		}
		e := service.ProcedureEdit{Version: cur.Version, TimeLimit: cur.TimeLimit, FeeVND: cur.FeeVND, FeeNote: cur.FeeNote, Components: comps}
		if !cur.TimeLimit.Set() {
			continue // the form requires a time limit; none published for this one
		}
		if _, out, err := svc.EditProcedure(ctx, admin, p.Code, e); err != nil || out != model.ProcedureUnchanged {
			t.Errorf("%s: %v %v", p.Code, out, err)
		}
	}
}
