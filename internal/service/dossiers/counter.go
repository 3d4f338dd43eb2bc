package dossiers

import (
	"context"
	"errors"
	"io"
	"strings"

	"github.com/motcua/motcua/internal/apperr"
	"github.com/motcua/motcua/internal/model"
	"github.com/motcua/motcua/internal/org"
	"github.com/motcua/motcua/internal/service/internal/core"
)

// CounterScan is a paper scanned at the counter, to be attached to the
// component at index Component of NewDossier.Components.
type CounterScan struct {
	Component int
	Name      string
	Open      func() (io.ReadCloser, error)
}

// SubmitAtCounter files the dossier of a person present at the counter, with
// the papers the officer scanned: it is Submit with the uploads done on the
// way. Everything that can be checked before storing a file is checked first
// (role, applicant, procedure, processing agency, result delivery), and a
// repeat of a completed request (same key) answers from the stored response
// without storing the scans again. The dossier is created in status
// submitted: the officer then checks it and receives it (Form 01) on the
// check page, like an online dossier.
func (s *Dossiers) SubmitAtCounter(ctx context.Context, actor org.Actor, in NewDossier, scans []CounterScan, key, hash string, render core.Render) (*core.Result, error) {
	if actor.Role != org.RoleCounter {
		return nil, apperr.Newf(apperr.Forbidden, "role_cannot_submit",
			"Vai trò %q không ghi nhận hồ sơ tại quầy.", "The role %q does not enter dossiers at the counter.", actor.Role)
	}
	if err := core.CheckKey(key); err != nil {
		return nil, err
	}
	replay, err := s.Store.IdempotentReplay(ctx, core.IdemScope(actor), key)
	switch {
	case err == nil:
		if replay.RequestHash != hash {
			return nil, core.ErrKeyReused
		}
		return &core.Result{Status: replay.StatusCode, Body: replay.Response, Replay: true}, nil
	case !errors.Is(err, model.ErrNotFound):
		return nil, err
	}
	if err := s.precheck(ctx, in); err != nil {
		return nil, err
	}
	for _, sc := range scans {
		if sc.Component < 0 || sc.Component >= len(in.Components) {
			return nil, apperr.New(apperr.Invalid, "scan_component", "Tệp quét không gắn với thành phần hồ sơ nào.", "A scanned file is attached to no component.")
		}
		f, err := s.uploadScan(ctx, actor, sc)
		if err != nil {
			return nil, err
		}
		c := &in.Components[sc.Component]
		c.FileIDs = append(c.FileIDs, f.ID)
	}
	return s.Submit(ctx, actor, in, key, hash, render)
}

func (s *Dossiers) uploadScan(ctx context.Context, actor org.Actor, sc CounterScan) (model.File, error) {
	rc, err := sc.Open()
	if err != nil {
		return model.File{}, apperr.New(apperr.BadInput, "upload_read", "Không đọc được tệp tải lên.", "The uploaded file could not be read.")
	}
	defer rc.Close()
	f, err := s.Upload(ctx, actor, sc.Name, rc)
	if e, ok := apperr.As(err); ok {
		// Say which file was refused: the officer may have scanned several.
		return f, &apperr.Error{Kind: e.Kind, Code: e.Code, Message: sc.Name + ": " + e.Message, MessageVi: sc.Name + ": " + e.MessageVi}
	}
	return f, err
}

// precheck runs Submit's own input checks without writing anything.
func (s *Dossiers) precheck(ctx context.Context, in NewDossier) error {
	a := in.Applicant
	if err := a.Normalize(); err != nil {
		return err
	}
	if in.ReturnMethod != "" && !in.ReturnMethod.Valid() {
		return apperr.Newf(apperr.Invalid, "return_method_invalid", "Hình thức nhận kết quả %q không hợp lệ (counter, postal, online).", "Unknown return method %q (counter, postal, online).", in.ReturnMethod)
	}
	code := strings.TrimSpace(in.ProcedureCode)
	if code == "" {
		return apperr.New(apperr.Invalid, "procedure_required", "Cần chọn thủ tục (procedure_code).", "A procedure (procedure_code) is required.")
	}
	if _, err := s.Store.Procedure(ctx, code, 0); errors.Is(err, model.ErrNotFound) {
		return apperr.Newf(apperr.Invalid, "procedure_unknown", "Không có thủ tục mã %q.", "There is no procedure with code %q.", code)
	} else if err != nil {
		return err
	}
	_, err := s.processingAgency(ctx, in.AgencyCode, code)
	return err
}
