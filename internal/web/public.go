package web

import (
	"errors"
	"net/http"
	"strings"

	"github.com/motcua/motcua/internal/api"
	"github.com/motcua/motcua/internal/apperr"
	"github.com/motcua/motcua/internal/catalog"
	"github.com/motcua/motcua/internal/dossier"
	"github.com/motcua/motcua/internal/model"
	"github.com/motcua/motcua/internal/org"
)

func init() {
	addMessages(map[string][2]string{
		"home.title":         {"Dịch vụ công một cửa", "One-stop public services"},
		"home.lead":          {"Tìm thủ tục, nộp hồ sơ trực tuyến và theo dõi kết quả — không cần đến nhiều nơi.", "Find a procedure, file online and follow your dossier — without going from office to office."},
		"home.search_label":  {"Bạn cần làm thủ tục gì?", "Which procedure do you need?"},
		"home.search_hint":   {"Gõ vài chữ, có dấu hoặc không dấu, ví dụ: dang ky khai sinh", "Type a few words, with or without accents, e.g. dang ky khai sinh"},
		"home.steps":         {"Ba bước để làm thủ tục", "Three steps"},
		"home.step1":         {"Tìm thủ tục và xem cần chuẩn bị giấy tờ gì.", "Find the procedure and see which papers you need."},
		"home.step2":         {"Đăng nhập bằng tài khoản định danh điện tử (VNeID) và nộp hồ sơ kèm ảnh chụp hoặc bản quét giấy tờ.", "Sign in with your electronic ID (VNeID) and file with photos or scans of the papers."},
		"home.step3":         {"Theo dõi hồ sơ bằng mã hồ sơ; nhận kết quả tại quầy, qua bưu điện hoặc trực tuyến.", "Follow the dossier with its code; get the result at the counter, by post or online."},
		"home.track_label":   {"Đã có mã hồ sơ? Tra cứu tại đây", "Have a dossier code? Track it here"},
		"procs.title":        {"Thủ tục hành chính", "Administrative procedures"},
		"procs.found":        {"Tìm thấy %d thủ tục", "%d procedures found"},
		"procs.none":         {"Không tìm thấy thủ tục nào. Hãy thử ít chữ hơn hoặc từ khác.", "No procedure found. Try fewer or other words."},
		"procs.level":        {"Cấp thực hiện", "Level"},
		"procs.level_any":    {"Tất cả các cấp", "All levels"},
		"level.province":     {"Cấp tỉnh", "Province"},
		"level.commune":      {"Cấp xã", "Commune"},
		"proc.code":          {"Mã thủ tục", "Procedure code"},
		"proc.sector":        {"Lĩnh vực", "Sector"},
		"proc.agency":        {"Cơ quan thực hiện", "Competent agency"},
		"proc.time_limit":    {"Thời hạn giải quyết", "Time limit"},
		"proc.fee":           {"Phí, lệ phí", "Fees"},
		"proc.components":    {"Thành phần hồ sơ", "Papers to provide"},
		"proc.originals":     {"Bản chính", "Originals"},
		"proc.copies":        {"Bản sao", "Copies"},
		"proc.where":         {"Nơi nộp hồ sơ", "Where to file"},
		"proc.where_text":    {"Nộp trực tuyến tại đây, tại Bộ phận Một cửa (%s), hoặc qua bưu chính công ích.", "Online here, at the one-stop counter (%s), or through the public postal service."},
		"proc.result":        {"Kết quả", "Result"},
		"proc.legal":         {"Căn cứ pháp lý", "Legal basis"},
		"proc.file_online":   {"Nộp hồ sơ trực tuyến", "File online"},
		"proc.login_to_file": {"Đăng nhập để nộp hồ sơ trực tuyến", "Sign in to file online"},
		"proc.no_limit":      {"Thủ tục này chưa công bố thời hạn giải quyết nên chưa nhận hồ sơ trực tuyến. Vui lòng liên hệ Bộ phận Một cửa.", "This procedure has no published time limit, so it cannot be filed online yet. Please contact the one-stop counter."},
		"tl.unknown":         {"Chưa công bố", "Not published"},
		"tl.same_day":        {"Trong ngày làm việc (nhận trước 15 giờ)", "Same working day (if received before 15:00)"},
		"tl.days":            {"%d ngày", "%d days"},
		"tl.working_days":    {"%d ngày làm việc", "%d working days"},
		"track.title":        {"Tra cứu hồ sơ", "Track a dossier"},
		"track.label":        {"Mã hồ sơ (in trên Giấy tiếp nhận và hẹn trả kết quả) hoặc mã tra cứu nhận khi nộp trực tuyến (TC-…)", "Dossier code (printed on the receipt and appointment slip) or the tracking reference given when filing online (TC-…)"},
		"track.hint":         {"Ví dụ: 000.00.01.H99-261201-0001", "For example: 000.00.01.H99-261201-0001"},
		"track.result":       {"Hồ sơ %s", "Dossier %s"},
		"track.not_found":    {"Không tìm thấy hồ sơ có mã này. Hãy kiểm tra lại từng ký tự trên phiếu hẹn.", "No dossier has this code. Check each character on your appointment slip."},
		"track.agency":       {"Cơ quan đang giải quyết", "Agency handling it"},
		"track.key":          {"Mã tra cứu (in cạnh mã hồ sơ trên phiếu hẹn; không bắt buộc)", "Lookup key (printed beside the code on the slip; optional)"},
		"track.key_hint":     {"Chỉ có mã hồ sơ: xem tình trạng. Có thêm mã tra cứu: xem cả thủ tục, cơ quan và thời hạn.", "With the code alone you see the status; with the lookup key also the procedure, agency and dates."},
		"track.privacy":      {"Trang tra cứu công khai không hiển thị thông tin cá nhân.", "The public tracking page shows no personal data."},
	})
}

