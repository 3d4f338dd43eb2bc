package admin

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/motcua/motcua/internal/apperr"
	"github.com/motcua/motcua/internal/auth"
	"github.com/motcua/motcua/internal/calendar"
	"github.com/motcua/motcua/internal/catalog"
	"github.com/motcua/motcua/internal/model"
	"github.com/motcua/motcua/internal/org"
	"github.com/motcua/motcua/internal/service/internal/core"
	"github.com/motcua/motcua/internal/store"
	"github.com/motcua/motcua/internal/textfold"
)

// Administration: agencies and their counters, staff accounts and roles, the
// procedure catalog's time limits, fees and components. Every method checks
// that the actor is an administrator, whatever the transport already did.

func invalid(code, vi, en string, args ...any) *apperr.Error {
	return apperr.Newf(apperr.Invalid, code, vi, en, args...)
}

// IsOneStop reports whether an agency has a one-stop desk of its own: a
// public administrative service center, or a commune (or former district)
// People's Committee.
func IsOneStop(a org.Agency) bool {
	return a.Kind == org.KindServiceCenter || (a.Kind == org.KindPeoplesCommittee && a.Level != org.LevelProvince)
}

// OneStopAgencies lists the active agencies with a one-stop desk.
func (s *Admin) OneStopAgencies() []org.Agency {
	var out []org.Agency
	for _, a := range s.Agencies() {
		if a.Active && IsOneStop(a) {
			out = append(out, a)
		}
	}
	return out
}

// Kinds lists the kinds of agency, in the order shown.
var Kinds = []org.Kind{org.KindServiceCenter, org.KindPeoplesCommittee, org.KindDepartment, org.KindOther}

// AgencyInput is an administrator's new agency.
type AgencyInput struct {
	Code      string
	Name      string
	Level     org.Level
	Kind      org.Kind
	ParentID  int64 // 0: none
	OneStopID int64 // 0: the agency receives dossiers itself
}

// CreateAgency adds an agency with its electronic code (Decision 20/2020).
func (s *Admin) CreateAgency(ctx context.Context, actor org.Actor, in AgencyInput) (org.Agency, error) {
	if err := core.RequireAdmin(actor); err != nil {
		return org.Agency{}, err
	}
	a := org.Agency{Code: strings.TrimSpace(in.Code), Name: textfold.NFC(in.Name), Level: in.Level, Kind: in.Kind, Active: true}
	switch {
	case a.Code == "":
		return a, invalid("agency_code_required", "Cần nhập mã định danh điện tử của cơ quan.", "The agency's electronic code is required.")
	case !org.ValidCode(a.Code):
		return a, invalid("agency_code_invalid",
			"Mã cơ quan %q không đúng quy định tại Quyết định 20/2020/QĐ-TTg: các nhóm chữ số hoặc chữ in hoa, ngăn cách bằng dấu chấm, tối đa 35 ký tự (ví dụ 000.00.16.H99).",
			"The agency code %q does not follow Decision 20/2020/QĐ-TTg: groups of digits or capital letters separated by dots, 35 characters at most (e.g. 000.00.16.H99).", a.Code)
	case a.Name == "":
		return a, invalid("agency_name_required", "Cần nhập tên cơ quan.", "The agency's name is required.")
	case utf8.RuneCountInString(a.Name) > 200:
		return a, invalid("agency_name_too_long", "Tên cơ quan dài tối đa 200 ký tự.", "The agency's name is at most 200 characters.")
	case !a.Level.Valid():
		return a, invalid("agency_level_invalid", "Hãy chọn cấp của cơ quan (tỉnh, huyện cũ hoặc xã).", "Choose the agency's level (province, former district or commune).")
	case !validKind(a.Kind):
		return a, invalid("agency_kind_invalid", "Hãy chọn loại cơ quan.", "Choose the kind of agency.")
	}
	if in.ParentID != 0 {
		if _, ok := s.Agency(in.ParentID); !ok {
			return a, invalid("agency_parent_unknown", "Không có cơ quan cấp trên đã chọn.", "The chosen parent agency does not exist.")
		}
		a.ParentID = &in.ParentID
	}
	if in.OneStopID != 0 {
		o, ok := s.Agency(in.OneStopID)
		if !ok || !o.Active || !IsOneStop(o) {
			return a, invalid("agency_one_stop_invalid",
				"Nơi tiếp nhận phải là Trung tâm Phục vụ hành chính công hoặc UBND cấp xã đang hoạt động.",
				"The receiving one-stop agency must be an active service center or commune People's Committee.")
		}
		a.OneStopID = &in.OneStopID
	}
	err := s.Store.InTx(ctx, func(tx *store.Tx) error {
		id, err := tx.CreateAgency(ctx, a)
		a.ID = id
		return err
	})
	if store.IsUniqueViolation(err) {
		return a, invalid("agency_code_taken", "Mã cơ quan %q đã được dùng cho cơ quan khác.", "The agency code %q is already used by another agency.", a.Code)
	} else if err != nil {
		return a, err
	}
	s.Log.Info("agency created", "code", a.Code, "by", actor.UserID)
	return a, s.ReloadAgencies(ctx)
}

