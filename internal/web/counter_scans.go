package web

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"slices"
	"strconv"
	"strings"

	"github.com/motcua/motcua/internal/apperr"
	"github.com/motcua/motcua/internal/dossier"
	"github.com/motcua/motcua/internal/model"
	"github.com/motcua/motcua/internal/org"
	"github.com/motcua/motcua/internal/service"
	"github.com/motcua/motcua/internal/web/form"
)

// Digitization on receipt: the scans attached when the counter receives a dossier.

type scanFormKey struct{}

// counterForm reads the check page's posts. The receive form is multipart
// when the officer attaches scans, possibly several, so it is read within
// maxCounterBody with its files spooled to disk (the page's other forms go
// through s.form). What arrived before the limit is kept, as on the filing
// page.
func (s *Server) counterForm(h handler) handler {
	plain := s.form(h)
	return func(w http.ResponseWriter, r *http.Request, sess *session) {
		if !strings.HasPrefix(r.Header.Get("Content-Type"), "multipart/form-data") {
			plain(w, r, sess)
			return
		}
		m, ok := s.readUploadPost(w, r, maxCounterBody)
		defer m.cleanup()
		if !ok {
			return
		}
		h(w, r.WithContext(context.WithValue(r.Context(), scanFormKey{}, m)), sess)
	}
}

// electronic tells whether a component needs no digitization: the
// applicant filed it as a file online or it came from their data store
// (Circular 03/2025 Art. 5(2)); the service refuses to mark those.
func electronic(d *dossier.Dossier, c dossier.ComponentFiles) bool {
	return (d.Channel == dossier.ChannelOnline && len(c.FileIDs) > 0) || c.Reused
}

// keptScans are the officer's own uploads named in kept_scan_<j>.
func (s *Server) keptScans(ctx context.Context, actor org.Actor, f url.Values, j int) []model.File {
	var out []model.File
	for _, id := range f["kept_scan_"+strconv.Itoa(j)] {
		if fl, err := s.svc.OwnFile(ctx, actor, id); err == nil &&
			!slices.ContainsFunc(out, func(k model.File) bool { return k.ID == fl.ID }) {
			out = append(out, fl)
		}
	}
	return out
}

// scanRows lists the dossier's components for the receive form, with the
// scans a refused attempt kept and the ticks as sent.
func (s *Server) scanRows(r *http.Request, actor org.Actor, d *dossier.Dossier, form url.Values, failed bool) []scanRow {
	rows := make([]scanRow, 0, len(d.Components))
	for j, c := range d.Components {
		row := scanRow{J: j, Name: c.Name, Electronic: electronic(d, c), HasFiles: len(c.FileIDs) > 0}
		if failed && form != nil {
			row.Kept = s.keptScans(r.Context(), actor, form, j)
			row.Digitize = slices.Contains(form["digitize"], strconv.Itoa(j))
		} else {
			row.Digitize = row.HasFiles && !row.Electronic
		}
		rows = append(rows, row)
	}
	return rows
}

// counterScans uploads the scans of the receive form (service.Upload: PDF,
// JPEG or PNG by content) and turns them, with the scans kept from a
// refused attempt and the ticked existing scans, into the components marked
// digitized (Circular 01/2023 Art. 7). The uploads are written back into
// typed as kept, so that a refusal loses none of them. It also returns a
// fingerprint of the scans by content for the request hash.
func (s *Server) counterScans(ctx context.Context, actor org.Actor, d *dossier.Dossier, m *citMultipart, typed url.Values) ([]dossier.ComponentFiles, string, error) {
	f := typed
	files := make([][]model.File, len(d.Components))
	for j := range d.Components {
		files[j] = s.keptScans(ctx, actor, f, j)
	}
	var vi, en []string
	if m != nil {
		n := 0
		for _, u := range m.Files {
			j, err := strconv.Atoi(strings.TrimPrefix(u.Field, "scan_"))
			if !strings.HasPrefix(u.Field, "scan_") || err != nil || j < 0 || j >= len(d.Components) {
				continue
			}
			if n++; n > form.MaxScans {
				return nil, "", form.TooManyScans()
			}
			fh, err := os.Open(u.Path)
			if err != nil {
				return nil, "", fmt.Errorf("web: open spooled scan: %w", err)
			}
			up, err := s.svc.Upload(ctx, actor, u.Name, fh)
			fh.Close()
			if e, ok := apperr.As(err); ok {
				// Name the file: the officer may have scanned several.
				vi, en = append(vi, u.Name+": "+e.MessageVi), append(en, u.Name+": "+e.Message)
				continue
			} else if err != nil {
				return nil, "", err
			}
			files[j] = append(files[j], up)
		}
	}
	var marks []dossier.ComponentFiles
	var sums []string
	for j, c := range d.Components {
		ids := make([]string, 0, len(files[j]))
		shas := make([]string, 0, len(files[j]))
		for _, fl := range files[j] {
			ids, shas = append(ids, fl.ID), append(shas, fl.SHA256)
		}
		typed["kept_scan_"+strconv.Itoa(j)] = ids
		ticked := slices.Contains(f["digitize"], strconv.Itoa(j))
		if len(ids) == 0 && !ticked {
			continue
		}
		marks = append(marks, dossier.ComponentFiles{Name: c.Name, Digitized: true, FileIDs: ids})
		slices.Sort(shas)
		sums = append(sums, fmt.Sprintf("%d:%t:%s", j, ticked, strings.Join(shas, ",")))
	}
	if m != nil && m.Cut {
		return nil, "", apperr.Newf(apperr.TooLarge, "form_too_large", translate("vi", "counter.too_large"), translate("en", "counter.too_large"), maxCounterBody>>20)
	}
	if len(vi) > 0 {
		return nil, "", apperr.New(apperr.Invalid, "scan_refused", translate("vi", "counter.scans_refused", strings.Join(vi, " ")),
			translate("en", "counter.scans_refused", strings.Join(en, " ")))
	}
	return marks, strings.Join(sums, "\n"), nil
}

// counterReceive receives a dossier from the check page: the scans are
// uploaded first, then the receive action carries the components they
// digitize, in the one transaction of the event.
func (s *Server) counterReceive(w http.ResponseWriter, r *http.Request, sess *session, d *dossier.Dossier, back string, typed url.Values, fail func(error)) {
	ctx := r.Context()
	m, _ := ctx.Value(scanFormKey{}).(*citMultipart)
	marks, sums, err := s.counterScans(ctx, sess.Actor, d, m, typed)
	if err != nil {
		fail(err)
		return
	}
	a, err := s.actionInput(r)
	if err != nil {
		fail(err)
		return
	}
	a.Input.Components = marks
	// By content, not by upload id: a resent form uploads its scans again
	// under new ids and must still be known as the same request.
	hash := service.RequestHash("web-receive", strconv.FormatInt(d.ID, 10), a.Fields.Encode(), sums)
	err = s.act(ctx, sess.Actor, d.ID, a.Version, a.Input, a.Key, hash)
	if err != nil {
		fail(err)
		return
	}
	http.Redirect(w, r, back+"?ok=act_receive", http.StatusSeeOther)
}
