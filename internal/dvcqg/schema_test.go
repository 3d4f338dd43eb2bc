package dvcqg

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
)

func syncBody(t *testing.T, mutate func(m map[string]any)) []byte {
	t.Helper()
	w, err := ToWire(sampleDossier(), DefaultStatusTable())
	if err != nil {
		t.Fatal(err)
	}
	b, _ := json.Marshal(WireRequest{Session: "s", UnitCode: "u", Service: ServiceSyncDossier, IsUpdating: "False", Data: []WireDossier{w}})
	var env map[string]any
	_ = json.Unmarshal(b, &env)
	if mutate != nil {
		mutate(env)
	}
	b, _ = json.Marshal(env)
	return b
}

func dossierOf(env map[string]any) map[string]any {
	return env["data"].([]any)[0].(map[string]any)
}

// The schema refuses what a real peer would: fields under other names,
// missing required ones, times in another format, codes outside their sets
// (field list of RULES-VN.md §12 and DVCQG-NOTES.md).
func TestSchemaRefusesMalformed(t *testing.T) {
	v, err := SchemaValidator()
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name   string
		mutate func(m map[string]any)
		path   string // a problem must name this location
	}{
		{"misspelt field name MaHoso", func(m map[string]any) { d := dossierOf(m); d["MaHoso"] = d["MaHoSo"]; delete(d, "MaHoSo") }, "/data/0"},
		{"unknown field beside the right ones (a typo'd duplicate)", func(m map[string]any) { dossierOf(m)["NgayHenTraa"] = "20261204170000" }, "/data/0"},
		{"required TrangThaiHoSo missing", func(m map[string]any) { delete(dossierOf(m), "TrangThaiHoSo") }, "/data/0"},
		{"required Email key missing (may be empty, not absent)", func(m map[string]any) { delete(dossierOf(m), "Email") }, "/data/0"},
		{"time not yyyyMMddHHmmss", func(m map[string]any) { dossierOf(m)["NgayHenTra"] = "2026-12-04 17:00" }, "/data/0/NgayHenTra"},
		{"time with month 13", func(m map[string]any) { dossierOf(m)["NgayTiepNhan"] = "20261301090000" }, "/data/0/NgayTiepNhan"},
		{"LoaiDoiTuong not 1 or 2", func(m map[string]any) { dossierOf(m)["LoaiDoiTuong"] = "3" }, "/data/0/LoaiDoiTuong"},
		{"HinhThuc not 0 or 1", func(m map[string]any) { dossierOf(m)["HinhThuc"] = "2" }, "/data/0/HinhThuc"},
		{"status code not a number", func(m map[string]any) { dossierOf(m)["TrangThaiHoSo"] = "received" }, "/data/0/TrangThaiHoSo"},
		{"number sent as a JSON number", func(m map[string]any) {
			dossierOf(m)["DanhSachLePhi"].([]any)[0].(map[string]any)["Gia"] = 8000
		}, "/data/0/DanhSachLePhi/0/Gia"},
		{"attachment link not http(s)", func(m map[string]any) {
			dossierOf(m)["TaiLieuNop"].([]any)[0].(map[string]any)["DuongDanTaiTepTin"] = "file:///etc/passwd"
		}, "/data/0/TaiLieuNop/0/DuongDanTaiTepTin"},
		{"isUpdating not True/False", func(m map[string]any) { m["isUpdating"] = "yes" }, "/isUpdating"},
		{"empty data", func(m map[string]any) { m["data"] = []any{} }, "/data"},
		{"no session", func(m map[string]any) { delete(m, "session") }, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := v.ValidateRequest(syncBody(t, c.mutate))
			var se *SchemaError
			if !errors.As(err, &se) {
				t.Fatalf("accepted or not a schema error: %v", err)
			}
			found := false
			for _, p := range se.Problems {
				found = found || p.Path == c.path || (c.path != "" && strings.HasPrefix(p.Path, c.path))
			}
			if !found {
				t.Errorf("no problem at %q: %v", c.path, se.Problems)
			}
		})
	}
	if err := v.ValidateRequest(syncBody(t, nil)); err != nil {
		t.Fatalf("the unmutated body is refused: %v", err)
	}
	if err := v.ValidateRequest([]byte(`{"service":"XoaHoSo","session":"s","madonvi":"u"}`)); err == nil {
		t.Error("an unknown service passed")
	}
	if err := v.ValidateRequest([]byte(`{not json`)); err == nil {
		t.Error("a body that is not JSON passed")
	}
}

func TestSchemaErrorMessageNamesProblems(t *testing.T) {
	v, _ := SchemaValidator()
	err := v.ValidateRequest(syncBody(t, func(m map[string]any) { dossierOf(m)["HinhThuc"] = "2" }))
	if err == nil || !strings.Contains(err.Error(), "/data/0/HinhThuc") {
		t.Fatalf("message %q does not name the field", err)
	}
}
