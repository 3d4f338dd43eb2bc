package form

import (
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/motcua/motcua/internal/apperr"
	"github.com/motcua/motcua/internal/catalog"
	"github.com/motcua/motcua/internal/dossier"
	"github.com/motcua/motcua/internal/locale"
	"github.com/motcua/motcua/internal/service"
	"github.com/motcua/motcua/internal/textfold"
)

// MaxScans bounds the scans of one reception at the counter.
const MaxScans = 20

func init() {
	locale.Add(map[string][2]string{
		"counter.no_components":  {"Hãy đánh dấu ít nhất một giấy tờ đã nhận.", "Tick at least one paper received."},
		"counter.count_bad":      {"Số bản chính, bản sao là số nguyên từ 0 đến 99.", "The number of originals and copies is a whole number from 0 to 99."},
		"counter.too_many_files": {"Tối đa %d tệp quét cho một lần tiếp nhận.", "At most %d scanned files per dossier."},
	})
}

// CounterNew is the counter's reception form (templates/counter_new.html):
// the person present, the papers ticked against the procedure's components
// with their counts, and the scans attached to them.
type CounterNew struct {
	Input service.NewDossier
	Scans []Scan
}

// Scan is one scanned paper of the reception, with its size for the
// request hash (a resent form uploads again under new ids).
type Scan struct {
	service.CounterScan
	Size int64
}

// ParseCounterNew reads the reception form against the procedure p.
func ParseCounterNew(r *http.Request, p catalog.Procedure) (*CounterNew, error) {
	f := r.PostForm
	in := service.NewDossier{ProcedureCode: p.Code, Channel: dossier.ChannelCounter, AgencyCode: strings.TrimSpace(f.Get("agency")),
		ReturnMethod: dossier.ReturnMethod(f.Get("return_method")),
		Applicant: dossier.Applicant{Name: f.Get("name"), IDNumber: f.Get("id_number"), Phone: f.Get("phone"),
			Email: f.Get("email"), Address: f.Get("address")}}
	var files map[string][]*multipart.FileHeader
	if r.MultipartForm != nil {
		files = r.MultipartForm.File
	}
	var scans []Scan
	add := func(field string, comp int) {
		for _, fh := range files[field] {
			scans = append(scans, Scan{service.CounterScan{Component: comp, Name: fh.Filename,
				Open: func() (io.ReadCloser, error) { return fh.Open() }}, fh.Size})
		}
	}
	ticked := f["c"]
	for i, c := range p.Components {
		field := fmt.Sprintf("file_%d", i)
		if !slices.Contains(ticked, strconv.Itoa(i)) && len(files[field]) == 0 {
			continue // a scanned paper was received even when its box was left blank
		}
		o, err := parseCount(f.Get(fmt.Sprintf("orig_%d", i)))
		if err != nil {
			return nil, err
		}
		cp, err := parseCount(f.Get(fmt.Sprintf("copy_%d", i)))
		if err != nil {
			return nil, err
		}
		add(field, len(in.Components))
		in.Components = append(in.Components, dossier.ComponentFiles{Name: textfold.NFC(c.Name), Originals: o, Copies: cp})
	}
	if other := textfold.NFC(f.Get("other_name")); other != "" {
		add("file_other", len(in.Components))
		in.Components = append(in.Components, dossier.ComponentFiles{Name: other})
	}
	if len(in.Components) == 0 {
		return nil, apperr.New(apperr.Invalid, "components_required", locale.Text(locale.VI, "counter.no_components"), locale.Text(locale.EN, "counter.no_components"))
	}
	if len(scans) > MaxScans {
		return nil, TooManyScans()
	}
	return &CounterNew{Input: in, Scans: scans}, nil
}

// TooManyScans is the refusal of more than MaxScans scans in one reception,
// whether entered with the dossier or at its check.
func TooManyScans() error {
	return apperr.Newf(apperr.Invalid, "too_many_files", locale.Text(locale.VI, "counter.too_many_files"), locale.Text(locale.EN, "counter.too_many_files"), MaxScans)
}

// parseCount reads a number of originals or copies; blank is none.
func parseCount(s string) (int, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 || n > 99 {
		return 0, apperr.New(apperr.Invalid, "count_invalid", locale.Text(locale.VI, "counter.count_bad"), locale.Text(locale.EN, "counter.count_bad"))
	}
	return n, nil
}
