package dvcqg

import (
	"bytes"
	"encoding/json"
	"strings"
)

// Service names of the national API (DVCQG-NOTES.md "Services").
const (
	ServiceSyncDossier    = "DongBoHoSoMC"
	ServiceProgress       = "CapNhatTienDoHoSoMC"
	ServiceGetProcedure   = "LayThuTuc"
	ServiceListProcedures = "LayDanhSachTTHC"
	ServiceLookupDossier  = "TraCuuHoSo"
	// ServicePullDossiers is NOT in the public evidence: no open system shows
	// how a province pulls dossiers filed on DVCQG. The name is ours, and
	// Config.PullService lets a province set the one its platform exposes.
	ServicePullDossiers = "LayDanhSachHoSoMoi"
)

// Answer codes. "0" and "00" are success in the evidence; the others are the
// codes our local peer answers with and a province must check against its
// platform (Config.ExpiredCodes).
const (
	CodeOK             = "0"
	CodeSessionExpired = "401"
	CodeBadPayload     = "400"
	CodeChangedRepeat  = "409"
	CodeUnavailable    = "503"
)

// WireBool is how the evidence spells booleans ("True"/"False").
func WireBool(b bool) string {
	if b {
		return "True"
	}
	return "False"
}

// WireLogin is the body posted to the auth endpoint.
type WireLogin struct {
	Username string `json:"username"`
	Password string `json:"password"`
}

// WireCode is an error_code, which peers send as a number or as a string.
type WireCode string

func (c *WireCode) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if len(b) > 0 && b[0] == '"' {
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		*c = WireCode(s)
		return nil
	}
	if string(b) == "null" {
		*c = ""
		return nil
	}
	*c = WireCode(string(b))
	return nil
}

// OK reports success: "0" or "00" (an absent code is not success).
func (c WireCode) OK() bool { return strings.Trim(string(c), "0") == "" && c != "" }

// WireLoginAnswer is the auth endpoint's answer.
type WireLoginAnswer struct {
	Session   string   `json:"session"`
	ErrorCode WireCode `json:"error_code"`
	Message   string   `json:"error_message,omitempty"`
}

// WireRequest is the envelope of every call to the integration endpoint; the
// service's own fields ride beside the envelope's (DVCQG-NOTES.md
// "Envelope of every call").
type WireRequest struct {
	Session    string `json:"session"`
	UnitCode   string `json:"madonvi"`
	Service    string `json:"service"`
	IsUpdating string `json:"isUpdating,omitempty"` // DongBoHoSoMC
	// Data is []WireDossier for DongBoHoSoMC, []WireProgress for
	// CapNhatTienDoHoSoMC.
	Data          any    `json:"data,omitempty"`
	ProcedureCode string `json:"maTTHC,omitempty"` // LayThuTuc
	DossierCode   string `json:"mahoso,omitempty"` // TraCuuHoSo
	// Paging of LayDanhSachTTHC and of the pull: names not in the evidence.
	Page     string `json:"trang,omitempty"`
	PageSize string `json:"soLuong,omitempty"`
	Since    string `json:"tuThoiDiem,omitempty"` // pull: filed at or after, yyyyMMddHHmmss
}

// WireAnswer is the integration endpoint's answer.
type WireAnswer struct {
	ErrorCode WireCode        `json:"error_code"`
	Message   string          `json:"error_message,omitempty"`
	Result    json.RawMessage `json:"result,omitempty"`
}

// WireDossier is one dossier in DongBoHoSoMC. Required fields carry no
// omitempty: the evidence requires the key even when the value is empty
// (Email, SoDienThoai). Numbers and times are strings.
type WireDossier struct {
	MaHoSo          string `json:"MaHoSo"`
	MaTTHC          string `json:"MaTTHC"`
	TenTTHC         string `json:"TenTTHC"`
	MaLinhVuc       string `json:"MaLinhVuc"`
	TenLinhVuc      string `json:"TenLinhVuc"`
	KenhThucHien    string `json:"KenhThucHien,omitempty"`
	ChuHoSo         string `json:"ChuHoSo,omitempty"`
	LoaiDoiTuong    string `json:"LoaiDoiTuong"`
	MaDoiTuong      string `json:"MaDoiTuong,omitempty"`
	ThongTinKhac    string `json:"ThongTinKhac,omitempty"`
	Email           string `json:"Email"`
	Fax             string `json:"Fax,omitempty"`
	SoDienThoai     string `json:"SoDienThoai"`
	TrichYeuHoSo    string `json:"TrichYeuHoSo"`
	SoBienNhan      string `json:"SoBienNhan,omitempty"`
	NgayTiepNhan    string `json:"NgayTiepNhan"`
	NgayHenTra      string `json:"NgayHenTra"`
	TrangThaiHoSo   string `json:"TrangThaiHoSo"`
	NgayTra         string `json:"NgayTra,omitempty"`
	ThongTinTra     string `json:"ThongTinTra,omitempty"`
	HinhThuc        string `json:"HinhThuc"`
	NgayKetThucXuLy string `json:"NgayKetThucXuLy,omitempty"`
	DonViXuLy       string `json:"DonViXuLy"`
	GhiChu          string `json:"GhiChu,omitempty"`
	// Flags of RULES-VN.md §12 (S9), used by the 766 indicators.
	DuocThanhToanTrucTuyen      string `json:"DuocThanhToanTrucTuyen,omitempty"`
	TaiKhoanDuocXacThucVoiVNeID string `json:"TaiKhoanDuocXacThucVoiVNeID,omitempty"`

	TaiLieuNop             []WireDocument    `json:"TaiLieuNop,omitempty"`
	DanhSachLePhi          []WireFee         `json:"DanhSachLePhi,omitempty"`
	DanhSachTepDinhKemKhac []WireOtherPaper  `json:"DanhSachTepDinhKemKhac,omitempty"`
	DanhSachHoSoBoSung     []WireSupplement  `json:"DanhSachHoSoBoSung,omitempty"`
	DanhSachGiayToKetQua   []WireResultPaper `json:"DanhSachGiayToKetQua,omitempty"`
}