func validKind(k org.Kind) bool {
	for _, x := range Kinds {
		if x == k {
			return true
		}
	}
	return false
}

// SetAgencyActive switches an agency off (or back on). Its dossiers and
// history stay; it is no longer offered for new users, counters or routing.
func (s *Admin) SetAgencyActive(ctx context.Context, actor org.Actor, id int64, active bool) error {
	if err := core.RequireAdmin(actor); err != nil {
		return err
	}
	if !active && id == actor.AgencyID {
		return invalid("agency_own", "Không thể ngừng hoạt động cơ quan của chính tài khoản quản trị đang dùng.", "You cannot deactivate the agency of your own administrator account.")
	}
	err := s.Store.InTx(ctx, func(tx *store.Tx) error { return tx.SetAgencyActive(ctx, id, active) })
	if errors.Is(err, model.ErrNotFound) {
		return apperr.ErrNotFound
	} else if err != nil {
		return err
	}
	s.Log.Info("agency active changed", "agency_id", id, "active", active, "by", actor.UserID)
	return s.ReloadAgencies(ctx)
}

var counterCode = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]{0,19}$`)

// AddCounter adds a reception desk to a one-stop agency.
func (s *Admin) AddCounter(ctx context.Context, actor org.Actor, agencyID int64, code, name string) (model.Counter, error) {
	c := model.Counter{AgencyID: agencyID, Code: strings.TrimSpace(code), Name: textfold.NFC(name)}
	if err := core.RequireAdmin(actor); err != nil {
		return c, err
	}
	a, ok := s.Agency(agencyID)
	switch {
	case !ok || !a.Active || !IsOneStop(a):
		return c, invalid("counter_agency_invalid",
			"Quầy chỉ thuộc Trung tâm Phục vụ hành chính công hoặc UBND cấp xã đang hoạt động.",
			"Counters belong to an active service center or commune People's Committee.")
	case !counterCode.MatchString(c.Code):
		return c, invalid("counter_code_invalid", "Mã quầy gồm chữ, số, dấu chấm hoặc gạch, tối đa 20 ký tự (ví dụ Q05).", "A counter code has letters, digits, dots or dashes, 20 characters at most (e.g. Q05).")
	case c.Name == "":
		return c, invalid("counter_name_required", "Cần nhập tên quầy.", "The counter's name is required.")
	case utf8.RuneCountInString(c.Name) > 200:
		return c, invalid("counter_name_too_long", "Tên quầy dài tối đa 200 ký tự.", "The counter's name is at most 200 characters.")
	}
	err := s.Store.InTx(ctx, func(tx *store.Tx) error {
		id, err := tx.CreateCounter(ctx, c)
		c.ID = id
		return err
	})
	if store.IsUniqueViolation(err) {
		return c, invalid("counter_code_taken", "Cơ quan này đã có quầy mã %q.", "This agency already has a counter %q.", c.Code)
	}
	return c, err
}

// MinPasswordLength is the shortest password an administrator may set.
const MinPasswordLength = 10

var usernameRe = regexp.MustCompile(`^[a-z0-9][a-z0-9._-]{2,63}$`)

// StaffInput is a new staff account.
type StaffInput struct {
	Username string
	Name     string
	Role     org.Role
	AgencyID int64
	Password string
}

func checkPassword(p string) error {
	switch n := utf8.RuneCountInString(p); {
	case n < MinPasswordLength:
		return invalid("password_too_short", "Mật khẩu cần ít nhất %d ký tự.", "The password needs at least %d characters.", MinPasswordLength)
	case n > 200:
		return invalid("password_too_long", "Mật khẩu dài tối đa 200 ký tự.", "The password is at most 200 characters.")
	}
	return nil
}

// staffRoleAgency checks a staff role and the agency it works in.
func (s *Admin) staffRoleAgency(role org.Role, agencyID int64) error {
	if !role.Valid() || !role.Staff() {
		return invalid("role_invalid", "Hãy chọn vai trò của cán bộ.", "Choose the staff member's role.")
	}
	if a, ok := s.Agency(agencyID); !ok || !a.Active {
		return invalid("user_agency_invalid", "Hãy chọn cơ quan đang hoạt động nơi cán bộ làm việc.", "Choose the active agency the staff member works in.")
	}
	return nil
}

// CreateStaff creates a staff account with a password set by the
// administrator (stored as an argon2id hash).
func (s *Admin) CreateStaff(ctx context.Context, actor org.Actor, in StaffInput) (org.User, error) {
	u := org.User{Username: strings.ToLower(strings.TrimSpace(in.Username)), Name: textfold.NFC(in.Name), Role: in.Role}
	if err := core.RequireAdmin(actor); err != nil {
		return u, err
	}
	switch {
	case !usernameRe.MatchString(u.Username):
		return u, invalid("username_invalid",
			"Tên đăng nhập gồm 3–64 ký tự: chữ thường không dấu, số, dấu chấm, gạch dưới hoặc gạch ngang.",
			"A username has 3–64 characters: lower-case letters without accents, digits, dots, underscores or dashes.")
	case u.Name == "":
		return u, invalid("user_name_required", "Cần nhập họ tên cán bộ.", "The staff member's name is required.")
	case utf8.RuneCountInString(u.Name) > 200:
		return u, invalid("user_name_too_long", "Họ tên dài tối đa 200 ký tự.", "The name is at most 200 characters.")
	}
	if err := s.staffRoleAgency(in.Role, in.AgencyID); err != nil {
		return u, err
	}
	if err := checkPassword(in.Password); err != nil {
		return u, err
	}
	agency := in.AgencyID
	u.AgencyID = &agency
	hash, err := auth.HashPassword(in.Password)
	if err != nil {
		return u, err
	}
	err = s.Store.InTx(ctx, func(tx *store.Tx) error {
		id, err := tx.CreateUser(ctx, u, hash)
		u.ID = id
		return err
	})
	if store.IsUniqueViolation(err) {
		return u, invalid("username_taken", "Tên đăng nhập %q đã được dùng.", "The username %q is already taken.", u.Username)
	} else if err != nil {
		return u, err
	}
	s.Log.Info("staff account created", "user_id", u.ID, "role", u.Role, "by", actor.UserID)
	return u, nil
}

// staffAccount loads an account an administrator may manage: staff, not
// the administrator's own (so that nobody locks themselves out).
func (s *Admin) staffAccount(ctx context.Context, actor org.Actor, id int64) (model.UserAccount, error) {
	if err := core.RequireAdmin(actor); err != nil {
		return model.UserAccount{}, err
	}
	a, err := s.Store.UserAccount(ctx, id)
	if errors.Is(err, model.ErrNotFound) {
		return a, apperr.ErrNotFound
	} else if err != nil {
		return a, err
	}
	if a.Role == org.RoleCitizen {
		return a, invalid("user_citizen", "Tài khoản công dân không do quản trị viên quản lý.", "Citizen accounts are not managed by administrators.")
	}
	if a.ID == actor.UserID {
		return a, invalid("user_self", "Không thể tự đổi vai trò hoặc khóa tài khoản của chính mình; hãy nhờ quản trị viên khác.",
			"You cannot change the role of, or deactivate, your own account; ask another administrator.")
	}
	return a, nil
}

// ChangeRole gives a staff member another role or agency. The new role
// applies from their next request.
func (s *Admin) ChangeRole(ctx context.Context, actor org.Actor, userID int64, role org.Role, agencyID int64) error {
	if _, err := s.staffAccount(ctx, actor, userID); err != nil {
		return err
	}
	if err := s.staffRoleAgency(role, agencyID); err != nil {
		return err
	}
	err := s.Store.InTx(ctx, func(tx *store.Tx) error { return tx.SetUserRole(ctx, userID, role, &agencyID) })
	if err == nil {
		s.Log.Info("staff role changed", "user_id", userID, "role", role, "agency_id", agencyID, "by", actor.UserID)
	}
	return err
}

// SetUserActive stops (or restores) a staff member's sign-in; stopping ends
// their sessions at once.
func (s *Admin) SetUserActive(ctx context.Context, actor org.Actor, userID int64, active bool) error {
	if _, err := s.staffAccount(ctx, actor, userID); err != nil {
		return err
	}
	err := s.Store.InTx(ctx, func(tx *store.Tx) error { return tx.SetUserActive(ctx, userID, active) })
	if err == nil {
		s.Log.Info("staff account active changed", "user_id", userID, "active", active, "by", actor.UserID)
	}
	return err
}

// ResetPassword sets a new password for a staff member, lifts a lockout and
// signs them out everywhere.
func (s *Admin) ResetPassword(ctx context.Context, actor org.Actor, userID int64, password string) error {
	if err := core.RequireAdmin(actor); err != nil {
		return err
	}
	a, err := s.Store.UserAccount(ctx, userID)
	if errors.Is(err, model.ErrNotFound) {
		return apperr.ErrNotFound
	} else if err != nil {
		return err
	}
	if a.Role == org.RoleCitizen {
		return invalid("user_citizen", "Tài khoản công dân không do quản trị viên quản lý.", "Citizen accounts are not managed by administrators.")
	}
	if err := checkPassword(password); err != nil {
		return err
	}
	hash, err := auth.HashPassword(password)
	if err != nil {
		return err
	}
	err = s.Store.InTx(ctx, func(tx *store.Tx) error { return tx.SetUserPassword(ctx, userID, hash) })
	if err == nil {
		s.Log.Info("password reset", "user_id", userID, "by", actor.UserID)
	}
	return err
}

// ProcedureEdit is what an administrator may change in a procedure. Saving
// it makes a new version; dossiers keep the version they were filed under.
type ProcedureEdit struct {
	// Version is the version the administrator edited; a newer current
	// version means someone else saved in between.
	Version    int
	TimeLimit  catalog.TimeLimit
	FeeVND     int64
	FeeNote    string
	Components []catalog.Component
	// OnlineLevel and Subjects feed 766 indicators 3.1, 3.2 and 4.5a; empty
	// keeps what the procedure has.
	OnlineLevel string
	Subjects    string
}

// MaxTimeLimit bounds a time limit in days.
const MaxTimeLimit = 365

// EditProcedure saves a new version of a procedure with the edited time
// limit, fee and components; an unchanged form makes no version.
func (s *Admin) EditProcedure(ctx context.Context, actor org.Actor, code string, e ProcedureEdit) (catalog.Procedure, model.SaveOutcome, error) {
	if err := core.RequireAdmin(actor); err != nil {
		return catalog.Procedure{}, "", err
	}
	p, err := s.Store.Procedure(ctx, code, 0)
	if errors.Is(err, model.ErrNotFound) {
		return p, "", apperr.Newf(apperr.NotFound, "procedure_unknown", "Không có thủ tục mã %q.", "There is no procedure with code %q.", code)
	} else if err != nil {
		return p, "", err
	}
	if e.Version != 0 && e.Version != p.Version {
		return p, "", apperr.Newf(apperr.Conflict, "procedure_changed",
			"Thủ tục vừa được người khác sửa (nay là phiên bản %d); hãy mở lại trang và sửa lại.",
			"Someone else changed the procedure (now version %d); reopen the page and edit again.", p.Version)
	}
	tl := catalog.TimeLimit{Amount: e.TimeLimit.Amount, Unit: e.TimeLimit.Unit}
	switch tl.Unit {
	case catalog.UnitSameDay:
		tl.Amount = 0
	case catalog.UnitWorkingDays, catalog.UnitDays:
		if tl.Amount < 1 || tl.Amount > MaxTimeLimit {
			return p, "", invalid("time_limit_amount_invalid", "Thời hạn giải quyết là số ngày từ 1 đến %d.", "The time limit is a number of days from 1 to %d.", MaxTimeLimit)
		}
	default:
		return p, "", invalid("time_limit_unit_invalid", "Hãy chọn đơn vị thời hạn: ngày làm việc, ngày, hoặc trong ngày.", "Choose the time-limit unit: working days, days, or same day.")
	}
	note := textfold.NFC(e.FeeNote)
	switch {
	case e.FeeVND < 0:
		return p, "", invalid("fee_negative", "Phí, lệ phí là số đồng nguyên, không âm.", "The fee is a whole number of đồng, not negative.")
	case e.FeeVND > 1_000_000_000_000:
		return p, "", invalid("fee_too_large", "Phí, lệ phí quá lớn.", "The fee is too large.")
	case utf8.RuneCountInString(note) > 2000:
		return p, "", invalid("fee_note_too_long", "Ghi chú về phí dài tối đa 2000 ký tự.", "The fee note is at most 2000 characters.")
	case len(e.Components) > 100:
		return p, "", invalid("components_too_many", "Tối đa 100 thành phần hồ sơ.", "At most 100 components.")
	}
	comps := make([]catalog.Component, 0, len(e.Components))
	for i, c := range e.Components {
		c.Name = textfold.NFC(c.Name)
		switch {
		case c.Name == "":
			return p, "", invalid("component_invalid", "Thành phần hồ sơ thứ %d chưa có tên.", "Component %d has no name.", i+1)
		case utf8.RuneCountInString(c.Name) > 10000:
			return p, "", invalid("component_invalid", "Tên thành phần hồ sơ thứ %d quá dài (tối đa 10000 ký tự).", "The name of component %d is too long (10,000 characters at most).", i+1)
		case c.CopiesOriginal < 0 || c.CopiesCopy < 0 || c.CopiesOriginal > 99 || c.CopiesCopy > 99:
			return p, "", invalid("component_invalid", "Số bản của thành phần hồ sơ thứ %d phải từ 0 đến 99.", "The number of copies of component %d must be from 0 to 99.", i+1)
		}
		comps = append(comps, c)
	}
	switch level := strings.TrimSpace(e.OnlineLevel); {
	case level == "":
	case catalog.KnownOnlineLevel(level) || level == catalog.OnlineUnknown:
		p.OnlineLevel = level
	default:
		return p, "", invalid("online_level_invalid", "Mức độ dịch vụ công trực tuyến là: toàn trình, một phần, không có, hoặc chưa rõ.",
			"The online service level is one of: full, partial, none or unknown.")
	}
	if subj := textfold.NFC(e.Subjects); subj != "" {
		if utf8.RuneCountInString(subj) > 1000 {
			return p, "", invalid("subjects_too_long", "Đối tượng thực hiện dài tối đa 1000 ký tự.", "The subjects are at most 1000 characters.")
		}
		p.Subjects = subj
	}
	p.TimeLimit, p.FeeVND, p.FeeNote, p.Components = tl, e.FeeVND, note, comps
	var out model.SaveOutcome
	err = s.Store.InTx(ctx, func(tx *store.Tx) error {
		var err error
		out, p.Version, err = tx.SaveProcedure(ctx, p)
		return err
	})
	if err != nil {
		return p, "", err
	}
	if out != model.ProcedureUnchanged {
		s.Log.Info("procedure edited", "code", p.Code, "version", p.Version, "by", actor.UserID)
	}
	return p, out, nil
}

// SetProcedureAgency sets the agency that settles a procedure when the
// applicant names none.
func (s *Admin) SetProcedureAgency(ctx context.Context, actor org.Actor, code string, agencyID int64) error {
	if err := core.RequireAdmin(actor); err != nil {
		return err
	}
	if _, err := s.Store.ProcedureDefaultAgency(ctx, code); errors.Is(err, model.ErrNotFound) {
		return apperr.Newf(apperr.NotFound, "procedure_unknown", "Không có thủ tục mã %q.", "There is no procedure with code %q.", code)
	} else if err != nil {
		return err
	}
	if a, ok := s.Agency(agencyID); !ok || !a.Active {
		return invalid("procedure_agency_invalid", "Hãy chọn cơ quan giải quyết đang hoạt động.", "Choose an active agency to settle the procedure.")
	}
	return s.Store.InTx(ctx, func(tx *store.Tx) error { return tx.SetProcedureAgency(ctx, code, agencyID) })
}

// ParseComponents reads components written one per line as
// "name | originals | copies"; the numbers may be left out (0). Blank lines
// are skipped.
func ParseComponents(text string) ([]catalog.Component, error) {
	out := []catalog.Component{}
	for i, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		parts := strings.Split(line, "|")
		if len(parts) > 3 {
			return nil, invalid("component_line_invalid",
				"Dòng %d: mỗi dòng ghi \"tên | số bản chính | số bản sao\" (tối đa hai dấu |).",
				"Line %d: write each line as \"name | originals | copies\" (at most two | signs).", i+1)
		}
		c := catalog.Component{Name: textfold.NFC(parts[0])}
		if c.Name == "" {
			return nil, invalid("component_name_required", "Dòng %d: thiếu tên thành phần hồ sơ.", "Line %d: the component's name is missing.", i+1)
		}
		nums := []*int{&c.CopiesOriginal, &c.CopiesCopy}
		for j, raw := range parts[1:] {
			raw = strings.TrimSpace(raw)
			if raw == "" {
				continue
			}
			n, err := strconv.Atoi(raw)
			if err != nil || n < 0 || n > 99 {
				return nil, invalid("component_count_invalid",
					"Dòng %d: số bản %q phải là số nguyên từ 0 đến 99.",
					"Line %d: the number of copies %q must be a whole number from 0 to 99.", i+1, raw)
			}
			*nums[j] = n
		}
		out = append(out, c)
	}
	return out, nil
}

// FormatComponents writes components the way ParseComponents reads them.
func FormatComponents(cs []catalog.Component) string {
	var b strings.Builder
	for _, c := range cs {
		fmt.Fprintf(&b, "%s | %d | %d\n", strings.ReplaceAll(c.Name, "|", "/"), c.CopiesOriginal, c.CopiesCopy)
	}
	return b.String()
}

// ParseDateLines reads dates written one per line as YYYY-MM-DD, each
// optionally followed by a note ("2027-02-08 Tết Nguyên Đán"). It returns
// the dates in order and the notes by date.
func ParseDateLines(text string) ([]calendar.Date, map[string]string, error) {
	dates := []calendar.Date{}
	notes := map[string]string{}
	seen := map[calendar.Date]bool{}
	for i, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		first, rest := line, ""
		if i := strings.IndexFunc(line, unicode.IsSpace); i >= 0 {
			first, rest = line[:i], line[i:]
		}
		d, err := calendar.ParseDate(first)
		if err != nil {
			return nil, nil, invalid("calendar_date_invalid",
				"Dòng %d: %q không phải ngày hợp lệ; mỗi dòng một ngày dạng năm-tháng-ngày, ví dụ 2027-02-08.",
				"Line %d: %q is not a valid date; write one date per line as year-month-day, e.g. 2027-02-08.", i+1, first)
		}
		if seen[d] {
			continue
		}
		seen[d] = true
		dates = append(dates, d)
		if note := textfold.NFC(rest); note != "" {
			notes[d.String()] = note
		}
	}
	return dates, notes, nil
}

// Counters lists an agency's counters for the administration.
func (s *Admin) Counters(ctx context.Context, actor org.Actor, agencyID int64) ([]model.Counter, error) {
	if err := core.RequireAdmin(actor); err != nil {
		return nil, err
	}
	return s.Store.Counters(ctx, agencyID)
}

// StaffAccounts lists the staff accounts whose name or username matches q.
func (s *Admin) StaffAccounts(ctx context.Context, actor org.Actor, q string) ([]model.UserAccount, error) {
	if err := core.RequireAdmin(actor); err != nil {
		return nil, err
	}
	return s.Store.Users(ctx, model.UserFilter{Q: q, Staff: true})
}

// ManagedAccount is a staff account for its page, the administrator's own
// included (staffAccount refuses that one for changes); a citizen's account
// is not found: administrators do not manage those.
func (s *Admin) ManagedAccount(ctx context.Context, actor org.Actor, id int64) (model.UserAccount, error) {
	if err := core.RequireAdmin(actor); err != nil {
		return model.UserAccount{}, err
	}
	a, err := s.Store.UserAccount(ctx, id)
	if errors.Is(err, model.ErrNotFound) || (err == nil && a.Role == org.RoleCitizen) {
		return model.UserAccount{}, apperr.ErrNotFound
	} else if err != nil {
		return model.UserAccount{}, fmt.Errorf("service: account %d: %w", id, err)
	}
	return a, nil
}
