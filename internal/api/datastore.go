package api

import (
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"

	"github.com/motcua/motcua/internal/apperr"
	"github.com/motcua/motcua/internal/model"
	"github.com/motcua/motcua/internal/org"
)

// dataStoreRoutes registers the citizen's electronic data store (Circular
// 01/2023 Art. 24): the list of one's results and digitized papers, and
// their download. A document's id goes into a filing's components
// (document_ids) to reuse it.
func (s *Server) dataStoreRoutes() {
	s.mux.HandleFunc("GET /api/v1/me/documents", s.authed(s.myDocuments))
	s.mux.HandleFunc("GET /api/v1/me/documents/{id}/file", s.authed(s.myDocumentFile))
}

// DocumentView is a document of the caller's data store.
type DocumentView struct {
	ID            int64  `json:"id"`
	Kind          string `json:"kind"`
	Name          string `json:"name"`
	FileName      string `json:"file_name"`
	ContentType   string `json:"content_type"`
	Size          int64  `json:"size"`
	SHA256        string `json:"sha256"`
	DossierCode   string `json:"dossier_code"`
	ProcedureCode string `json:"procedure_code"`
	IssuedAt      Time   `json:"issued_at"`
	ValidUntil    *Time  `json:"valid_until"`
	Reusable      bool   `json:"reusable"`
	DownloadURL   string `json:"download_url"`
}

// DocumentList is the caller's data store, newest first.
type DocumentList struct {
	Documents []DocumentView `json:"documents"`
}

func (s *Server) myDocuments(w http.ResponseWriter, r *http.Request, actor org.Actor) {
	docs, err := s.svc.Documents(r.Context(), actor)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	now := s.svc.Now()
	out := DocumentList{Documents: make([]DocumentView, 0, len(docs))}
	for _, d := range docs {
		out.Documents = append(out.Documents, documentView(d, d.ValidAt(now)))
	}
	writeJSON(w, http.StatusOK, out)
}

func documentView(d model.Document, reusable bool) DocumentView {
	return DocumentView{ID: d.ID, Kind: string(d.Kind), Name: d.Name, FileName: d.FileName, ContentType: d.ContentType,
		Size: d.Size, SHA256: d.SHA256, DossierCode: d.DossierCode, ProcedureCode: d.ProcedureCode,
		IssuedAt: Time{d.IssuedAt}, ValidUntil: tptr(d.ValidUntil), Reusable: reusable,
		DownloadURL: fmt.Sprintf("/api/v1/me/documents/%d/file", d.ID)}
}

// myDocumentFile sends a document of the caller's own store; anyone else's
// is not found.
func (s *Server) myDocumentFile(w http.ResponseWriter, r *http.Request, actor org.Actor) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		s.writeError(w, r, apperr.ErrNotFound)
		return
	}
	d, rc, err := s.svc.DocumentFile(r.Context(), actor, id)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	defer rc.Close()
	w.Header().Set("Content-Type", d.ContentType)
	w.Header().Set("Content-Length", strconv.FormatInt(d.Size, 10))
	w.Header().Set("Content-Disposition", "attachment; filename*=UTF-8''"+url.PathEscape(d.FileName))
	w.Header().Set("Cache-Control", "private, no-store")
	io.Copy(w, rc)
}
