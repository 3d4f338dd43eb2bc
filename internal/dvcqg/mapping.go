package dvcqg

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strconv"
	"time"

	"github.com/motcua/motcua/internal/dossier"
)

// Dossier is what the province reports about one dossier, in plain values.
// The service fills it from its own dossier, agency and procedure mapping
// (codes here are already the national ones); ToWire turns it into the
// wire's strings. Kept a snapshot so an outbox can store it as it was when
// the change happened and resend exactly that.
type Dossier struct {
	Code          string // MaHoSo
	ProcedureCode string // MaTTHC, the national code
	ProcedureName string // TenTTHC, as the national catalogue gives it
	SectorCode    string // MaLinhVuc
	SectorName    string // TenLinhVuc
	Channel       dossier.Channel
	Status        dossier.Status
	ReturnMethod  dossier.ReturnMethod

	ApplicantName  string
	Organisation   bool   // LoaiDoiTuong 2, else 1
	ApplicantID    string // MaDoiTuong: ID number or tax code
	ApplicantEmail string
	ApplicantPhone string
	Summary        string // TrichYeuHoSo
	ReceiptNumber  string // SoBienNhan

	ReceivedAt time.Time // NgayTiepNhan; zero while not received
	DueAt      time.Time // NgayHenTra, the current due date
	FinishedAt time.Time // NgayKetThucXuLy
	ReturnedAt time.Time // NgayTra
	ReturnInfo string    // ThongTinTra
	Agency     string    // DonViXuLy, the processing agency's name
	Note       string    // GhiChu

	PaidOnline    bool
	VNeIDVerified bool

	Files       []File
	Fees        []Fee
	Supplements []Supplement
	Results     []ResultPaper
}

// File is one submitted file with the link the peer fetches it from.
type File struct {
	ID            string
	Name          string
	ComponentCode string
	URL           string
	Deleted       bool
	Digitized     bool
	Reused        bool
}

// Fee is one fee or charge.
type Fee struct {
	Name      string
	Code      string
	AmountVND int64
	Kind      string // LoaiPhiLePhi as the province's platform codes it
	Method    string // HinhThucThu
}

// Supplement is one supplementation round; NewDueAt is the appointment the
// applicant gets once the papers are in (NgayHenTraMoi).
type Supplement struct {
	ID            string
	RequestedBy   string
	Content       string
	RequestedAt   time.Time
	ReceivedBy    string
	ReceivedAt    time.Time
	Status        string
	PreviousDueAt time.Time
	NewDueAt      time.Time
}

// ResultPaper is one result with the link to the e-result.
type ResultPaper struct {
	ID            string
	Name          string
	ComponentCode string
	URL           string
}

// Progress is one processing step to report.
type Progress struct {
	DossierCode string
	Actor       string // NguoiXuLy
	Title       string // ChucDanh
	Division    string // PhongBanXuLy
	At          time.Time
	Content     string // NoiDungXuLy
	Status      dossier.Status
	StepStart   time.Time
	StepDue     time.Time // NgayKetThucTheoQuyDinh, under the internal process
}

// ToWire maps a dossier to the wire. It refuses what the peer would refuse
// for want of a value only we can supply (codes, status), so the outbox
// dead-letters at once instead of retrying a message that cannot pass.
func ToWire(d Dossier, t StatusTable) (WireDossier, error) {
	if d.Code == "" || d.ProcedureCode == "" {
		return WireDossier{}, fmt.Errorf("dvcqg: dossier %q: dossier and national procedure codes are required", d.Code)
	}
	st, err := t.Code(d.Status)
	if err != nil {
		return WireDossier{}, fmt.Errorf("dvcqg: dossier %s: %w", d.Code, err)
	}
	w := WireDossier{
		MaHoSo: d.Code, MaTTHC: d.ProcedureCode, TenTTHC: d.ProcedureName,
		MaLinhVuc: d.SectorCode, TenLinhVuc: d.SectorName,
		ChuHoSo: d.ApplicantName, LoaiDoiTuong: "1", MaDoiTuong: d.ApplicantID,
		Email: d.ApplicantEmail, SoDienThoai: d.ApplicantPhone,
		TrichYeuHoSo: d.Summary, SoBienNhan: d.ReceiptNumber,
		NgayTiepNhan: FormatTime(d.ReceivedAt), NgayHenTra: FormatTime(d.DueAt),
		TrangThaiHoSo: st, NgayTra: FormatTime(d.ReturnedAt), ThongTinTra: d.ReturnInfo,
		HinhThuc: returnCode(d.ReturnMethod), NgayKetThucXuLy: FormatTime(d.FinishedAt),
		DonViXuLy: d.Agency, GhiChu: d.Note,
		DuocThanhToanTrucTuyen:      flag(d.PaidOnline),
		TaiKhoanDuocXacThucVoiVNeID: flag(d.VNeIDVerified),
	}
	if d.Organisation {
		w.LoaiDoiTuong = "2"
	}
	if c := d.Channel.Code(); c != 0 {
		w.KenhThucHien = strconv.Itoa(c)
	}
	for _, f := range d.Files {
		w.TaiLieuNop = append(w.TaiLieuNop, WireDocument{
			TepDinhKemId: f.ID, TenTepDinhKem: f.Name, IsDeleted: WireBool(f.Deleted),
			MaThanhPhanHoSo: f.ComponentCode, DuongDanTaiTepTin: f.URL,
			DuocSoHoa: flag(f.Digitized), DuocLayTuKhoDMQG: flag(f.Reused),
		})
	}
	for _, f := range d.Fees {
		w.DanhSachLePhi = append(w.DanhSachLePhi, WireFee{TenPhiLePhi: f.Name, MaPhiLePhi: f.Code,
			HinhThucThu: f.Method, Gia: strconv.FormatInt(f.AmountVND, 10), LoaiPhiLePhi: f.Kind})
	}
	for _, s := range d.Supplements {
		w.DanhSachHoSoBoSung = append(w.DanhSachHoSoBoSung, WireSupplement{
			HoSoBoSungId: s.ID, NguoiYeuCauBoSung: s.RequestedBy, NoiDungBoSung: s.Content,
			NgayBoSung: FormatTime(s.RequestedAt), NguoiTiepNhanBoSung: s.ReceivedBy,
			NgayTiepNhanBoSung: FormatTime(s.ReceivedAt), TrangThaiBoSung: s.Status,
			NgayHenTraTruoc: FormatTime(s.PreviousDueAt), NgayHenTraMoi: FormatTime(s.NewDueAt),
		})
	}
	for _, r := range d.Results {
		w.DanhSachGiayToKetQua = append(w.DanhSachGiayToKetQua, WireResultPaper{TenGiayTo: r.Name,
			MaThanhPhanHoSo: r.ComponentCode, GiayToId: r.ID, DuongDanTepTinKetQua: r.URL})
	}
	return w, nil
}

