package web

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/motcua/motcua/internal/apperr"
	"github.com/motcua/motcua/internal/catalog"
	"github.com/motcua/motcua/internal/dossier"
	"github.com/motcua/motcua/internal/org"
	"github.com/motcua/motcua/internal/service"
	"github.com/motcua/motcua/internal/textfold"
	"github.com/motcua/motcua/internal/web/form"
)

// Reception at the counter: the new-dossier form of the person present (read by web/form).

// sameComponent compares component names ignoring case, accents and spacing.
func sameComponent(a, b string) bool {
	return textfold.Fold(a) == textfold.Fold(b)
}

type newRow struct {
	I       int
	Name    string
	Checked bool
	Orig    string
	Copy    string
}

type counterNewData struct {
	P        catalog.Procedure
	Agency   org.Agency
	Agencies []org.Agency // offered when the procedure has no default agency
	Key      string
	Form     url.Values
	Rows     []newRow
	MaxMB    int
	Methods  []dossier.ReturnMethod
	Rescan   bool // the post carried scans that must be attached again
}

// Val returns a typed value to draw again.
func (d *counterNewData) Val(name string) string { return d.Form.Get(name) }

// maxCounterBody bounds the whole reception post (form.MaxScans its scans).
const maxCounterBody = 5*service.MaxFileSize + 1<<20

func (s *Server) newData(r *http.Request, code string, form url.Values) (*counterNewData, error) {
	pd, err := s.loadProcedure(r, code)
	if err != nil {
		return nil, err
	}
	d := &counterNewData{P: pd.P, Agency: pd.Agency, Key: randomHex(16), Form: form, MaxMB: service.MaxFileSize >> 20,
		Methods: []dossier.ReturnMethod{dossier.ReturnCounter, dossier.ReturnPostal, dossier.ReturnOnline}}
	if d.Form == nil {
		d.Form = url.Values{"return_method": {string(dossier.ReturnCounter)}}
	}
	if pd.Agency.ID == 0 {
		for _, a := range s.svc.Agencies() {
			if a.Active && a.Kind != org.KindServiceCenter {
				d.Agencies = append(d.Agencies, a)
			}
		}
	}
	ticked := d.Form["c"]
	for i, c := range pd.P.Components {
		row := newRow{I: i, Name: c.Name, Orig: strconv.Itoa(c.CopiesOriginal), Copy: strconv.Itoa(c.CopiesCopy)}
		if form != nil {
			row.Checked = slices.Contains(ticked, strconv.Itoa(i))
			row.Orig, row.Copy = form.Get(fmt.Sprintf("orig_%d", i)), form.Get(fmt.Sprintf("copy_%d", i))
		}
		d.Rows = append(d.Rows, row)
	}
	return d, nil
}

func (s *Server) counterNew(w http.ResponseWriter, r *http.Request, sess *session) {
	code := strings.TrimSpace(r.URL.Query().Get("procedure"))
	if code == "" {
		// Say why the form is not there: the procedure comes first.
		http.Redirect(w, r, "/counter?pick=1#recv-h", http.StatusSeeOther)
		return
	}
	d, err := s.newData(r, code, nil)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	s.renderNew(w, r, 200, d, nil)
}

// renderNew shows the counter's filing form, with err beside the field it
// concerns (or at the top when it concerns none).
func (s *Server) renderNew(w http.ResponseWriter, r *http.Request, status int, d *counterNewData, err error) {
	v := s.newView(r, "counter.new_title", d)
	v.Title = v.T("counter.new_title") + ": " + d.P.Name
	if err != nil {
		v.SetError(err)
	}
	s.render(w, r, status, "counter_new", v)
}

// counterCreate records the dossier of the person present. The post is
// multipart when scans are attached (urlencoded without them); each scan
// passes the API's upload checks (PDF, JPEG or PNG by content, at most
// service.MaxFileSize).
func (s *Server) counterCreate(w http.ResponseWriter, r *http.Request, sess *session) {
	r.Body = http.MaxBytesReader(w, r.Body, maxCounterBody)
	if err := r.ParseMultipartForm(8 << 20); err != nil && !errors.Is(err, http.ErrNotMultipart) {
		var maxErr *http.MaxBytesError
		if errors.As(err, &maxErr) {
			s.renderError(w, r, apperr.Newf(apperr.TooLarge, "form_too_large", translate("vi", "counter.too_large"), translate("en", "counter.too_large"), maxCounterBody>>20))
			return
		}
		s.renderError(w, r, apperr.New(apperr.BadInput, "form_invalid", "Không đọc được biểu mẫu.", "The form could not be read."))
		return
	}
	if err := checkCSRF(r); err != nil {
		s.renderError(w, r, err)
		return
	}
	f := r.PostForm
	typed := form.Fields(f)
	d, err := s.newData(r, f.Get("procedure"), typed)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	var in service.NewDossier
	var scans []form.Scan
	cn, err := form.ParseCounterNew(r, d.P)
	if err == nil {
		in, scans = cn.Input, cn.Scans
	}
	var sums []string
	for _, sc := range scans {
		sums = append(sums, fmt.Sprintf("%d:%s:%d", sc.Component, sc.Name, sc.Size))
	}
	var res *service.Result
	if err == nil {
		hash := service.RequestHash("web-counter-new", typed.Encode(), strings.Join(sums, "\n"))
		list := make([]service.CounterScan, len(scans))
		for i, sc := range scans {
			list[i] = sc.CounterScan
		}
		res, err = s.svc.SubmitAtCounter(r.Context(), sess.Actor, in, list, f.Get("key"), hash, func(dd *dossier.Dossier) ([]byte, error) {
			return []byte(strconv.FormatInt(dd.ID, 10)), nil
		})
	}
	if err != nil {
		if e, ok := apperr.As(err); ok && e.Code == "idempotency_key_reused" {
			err = apperr.New(apperr.Conflict, "form_resent", translate("vi", "counter.resent"), translate("en", "counter.resent"))
		}
		// Scans cannot be put back into a file input: say so, whichever
		// field the error concerns.
		d.Rescan = len(scans) > 0
		s.renderNew(w, r, s.httpStatus(r, err), d, err)
		return
	}
	id, _ := strconv.ParseInt(string(res.Body), 10, 64)
	if res.Dossier != nil {
		id = res.Dossier.ID
	}
	http.Redirect(w, r, fmt.Sprintf("/counter/dossiers/%d?ok=counter_new", id), http.StatusSeeOther)
}
