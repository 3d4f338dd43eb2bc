package web

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/motcua/motcua/internal/model"
	"github.com/motcua/motcua/internal/org"
	"github.com/motcua/motcua/internal/web/form"
)

// Administration: staff accounts, their roles, activity and passwords.

type userRow struct {
	model.UserAccount
	AgencyName string
}

type usersData struct {
	adminForm
	Q        string
	Rows     []userRow
	Agencies []org.Agency // active ones, for new accounts
	Roles    []org.Role
}

func (s *Server) activeAgencies() []org.Agency {
	var out []org.Agency
	for _, a := range s.svc.Agencies() {
		if a.Active {
			out = append(out, a)
		}
	}
	return out
}

func staffRoles() []org.Role {
	var out []org.Role
	for _, r := range org.Roles {
		if r.Staff() {
			out = append(out, r)
		}
	}
	return out
}

func (s *Server) usersPage(w http.ResponseWriter, r *http.Request, sess *session, status int, form adminForm, err error) {
	q := strings.TrimSpace(r.URL.Query().Get("q"))
	list, lerr := s.svc.StaffAccounts(r.Context(), sess.Actor, q)
	if lerr != nil {
		s.renderError(w, r, lerr)
		return
	}
	d := &usersData{adminForm: form, Q: q, Agencies: s.activeAgencies(), Roles: staffRoles()}
	for _, u := range list {
		row := userRow{UserAccount: u}
		if u.AgencyID != nil {
			a, _ := s.svc.Agency(*u.AgencyID)
			row.AgencyName = a.Name
		}
		d.Rows = append(d.Rows, row)
	}
	v := s.newView(r, "admin.users", d)
	if err != nil {
		v.Error = v.ErrorText(err)
	}
	s.render(w, r, status, "admin_users", v)
}

func (s *Server) adminUsers(w http.ResponseWriter, r *http.Request, sess *session) {
	s.usersPage(w, r, sess, 200, adminForm{}, nil)
}

func (s *Server) adminCreateUser(w http.ResponseWriter, r *http.Request, sess *session) {
	in, err := form.ParseStaff(r.PostForm)
	var u org.User
	if err == nil {
		u, err = s.svc.CreateStaff(r.Context(), sess.Actor, in)
	}
	if err != nil {
		s.failed(w, r, err, func(status int, err error) {
			s.usersPage(w, r, sess, status, adminForm{Form: r.PostForm, Failed: "user"}, err)
		})
		return
	}
	redirectOK(w, r, "/admin/users/"+strconv.FormatInt(u.ID, 10), "admin_user_created")
}

type userData struct {
	adminForm
	U          model.UserAccount
	AgencyName string
	// AgencyIDText is the current agency's ID as the select compares it.
	AgencyIDText string
	Agencies     []org.Agency
	Roles        []org.Role
	Locked       bool
	Self         bool
}

func (s *Server) userPage(w http.ResponseWriter, r *http.Request, sess *session, status int, form adminForm, err error) {
	id, perr := pathID(r)
	if perr != nil {
		s.renderError(w, r, perr)
		return
	}
	u, lerr := s.svc.ManagedAccount(r.Context(), sess.Actor, id)
	if lerr != nil {
		s.renderError(w, r, lerr)
		return
	}
	d := &userData{adminForm: form, U: u, Agencies: s.activeAgencies(), Roles: staffRoles(),
		Locked: s.svc.Now().Before(u.LockedUntil), Self: u.ID == sess.Actor.UserID}
	if u.AgencyID != nil {
		a, _ := s.svc.Agency(*u.AgencyID)
		d.AgencyName, d.AgencyIDText = a.Name, strconv.FormatInt(a.ID, 10)
	}
	v := s.newView(r, "admin.users", d)
	v.Title = v.T("admin.user_title", u.Name)
	if err != nil {
		v.Error = v.ErrorText(err)
	}
	s.render(w, r, status, "admin_user", v)
}

func (s *Server) adminUser(w http.ResponseWriter, r *http.Request, sess *session) {
	s.userPage(w, r, sess, 200, adminForm{}, nil)
}

// userPost runs a change to the account in the path and goes back to its page.
func (s *Server) userPost(w http.ResponseWriter, r *http.Request, sess *session, formName string, do func(id int64) (string, error)) {
	id, err := pathID(r)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	ok, err := do(id)
	if err != nil {
		s.failed(w, r, err, func(status int, err error) {
			s.userPage(w, r, sess, status, adminForm{Form: r.PostForm, Failed: formName}, err)
		})
		return
	}
	redirectOK(w, r, "/admin/users/"+strconv.FormatInt(id, 10), ok)
}

func (s *Server) adminUserRole(w http.ResponseWriter, r *http.Request, sess *session) {
	s.userPost(w, r, sess, "role", func(id int64) (string, error) {
		agency, err := form.ID(r.PostForm, "agency")
		if err != nil {
			return "", err
		}
		return "admin_user_role", s.svc.ChangeRole(r.Context(), sess.Actor, id, org.Role(r.PostFormValue("role")), agency)
	})
}

func (s *Server) adminUserActive(w http.ResponseWriter, r *http.Request, sess *session) {
	s.userPost(w, r, sess, "active", func(id int64) (string, error) {
		active := r.PostFormValue("active") == "1"
		ok := "admin_user_inactive"
		if active {
			ok = "admin_user_active"
		}
		return ok, s.svc.SetUserActive(r.Context(), sess.Actor, id, active)
	})
}

func (s *Server) adminUserPassword(w http.ResponseWriter, r *http.Request, sess *session) {
	s.userPost(w, r, sess, "password", func(id int64) (string, error) {
		return "admin_password", s.svc.ResetPassword(r.Context(), sess.Actor, id, r.PostFormValue("password"))
	})
}