// returnCode is HinhThuc: "1" by post, "0" otherwise. The evidence knows no
// code for an electronic return; it goes as "0" with ThongTinTra saying so,
// a point a province checks against its platform.
func returnCode(m dossier.ReturnMethod) string {
	if m == dossier.ReturnPostal {
		return "1"
	}
	return "0"
}

// flag is a wire boolean sent only when true: an absent flag reads as false,
// and older platform versions refuse fields they do not know less often
// when fewer are sent.
func flag(b bool) string {
	if b {
		return WireBool(true)
	}
	return ""
}

// ProgressToWire maps a step to the wire.
func ProgressToWire(p Progress, t StatusTable) (WireProgress, error) {
	if p.DossierCode == "" || p.At.IsZero() {
		return WireProgress{}, fmt.Errorf("dvcqg: progress of %q: dossier code and time are required", p.DossierCode)
	}
	st, err := t.Code(p.Status)
	if err != nil {
		return WireProgress{}, fmt.Errorf("dvcqg: progress of %s: %w", p.DossierCode, err)
	}
	return WireProgress{
		MaHoSo: p.DossierCode, NguoiXuLy: p.Actor, ChucDanh: p.Title, PhongBanXuLy: p.Division,
		ThoiDiemXuLy: FormatTime(p.At), NoiDungXuLy: p.Content, TrangThai: st,
		NgayBatDau: FormatTime(p.StepStart), NgayKetThucTheoQuyDinh: FormatTime(p.StepDue),
	}, nil
}

// Inbound is a dossier filed on DVCQG, as the province reads it. Codes are
// the national ones: the service maps ProcedureCode and Agency through the
// administrator's tables and lists what does not map.
type Inbound struct {
	Code          string
	ProcedureCode string
	ProcedureName string
	SectorCode    string
	Organisation  bool
	ApplicantName string
	ApplicantID   string
	Email         string
	Phone         string
	Summary       string
	FiledAt       time.Time // NgayTiepNhan when DVCQG gives it; zero otherwise
	DueAt         time.Time
	StatusCode    string
	ByPost        bool
	Agency        string
	Files         []File
	// Fingerprint identifies the content: the same code with another
	// fingerprint is a changed repeat, which the province refuses.
	Fingerprint string
}

// FromWire reads an inbound dossier. Times that do not parse are an error:
// a due date read wrong would mislead every figure after it.
func FromWire(w WireDossier) (Inbound, error) {
	in := Inbound{
		Code: w.MaHoSo, ProcedureCode: w.MaTTHC, ProcedureName: w.TenTTHC, SectorCode: w.MaLinhVuc,
		Organisation: w.LoaiDoiTuong == "2", ApplicantName: w.ChuHoSo, ApplicantID: w.MaDoiTuong,
		Email: w.Email, Phone: w.SoDienThoai, Summary: w.TrichYeuHoSo, StatusCode: w.TrangThaiHoSo,
		ByPost: w.HinhThuc == "1", Agency: w.DonViXuLy,
	}
	var err error
	if in.FiledAt, err = ParseTime(w.NgayTiepNhan); err != nil {
		return Inbound{}, fmt.Errorf("dvcqg: dossier %s NgayTiepNhan: %w", w.MaHoSo, err)
	}
	if in.DueAt, err = ParseTime(w.NgayHenTra); err != nil {
		return Inbound{}, fmt.Errorf("dvcqg: dossier %s NgayHenTra: %w", w.MaHoSo, err)
	}
	for _, d := range w.TaiLieuNop {
		if d.IsDeleted == "True" || d.IsDeleted == "1" {
			continue
		}
		in.Files = append(in.Files, File{ID: d.TepDinhKemId, Name: d.TenTepDinhKem,
			ComponentCode: d.MaThanhPhanHoSo, URL: d.DuongDanTaiTepTin,
			Digitized: d.DuocSoHoa == "True", Reused: d.DuocLayTuKhoDMQG == "True"})
	}
	in.Fingerprint = Fingerprint(w)
	return in, nil
}

// Fingerprint is the SHA-256 of the dossier's JSON. encoding/json writes
// struct fields in declaration order, so equal dossiers give equal prints.
func Fingerprint(w WireDossier) string {
	b, _ := json.Marshal(w) // only strings and slices of them: cannot fail
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}
