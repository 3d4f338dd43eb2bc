package web

import (
	"net/http"
	"strconv"

	"github.com/motcua/motcua/internal/apperr"
	"github.com/motcua/motcua/internal/model"
	"github.com/motcua/motcua/internal/org"
)

// The citizen's electronic data store (kho dữ liệu điện tử, Circular 01/2023
// Art. 24): the results and digitized papers kept under the account, to
// download and to reuse when filing (the filing form offers them).

func init() {
	addMessages(map[string][2]string{
		"ds.nav":            {"Kho giấy tờ", "My documents"},
		"ds.title":          {"Kho dữ liệu điện tử của tôi", "My electronic data store"},
		"ds.lead":           {"Kết quả giải quyết điện tử và giấy tờ đã được số hóa của bạn. Khi nộp hồ sơ mới, bạn có thể chọn giấy tờ còn hiệu lực ở đây thay vì tải lên lại.", "Your electronic results and the papers digitized for you. When filing a new dossier you can pick a valid document from here instead of uploading it again."},
		"ds.empty":          {"Kho chưa có giấy tờ nào. Kết quả điện tử và giấy tờ được số hóa khi tiếp nhận sẽ được lưu tại đây.", "Your store is empty. Electronic results and the papers digitized on receipt will be kept here."},
		"ds.kind.result":    {"Kết quả giải quyết", "Result"},
		"ds.kind.digitized": {"Giấy tờ đã số hóa", "Digitized paper"},
		"ds.name":           {"Giấy tờ", "Document"},
		"ds.kind":           {"Loại", "Kind"},
		"ds.dossier":        {"Hồ sơ", "Dossier"},
		"ds.issued":         {"Ngày cấp, số hóa", "Issued or digitized"},
		"ds.valid":          {"Hiệu lực", "Validity"},
		"ds.valid_open":     {"Không ghi thời hạn", "No end stated"},
		"ds.valid_until":    {"Đến %s", "Until %s"},
		"ds.expired":        {"Hết hiệu lực", "Expired"},
		"ds.download":       {"Tải về", "Download"},
		"ds.reuse":          {"Dùng giấy tờ trong kho", "Use a document from my store"},
		"ds.reuse_none":     {"— Không, tôi tải tệp lên —", "— No, I will upload a file —"},
	})
}

func (s *Server) dataStorePages() {
	s.mux.HandleFunc("GET /me/documents", s.require(s.myDocuments, org.RoleCitizen))
	s.mux.HandleFunc("GET /me/documents/{id}/file", s.require(s.myDocumentFile, org.RoleCitizen))
}

type docRow struct {
	D     model.Document
	Valid bool
}

func (s *Server) myDocuments(w http.ResponseWriter, r *http.Request, sess *session) {
	docs, err := s.svc.Documents(r.Context(), sess.Actor)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	now := s.svc.Now()
	rows := make([]docRow, 0, len(docs))
	for _, d := range docs {
		rows = append(rows, docRow{D: d, Valid: d.ValidAt(now)})
	}
	s.render(w, r, 200, "datastore_list", s.newView(r, "ds.title", rows))
}

// myDocumentFile sends a document of the signed-in citizen's own store;
// another person's is not found.
func (s *Server) myDocumentFile(w http.ResponseWriter, r *http.Request, sess *session) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		s.renderError(w, r, apperr.ErrNotFound)
		return
	}
	d, rc, err := s.svc.DocumentFile(r.Context(), sess.Actor, id)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	defer rc.Close()
	sendPrivate(w, d.ContentType, d.FileName, d.Size, rc)
}
