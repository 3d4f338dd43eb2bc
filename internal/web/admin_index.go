package web

import (
	"net/http"
	"net/url"
	"strconv"

	"github.com/motcua/motcua/internal/model"
	"github.com/motcua/motcua/internal/org"
	"github.com/motcua/motcua/internal/service"
	"github.com/motcua/motcua/internal/web/form"
)

func init() {
	addMessages(map[string][2]string{
		"aidx.title":         {"Số liệu chỉ số 766 ngoài hệ thống", "766 index inputs from outside the system"},
		"aidx.lead":          {"Một số chỉ số 766 lấy số liệu từ Cơ sở dữ liệu quốc gia về TTHC, Cổng Dịch vụ công quốc gia và hệ thống phản ánh, kiến nghị. Nhập tử số và mẫu số theo tháng cho từng cơ quan; khi chưa nhập, chỉ số được ghi là \"chưa đo\", không tự suy đoán.", "Some 766 indicators come from the national procedures database, the National Public Service Portal and the complaints system. Enter the numerator and denominator per month and agency; until then the indicator is shown as not measured, never guessed."},
		"aidx.agency":        {"Cơ quan", "Agency"},
		"aidx.month":         {"Tháng (năm-tháng)", "Month (year-month)"},
		"aidx.indicator":     {"Chỉ số", "Indicator"},
		"aidx.numerator":     {"Tử số", "Numerator"},
		"aidx.denominator":   {"Mẫu số", "Denominator"},
		"aidx.note":          {"Nguồn số liệu, ghi chú", "Source, note"},
		"aidx.save":          {"Lưu số liệu", "Save"},
		"aidx.entered":       {"Số liệu đã nhập", "Entered inputs"},
		"aidx.by_at":         {"Nhập lúc", "Entered"},
		"aidx.none":          {"Chưa nhập số liệu nào trong 12 tháng qua.", "Nothing entered in the last 12 months."},
		"ok.aidx_saved":      {"Đã lưu số liệu chỉ số.", "The indicator input was saved."},
		"aidx.i.1.1":         {"1.1 TTHC công bố đúng hạn", "1.1 Procedures published on time"},
		"aidx.i.1.2":         {"1.2 TTHC cập nhật, công khai đúng hạn trên CSDL quốc gia", "1.2 Procedures updated on time in the national database"},
		"aidx.i.1.3":         {"1.3 TTHC công khai đầy đủ bộ phận cấu thành", "1.3 Procedures published with every part"},
		"aidx.i.1.4":         {"1.4 Hồ sơ đồng bộ lên Cổng DVCQG", "1.4 Dossiers synchronised with the national portal"},
		"aidx.i.3.0":         {"3.0 Hồ sơ trực tuyến toàn trình / hồ sơ của TTHC đủ điều kiện", "3.0 Full-process online dossiers / dossiers of eligible procedures"},
		"aidx.i.3.5b":        {"3.5b TTHC có giao dịch thanh toán trực tuyến", "3.5b Procedures with online payment transactions"},
		"aidx.i.4.x":         {"4.x Chứng thực bản sao điện tử từ bản chính", "4.x Electronic certified copies"},
		"aidx.i.5.2":         {"5.2 Phản ánh, kiến nghị xử lý đúng hạn", "5.2 Complaints handled on time"},
		"aidx.i.5.3":         {"5.3 Hài lòng trong xử lý phản ánh, kiến nghị", "5.3 Satisfaction with complaint handling"},
		"admin.index_inputs": {"Số liệu chỉ số 766", "766 index inputs"},
	})
}

func (s *Server) adminIndexRoutes() {
	s.mux.HandleFunc("GET /admin/index-inputs", s.require(s.adminIndexInputs, org.RoleAdmin))
	s.mux.HandleFunc("POST /admin/index-inputs", s.require(s.form(s.adminSaveIndexInput), org.RoleAdmin))
}

type indexInputsData struct {
	Agencies   []org.Agency
	Indicators []string
	Entered    []model.IndexInput
	Names      map[int64]string
	Form       url.Values
}

func (s *Server) adminIndexInputs(w http.ResponseWriter, r *http.Request, sess *session) {
	s.showIndexInputs(w, r, sess, 200, nil, nil)
}

func (s *Server) showIndexInputs(w http.ResponseWriter, r *http.Request, sess *session, status int, form url.Values, fail error) {
	now := s.svc.Now().In(vietnam)
	entered, err := s.svc.RecentIndexInputs(r.Context(), sess.Actor)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	d := indexInputsData{Agencies: s.svc.Agencies(), Indicators: service.EnterableIndicators, Entered: entered, Names: map[int64]string{}, Form: form}
	for _, a := range d.Agencies {
		d.Names[a.ID] = a.Name
	}
	if d.Form == nil {
		d.Form = url.Values{"month": {now.AddDate(0, -1, 0).Format("2006-01")}}
	}
	v := s.newView(r, "aidx.title", d)
	if fail != nil {
		v.Error = v.ErrorText(fail)
	}
	s.render(w, r, status, "admin_index", v)
}

func (s *Server) adminSaveIndexInput(w http.ResponseWriter, r *http.Request, sess *session) {
	f := r.PostForm
	fail := func(err error) { s.showIndexInputs(w, r, sess, s.httpStatus(r, err), f, err) }
	in, err := form.ParseIndexInput(f)
	if err != nil {
		fail(err)
		return
	}
	err = s.svc.EnterIndexInput(r.Context(), sess.Actor, in.Agency, in.Month, in.Input, in.Note)
	if err != nil {
		fail(err)
		return
	}
	http.Redirect(w, r, "/admin/index-inputs?ok=aidx_saved", http.StatusSeeOther)
}

func init() {
	funcs["monthText"] = func(m int32) string { return strconv.Itoa(int(m%100)) + "/" + strconv.Itoa(int(m/100)) }
}