// WireDocument is one submitted file (TaiLieuNop).
type WireDocument struct {
	TepDinhKemId      string `json:"TepDinhKemId"`
	TenTepDinhKem     string `json:"TenTepDinhKem"`
	IsDeleted         string `json:"IsDeleted,omitempty"`
	MaThanhPhanHoSo   string `json:"MaThanhPhanHoSo,omitempty"`
	DuongDanTaiTepTin string `json:"DuongDanTaiTepTin"`
	DuocSoHoa         string `json:"DuocSoHoa,omitempty"`
	DuocLayTuKhoDMQG  string `json:"DuocLayTuKhoDMQG,omitempty"`
}

// WireFee is one fee or charge (DanhSachLePhi).
type WireFee struct {
	TenPhiLePhi  string `json:"TenPhiLePhi"`
	MaPhiLePhi   string `json:"MaPhiLePhi,omitempty"`
	HinhThucThu  string `json:"HinhThucThu,omitempty"`
	Gia          string `json:"Gia"`
	LoaiPhiLePhi string `json:"LoaiPhiLePhi,omitempty"`
}

// WireOtherPaper is one paper listed without a file (DanhSachTepDinhKemKhac).
type WireOtherPaper struct {
	TenGiayTo  string `json:"TenGiayTo"`
	SoLuong    string `json:"SoLuong,omitempty"`
	LoaiGiayTo string `json:"LoaiGiayTo,omitempty"`
}

// WireSupplement is one supplementation round (DanhSachHoSoBoSung).
type WireSupplement struct {
	HoSoBoSungId         string `json:"HoSoBoSungId"`
	NguoiYeuCauBoSung    string `json:"NguoiYeuCauBoSung"`
	NoiDungBoSung        string `json:"NoiDungBoSung"`
	NgayBoSung           string `json:"NgayBoSung"`
	NguoiTiepNhanBoSung  string `json:"NguoiTiepNhanBoSung,omitempty"`
	ThongTinTiepNhan     string `json:"ThongTinTiepNhan,omitempty"`
	NgayTiepNhanBoSung   string `json:"NgayTiepNhanBoSung,omitempty"`
	TrangThaiBoSung      string `json:"TrangThaiBoSung,omitempty"`
	DanhSachGiayToBoSung string `json:"DanhSachGiayToBoSung,omitempty"`
	DanhSachLePhiBoSung  string `json:"DanhSachLePhiBoSung,omitempty"`
	NgayHenTraTruoc      string `json:"NgayHenTraTruoc,omitempty"`
	NgayHenTraMoi        string `json:"NgayHenTraMoi,omitempty"`
}

// WireResultPaper is one result paper with its e-result link
// (DanhSachGiayToKetQua).
type WireResultPaper struct {
	TenGiayTo            string `json:"TenGiayTo"`
	MaThanhPhanHoSo      string `json:"MaThanhPhanHoSo,omitempty"`
	GiayToId             string `json:"GiayToId"`
	DuongDanTepTinKetQua string `json:"DuongDanTepTinKetQua"`
}

// WireProgress is one processing step in CapNhatTienDoHoSoMC.
type WireProgress struct {
	MaHoSo                 string `json:"MaHoSo"`
	NguoiXuLy              string `json:"NguoiXuLy"`
	ChucDanh               string `json:"ChucDanh,omitempty"`
	ThoiDiemXuLy           string `json:"ThoiDiemXuLy"`
	PhongBanXuLy           string `json:"PhongBanXuLy,omitempty"`
	NoiDungXuLy            string `json:"NoiDungXuLy"`
	TrangThai              string `json:"TrangThai"`
	NgayBatDau             string `json:"NgayBatDau,omitempty"`
	NgayKetThucTheoQuyDinh string `json:"NgayKetThucTheoQuyDinh,omitempty"`
}

// WireProcedure is the part of a LayThuTuc / LayDanhSachTTHC result we read.
// The upper-case names are the catalogue's (DVCQG-NOTES.md).
type WireProcedure struct {
	MaTTHC          string `json:"MATTHC"`
	TenTTHC         string `json:"TENTTHC"`
	LinhVucThucHien []struct {
		MaLinhVuc  string `json:"MALINHVUC"`
		TenLinhVuc string `json:"TENLINHVUC"`
	} `json:"LINHVUCTHUCHIEN"`
	CachThucThucHien []struct {
		Kenh     string `json:"KENH"`
		ThoiGian string `json:"THOIGIAN"`
	} `json:"CACHTHUCTHUCHIEN"`
}
