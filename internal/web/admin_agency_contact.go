package web

import "net/http"

func init() {
	addMessages(map[string][2]string{
		"admin.contact":           {"Địa chỉ, điện thoại (in trên phiếu)", "Address, phone (printed on forms)"},
		"admin.address":           {"Địa chỉ", "Address"},
		"admin.phone":             {"Điện thoại", "Phone"},
		"admin.save_contact":      {"Lưu địa chỉ, điện thoại", "Save address and phone"},
		"ok.admin_agency_contact": {"Đã lưu địa chỉ, điện thoại của cơ quan.", "The agency's address and phone are saved."},
	})
}

// adminAgencyContact saves the address and phone an agency's forms print.
func (s *Server) adminAgencyContact(w http.ResponseWriter, r *http.Request, sess *session, id int64) {
	if err := s.svc.SetAgencyContact(r.Context(), sess.Actor, id, r.PostFormValue("address"), r.PostFormValue("phone")); err != nil {
		s.failed(w, r, err, func(status int, err error) { s.agenciesPage(w, r, status, adminForm{}, err) })
		return
	}
	redirectOK(w, r, "/admin/agencies", "admin_agency_contact")
}
