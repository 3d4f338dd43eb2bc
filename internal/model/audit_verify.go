package model

import "github.com/motcua/motcua/internal/audit"

// AuditReport is what VerifyAudit found.
type AuditReport struct {
	Dossiers, Events int64
	Break            *audit.Break       // the first broken link, or nil
	Checkpoints      []audit.Checkpoint // the checkpoints checked, newest first
	CheckpointErr    error              // the first checkpoint that does not hold, or nil
}
