package api

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strconv"
	"strings"

	"github.com/motcua/motcua/internal/apperr"
	"github.com/motcua/motcua/internal/dossier"
	"github.com/motcua/motcua/internal/model"
	"github.com/motcua/motcua/internal/org"
	"github.com/motcua/motcua/internal/service"
	"github.com/motcua/motcua/internal/textin"
)

func (s *Server) login(w http.ResponseWriter, r *http.Request) {
	var in struct {
		Username string `json:"username"`
		Password string `json:"password"`
	}
	if err := decode(r, &in); err != nil {
		s.writeError(w, r, err)
		return
	}
	token, u, err := s.svc.LoginFrom(r.Context(), s.clientKey(r), strings.TrimSpace(in.Username), in.Password)
	if err != nil {
		s.writeLimited(w, r, err)
		return
	}
	writeJSON(w, 200, map[string]any{"token": token, "token_type": "Bearer", "expires_in": int(service.TokenLifetime.Seconds()),
		"user": map[string]any{"id": u.ID, "username": u.Username, "name": u.Name, "role": u.Role}})
}

func (s *Server) listProcedures(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	limit, _ := strconv.Atoi(q.Get("limit"))
	offset, _ := strconv.Atoi(q.Get("offset"))
	list, err := s.svc.SearchProcedures(r.Context(), model.ProcedureFilter{Q: q.Get("q"), Level: q.Get("level"), Sector: q.Get("sector"), Limit: limit, Offset: max(offset, 0)})
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	writeJSON(w, 200, map[string]any{"items": list})
}

func (s *Server) getProcedure(w http.ResponseWriter, r *http.Request) {
	p, _, err := s.svc.Procedure(r.Context(), r.PathValue("code"))
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	writeJSON(w, 200, p)
}

func (s *Server) listAgencies(w http.ResponseWriter, r *http.Request) {
	list, err := s.svc.AllAgencies(r.Context())
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	if list == nil {
		list = []org.Agency{}
	}
	writeJSON(w, 200, map[string]any{"items": list})
}

// track is the public look-up: the bare status for the code alone, the
// procedure, agency and dates with the key printed on Form 01 (?key=).
func (s *Server) track(w http.ResponseWriter, r *http.Request) {
	t, err := s.svc.TrackFrom(r.Context(), s.clientKey(r), r.PathValue("code"), r.URL.Query().Get("key"))
	if err != nil {
		s.writeLimited(w, r, err)
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	d := t.Full
	if d == nil {
		writeJSON(w, 200, TrackView{Code: t.Code, Status: t.Status, NationalStatus: t.Status.NationalCode(), Detail: "status"})
		return
	}
	name := ""
	if p, err := s.svc.ProcedureVersion(r.Context(), d.ProcedureCode, d.ProcedureVersion); err == nil {
		name = p.Name
	}
	a, _ := s.svc.Agency(d.ProcessingAgencyID)
	writeJSON(w, 200, TrackView{Code: d.Code, ProcedureCode: d.ProcedureCode, ProcedureName: name, Status: d.Status,
		NationalStatus: d.Status.NationalCode(), ReceivedAt: tptr(d.ReceivedAt), DueAt: tptr(d.DueAt),
		PreviousDueAt: tptr(d.PreviousDueAt), FinishedAt: tptr(d.FinishedAt), ReturnedAt: tptr(d.ReturnedAt),
		Timeliness: s.timeliness(d, s.svc.Now()), AgencyName: a.Name, Detail: "full"})
}

func (s *Server) uploadFile(w http.ResponseWriter, r *http.Request, actor org.Actor) {
	r.Body = http.MaxBytesReader(w, r.Body, service.MaxFileSize+1<<20)
	mr, err := r.MultipartReader()
	if err != nil {
		s.writeError(w, r, apperr.New(apperr.BadInput, "multipart_required", "Gửi tệp dưới dạng multipart/form-data, trường \"file\".", "Send the file as multipart/form-data in the field \"file\"."))
		return
	}
	for {
		part, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			var maxErr *http.MaxBytesError
			if errors.As(err, &maxErr) {
				s.writeError(w, r, apperr.Newf(apperr.TooLarge, "file_too_large", "Tệp quá lớn: tối đa %d MB.", "The file is too large: %d MB at most.", service.MaxFileSize>>20))
				return
			}
			s.writeError(w, r, apperr.New(apperr.BadInput, "multipart_invalid", "Nội dung multipart không hợp lệ.", "Malformed multipart body."))
			return
		}
		if p, ok := textin.Line(part.FormName()); !ok {
			s.writeError(w, r, apperr.Newf(apperr.BadInput, "text_control_char", "Tên một trường multipart %[1]s.", "A multipart field name %[2]s.", p.Vi(), p.En()))
			return
		}
		if part.FormName() != "file" {
			continue
		}
		// A retry with the same Idempotency-Key gets the first file_id back.
		res, err := s.svc.UploadOnce(r.Context(), actor, r.Header.Get("Idempotency-Key"), part.FileName(), part, func(f model.File) ([]byte, error) {
			return json.Marshal(FileView{ID: f.ID, SHA256: f.SHA256, Size: f.Size, ContentType: f.ContentType, Name: f.Name, CreatedAt: Time{f.CreatedAt}})
		})
		if err != nil {
			s.writeError(w, r, err)
			return
		}
		if res.Replay {
			w.Header().Set("Idempotent-Replayed", "true")
		}
		writeRaw(w, res.Status, res.Body)
		return
	}
	s.writeError(w, r, apperr.New(apperr.BadInput, "file_missing", "Thiếu trường \"file\".", "The \"file\" field is missing."))
}

