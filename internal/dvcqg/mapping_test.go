package dvcqg

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/motcua/motcua/internal/apperr"
	"github.com/motcua/motcua/internal/dossier"
)

func sampleDossier() Dossier {
	at := func(d, h int) time.Time { return time.Date(2026, 12, d, h, 0, 0, 0, Zone) }
	return Dossier{
		Code: "000.00.01.H99-261201-0001", ProcedureCode: "1.004873",
		ProcedureName: "Thủ tục cấp Giấy xác nhận tình trạng hôn nhân", SectorCode: "HT", SectorName: "Hộ tịch",
		Channel: dossier.ChannelOnline, Status: dossier.SupplementRequested, ReturnMethod: dossier.ReturnPostal,
		ApplicantName: "Nguyễn Văn A", ApplicantID: "001090000009", ApplicantEmail: "", ApplicantPhone: "0900000009",
		Summary: "Xác nhận tình trạng hôn nhân", ReceivedAt: at(1, 9), DueAt: at(4, 17),
		Agency: "UBND xã A", PaidOnline: true,
		Files: []File{{ID: "F1", Name: "to-khai.pdf", ComponentCode: "TP1", URL: "https://files.example.invalid/F1", Digitized: true}},
		Fees:  []Fee{{Name: "Lệ phí", Code: "LP1", AmountVND: 8000}},
		Supplements: []Supplement{{ID: "S1", RequestedBy: "Cán bộ B", Content: "Bổ sung tờ khai",
			RequestedAt: at(2, 10), PreviousDueAt: at(4, 17), NewDueAt: at(9, 17)}},
		Results: []ResultPaper{{ID: "R1", Name: "Giấy xác nhận", URL: "https://files.example.invalid/R1"}},
	}
}

// The dossier a province reports carries the fields DVCQG reads under their
// published names (RULES-VN.md §12), and passes the schema our peer holds
// it to.
func TestToWireFieldsAndSchema(t *testing.T) {
	w, err := ToWire(sampleDossier(), DefaultStatusTable())
	if err != nil {
		t.Fatal(err)
	}
	b, _ := json.Marshal(w)
	var m map[string]any
	_ = json.Unmarshal(b, &m)
	want := map[string]string{
		"MaHoSo": "000.00.01.H99-261201-0001", "MaTTHC": "1.004873", "TrangThaiHoSo": "5",
		"LoaiDoiTuong": "1", "HinhThuc": "1", "KenhThucHien": "2",
		"NgayTiepNhan": "20261201090000", "NgayHenTra": "20261204170000",
		"Email": "", "SoDienThoai": "0900000009", "DonViXuLy": "UBND xã A", "DuocThanhToanTrucTuyen": "True",
	}
	for k, v := range want {
		if got, ok := m[k]; !ok || got != v {
			t.Errorf("%s = %v (present %v), want %q", k, got, ok, v)
		}
	}
	for _, absent := range []string{"NgayTra", "NgayKetThucXuLy", "TaiKhoanDuocXacThucVoiVNeID"} {
		if _, ok := m[absent]; ok {
			t.Errorf("%s sent although unknown", absent)
		}
	}
	sup := m["DanhSachHoSoBoSung"].([]any)[0].(map[string]any)
	if sup["NgayHenTraMoi"] != "20261209170000" || sup["NgayHenTraTruoc"] != "20261204170000" {
		t.Errorf("supplementation dates %v", sup)
	}
	if m["DanhSachGiayToKetQua"].([]any)[0].(map[string]any)["DuongDanTepTinKetQua"] != "https://files.example.invalid/R1" {
		t.Error("e-result link missing")
	}
	if m["DanhSachLePhi"].([]any)[0].(map[string]any)["Gia"] != "8000" {
		t.Error("fee not a string number")
	}
	v, err := SchemaValidator()
	if err != nil {
		t.Fatal(err)
	}
	req, _ := json.Marshal(WireRequest{Session: "s", UnitCode: "u", Service: ServiceSyncDossier, IsUpdating: "False", Data: []WireDossier{w}})
	if err := v.ValidateRequest(req); err != nil {
		t.Fatalf("our own dossier breaks the schema: %v", err)
	}

	d := sampleDossier()
	d.Organisation = true
	d.ReturnMethod = dossier.ReturnCounter
	w, _ = ToWire(d, DefaultStatusTable())
	if w.LoaiDoiTuong != "2" || w.HinhThuc != "0" {
		t.Errorf("organisation/counter: LoaiDoiTuong %q HinhThuc %q", w.LoaiDoiTuong, w.HinhThuc)
	}
}

