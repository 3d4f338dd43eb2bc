package datastore

import (
	"context"
	"errors"
	"fmt"
	"io"
	"slices"

	"github.com/motcua/motcua/internal/apperr"
	"github.com/motcua/motcua/internal/calendar"
	"github.com/motcua/motcua/internal/dossier"
	"github.com/motcua/motcua/internal/model"
	"github.com/motcua/motcua/internal/org"
	"github.com/motcua/motcua/internal/store"
)

// The citizen's electronic data store (kho dữ liệu điện tử, Circular 01/2023
// Art. 24; RULES-VN.md §8.5): what the province issued or digitized for an
// account is kept there, so that the citizen is never asked for it again
// (Decree 45/2020 Art. 16).

// keepDocuments files results and digitized papers into the applicant's
// store, in the transaction of the event that produced them. Dossiers filed
// without an account (at the counter for someone who has none) have no store.
func (s *DataStore) keepDocuments(ctx context.Context, tx *store.Tx, d *dossier.Dossier, ev dossier.Event) error {
	if d.ApplicantUserID == 0 {
		return nil
	}
	file := func(kind model.DocumentKind, name string, ids []string) error {
		for _, id := range ids {
			f, err := s.Store.FileByID(ctx, id)
			if err != nil {
				return fmt.Errorf("service: data store file %s of dossier %d: %w", id, d.ID, err)
			}
			doc := model.Document{OwnerUserID: d.ApplicantUserID, Kind: kind, Name: name, FileID: f.ID, SHA256: f.SHA256,
				DossierID: d.ID, DossierCode: d.Code, ProcedureCode: d.ProcedureCode, IssuedAt: ev.At, CreatedAt: ev.At}
			if _, err := tx.FileDocument(ctx, doc); err != nil {
				return err
			}
		}
		return nil
	}
	switch ev.Action {
	case dossier.ActReceive:
		// Art. 24(2)(e): the papers the one-stop digitized on receipt.
		for _, c := range d.Components {
			if c.Digitized {
				if err := file(model.DocDigitized, c.Name, c.FileIDs); err != nil {
					return err
				}
			}
		}
	case dossier.ActApprove:
		// Art. 24(2)(d): the electronic result, named after the procedure.
		if len(d.ResultFileIDs) == 0 {
			return nil
		}
		p, err := s.ProcedureVersion(ctx, d.ProcedureCode, d.ProcedureVersion)
		if err != nil {
			return err
		}
		return file(model.DocResult, p.Name, d.ResultFileIDs)
	}
	return nil
}

func errDocumentUnknown(id int64) error {
	// The same answer for someone else's document as for none: a citizen
	// must not learn what another person's store holds.
	return apperr.Newf(apperr.Invalid, "document_unknown",
		"Không có giấy tờ số %d trong kho dữ liệu của bạn.", "There is no document %d in your data store.", id)
}

// ReusedFiles turns documents of the actor's store into the files a
// component carries. Only the owner may reuse a document, and only while it
// is valid (RULES-VN.md §8.5 "Validity").
func (s *DataStore) ReusedFiles(ctx context.Context, actor org.Actor, ids []int64) ([]string, error) {
	if len(ids) > 20 {
		return nil, apperr.New(apperr.Invalid, "too_many_documents", "Tối đa 20 giấy tờ cho một thành phần.", "At most 20 documents per component.")
	}
	now := s.Now()
	out := make([]string, 0, len(ids))
	for _, id := range ids {
		doc, err := s.Store.Document(ctx, id)
		if errors.Is(err, model.ErrNotFound) || (err == nil && (actor.UserID == 0 || doc.OwnerUserID != actor.UserID)) {
			return nil, errDocumentUnknown(id)
		} else if err != nil {
			return nil, err
		}
		if !doc.ValidAt(now) {
			day := doc.ValidUntil.In(calendar.Zone).Format("02/01/2006")
			return nil, apperr.Newf(apperr.Invalid, "document_expired",
				"Giấy tờ %q đã hết hiệu lực từ ngày %s; hãy tải lên bản còn hiệu lực.",
				"The document %q expired on %s; upload a valid one.", doc.Name, day)
		}
		if !slices.Contains(out, doc.FileID) {
			out = append(out, doc.FileID)
		}
	}
	return out, nil
}

// Documents lists the actor's own data store. Only citizens have one.
func (s *DataStore) Documents(ctx context.Context, actor org.Actor) ([]model.Document, error) {
	if actor.Role != org.RoleCitizen {
		return nil, apperr.New(apperr.Forbidden, "datastore_citizens_only",
			"Kho dữ liệu điện tử dành cho tài khoản công dân, tổ chức.", "The electronic data store belongs to citizen and business accounts.")
	}
	return s.Store.Documents(ctx, actor.UserID, model.DocumentFilter{})
}

// ReusableDocuments lists the actor's documents that may still be reused:
// a result past its validity is not offered.
func (s *DataStore) ReusableDocuments(ctx context.Context, actor org.Actor) ([]model.Document, error) {
	if actor.Role != org.RoleCitizen {
		return nil, nil
	}
	now := s.Now()
	return s.Store.Documents(ctx, actor.UserID, model.DocumentFilter{ValidAt: &now})
}

// DocumentFile opens a document of the actor's own store; anyone else's is
// not found.
func (s *DataStore) DocumentFile(ctx context.Context, actor org.Actor, id int64) (model.Document, io.ReadCloser, error) {
	doc, err := s.Store.Document(ctx, id)
	if errors.Is(err, model.ErrNotFound) || (err == nil && (actor.Role != org.RoleCitizen || doc.OwnerUserID != actor.UserID)) {
		return model.Document{}, nil, apperr.ErrNotFound
	} else if err != nil {
		return model.Document{}, nil, err
	}
	rc, err := s.Files.Open(ctx, doc.SHA256)
	if err != nil {
		return model.Document{}, nil, fmt.Errorf("service: open document %d: %w", id, err)
	}
	return doc, rc, nil
}

// OwnDocument is a document of the actor's own data store, valid or not, so
// that a form can say that the paper chosen has expired; anyone else's is
// not found, as in DocumentFile.
func (s *DataStore) OwnDocument(ctx context.Context, actor org.Actor, id int64) (model.Document, error) {
	doc, err := s.Store.Document(ctx, id)
	if errors.Is(err, model.ErrNotFound) || (err == nil && (actor.Role != org.RoleCitizen || actor.UserID == 0 || doc.OwnerUserID != actor.UserID)) {
		return model.Document{}, apperr.ErrNotFound
	} else if err != nil {
		return model.Document{}, fmt.Errorf("service: document %d: %w", id, err)
	}
	return doc, nil
}