// readBody keeps the raw body for the idempotency fingerprint and decodes it.
func readBody(r *http.Request, v any) (string, error) {
	raw, err := io.ReadAll(r.Body)
	if err != nil {
		var maxErr *http.MaxBytesError
		if errors.As(err, &maxErr) {
			return "", apperr.Newf(apperr.TooLarge, "body_too_large", "Nội dung yêu cầu quá lớn (tối đa %d KB).", "The request body is too large (%d KB at most).", maxErr.Limit>>10)
		}
		return "", apperr.New(apperr.BadInput, "body_read", "Không đọc được nội dung yêu cầu.", "The request body could not be read.")
	}
	r.Body = io.NopCloser(strings.NewReader(string(raw)))
	return string(raw), decode(r, v)
}

func (s *Server) renderer(actor org.Actor) service.Render {
	return func(d *dossier.Dossier) ([]byte, error) { return json.Marshal(s.dossierView(d, actor)) }
}

func (s *Server) submit(w http.ResponseWriter, r *http.Request, actor org.Actor) {
	var in service.NewDossier
	raw, err := readBody(r, &in)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	res, err := s.svc.Submit(r.Context(), actor, in, r.Header.Get("Idempotency-Key"), service.RequestHash("submit", raw), s.renderer(actor))
	s.writeResult(w, r, "submit", res, err)
}

// writeResult answers a dossier write: the stored body on an idempotent
// replay, otherwise the new dossier with its version as ETag.
func (s *Server) writeResult(w http.ResponseWriter, r *http.Request, action string, res *service.Result, err error) {
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	if res.Replay {
		w.Header().Set("Idempotent-Replayed", "true")
	} else {
		s.actions.WithLabelValues(action).Inc()
		w.Header().Set("ETag", strconv.Itoa(res.Dossier.Version))
	}
	writeRaw(w, res.Status, res.Body)
}

func pathID(r *http.Request) (int64, error) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		return 0, apperr.New(apperr.NotFound, "dossier_id_invalid", "Mã số hồ sơ không hợp lệ.", "Invalid dossier id.")
	}
	return id, nil
}

// byID reads the dossier id of the path before calling h.
func (s *Server) byID(h func(http.ResponseWriter, *http.Request, org.Actor, int64)) func(http.ResponseWriter, *http.Request, org.Actor) {
	return func(w http.ResponseWriter, r *http.Request, actor org.Actor) {
		id, err := pathID(r)
		if err != nil {
			s.writeError(w, r, err)
			return
		}
		h(w, r, actor, id)
	}
}

func (s *Server) getDossier(w http.ResponseWriter, r *http.Request, actor org.Actor, id int64) {
	d, err := s.svc.Dossier(r.Context(), actor, id)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	w.Header().Set("ETag", strconv.Itoa(d.Version))
	writeJSON(w, 200, s.dossierView(d, actor))
}

func (s *Server) listDossiers(w http.ResponseWriter, r *http.Request, actor org.Actor) {
	q := r.URL.Query()
	f := service.ListFilter{Status: q.Get("status"), AgencyCode: q.Get("agency"), Q: q.Get("q")}
	if v := q.Get("overdue"); v != "" {
		b, err := strconv.ParseBool(v)
		if err != nil {
			s.writeError(w, r, apperr.New(apperr.BadInput, "overdue_invalid", "Tham số \"overdue\" phải là true hoặc false.", "overdue must be true or false."))
			return
		}
		f.Overdue = &b
	}
	f.Limit, _ = strconv.Atoi(q.Get("limit"))
	f.AfterID, _ = strconv.ParseInt(q.Get("after"), 10, 64)
	list, err := s.svc.List(r.Context(), actor, f)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	items := make([]DossierView, 0, len(list))
	for _, d := range list {
		items = append(items, s.dossierView(d, actor))
	}
	out := map[string]any{"items": items}
	if len(list) > 0 {
		out["next_after"] = list[len(list)-1].ID
	}
	writeJSON(w, 200, out)
}

func (s *Server) act(w http.ResponseWriter, r *http.Request, actor org.Actor, id int64) {
	var in service.ActionInput
	raw, err := readBody(r, &in)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	ifMatch := 0
	if v := strings.Trim(strings.TrimPrefix(strings.TrimSpace(r.Header.Get("If-Match")), "W/"), `"`); v != "" {
		if ifMatch, err = strconv.Atoi(v); err != nil {
			s.writeError(w, r, apperr.New(apperr.BadInput, "if_match_invalid", "If-Match phải là số phiên bản của hồ sơ.", "If-Match must be the dossier's version number."))
			return
		}
	}
	res, err := s.svc.Act(r.Context(), actor, id, ifMatch, in, r.Header.Get("Idempotency-Key"),
		service.RequestHash("act", strconv.FormatInt(id, 10), strconv.Itoa(ifMatch), raw), s.renderer(actor))
	s.writeResult(w, r, in.Action, res, err)
}

func (s *Server) events(w http.ResponseWriter, r *http.Request, actor org.Actor, id int64) {
	evs, err := s.svc.Events(r.Context(), actor, id)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	items := make([]EventView, 0, len(evs))
	for _, e := range evs {
		items = append(items, eventView(e))
	}
	writeJSON(w, 200, map[string]any{"items": items})
}