func TestToWireRefusesWhatOnlyWeCanSupply(t *testing.T) {
	d := sampleDossier()
	d.ProcedureCode = ""
	if _, err := ToWire(d, DefaultStatusTable()); err == nil {
		t.Error("a dossier without national procedure code mapped")
	}
	d = sampleDossier()
	if _, err := ToWire(d, StatusTable{dossier.Received: "2"}); err == nil {
		t.Error("a status missing from the table mapped to nothing instead of failing")
	}
	if _, err := ProgressToWire(Progress{DossierCode: "X", Status: dossier.Processing}, DefaultStatusTable()); err == nil {
		t.Error("a step without a time mapped")
	}
}

func TestProgressToWire(t *testing.T) {
	p := Progress{DossierCode: "X1", Actor: "Cán bộ B", Title: "Chuyên viên", At: time.Date(2026, 12, 2, 3, 0, 0, 0, time.UTC),
		Content: "Chuyển xử lý", Status: dossier.Processing, StepDue: time.Date(2026, 12, 3, 10, 0, 0, 0, time.UTC)}
	w, err := ProgressToWire(p, DefaultStatusTable())
	if err != nil {
		t.Fatal(err)
	}
	if w.MaHoSo != "X1" || w.TrangThai != "4" || w.ThoiDiemXuLy != "20261202100000" || w.NgayKetThucTheoQuyDinh != "20261203170000" || w.NgayBatDau != "" {
		t.Errorf("%+v", w)
	}
}

func TestFromWireAndFingerprint(t *testing.T) {
	w, _ := ToWire(sampleDossier(), DefaultStatusTable())
	w.TaiLieuNop = append(w.TaiLieuNop, WireDocument{TepDinhKemId: "F0", TenTepDinhKem: "old.pdf", IsDeleted: "True", DuongDanTaiTepTin: "https://x.invalid/0"})
	in, err := FromWire(w)
	if err != nil {
		t.Fatal(err)
	}
	if in.Code != w.MaHoSo || !in.ByPost || in.FiledAt.IsZero() || len(in.Files) != 1 || in.Files[0].ID != "F1" || !in.Files[0].Digitized {
		t.Errorf("%+v", in)
	}
	same, _ := FromWire(w)
	w.TrichYeuHoSo += "!"
	changed, _ := FromWire(w)
	if in.Fingerprint != same.Fingerprint || in.Fingerprint == changed.Fingerprint {
		t.Error("fingerprint does not tell a repeat from a changed repeat")
	}
	w.NgayHenTra = "2026-12-04"
	if _, err := FromWire(w); err == nil {
		t.Error("a due date in another format was read")
	}
}

// A pushed body is read whole or refused whole, with the problems named.
func TestParsePushed(t *testing.T) {
	w, _ := ToWire(sampleDossier(), DefaultStatusTable())
	good, _ := json.Marshal(WirePush{UnitCode: "U1", Data: []WireDossier{w}})
	ins, err := ParsePushed(good, "U1")
	if err != nil || len(ins) != 1 || ins[0].Code != w.MaHoSo {
		t.Fatalf("%v %v", ins, err)
	}
	if _, err := ParsePushed(good, "U2"); err == nil {
		t.Error("a push for another unit was taken")
	}
	bad := strings.Replace(string(good), `"MaHoSo"`, `"MaHoso"`, 1)
	_, err = ParsePushed([]byte(bad), "U1")
	var se *SchemaError
	if !errors.As(err, &se) {
		t.Fatalf("misspelt field: %v", err)
	}
	if ae, ok := apperr.As(err); !ok || ae.Code != "dvcqg_malformed" {
		t.Errorf("client-safe error %v", ae)
	}
	paths := map[string]bool{}
	for _, p := range se.Problems {
		paths[p.Path+" "+p.Message] = true
	}
	if len(se.Problems) < 2 {
		t.Errorf("want both the unknown MaHoso and the missing MaHoSo named, got %v", se.Problems)
	}
}
