// Package demo loads a demonstration province: agencies, the real procedure
// catalog shipped in data/procedures.json (a crawl of the national procedure
// database), and one user per role. It is only ever loaded by `serve --demo`
// or by tests, never by default.
package demo

import (
	"bytes"
	"context"
	_ "embed"
	"fmt"
	"strings"

	"github.com/motcua/motcua/internal/auth"
	"github.com/motcua/motcua/internal/catalog"
	"github.com/motcua/motcua/internal/org"
	"github.com/motcua/motcua/internal/process"
	"github.com/motcua/motcua/internal/service"
)

//go:embed data/procedures.json
var proceduresJSON []byte

// Procedures parses the shipped catalog.
func Procedures() ([]catalog.Procedure, []catalog.Issue, error) {
	return catalog.ParseFile(bytes.NewReader(proceduresJSON))
}

// Agency codes of the demo province (a fictitious level-1 code, H99).
const (
	ProvincePPC   = "000.00.00.H99"
	Center        = "000.00.01.H99"
	DeptJustice   = "000.00.10.H99"
	DeptFinance   = "000.00.11.H99"
	DeptHome      = "000.00.12.H99"
	DeptAgri      = "000.00.13.H99"
	DeptConstruct = "000.00.14.H99"
	Police        = "000.00.15.H99"
	CommuneA      = "000.01.30.H99"
	CommuneB      = "000.02.30.H99"
)

type agencySpec struct {
	code, name string
	level      org.Level
	kind       org.Kind
	parent     string
	oneStop    string
}

var agencies = []agencySpec{
	{ProvincePPC, "Ủy ban nhân dân tỉnh Mẫu", org.LevelProvince, org.KindPeoplesCommittee, "", ""},
	{Center, "Trung tâm Phục vụ hành chính công tỉnh", org.LevelProvince, org.KindServiceCenter, ProvincePPC, ""},
	{DeptJustice, "Sở Tư pháp", org.LevelProvince, org.KindDepartment, ProvincePPC, Center},
	{DeptFinance, "Sở Tài chính", org.LevelProvince, org.KindDepartment, ProvincePPC, Center},
	{DeptHome, "Sở Nội vụ", org.LevelProvince, org.KindDepartment, ProvincePPC, Center},
	{DeptAgri, "Sở Nông nghiệp và Môi trường", org.LevelProvince, org.KindDepartment, ProvincePPC, Center},
	{DeptConstruct, "Sở Xây dựng", org.LevelProvince, org.KindDepartment, ProvincePPC, Center},
	{Police, "Công an tỉnh", org.LevelProvince, org.KindOther, ProvincePPC, Center},
	{CommuneA, "Ủy ban nhân dân phường Trung Tâm", org.LevelCommune, org.KindPeoplesCommittee, ProvincePPC, ""},
	{CommuneB, "Ủy ban nhân dân xã Hòa Bình", org.LevelCommune, org.KindPeoplesCommittee, ProvincePPC, ""},
}

// User is a demo account.
type User struct {
	Username, Name string
	Role           org.Role
	Agency         string
	IDNumber       string
}

// Users lists the demo accounts; the first six are the ones DESIGN.md names.
var Users = []User{
	{"admin", "Quản trị hệ thống", org.RoleAdmin, ProvincePPC, ""},
	{"counter", "Trần Thị Một Cửa", org.RoleCounter, Center, ""},
	{"specialist", "Lê Văn Thụ Lý", org.RoleSpecialist, DeptJustice, ""},
	{"leader", "Phạm Thị Lãnh Đạo", org.RoleLeader, DeptJustice, ""},
	{"director", "Hoàng Văn Giám Đốc", org.RoleDirector, Center, ""},
	{"citizen", "Nguyễn Văn Dân", org.RoleCitizen, "", "001090012345"},
	{"chair", "Đỗ Văn Chủ Tịch", org.RoleChair, ProvincePPC, ""},
	{"postal", "Bưu điện tỉnh", org.RolePostal, Center, ""},
	{"counter_xa", "Vũ Thị Xã", org.RoleCounter, CommuneA, ""},
	{"specialist_tc", "Ngô Văn Tài Chính", org.RoleSpecialist, DeptFinance, ""},
	// Staff for every step of Bắc Ninh's process for 1.009645 (Decision
	// 1582/QĐ-UBND), loaded below: the department's leader, the agencies
	// it consults, and the provincial People's Committee's leader.
	{"leader_stc", "Trịnh Thị Trưởng Phòng", org.RoleLeader, DeptFinance, ""},
	{"specialist_xd", "Lý Văn Xây Dựng", org.RoleSpecialist, DeptConstruct, ""},
	{"specialist_nn", "Mai Thị Nông Nghiệp", org.RoleSpecialist, DeptAgri, ""},
	{"leader_ubnd", "Đinh Văn Phó Chủ Tịch", org.RoleLeader, ProvincePPC, ""},
}

