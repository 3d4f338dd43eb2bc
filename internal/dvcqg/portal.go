package dvcqg

import (
	"context"
	"time"
)

// Portal is the national portal as the province sees it. Every outbound
// call takes a delivery key, stable across retries of one message (the
// outbox row's key), so the peer drops a repeat instead of recording a
// step twice.
type Portal interface {
	// SyncDossier creates (isUpdating false) or updates a dossier
	// (DongBoHoSoMC).
	SyncDossier(ctx context.Context, key string, d Dossier, isUpdating bool) error
	// UpdateProgress reports one step (CapNhatTienDoHoSoMC). Send it only
	// after the dossier's SyncDossier succeeded, as OpenCPS does.
	UpdateProgress(ctx context.Context, key string, p Progress) error
	// GetProcedure reads one procedure of the national catalogue (LayThuTuc).
	GetProcedure(ctx context.Context, code string) (Procedure, error)
	// ListProcedures reads a page of the catalogue (LayDanhSachTTHC); page
	// counts from 1.
	ListProcedures(ctx context.Context, page, size int) ([]Procedure, error)
	// LookupDossier reports whether DVCQG has the dossier (TraCuuHoSo), which
	// decides isUpdating and feeds reconciliation.
	LookupDossier(ctx context.Context, code string) (bool, error)
	// PullDossiers reads dossiers filed on DVCQG at or after since. The
	// same dossier may come again: the caller is idempotent by Code and
	// Fingerprint.
	PullDossiers(ctx context.Context, since time.Time) ([]Inbound, error)
}

// Procedure is a procedure of the national catalogue, as far as the
// province reads it.
type Procedure struct {
	Code       string
	Name       string
	SectorCode string
	SectorName string
	Channels   []ProcedureChannel
}

// ProcedureChannel is one way to carry out a procedure with its time limit
// as the catalogue writes it (free text, e.g. "15 Ngày làm việc").
type ProcedureChannel struct {
	Channel   string
	TimeLimit string
}

func procedureFromWire(w WireProcedure) Procedure {
	p := Procedure{Code: w.MaTTHC, Name: w.TenTTHC}
	if len(w.LinhVucThucHien) > 0 {
		p.SectorCode, p.SectorName = w.LinhVucThucHien[0].MaLinhVuc, w.LinhVucThucHien[0].TenLinhVuc
	}
	for _, c := range w.CachThucThucHien {
		p.Channels = append(p.Channels, ProcedureChannel{Channel: c.Kenh, TimeLimit: c.ThoiGian})
	}
	return p
}
