package web

import (
	"context"
	"errors"
	"io"
	"mime/multipart"
	"net/http"
	"net/url"
	"os"
	"slices"
	"strconv"
	"strings"

	"github.com/motcua/motcua/internal/apperr"
	"github.com/motcua/motcua/internal/catalog"
	"github.com/motcua/motcua/internal/dossier"
	"github.com/motcua/motcua/internal/locale"
	"github.com/motcua/motcua/internal/model"
	"github.com/motcua/motcua/internal/org"
	"github.com/motcua/motcua/internal/service"
)

// Citizen forms with files: the multipart post read part by part and spooled to disk,
// the files kept across a refused attempt.

// citFieldError is a message shown at the top of a form and beside its field.
type citFieldError struct {
	Field string // the id of the input it belongs to
	Label string // what the field is called, for the summary
	Msg   string
}

// citForm is what a form with files needs to come back after an error.
type citForm struct {
	Errors     []citFieldError
	Components []citComp
}

// Errs are the messages for the field with this id.
func (f *citForm) Errs(field string) []string {
	var out []string
	for _, e := range f.Errors {
		if e.Field == field {
			out = append(out, e.Msg)
		}
	}
	return out
}

func (f *citForm) fail(field, label, msg string) {
	label = strings.TrimRight(label, ";:,. ") // catalog names end with their list's punctuation
	f.Errors = append(f.Errors, citFieldError{Field: field, Label: label, Msg: msg})
}

// citComp is one paper of the form: its file input and the files already
// uploaded for it.
type citComp struct {
	Index          int
	Name           string
	CopiesOriginal int
	CopiesCopy     int
	// Requirement is catalog.Required, Conditional (with Condition, the
	// case in which it is asked) or Optional.
	Requirement, Condition string
	Kept                   []citKept
	// DocID: a document of the person's data store chosen for this paper
	// instead of an upload (Circular 01/2023 Art. 24); 0 for none.
	DocID int64
}

// DocField is the name of the component's choice from the data store.
func (c citComp) DocField() string { return "doc_" + strconv.Itoa(c.Index) }

// FieldID is the id of the component's file input.
func (c citComp) FieldID() string { return "file-" + strconv.Itoa(c.Index) }

type citKept struct {
	ID, Name, Size string
	sha            string
}

func (c citComp) fileIDs() []string {
	ids := make([]string, 0, len(c.Kept))
	for _, k := range c.Kept {
		ids = append(ids, k.ID)
	}
	return ids
}

func (c *citComp) keep(f model.File) {
	if slices.ContainsFunc(c.Kept, func(k citKept) bool { return k.ID == f.ID }) {
		return
	}
	c.Kept = append(c.Kept, citKept{ID: f.ID, Name: f.Name, Size: citSize(f.Size), sha: f.SHA256})
}

func citSize(n int64) string {
	switch {
	case n >= 1<<20:
		return strconv.FormatFloat(float64(n)/(1<<20), 'f', 1, 64) + " MB"
	case n >= 1<<10:
		return strconv.FormatInt((n+1023)>>10, 10) + " KB"
	}
	return strconv.FormatInt(n, 10) + " B"
}

// citComponents lists a procedure's papers as form inputs; extra is added at
// the end (for supplements: anything the agency asked that is not listed).
//
// Only the papers an online filing may carry are offered (the paper
// declaration is the counter's; the e-form is online), each marked
// required, conditional with its case in plain words, or optional (issue 21
// item 2); the counts of originals and copies mean nothing online and are
// not shown. Index stays the paper's place in the procedure, which the post
// refers to.
func citComponents(p catalog.Procedure, extra string) []citComp {
	var out []citComp
	for _, c := range p.ComponentsFor(string(dossier.ChannelOnline)) {
		out = append(out, citComp{Index: c.Index, Name: c.Name, Requirement: string(c.Requirement), Condition: c.Condition})
	}
	if extra != "" || len(out) == 0 {
		if extra == "" {
			extra = citAttached
		}
		out = append(out, citComp{Index: len(p.Components), Name: extra, Requirement: string(catalog.Optional)})
	}
	return out
}

// citUpload is one file part of a post, spooled to disk.
type citUpload struct {
	Field string
	Name  string
	Path  string
	Size  int64 // as sent, even beyond what was kept
}

// citMultipart is a multipart form read part by part. When the body goes
// over the limit, what came before is kept (Cut): the text fields come first
// in the page's forms, so a person who sent too many photos at once loses
// neither what they typed nor the files that arrived.
type citMultipart struct {
	Values url.Values
	Files  []citUpload
	Cut    bool
	dir    string
}

func (m *citMultipart) cleanup() {
	if m != nil && m.dir != "" {
		os.RemoveAll(m.dir)
	}
}

func citTooLarge(err error) bool {
	var e *http.MaxBytesError
	return errors.As(err, &e)
}

func citBadForm() error {
	return apperr.New(apperr.BadInput, "form_unreadable", translate("vi", "cit.err_bad_form"), translate("en", "cit.err_bad_form"))
}

// readUploadPost reads a multipart post of at most limit bytes and checks
// its CSRF token. When it returns false it has answered the request; the
// caller defers m.cleanup() either way, to remove what arrived.
func (s *Server) readUploadPost(w http.ResponseWriter, r *http.Request, limit int64) (*citMultipart, bool) {
	m, err := citReadMultipart(w, r, limit)
	if err == nil {
		var names []string
		for _, f := range m.Files {
			names = append(names, f.Field, f.Name)
		}
		err = checkFormText(m.Values, nil, names...)
	}
	if err == nil {
		err = checkCSRF(r)
	}
	if err != nil {
		s.renderError(w, r, err)
		return m, false
	}
	return m, true
}

