package peer

import (
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/motcua/motcua/internal/dvcqg"
)

// DemoProcedures is the peer's catalogue: three procedures of the
// province's own list (reference/procedures.json), so a pulled dossier maps
// to a procedure the demo has. Sector codes are placeholders.
func DemoProcedures() []dvcqg.WireProcedure {
	mk := func(code, name, sectorCode, sector, limit string) dvcqg.WireProcedure {
		p := dvcqg.WireProcedure{MaTTHC: code, TenTTHC: name}
		p.LinhVucThucHien = append(p.LinhVucThucHien, struct {
			MaLinhVuc  string `json:"MALINHVUC"`
			TenLinhVuc string `json:"TENLINHVUC"`
		}{sectorCode, sector})
		p.CachThucThucHien = append(p.CachThucThucHien, struct {
			Kenh     string `json:"KENH"`
			ThoiGian string `json:"THOIGIAN"`
		}{"2", limit})
		return p
	}
	return []dvcqg.WireProcedure{
		mk("1.001193", "Thủ tục đăng ký khai sinh", "DEMO-HT", "Hộ tịch", "1 Ngày làm việc"),
		mk("1.004873", "Thủ tục cấp Giấy xác nhận tình trạng hôn nhân", "DEMO-HT", "Hộ tịch", "3 Ngày làm việc"),
		mk("2.000815", "Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan, tổ chức có thẩm quyền của Việt Nam cấp", "DEMO-CT", "Chứng thực", "1 Ngày làm việc"),
	}
}

// DemoDossiers are dossiers as citizens file them on DVCQG: status 1 (Mới
// đăng ký), not yet received, attachments served by the peer under
// fileBase. Names are invented.
func DemoDossiers(fileBase string, filedAt time.Time) []dvcqg.WireDossier {
	fileBase = strings.TrimRight(fileBase, "/")
	type demo struct{ name, id, email, phone, proc, summary string }
	ds := []demo{
		{"Trần Thị Demo", "001190000001", "demo1@example.invalid", "0900000001", "1.001193", "Đăng ký khai sinh cho con"},
		{"Lê Văn Mẫu", "001090000002", "", "0900000002", "1.004873", "Xin xác nhận tình trạng hôn nhân"},
	}
	procs := map[string]dvcqg.WireProcedure{}
	for _, p := range DemoProcedures() {
		procs[p.MaTTHC] = p
	}
	var out []dvcqg.WireDossier
	for i, d := range ds {
		p := procs[d.proc]
		code := fmt.Sprintf("DVCQG-DEMO-%s-%04d", filedAt.In(dvcqg.Zone).Format("060102"), i+1)
		out = append(out, dvcqg.WireDossier{
			MaHoSo: code, MaTTHC: p.MaTTHC, TenTTHC: p.TenTTHC,
			MaLinhVuc: p.LinhVucThucHien[0].MaLinhVuc, TenLinhVuc: p.LinhVucThucHien[0].TenLinhVuc,
			KenhThucHien: "2", ChuHoSo: d.name, LoaiDoiTuong: "1", MaDoiTuong: d.id,
			Email: d.email, SoDienThoai: d.phone, TrichYeuHoSo: d.summary,
			NgayTiepNhan: "", NgayHenTra: "", TrangThaiHoSo: "1", HinhThuc: "0",
			DonViXuLy: "Ủy ban nhân dân xã Demo", TaiKhoanDuocXacThucVoiVNeID: "True",
			TaiLieuNop: []dvcqg.WireDocument{{
				TepDinhKemId: fmt.Sprintf("%s-F1", code), TenTepDinhKem: "to-khai.pdf",
				MaThanhPhanHoSo: "TP1", IsDeleted: "False",
				DuongDanTaiTepTin: fileBase + "/files/" + code + "-F1",
			}},
		})
	}
	return out
}

// FileDemo files the demo dossiers, their links pointing at fileBase (the
// URL the peer is served at).
func (p *Peer) FileDemo(fileBase string) ([]dvcqg.WireDossier, error) {
	ds := DemoDossiers(fileBase, p.cfg.Now())
	for _, d := range ds {
		if err := p.File(d); err != nil {
			return nil, err
		}
	}
	return ds, nil
}

// DemoPDF is the file every demo link serves: a minimal PDF, so the
// fetcher's type check passes on it as on a real scan.
var DemoPDF = []byte("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")

func (p *Peer) serveFile(w http.ResponseWriter, r *http.Request) {
	id := strings.TrimPrefix(r.URL.Path, "/files/")
	for _, d := range p.Filed() {
		for _, f := range d.TaiLieuNop {
			if f.TepDinhKemId == id {
				w.Header().Set("Content-Type", "application/pdf")
				_, _ = w.Write(DemoPDF)
				return
			}
		}
	}
	http.NotFound(w, r)
}