func (s *Server) publicRoutes() {
	s.mux.HandleFunc("GET /{$}", s.page(s.home))
	s.mux.HandleFunc("GET /procedures", s.page(s.procedures))
	s.mux.HandleFunc("GET /procedures/{code}", s.page(s.procedure))
	s.mux.HandleFunc("GET /track", s.page(s.track))
	s.mux.HandleFunc("GET /track/{code}", s.page(s.track))
}

func (s *Server) home(w http.ResponseWriter, r *http.Request, sess *session) {
	s.render(w, r, 200, "home", s.newView(r, "home.title", nil))
}

type proceduresData struct {
	Q, Level string
	Items    []catalog.Procedure
	Searched bool
}

func (s *Server) procedures(w http.ResponseWriter, r *http.Request, sess *session) {
	q := r.URL.Query()
	d := proceduresData{Q: strings.TrimSpace(q.Get("q")), Level: q.Get("level")}
	if d.Level != "" && d.Level != "province" && d.Level != "commune" {
		d.Level = ""
	}
	list, err := s.svc.SearchProcedures(r.Context(), model.ProcedureFilter{Q: d.Q, Level: d.Level, Limit: 100})
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	d.Items, d.Searched = list, d.Q != "" || d.Level != ""
	s.render(w, r, 200, "procedures", s.newView(r, "procs.title", d))
}

type procedureData struct {
	P       catalog.Procedure
	Agency  org.Agency
	OneStop org.Agency
}

func (s *Server) loadProcedure(r *http.Request, code string) (procedureData, error) {
	p, a, err := s.svc.Procedure(r.Context(), code)
	if err != nil {
		return procedureData{}, err
	}
	d := procedureData{P: p, Agency: a, OneStop: a}
	if a.ID != 0 {
		if d.Agency.OneStopID != nil {
			d.OneStop, _ = s.svc.Agency(*d.Agency.OneStopID)
		}
	}
	return d, nil
}

func (s *Server) procedure(w http.ResponseWriter, r *http.Request, sess *session) {
	d, err := s.loadProcedure(r, r.PathValue("code"))
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	v := s.newView(r, "procs.title", d)
	v.Title = d.P.Name
	s.render(w, r, 200, "procedure", v)
}

// trackData is public: the status for the code alone; procedure, agency
// and dates only with the lookup key printed on Form 01 (Full). Never
// personal data.
type trackData struct {
	Code       string
	Key        string
	Found      bool
	Full       bool
	Status     dossier.Status
	Dossier    *dossier.Dossier
	Procedure  string
	Agency     string
	Timeliness dossier.Timeliness
	Papers     []dossier.MissingPaper // asked for while waiting for supplementation, without explanations
}

func (s *Server) track(w http.ResponseWriter, r *http.Request, sess *session) {
	code := strings.TrimSpace(r.PathValue("code"))
	if code == "" {
		code = strings.TrimSpace(r.URL.Query().Get("code"))
	}
	d := trackData{Code: code, Key: strings.TrimSpace(r.URL.Query().Get("key"))}
	v := s.newView(r, "track.title", &d)
	status := 200
	if code != "" {
		t, err := s.svc.TrackFrom(r.Context(), s.clientKey(r), code, d.Key)
		var e *apperr.Error
		switch {
		case err == nil:
			d.Found, d.Status = true, t.Status
			if ds := t.Full; ds != nil {
				d.Full, d.Dossier = true, ds
				if p, err := s.svc.ProcedureVersion(r.Context(), ds.ProcedureCode, ds.ProcedureVersion); err == nil {
					d.Procedure = p.Name
				}
				a, _ := s.svc.Agency(ds.ProcessingAgencyID)
				d.Agency = a.Name
				d.Timeliness = ds.Timeliness(s.svc.Now(), s.svc.Deadlines().DayStart)
				if d.Papers, err = s.svc.TrackedPapers(r.Context(), t); err != nil {
					s.renderError(w, r, err)
					return
				}
			}
		case errors.As(err, &e) && e.Kind == apperr.NotFound:
			v.Error, status = v.T("track.not_found"), http.StatusNotFound
		case errors.As(err, &e) && (e.Kind == apperr.Forbidden || e.Kind == apperr.Locked):
			api.SetRetryAfter(w, err)
			v.Error, status = v.ErrorText(err), e.Kind.HTTPStatus()
		default:
			s.renderError(w, r, err)
			return
		}
	}
	s.render(w, r, status, "track", v)
}