// citReadMultipart reads a multipart post within limit bytes, files to a
// temporary directory, and makes the text fields the request's PostForm so
// that checkCSRF can run on them.
func citReadMultipart(w http.ResponseWriter, r *http.Request, limit int64) (*citMultipart, error) {
	r.Body = http.MaxBytesReader(w, r.Body, limit)
	m := &citMultipart{Values: url.Values{}}
	r.PostForm = m.Values
	mr, err := r.MultipartReader()
	if err != nil {
		return m, citBadForm()
	}
	var text int64
	for n := 0; ; n++ {
		p, err := mr.NextPart()
		if err == io.EOF {
			return m, nil
		}
		if err != nil {
			if citTooLarge(err) {
				m.Cut = true
				return m, nil
			}
			return m, citBadForm()
		}
		if n >= citMaxParts {
			return m, citBadForm()
		}
		field := p.FormName()
		if field == "" {
			continue
		}
		if p.FileName() == "" {
			b, err := io.ReadAll(io.LimitReader(p, citMaxText-text+1))
			if citTooLarge(err) {
				m.Cut = true
				return m, nil
			}
			text += int64(len(b))
			if err != nil || text > citMaxText {
				return m, citBadForm()
			}
			m.Values.Add(field, string(b))
			continue
		}
		if err := m.spool(p, field); err != nil {
			if citTooLarge(err) {
				m.Cut = true
				return m, nil
			}
			return m, err
		}
	}
}

// spool writes one file part to disk: at most one byte more than the
// service accepts, so that the service itself says the file is too large.
func (m *citMultipart) spool(p *multipart.Part, field string) error {
	if m.dir == "" {
		dir, err := os.MkdirTemp("", "motcua-upload-")
		if err != nil {
			return err
		}
		m.dir = dir
	}
	f, err := os.CreateTemp(m.dir, "part-")
	if err != nil {
		return err
	}
	n, err := io.Copy(f, io.LimitReader(p, service.MaxFileSize+1))
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil && n > service.MaxFileSize {
		var rest int64
		rest, err = io.Copy(io.Discard, p)
		n += rest
	}
	if err != nil {
		if citTooLarge(err) {
			return err
		}
		return citBadForm()
	}
	m.Files = append(m.Files, citUpload{Field: field, Name: p.FileName(), Path: f.Name(), Size: n})
	return nil
}

// citCollectFiles gathers the files of each component: those uploaded by an
// earlier attempt (kept_<i>, checked to be the person's own) and the new
// ones, each through svc.Upload. A refused file becomes an error naming it;
// the accepted ones are kept for the next attempt either way.
func (s *Server) citCollectFiles(ctx context.Context, actor org.Actor, lang string, m *citMultipart, st *citForm) {
	for i := range st.Components {
		c := &st.Components[i]
		for _, id := range m.Values["kept_"+strconv.Itoa(c.Index)] {
			if f, err := s.svc.OwnFile(ctx, actor, id); err == nil {
				c.keep(f)
			}
		}
	}
	for _, u := range m.Files {
		i := slices.IndexFunc(st.Components, func(c citComp) bool { return u.Field == "file_"+strconv.Itoa(c.Index) })
		if i < 0 {
			continue
		}
		c := &st.Components[i]
		fh, err := os.Open(u.Path)
		if err != nil {
			st.fail(c.FieldID(), c.Name, translate(lang, "cit.err_read", u.Name))
			continue
		}
		f, err := s.svc.Upload(ctx, actor, u.Name, fh)
		fh.Close()
		if err != nil {
			st.fail(c.FieldID(), c.Name, citUploadError(lang, u, err))
			continue
		}
		c.keep(f)
	}
	if m.Cut {
		st.fail(st.Components[0].FieldID(), "", translate(lang, "cit.err_total", citMaxPost>>20))
	}
}

// citUploadError names the refused file in the person's language.
func citUploadError(lang string, u citUpload, err error) string {
	e, ok := apperr.As(err)
	if !ok {
		return translate(lang, "error.internal")
	}
	switch e.Code {
	case "file_type":
		return translate(lang, "cit.err_type", u.Name)
	case "file_too_large":
		return translate(lang, "cit.err_size", u.Name, citSize(u.Size), service.MaxFileSize>>20)
	case "file_empty":
		return translate(lang, "cit.err_empty", u.Name)
	case "upload_read":
		return translate(lang, "cit.err_read", u.Name)
	}
	return locale.Error(locale.Parse(lang), e)
}

// citFilesHash fingerprints the papers by content, not by upload id: a form
// sent twice uploads its files twice under new ids, and must still be
// recognised as the same request.
func citFilesHash(comps []citComp) string {
	var b strings.Builder
	for _, c := range comps {
		b.WriteString(c.Name)
		b.WriteByte('\x1f')
		shas := make([]string, 0, len(c.Kept))
		for _, k := range c.Kept {
			shas = append(shas, k.sha)
		}
		slices.Sort(shas)
		b.WriteString(strings.Join(shas, ","))
		if c.DocID > 0 {
			b.WriteString(",doc:" + strconv.FormatInt(c.DocID, 10))
		}
		b.WriteByte('\x1e')
	}
	return b.String()
}

func citTotalFiles(comps []citComp) int {
	n := 0
	for _, c := range comps {
		n += len(c.Kept)
		if c.DocID > 0 {
			n++
		}
	}
	return n
}