// investmentProcess is the internal process the demo province approved for
// 1.009645 (investment policy approval, 17 working days): Bắc Ninh's
// twelve steps (Decision 1582/QĐ-UBND, shipped in procedures.json as
// 1.009645.H05), its step 6 consulting the demo's departments of
// construction and of agriculture, which the source does not name.
const investmentProcess = "1.009645.H05"

// loadProcesses saves the demo's approved internal processes as the
// administrator would.
func loadProcesses(ctx context.Context, svc *service.Service) error {
	imported, _, err := process.ParseFile(bytes.NewReader(proceduresJSON))
	if err != nil {
		return fmt.Errorf("demo: processes: %w", err)
	}
	admin := org.Actor{Username: "admin", Name: "Quản trị hệ thống", Role: org.RoleAdmin}
	for _, im := range imported {
		if im.Process.VariantCode != investmentProcess {
			continue
		}
		p := im.Process
		for i := range p.Steps {
			if p.Steps[i].Holder.Kind == process.HolderConsulted {
				p.Steps[i].Holder.Agencies = []string{DeptConstruct, DeptAgri}
			}
		}
		if _, err := svc.SaveProcess(ctx, admin, p); err != nil {
			return fmt.Errorf("demo: process %s: %w", p.VariantCode, err)
		}
	}
	return nil
}

// defaultAgency routes a procedure to the agency that settles it in the demo
// province: commune-level procedures to the first commune, the rest by sector.
func defaultAgency(p catalog.Procedure) string {
	sector := strings.ToLower(p.Sector)
	switch {
	case p.Level == "commune":
		return CommuneA
	case strings.Contains(sector, "hộ tịch") || strings.Contains(sector, "chứng thực") || strings.Contains(sector, "tư pháp"):
		return DeptJustice
	case strings.Contains(sector, "đất đai") || strings.Contains(sector, "môi trường") || strings.Contains(sector, "nông nghiệp"):
		return DeptAgri
	case strings.Contains(sector, "doanh nghiệp") || strings.Contains(sector, "đầu tư") || strings.Contains(sector, "tài chính"):
		return DeptFinance
	case strings.Contains(sector, "cư trú") || strings.Contains(sector, "căn cước") || strings.Contains(sector, "phương tiện") || strings.Contains(sector, "phòng cháy"):
		return Police
	case strings.Contains(sector, "xây dựng") || strings.Contains(sector, "giao thông") || strings.Contains(sector, "giấy phép lái xe"):
		return DeptConstruct
	default:
		return DeptHome
	}
}

// Load creates the demo province if the database has no agencies yet and
// returns the accounts with their password. Loading twice changes nothing.
func Load(ctx context.Context, svc *service.Service, password string) (created bool, err error) {
	if len(svc.Agencies()) > 0 {
		return false, nil // spare the catalog's parsing and the hash; SeedProvince checks again
	}
	procs, issues, err := Procedures()
	if err != nil {
		return false, err
	}
	hash, err := auth.HashPassword(password)
	if err != nil {
		return false, err
	}
	seed := service.Seed{PasswordHash: hash, Procedures: procs, ProcedureAgency: defaultAgency}
	for _, a := range agencies {
		seed.Agencies = append(seed.Agencies, service.SeedAgency{Parent: a.parent, OneStop: a.oneStop,
			Agency: org.Agency{Code: a.code, Name: a.name, Level: a.level, Kind: a.kind}})
	}
	for i, sector := range []string{"Tư pháp – Hộ tịch", "Đất đai – Xây dựng", "Doanh nghiệp – Đầu tư", "Trả kết quả"} {
		seed.Counters = append(seed.Counters, service.SeedCounter{Agency: Center, Code: fmt.Sprintf("Q%02d", i+1), Name: fmt.Sprintf("Quầy %d: %s", i+1, sector)})
	}
	for _, u := range Users {
		seed.Users = append(seed.Users, service.SeedUser{Agency: u.Agency,
			User: org.User{Username: u.Username, Name: u.Name, Role: u.Role, IDNumber: u.IDNumber}})
	}
	created, err = svc.SeedProvince(ctx, seed)
	if err != nil {
		return false, fmt.Errorf("demo: load: %w (%d catalog issues)", err, len(issues))
	}
	if created {
		if err := loadProcesses(ctx, svc); err != nil {
			return false, err
		}
	}
	return created, nil
}

// AgencyName is the name of a demo agency by its code ("—" for none, as a
// citizen has), for the accounts serve --demo prints.
func AgencyName(code string) string {
	for _, a := range agencies {
		if a.code == code {
			return a.name
		}
	}
	return "—"
}
